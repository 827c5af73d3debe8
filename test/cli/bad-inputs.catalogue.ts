/**
 * The catalogue of bad inputs the CLI answers with a one-line error and a documented exit code.
 * docs/errors.md lists the same rows; a test keeps the two in step.
 */
export interface BadInput {
  /** What is wrong, as the docs' first column says it. */
  what: string;
  args: string[];
  /** Files to create first, by the placeholder used in args (`<name>`). */
  files?: Record<string, string>;
  /** Run as this uid (65534 = nobody) instead of root. */
  uid?: number;
  /** Replace PATH with a folder holding only these programs (links to the real ones). */
  onlyPrograms?: string[];
  message: string;
  exitCode: 2 | 3;
}

/** A kubeconfig whose server is a closed port on loopback (nothing leaves the machine). */
const UNREACHABLE_KUBECONFIG =
  'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}\nusers:\n- name: u\n  user: {token: abc}\ncontexts:\n- name: ctx\n  context: {cluster: c, user: u}\ncurrent-context: ctx\n';

const DAMAGED_RESULTS = JSON.stringify({
  schemaVersion: 1,
  tool: { name: 'netperf-gate', version: '0.1.0' },
});

export const BAD_INPUTS: BadInput[] = [
  { what: 'no command', args: [], message: 'Usage: netperf-gate', exitCode: 2 },
  { what: 'unknown command', args: ['bench'], message: "unknown command 'bench'", exitCode: 2 },
  { what: 'unknown flag', args: ['run', '--sample', '3'], message: "unknown option '--sample'", exitCode: 2 },
  {
    what: 'unknown target',
    args: ['run', '--target', 'cloud'],
    message: "argument 'cloud' is invalid",
    exitCode: 2,
  },
  {
    what: 'unknown IP family',
    args: ['run', '--target', 'kubernetes', '--ip-family', 'ipv5'],
    message: "option '--ip-family <family>' argument 'ipv5' is invalid. Allowed choices are ipv4, ipv6.",
    exitCode: 2,
  },
  {
    what: '--samples not a number',
    args: ['run', '--samples', 'lots'],
    message: '--samples must be a whole number, got "lots"',
    exitCode: 2,
  },
  {
    what: '--samples out of range',
    args: ['run', '--samples', '0'],
    message: '--samples must be a whole number from 1 to 100, got 0',
    exitCode: 2,
  },
  {
    what: '--duration out of range',
    args: ['run', '--duration', '7200'],
    message: '--duration must be a whole number from 1 to 3600, got 7200',
    exitCode: 2,
  },
  {
    what: 'unknown scenario',
    args: ['run', '--scenarios', 'tcp_nope'],
    message: 'unknown scenario "tcp_nope"; known: tcp_stream_1, tcp_stream_32, tcp_rr_1cpu, tcp_rr_32cpu',
    exitCode: 2,
  },
  {
    what: 'suite file missing',
    args: ['run', '--suite', 'missing.yml'],
    message: 'cannot read suite file "missing.yml": no such file; check the path',
    exitCode: 2,
  },
  {
    what: 'suite file not YAML',
    args: ['run', '--suite', '<suite>'],
    files: { suite: 'scenarios: [{name: a' },
    message: 'not valid YAML',
    exitCode: 2,
  },
  {
    what: 'suite: unknown test type',
    args: ['run', '--suite', '<suite>'],
    files: { suite: 'scenarios: [{name: a, test: UDP_RR}]' },
    message: 'scenarios[0].test: expected one of "TCP_STREAM", "TCP_RR", got "UDP_RR"',
    exitCode: 2,
  },
  {
    what: 'suite: unknown field',
    args: ['run', '--suite', '<suite>'],
    files: { suite: 'scenarios: [{name: a, test: TCP_RR, streams: 4}]' },
    message: 'scenarios[0]: unknown field "streams"',
    exitCode: 2,
  },
  {
    what: 'suite: duplicate scenario names',
    args: ['run', '--suite', '<suite>'],
    files: { suite: 'scenarios: [{name: a, test: TCP_RR}, {name: a, test: TCP_RR}]' },
    message: 'scenario name "a" appears twice; names must be unique',
    exitCode: 2,
  },
  {
    what: 'suite: concurrency out of range',
    args: ['run', '--suite', '<suite>'],
    files: { suite: 'scenarios: [{name: a, test: TCP_RR, concurrency: 1000}]' },
    message: 'scenarios[0].concurrency: must be at most 256, got 1000',
    exitCode: 2,
  },
  {
    what: 'thresholds: unknown metric',
    args: ['compare', '--baseline', '<base>', '--current', '<base>', '--thresholds', '<th>'],
    files: { th: 'metrics: {throughput: 5}', base: '{}' },
    message: 'metrics: unknown metric "throughput"; metrics: throughput_gbps, transactions_per_sec',
    exitCode: 2,
  },
  {
    what: 'thresholds: negative threshold',
    args: ['compare', '--baseline', '<base>', '--current', '<base>', '--thresholds', '<th>'],
    files: { th: 'default: -5', base: '{}' },
    message: 'default:',
    exitCode: 2,
  },
  {
    what: '--threshold not a percentage',
    args: ['compare', '--baseline', 'a.json', '--current', 'b.json', '--threshold', 'tight'],
    message: '--threshold must be a percentage above 0 and at most 1000, got "tight"',
    exitCode: 2,
  },
  {
    what: 'unknown environment policy',
    args: ['compare', '--baseline', 'a.json', '--current', 'b.json', '--environment-policy', 'strict'],
    message: "argument 'strict' is invalid",
    exitCode: 2,
  },
  {
    what: 'baseline file missing',
    args: ['compare', '--baseline', 'absent.json', '--current', 'absent.json'],
    message: 'cannot read baseline results file "absent.json": no such file; check the path',
    exitCode: 2,
  },
  {
    what: 'baseline not JSON',
    args: ['compare', '--baseline', '<base>', '--current', '<base>'],
    files: { base: 'name,value\n' },
    message: 'not valid JSON; pass a results file written by "netperf-gate run --out"',
    exitCode: 2,
  },
  {
    what: 'baseline from a newer netperf-gate',
    args: ['compare', '--baseline', '<base>', '--current', '<base>'],
    files: { base: '{"schemaVersion": 7}' },
    message: 'schemaVersion 7 is newer than this netperf-gate understands (1); upgrade netperf-gate',
    exitCode: 2,
  },
  {
    what: 'baseline damaged',
    args: ['compare', '--baseline', '<base>', '--current', '<base>'],
    files: { base: DAMAGED_RESULTS },
    message: 'startedAt: is required',
    exitCode: 2,
  },
  {
    what: 'history without files',
    args: ['history'],
    message: "missing required argument 'paths'",
    exitCode: 2,
  },
  {
    what: 'history: no results files',
    args: ['history', 'absent-runs'],
    message: 'no results files at absent-runs; pass results files or a folder of them',
    exitCode: 2,
  },
  {
    what: 'history: a damaged results file',
    args: ['history', '<base>'],
    files: { base: DAMAGED_RESULTS },
    message: 'startedAt: is required',
    exitCode: 2,
  },
  {
    what: '--out is a folder',
    args: ['run', '--out', '/tmp'],
    message: 'cannot write results file (--out) "/tmp": it is a directory; pick another path',
    exitCode: 2,
  },
  {
    what: 'unknown export kind',
    args: ['run', '--export', 'grafana=x.json'],
    message: '--export must be KIND=FILE with KIND one of github-action-benchmark, bencher, csv',
    exitCode: 2,
  },
  {
    what: 'calibrate with one run',
    args: ['calibrate', '--runs', '1'],
    message: '--runs must be from 3 to 50, got 1',
    exitCode: 2,
  },
  {
    what: 'max-samples below samples',
    args: ['gate', '--baseline', 'b.json', '--samples', '6', '--max-samples', '4'],
    message: '--max-samples must be at least --samples (6), got 4',
    exitCode: 2,
  },
  {
    what: 'alpha out of range',
    args: ['gate', '--baseline', 'b.json', '--alpha', '0.5'],
    message: '--alpha must be a number from 0.0001 to 0.2, got "0.5"',
    exitCode: 2,
  },
  {
    what: 'invalid --local-qdisc',
    args: [
      'run',
      '--scenarios',
      'tcp_rr_1cpu',
      '--samples',
      '1',
      '--duration',
      '1',
      '--local-qdisc',
      'netem delay 10ms',
      '--out',
      '<out>',
    ],
    message: "Invalid --local-qdisc 'netem delay 10ms': tc said",
    exitCode: 2,
  },
  {
    what: 'failing --local-server-setup',
    args: [
      'run',
      '--scenarios',
      'tcp_rr_1cpu',
      '--samples',
      '1',
      '--duration',
      '1',
      '--local-server-setup',
      'nft -f /nonexistent.nft',
      '--out',
      '<out>',
    ],
    message: "--local-server-setup 'nft -f /nonexistent.nft' failed (exit code 1)",
    exitCode: 2,
  },
  {
    what: 'local target not as root',
    args: ['run', '--scenarios', 'tcp_rr_1cpu', '--samples', '1', '--duration', '1', '--out', '<out>'],
    uid: 65534,
    message: 'the local target needs root to create network namespaces',
    exitCode: 3,
  },
  {
    what: 'netperf not installed',
    args: ['run', '--scenarios', 'tcp_rr_1cpu', '--samples', '1', '--duration', '1', '--out', '<out>'],
    onlyPrograms: ['ip', 'ss', 'taskset', 'sh', 'tc'],
    message: 'netperf was not found on PATH',
    exitCode: 3,
  },
  {
    what: '--timeout not a duration',
    args: ['run', '--timeout', 'soon'],
    message: "Invalid --timeout 'soon'. Expected a duration such as 30m, 2h or 1d",
    exitCode: 2,
  },
  {
    what: 'run longer than --timeout',
    args: [
      'run',
      '--scenarios',
      'tcp_rr_1cpu',
      '--samples',
      '3',
      '--duration',
      '5',
      '--timeout',
      '3s',
      '--out',
      '<out>',
    ],
    message: 'the run did not finish within --timeout 3 s: it was stopped and cleaned up',
    exitCode: 3,
  },
  {
    what: 'kubeconfig file missing',
    args: ['run', '--target', 'kubernetes', '--kubeconfig', 'absent.yaml'],
    message: "Cannot load 'absent.yaml': ENOENT",
    exitCode: 2,
  },
  {
    what: 'kubeconfig not YAML',
    args: ['run', '--target', 'kubernetes', '--kubeconfig', '<kc>'],
    files: { kc: 'not: [valid' },
    message: 'Pass a readable kubeconfig with --kubeconfig.',
    exitCode: 2,
  },
  {
    what: 'kubeconfig context unknown',
    args: ['run', '--target', 'kubernetes', '--kubeconfig', '<kc>', '--context', 'other'],
    files: { kc: UNREACHABLE_KUBECONFIG },
    message: "Unknown --context 'other'. Contexts in the kubeconfig: ctx.",
    exitCode: 2,
  },
  {
    what: 'Kubernetes API unreachable',
    args: ['run', '--target', 'kubernetes', '--kubeconfig', '<kc>', '--out', '<out>'],
    files: { kc: UNREACHABLE_KUBECONFIG },
    message: 'Cannot reach the Kubernetes API at https://127.0.0.1:1',
    exitCode: 3,
  },
  {
    what: 'fleet: --nodes out of range',
    args: ['fleet', '--nodes', '40'],
    message: '--nodes must be from 2 to 32 on the local target, got 40',
    exitCode: 2,
  },
  {
    what: 'fleet: unknown plan',
    args: ['fleet', '--plan', 'star'],
    message: "Invalid pair plan 'star'. Expected 'ring', 'all' or 'random:K' with K a positive integer.",
    exitCode: 2,
  },
  {
    what: 'fleet: plan needs more nodes',
    args: ['fleet', '--nodes', '4', '--plan', 'random:4'],
    message: "Pair plan 'random:4' needs more than 4 nodes. Use K ≤ 3 or 'all'.",
    exitCode: 2,
  },
  {
    what: 'fleet: --parallel 0',
    args: ['fleet', '--parallel', '0'],
    message: '--parallel must be at least 1, got 0',
    exitCode: 2,
  },
  {
    what: 'fleet: node setup on Kubernetes',
    args: ['fleet', '--target', 'kubernetes', '--local-node-setup', 'node-1=true'],
    message: '--local-node-setup is for fleet --target local. Add --target local, or leave it out.',
    exitCode: 2,
  },
  {
    what: 'fleet: baseline is a single run',
    args: ['fleet', '--baseline', '<base>', '--out', '<out>'],
    files: { base: DAMAGED_RESULTS },
    message:
      'not a fleet results file (a single run\'s results?); pass a file written by "netperf-gate fleet --out"',
    exitCode: 2,
  },
  {
    what: 'fleet-report without a file',
    args: ['fleet-report'],
    message: "required option '--in <file>' not specified",
    exitCode: 2,
  },
  {
    what: 'fleet-report: file missing',
    args: ['fleet-report', '--in', 'absent-fleet.json'],
    message: 'cannot read fleet results file "absent-fleet.json": no such file; check the path',
    exitCode: 2,
  },
];
