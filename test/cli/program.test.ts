import { parseCommandLine } from '../../src/cli/program.js';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';
import { UsageError } from '../../src/util/errors.js';

function parse(argv: string[]) {
  const written: string[] = [];
  const request = parseCommandLine(argv, (text) => written.push(text));
  return { request, written: written.join('') };
}

describe('the command line', () => {
  it('turns run flags into a run config', () => {
    const { request } = parse([
      'run',
      '--target',
      'local',
      '--scenarios',
      'tcp_rr_1cpu,tcp_stream_1',
      '--samples',
      '3',
      '--duration',
      '2',
      '--local-qdisc',
      'tbf rate 1gbit burst 256kb latency 10ms',
      '--local-server-setup',
      'nft -f rules.nft',
      '--out',
      'out/r.json',
    ]);
    expect(request).toEqual({
      command: 'run',
      config: {
        target: 'local',
        scenarioNames: ['tcp_rr_1cpu', 'tcp_stream_1'],
        samples: 3,
        durationSeconds: 2,
        local: { qdisc: 'tbf rate 1gbit burst 256kb latency 10ms', serverSetup: 'nft -f rules.nft' },
        kubernetes: { tolerations: [], image: DEFAULT_IMAGE, hostNetworkReference: true },
        reference: true,
        outPath: 'out/r.json',
        debug: false,
      },
      reports: { exports: [] },
    });
  });

  it('collects kubernetes flags, repeatable tolerations included', () => {
    const { request } = parse([
      'run',
      '--target',
      'kubernetes',
      '--kubeconfig',
      'kc.yaml',
      '--client-node',
      'a',
      '--server-node',
      'b',
      '--toleration',
      'perf=true:NoSchedule',
      '--toleration',
      'dedicated:NoExecute',
      '--no-reference',
    ]);
    expect(request).toMatchObject({
      command: 'run',
      config: {
        target: 'kubernetes',
        kubernetes: {
          kubeconfigPath: 'kc.yaml',
          clientNode: 'a',
          serverNode: 'b',
          tolerations: ['perf=true:NoSchedule', 'dedicated:NoExecute'],
          hostNetworkReference: false,
        },
        reference: false,
      },
    });
  });

  it('defaults to the local target and netperf-results.json', () => {
    const { request } = parse(['run']);
    expect(request).toMatchObject({
      command: 'run',
      config: { target: 'local', outPath: 'netperf-results.json' },
    });
  });

  it.each([
    [['run', '--samples', 'many'], '--samples must be a whole number, got "many"'],
    [['run', '--duration', '1.5'], '--duration must be a whole number, got "1.5"'],
  ])('refuses %j with a UsageError', (argv, message) => {
    expect(() => parse(argv)).toThrow(new UsageError(message));
  });

  it.each([[['run', '--target', 'cloud']], [['run', '--frobnicate']], [['bogus']], [[]]])(
    'answers %j with exit code 2 and a one-line hint',
    (argv) => {
      const { request, written } = parse(argv);
      expect(request).toEqual({ command: 'exit', exitCode: 2 });
      expect(written.length).toBeGreaterThan(0);
    },
  );

  it('collects report folder and exports for gate', () => {
    const { request } = parse([
      'gate',
      '--baseline',
      'b.json',
      '--report-dir',
      'rep',
      '--export',
      'csv=out/r.csv',
      '--export',
      'github-action-benchmark=out/gab.json',
    ]);
    expect(request).toMatchObject({
      command: 'gate',
      reports: {
        reportDir: 'rep',
        exports: [
          { kind: 'csv', path: 'out/r.csv' },
          { kind: 'github-action-benchmark', path: 'out/gab.json' },
        ],
      },
    });
  });

  it('refuses an unknown export kind, naming the known ones', () => {
    expect(() => parse(['run', '--export', 'grafana=x.json'])).toThrow(
      '--export must be KIND=FILE with KIND one of github-action-benchmark, bencher, csv, got "grafana=x.json"',
    );
  });

  it('prints help with exit code 0', () => {
    const { request, written } = parse(['run', '--help']);
    expect(request).toEqual({ command: 'exit', exitCode: 0 });
    expect(written).toContain('--local-qdisc');
  });
});
