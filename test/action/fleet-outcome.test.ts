/**
 * A fleet's outputs and annotations from its analysis (fleets built from real netperf output,
 * fleet-fixture), and the commands that reproduce a fleet step.
 */
import { parseFleetInputs } from '../../src/action/fleet-inputs.js';
import { fleetNodeLists, fleetSummary, slowNodeMessages } from '../../src/action/fleet-publish.js';
import { fleetReproduceCommands, withReproduceSection } from '../../src/action/fleet-reproduce.js';
import { fleetVerdict } from '../../src/run/fleet-command.js';
import { fleetFixture, SIX_NODES_SLOW_CLIENT } from '../helpers/fleet-fixture.js';

describe('fleet outputs', () => {
  it('an even fleet: no node in any list, PASS', () => {
    const { results, analysis } = fleetFixture({ nodes: 5, samples: 2 });
    expect(fleetNodeLists(analysis)).toEqual({ slow: [], slower: [], outliers: [] });
    expect(fleetVerdict(analysis)).toBe('pass');
    expect(fleetSummary('pass', results, analysis)).toMatch(
      /^PASS: 5 nodes, plan all \(seed 7\), 20 pairs .*; no slow node$/,
    );
    expect(slowNodeMessages(analysis)).toEqual([]);
  });

  it('a node 58 % slower as client: slow and outlier, one message naming it first', () => {
    const { results, analysis } = fleetFixture(SIX_NODES_SLOW_CLIENT);
    const lists = fleetNodeLists(analysis);
    expect(lists.slow).toEqual(['node-4']);
    expect(lists.slower).toEqual([]);
    expect(lists.outliers).toContain('node-4');
    expect(fleetSummary(fleetVerdict(analysis), results, analysis)).toMatch(
      /^SLOW: 6 nodes, .*; slow: node-4$/,
    );
    const messages = slowNodeMessages(analysis);
    expect(messages.map((m) => m.node)).toEqual(['node-4']);
    expect(messages[0]?.message).toMatch(/^node-4 as client: tcp_stream_1 /);
    expect(messages[0]?.message.split('\n')).toHaveLength(1);
  });

  it('a node 3× as fast: an outlier, never slow', () => {
    const { analysis } = fleetFixture({ nodes: 6, samples: 2, server: { 'node-2': 3 } });
    const lists = fleetNodeLists(analysis);
    expect(lists.outliers).toContain('node-2');
    expect(lists.slow).toEqual([]);
    expect(slowNodeMessages(analysis)).toEqual([]);
  });

  it('a node far faster in the baseline fleet: slower, with the change in its message', () => {
    const { analysis } = fleetFixture(
      { nodes: 5, samples: 2 },
      { nodes: 5, samples: 2, client: { 'node-3': 2 }, server: { 'node-3': 2 } },
    );
    const lists = fleetNodeLists(analysis);
    expect(lists.slower).toEqual(['node-3']);
    const [message] = slowNodeMessages(analysis);
    expect(message?.node).toBe('node-3');
    expect(message?.message).toMatch(
      /^node-3 as (client|server): .*relative to its fleet since the baseline/,
    );
    expect(message?.message).toMatch(/\(and \d+ more in the job summary\)$/);
  });
});

describe('fleetReproduceCommands', () => {
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  it('a local fleet against a file: sudo, every given input as its flag, the reports', () => {
    const settings = parseFleetInputs(
      read({
        mode: 'fleet',
        target: 'local',
        nodes: '3',
        plan: 'all',
        scenarios: 'tcp_stream_1',
        samples: '1',
      }),
    );
    expect(fleetReproduceCommands(settings, { kind: 'file', path: 'last fleet.json' })).toEqual([
      "sudo node dist/cli/index.js fleet --target local --scenarios tcp_stream_1 --samples 1 --nodes 3 --plan all --baseline 'last fleet.json' --out fleet.json --markdown fleet.md --html fleet.html",
    ]);
  });

  it('a Kubernetes fleet against an earlier run: the kubeconfig note, the download, then the fleet', () => {
    const settings = parseFleetInputs(
      read({ mode: 'fleet', kubeconfig: 'apiVersion: v1', plan: 'random:3', seed: '5', parallel: '8' }),
    );
    const origin = {
      kind: 'artifact' as const,
      runId: 490,
      repository: 'octo/cluster',
      artifactName: 'fleet',
    };
    expect(fleetReproduceCommands(settings, origin)).toEqual([
      '# kubeconfig.yaml: the kubeconfig the workflow passed as input',
      'gh run download 490 --repo octo/cluster --name fleet --dir baseline/490',
      'node dist/cli/index.js fleet --target kubernetes --kubeconfig kubeconfig.yaml --plan random:3 --seed 5 --parallel 8 --baseline baseline/490/fleet.json --out fleet.json --markdown fleet.md --html fleet.html',
    ]);
  });

  it('ends the job summary with them in a sh block', () => {
    expect(withReproduceSection('## fleet\n\n', ['a', 'b'])).toBe(
      '## fleet\n\n### How to reproduce locally\n\n```sh\na\nb\n```\n',
    );
  });
});
