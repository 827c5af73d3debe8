/** `mode: fleet` inputs → the CLI's FleetConfig: the same checks as `netperf-gate fleet`, one line naming the input. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Inputs } from '../../src/action/constants.js';
import { parseFleetInputs } from '../../src/action/fleet-inputs.js';
import { parseInputs } from '../../src/action/inputs.js';
import { FLEET_ONLY_INPUTS, GATE_ONLY_INPUTS, parseMode } from '../../src/action/mode-inputs.js';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';

const actionYaml = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default: string }>;
};

function reader(values: Record<string, string>) {
  return (name: string) => values[name] ?? '';
}

/** What the runner hands the step: every input's action.yml default, then what the workflow gave. */
function runnerReader(values: Record<string, string>) {
  const defaults = Object.fromEntries(
    Object.entries(actionYaml.inputs).map(([name, i]) => [name, i.default]),
  );
  return reader({ ...defaults, 'github-token': 'ghs_x', ...values });
}

function refusal(parseWith: () => unknown): Error {
  try {
    parseWith();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('parseMode', () => {
  it.each([
    ['', 'gate'],
    ['gate', 'gate'],
    [' fleet ', 'fleet'],
  ])('reads %j as %s', (text, mode) => {
    expect(parseMode(reader({ mode: text }))).toBe(mode);
  });

  it('refuses another word in one line naming the input', () => {
    expect(() => parseMode(reader({ mode: 'Fleet' }))).toThrow(
      'input mode must be one of gate, fleet, got "Fleet"',
    );
  });
});

describe('parseFleetInputs', () => {
  it('gives the CLI fleet defaults for a Kubernetes fleet, the reports under report-dir', () => {
    const settings = parseFleetInputs(runnerReader({ mode: 'fleet' }));
    expect(settings.fleet).toEqual({
      target: 'kubernetes',
      seed: 13,
      reference: true,
      localNodeSetups: [],
      kubernetes: { tolerations: [], image: DEFAULT_IMAGE, hostNetworkReference: true },
      outPath: 'netperf-gate-report/fleet.json',
      markdownPath: 'netperf-gate-report/fleet.md',
      htmlPath: 'netperf-gate-report/fleet.html',
      debug: false,
    });
    expect(settings).toMatchObject({
      baseline: { kind: 'default-branch' },
      failOnRegression: true,
      uploadArtifact: true,
      artifactName: 'netperf-gate-results',
      reportDir: 'netperf-gate-report',
    });
  });

  it('maps the fleet inputs: a local fleet of 3 nodes, every pair, one short scenario', () => {
    const settings = parseFleetInputs(
      runnerReader({
        mode: 'fleet',
        target: 'local',
        nodes: '3',
        plan: 'all',
        seed: '7',
        parallel: '2',
        scenarios: 'tcp_stream_1',
        samples: '1',
        duration: '1',
        reference: 'false',
        baseline: 'fleet/last.json',
        'report-dir': 'fleet-report/',
        'fail-on-regression': 'false',
      }),
      true,
    );
    expect(settings.fleet).toMatchObject({
      target: 'local',
      nodes: 3,
      plan: { kind: 'all' },
      seed: 7,
      parallel: 2,
      scenarioNames: ['tcp_stream_1'],
      samples: 1,
      durationSeconds: 1,
      reference: false,
      outPath: 'fleet-report/fleet.json',
      debug: true,
    });
    expect(settings.fleet.nodes).toBe(3);
    expect(settings.baseline).toEqual({ kind: 'file', path: 'fleet/last.json' });
    expect(settings.failOnRegression).toBe(false);
  });

  it('gives a local fleet 4 nodes when nodes is empty, and a Kubernetes fleet all eligible ones', () => {
    expect(parseFleetInputs(runnerReader({ mode: 'fleet', target: 'local' })).fleet.nodes).toBe(4);
    expect(parseFleetInputs(runnerReader({ mode: 'fleet', nodes: '64' })).fleet.nodes).toBe(64);
    expect(parseFleetInputs(runnerReader({ mode: 'fleet', plan: 'random:3' })).fleet.plan).toEqual({
      kind: 'random',
      pairsPerNode: 3,
    });
  });

  it.each([
    [{ 'client-node': 'node-a' }, 'input client-node is for mode gate; leave it out with mode: fleet'],
    [{ threshold: '5' }, 'input threshold is for mode gate'],
    [{ thresholds: 't.yml' }, 'input thresholds is for mode gate'],
    [{ 'max-samples': '4' }, 'input max-samples is for mode gate'],
    [{ alpha: '0.01' }, 'input alpha is for mode gate'],
    [{ 'fail-on-inconclusive': 'true' }, 'input fail-on-inconclusive is for mode gate'],
    [{ 'environment-policy': 'fail' }, 'input environment-policy is for mode gate'],
    [{ exports: 'csv=a.csv' }, 'input exports is for mode gate'],
    [{ 'comment-on-pr': 'true' }, 'input comment-on-pr is for mode gate'],
    [{ 'baseline-runs': '3' }, 'input baseline-runs is for mode gate'],
    [{ nodes: '1' }, 'input nodes must be at least 2 on the kubernetes target, got 1'],
    [{ nodes: 'many' }, 'input nodes must be a whole number, got "many"'],
    [{ target: 'local', nodes: '40' }, 'input nodes must be from 2 to 32 on the local target, got 40'],
    [{ plan: 'star' }, "input plan: Invalid pair plan 'star'. Expected 'ring', 'all' or 'random:K'"],
    [
      { target: 'local', nodes: '3', plan: 'random:3' },
      "input plan: Pair plan 'random:3' needs more than 3 nodes. Use K ≤ 2 or 'all'.",
    ],
    [{ seed: '-1' }, 'input seed must be a whole number, got "-1"'],
    [{ seed: '4294967296' }, 'input seed must be from 0 to 4294967295, got 4294967296'],
    [{ parallel: '0' }, 'input parallel must be at least 1, got 0'],
    [
      { target: 'local', 'node-selector': 'perf=true' },
      'input node-selector is for a fleet on target kubernetes; set target: kubernetes, or leave it out',
    ],
    [
      { target: 'local', kubeconfig: 'apiVersion: v1' },
      'input kubeconfig is for a fleet on target kubernetes',
    ],
    [{ target: 'local', 'allow-control-plane': 'true' }, 'input allow-control-plane is for a fleet'],
    [{ samples: '0' }, 'input samples must be from 1 to 100, got 0'],
  ])('refuses %j with one line naming the input', (values, message) => {
    const error = refusal(() => parseFleetInputs(runnerReader({ mode: 'fleet', ...values })));
    expect(error.message).toContain(message);
    expect(error.name).toBe('UsageError');
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('refuses every gate-only input given with mode fleet', () => {
    for (const name of GATE_ONLY_INPUTS) {
      const error = refusal(() => parseFleetInputs(runnerReader({ mode: 'fleet', [name]: 'x' })));
      expect([name, error.message]).toEqual([name, expect.stringMatching(new RegExp(`^input ${name} `))]);
    }
  });
});

describe('parseInputs (mode gate)', () => {
  it.each(FLEET_ONLY_INPUTS.map((name) => [name]))('refuses the fleet-only input %s', (name) => {
    const error = refusal(() => parseInputs(runnerReader({ [name]: '3' })));
    expect(error.message).toBe(`input ${name} is for mode fleet; add mode: fleet, or leave it out`);
    expect(error.name).toBe('UsageError');
  });

  it('takes the runner-given defaults of every input without a refusal', () => {
    expect(parseInputs(runnerReader({})).run.target).toBe('kubernetes');
    expect(parseInputs(runnerReader({ [Inputs.Mode]: 'gate' })).baselineRuns).toBe(10);
  });
});
