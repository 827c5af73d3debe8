/** `netperf-gate fleet` and `fleet-report` on the command line: defaults, flags, and every bad input. */
import { readFileSync } from 'node:fs';
import { parseCommandLine } from '../../src/cli/program.js';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';
import { fleetResultsJsonSchema } from '../../src/results/fleet-schema.js';
import { EXIT_USAGE, UsageError } from '../../src/util/errors.js';

function parse(argv: string[]) {
  const written: string[] = [];
  const request = parseCommandLine(argv, (text) => written.push(text));
  return { request, written: written.join('') };
}

describe('the fleet command line', () => {
  it('has defaults for everything, the plan and parallel left for after prepare', () => {
    expect(parse(['fleet']).request).toEqual({
      command: 'fleet',
      config: {
        target: 'local',
        nodes: 4,
        seed: 13,
        reference: true,
        localNodeSetups: [],
        kubernetes: { tolerations: [], image: DEFAULT_IMAGE, hostNetworkReference: true },
        outPath: 'netperf-fleet.json',
        debug: false,
      },
    });
  });

  it('takes the plan, seed, parallel, scenarios, node setups, reports and outlier cut', () => {
    const { request } = parse([
      'fleet',
      ...['--nodes', '6', '--plan', 'random:3', '--seed', '7', '--parallel', '2'],
      ...['--scenarios', 'tcp_rr_1cpu', '--samples', '4', '--duration', '2', '--no-reference'],
      ...['--local-node-setup', 'node-4=tc qdisc add dev "$NETPERF_GATE_NODE_IFACE" root tbf rate 1gbit'],
      ...['--baseline', 'old.json', '--html', 'f.html', '--markdown', 'f.md', '--out', 'f.json'],
      ...['--outlier-z', '5', '--min-change', '20', '--timeout', '2h'],
    ]);
    expect(request).toMatchObject({
      command: 'fleet',
      config: {
        nodes: 6,
        plan: { kind: 'random', pairsPerNode: 3 },
        seed: 7,
        parallel: 2,
        scenarioNames: ['tcp_rr_1cpu'],
        samples: 4,
        durationSeconds: 2,
        reference: false,
        localNodeSetups: ['node-4=tc qdisc add dev "$NETPERF_GATE_NODE_IFACE" root tbf rate 1gbit'],
        baselinePath: 'old.json',
        htmlPath: 'f.html',
        markdownPath: 'f.md',
        outPath: 'f.json',
        zCut: 5,
        minChangePct: 20,
        timeoutMs: 7_200_000,
      },
    });
  });

  it('leaves the Kubernetes fleet size to the cluster unless --nodes bounds it', () => {
    const { request } = parse(['fleet', '--target', 'kubernetes', '--node-selector', 'perf=true']);
    expect(request).toMatchObject({
      command: 'fleet',
      config: { target: 'kubernetes', kubernetes: { nodeSelector: 'perf=true' } },
    });
    expect((request as { config: { nodes?: number } }).config.nodes).toBeUndefined();
    expect(parse(['fleet', '--target', 'kubernetes', '--nodes', '200']).request).toMatchObject({
      config: { nodes: 200 },
    });
  });

  it('says when the plan is decided and what the exit codes mean in --help', () => {
    const { request, written } = parse(['fleet', '--help']);
    expect(request).toEqual({ command: 'exit', exitCode: 0 });
    const help = written.replace(/\s+/g, ' ');
    expect(help).toContain('random:3 above, decided once the nodes are known');
    expect(help).toContain('1 a node named slow or slower than the baseline');
  });

  it.each([
    [['fleet', '--nodes', '1'], '--nodes must be from 2 to 32 on the local target, got 1'],
    [['fleet', '--nodes', '33'], '--nodes must be from 2 to 32 on the local target, got 33'],
    [
      ['fleet', '--target', 'kubernetes', '--nodes', '1'],
      '--nodes must be at least 2 on the kubernetes target, got 1',
    ],
    [['fleet', '--nodes', 'many'], '--nodes must be a whole number, got "many"'],
    [['fleet', '--plan', 'star'], "Invalid pair plan 'star'. Expected 'ring', 'all' or 'random:K'"],
    [['fleet', '--plan', 'random:0'], "Invalid pair plan 'random:0'."],
    [['fleet', '--plan', 'random:4'], "Pair plan 'random:4' needs more than 4 nodes. Use K ≤ 3 or 'all'."],
    [['fleet', '--seed', '-1'], '--seed must be a whole number, got "-1"'],
    [['fleet', '--seed', '4294967296'], '--seed must be from 0 to 4294967295, got 4294967296'],
    [['fleet', '--parallel', '0'], '--parallel must be at least 1, got 0'],
    [['fleet', '--samples', 'lots'], '--samples must be a whole number, got "lots"'],
    [['fleet', '--timeout', 'soon'], "Invalid --timeout 'soon'."],
    [['fleet', '--outlier-z', '0'], '--outlier-z must be a number above 0 and at most 100, got "0"'],
    [['fleet', '--min-change', 'x'], '--min-change must be a percentage above 0 and at most 1000, got "x"'],
    [
      ['fleet', '--target', 'kubernetes', '--local-node-setup', 'node-1=true'],
      '--local-node-setup is for fleet --target local. Add --target local, or leave it out.',
    ],
    [
      ['fleet', '--node-selector', 'perf=true'],
      '--node-selector is for fleet --target kubernetes. Add --target kubernetes, or leave it out.',
    ],
    [
      ['fleet', '--toleration', 'perf:NoSchedule'],
      '--toleration is for fleet --target kubernetes. Add --target kubernetes, or leave it out.',
    ],
    [['fleet-report', '--in', 'f.json', '--outlier-z', 'big'], '--outlier-z must be a number above 0'],
  ])('refuses %j with one line (exit 2)', (argv, message) => {
    let thrown: unknown;
    try {
      parse(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).message).toContain(message);
    expect((thrown as UsageError).message).not.toContain('\n');
    expect((thrown as UsageError).exitCode).toBe(EXIT_USAGE);
  });

  it.each([
    [['fleet', '--client-node', 'a'], "unknown option '--client-node'"],
    [['fleet', '--plan'], "option '--plan <spec>' argument missing"],
    [['fleet-report'], "required option '--in <file>' not specified"],
  ])('refuses %j through the parser (exit 2)', (argv, message) => {
    const { request, written } = parse(argv);
    expect(request).toEqual({ command: 'exit', exitCode: EXIT_USAGE });
    expect(written).toContain(message);
  });

  it('turns fleet-report flags into a report request', () => {
    expect(
      parse(['fleet-report', '--in', 'f.json', '--baseline', 'b.json', '--html', 'r.html']).request,
    ).toEqual({
      command: 'fleet-report',
      config: { inPath: 'f.json', baselinePath: 'b.json', htmlPath: 'r.html', debug: false },
    });
  });

  it('prints the fleet schema with schema --fleet, matching the committed file', () => {
    expect(parse(['schema', '--fleet']).request).toEqual({ command: 'schema', fleet: true });
    expect(parse(['schema']).request).toEqual({ command: 'schema' });
    // Regenerate with: npm run schema
    const committed = JSON.parse(readFileSync('schema/fleet-results.schema.json', 'utf8'));
    expect(committed).toEqual(fleetResultsJsonSchema());
  });
});
