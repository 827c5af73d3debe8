import { Command, CommanderError, Option } from 'commander';
import type { FleetConfig, FleetReportConfig } from '../config/fleet-config.js';
import type { CompareConfig, GateConfig } from '../config/gate-config.js';
import { parseChoice } from '../config/parse-flags.js';
import type { ReportSettings } from '../config/report-config.js';
import { type RunConfig, TARGET_KINDS, type TargetKind } from '../config/run-config.js';
import {
  type CalibrateConfig,
  DEFAULT_CALIBRATE_RUNS,
  MAX_CALIBRATE_RUNS,
  MIN_CALIBRATE_RUNS,
} from '../run/calibrate-command.js';
import { HISTORY_PAGE, type HistoryConfig } from '../run/history-command.js';
import { DEFAULT_CLEANUP_AGE, parseAge } from '../targets/kubernetes/age.js';
import { EXIT_OK, EXIT_USAGE, UsageError } from '../util/errors.js';
import { TOOL_VERSION } from '../version.js';
import { addFleetCommands } from './fleet-commands.js';
import {
  addJudgeOptions,
  addReportOptions,
  collectPaths,
  type GateFlags,
  type JudgeFlags,
  type ReportFlags,
  toCalibrateConfig,
  toGateConfig,
  toJudgeConfig,
  toReportSettings,
} from './gate-flags.js';
import { addRunOptions, type RunFlags, toRunConfig } from './run-flags.js';

/** What the parsed command line asks for; the entry point carries it out. */
export type CliRequest =
  | { command: 'run'; config: RunConfig; reports: ReportSettings }
  | { command: 'compare'; config: CompareConfig; reports: ReportSettings }
  | { command: 'gate'; config: GateConfig; reports: ReportSettings }
  | { command: 'calibrate'; config: CalibrateConfig }
  | { command: 'history'; config: HistoryConfig }
  | { command: 'schema'; fleet?: true }
  | { command: 'fleet'; config: FleetConfig }
  | { command: 'fleet-report'; config: FleetReportConfig }
  | { command: 'cleanup'; config: CleanupConfig }
  | { command: 'doctor'; config: RunConfig }
  | { command: 'exit'; exitCode: number };

/** `cleanup`: which target's leftovers, and for Kubernetes where and how old. */
export interface CleanupConfig {
  target: TargetKind;
  /** Kubernetes: kubeconfig file and context (default: KUBECONFIG, ~/.kube/config, in-cluster). */
  kubeconfigPath?: string;
  context?: string;
  /** Kubernetes: also our pods in this namespace (runs made with --namespace). */
  namespace?: string;
  /** Kubernetes: only what is at least this old, in ms (default 1 h); 0 = any age, only when asked. */
  olderThanMs: number;
  debug: boolean;
}

interface CleanupFlags {
  target: string;
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  olderThan?: string;
  debug?: boolean;
}

function toCleanupConfig(flags: CleanupFlags): CleanupConfig {
  const target = parseChoice('--target', flags.target, TARGET_KINDS);
  const kubernetesOnly = (['kubeconfig', 'context', 'namespace', 'olderThan'] as const).filter(
    (key) => flags[key] !== undefined,
  );
  if (target === 'local' && kubernetesOnly.length > 0) {
    const flag = `--${kubernetesOnly[0]?.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new UsageError(
      `${flag} is for cleanup --target kubernetes. Add --target kubernetes, or leave it out.`,
    );
  }
  const config: CleanupConfig = {
    target,
    olderThanMs: parseAge(flags.olderThan ?? DEFAULT_CLEANUP_AGE),
    debug: flags.debug === true,
  };
  if (flags.kubeconfig !== undefined) config.kubeconfigPath = flags.kubeconfig;
  if (flags.context !== undefined) config.context = flags.context;
  if (flags.namespace !== undefined) config.namespace = flags.namespace;
  return config;
}

function buildProgram(onRequest: (request: CliRequest) => void, write: (text: string) => void): Command {
  const program = new Command('netperf-gate')
    .description('Measure pod-to-pod network performance with netperf and gate on regressions.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: write,
      writeErr: write,
      outputError: (text, out) => out(`netperf-gate: ${text.replace(/^error: /, '').trim()} (see --help)\n`),
    })
    .showSuggestionAfterError(true);
  addReportOptions(
    addRunOptions(
      program.command('run').description('Run the benchmark suite on a target and write a results file.'),
    ),
  ).action((flags: RunFlags & ReportFlags) =>
    onRequest({ command: 'run', config: toRunConfig(flags), reports: toReportSettings(flags) }),
  );
  addJudgeOptions(
    program
      .command('compare')
      .description('Compare a results file with baseline runs; exit 1 on a regression.')
      .requiredOption(
        '--baseline <path>',
        'baseline results file, or a folder of them (repeatable: several runs)',
        collectPaths,
      )
      .requiredOption('--current <file>', 'current results file')
      .option('--debug', 'print stack traces'),
  ).action((flags: JudgeFlags & ReportFlags & { baseline: string[]; current: string }) =>
    onRequest({
      command: 'compare',
      config: { ...toJudgeConfig(flags), baselinePaths: flags.baseline, currentPath: flags.current },
      reports: toReportSettings(flags),
    }),
  );
  addJudgeOptions(
    addRunOptions(
      program
        .command('gate')
        .description(
          'Run, compare with baseline runs and report; exit 1 on a regression, 0 without a baseline.',
        )
        .requiredOption(
          '--baseline <path>',
          'baseline results file or folder of them, repeatable (none found: verdict no-baseline)',
          collectPaths,
        )
        .option('--max-samples <n>', 'most pairs per scenario while undecided (default: twice --samples)')
        .option(
          '--fail-on-inconclusive',
          'exit 1 when a primary metric stays undecided (default: warn, exit 0)',
        ),
    ),
  ).action((flags: GateFlags & ReportFlags) =>
    onRequest({ command: 'gate', config: toGateConfig(flags), reports: toReportSettings(flags) }),
  );
  addRunOptions(
    program
      .command('calibrate')
      .description(
        'Run the suite K times on the same setup, measure the noise and write recommended thresholds.',
      )
      .option(
        '--runs <k>',
        `repeated runs (${MIN_CALIBRATE_RUNS}-${MAX_CALIBRATE_RUNS})`,
        String(DEFAULT_CALIBRATE_RUNS),
      ),
    'thresholds.yml',
    'where to write the recommended thresholds (YAML)',
  ).action((flags: RunFlags & { runs: string }) =>
    onRequest({ command: 'calibrate', config: toCalibrateConfig(flags) }),
  );
  addRunOptions(
    program
      .command('doctor')
      .description(
        'Check that a run with these flags would work here (API, permissions, nodes, image, cores, netperf); exit 3 when not.',
      ),
  ).action((flags: RunFlags) => onRequest({ command: 'doctor', config: toRunConfig(flags) }));
  program
    .command('history')
    .description(
      "Print the trend of every scenario's primary metrics over results files (oldest first) and where their level shifted.",
    )
    .argument('<paths...>', 'results files, or folders of them')
    .option('--json <file>', 'write the trends and change points as JSON')
    .option('--report-dir <dir>', `write ${HISTORY_PAGE} (the trend charts) into this folder`)
    .option('--debug', 'print stack traces')
    .action((paths: string[], flags: { json?: string; reportDir?: string }) =>
      onRequest({
        command: 'history',
        config: {
          paths,
          ...(flags.json === undefined ? {} : { jsonPath: flags.json }),
          ...(flags.reportDir === undefined ? {} : { reportDir: flags.reportDir }),
        },
      }),
    );
  program
    .command('schema')
    .description('Print the JSON Schema of results files (--fleet: of fleet results files).')
    .option('--fleet', 'the schema of fleet results files (netperf-gate fleet --out)')
    .action((flags: { fleet?: boolean }) =>
      onRequest(flags.fleet === true ? { command: 'schema', fleet: true } : { command: 'schema' }),
    );
  addFleetCommands(
    program,
    (config) => onRequest({ command: 'fleet', config }),
    (config) => onRequest({ command: 'fleet-report', config }),
  );
  program
    .command('cleanup')
    .description(
      'Remove what killed runs left behind: local network namespaces and their processes, or (--target kubernetes) namespaces and pods labelled managed-by=netperf-gate older than --older-than (1h by default).',
    )
    .addOption(new Option('--target <kind>', 'whose leftovers').choices(TARGET_KINDS).default('local'))
    .option(
      '--kubeconfig <file>',
      'kubernetes: kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster)',
    )
    .option('--context <name>', 'kubernetes: kubeconfig context')
    .option(
      '--namespace <name>',
      'kubernetes: also delete our pods in this namespace (runs with --namespace)',
    )
    .option(
      '--older-than <age>',
      `kubernetes: only what is at least this old, e.g. 30m, 2h, 1d (default ${DEFAULT_CLEANUP_AGE}, so that runs in progress elsewhere are spared; 0: any age)`,
    )
    .option('--debug', 'print stack traces')
    .action((flags: CleanupFlags) => onRequest({ command: 'cleanup', config: toCleanupConfig(flags) }));
  return program;
}

/**
 * Parses the command line into a request. Usage errors become UsageError (exit 2); --help and
 * --version become an `exit` request with code 0.
 */
export function parseCommandLine(argv: readonly string[], write: (text: string) => void): CliRequest {
  let request: CliRequest | undefined;
  const program = buildProgram((r) => {
    request = r;
  }, write);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof CommanderError) {
      const helpOrVersion = error.exitCode === 0;
      return { command: 'exit', exitCode: helpOrVersion ? EXIT_OK : EXIT_USAGE };
    }
    throw error;
  }
  if (request === undefined) {
    write(program.helpInformation());
    return { command: 'exit', exitCode: EXIT_USAGE };
  }
  return request;
}
