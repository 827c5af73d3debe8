import { DETECT_FACTOR } from '../compare/metric-verdict.js';
import type { ReportSettings } from '../config/report-config.js';
import { provenanceFromEnv } from '../github/provenance.js';
import type { ReportInput } from '../report/report-input.js';
import { fleetResultsJsonSchema } from '../results/fleet-schema.js';
import { resultsJsonSchema } from '../results/schema.js';
import { calibrateTarget } from '../run/calibrate-command.js';
import { doctor, doctorExitCode, formatDoctor } from '../run/doctor-command.js';
import { type FleetOutcome, fleetReport, runFleet } from '../run/fleet-command.js';
import { compareFiles, type GateOutcome, gate } from '../run/gate-command.js';
import { history } from '../run/history-command.js';
import { type RunIo, runBenchmarks } from '../run/run-command.js';
import { writeReports } from '../run/write-reports.js';
import { createFleetTarget } from '../targets/create.js';
import { sweepLeftovers } from '../targets/local/local-target.js';
import { EXIT_INFRA, EXIT_OK, EXIT_REGRESSION, exitCodeOf, formatError } from '../util/errors.js';
import { createFiles } from '../util/files.js';
import { CLI_COMMAND, formatArgv } from '../util/shell.js';
import { type CleanupConfig, parseCommandLine } from './program.js';

function stderr(line: string): void {
  process.stderr.write(`${line}\n`);
}

function stdout(text: string): void {
  process.stdout.write(text);
}

function io(): RunIo {
  const provenance = provenanceFromEnv(process.env);
  return {
    files: createFiles(),
    log: stderr,
    print: stdout,
    now: () => new Date(),
    ...(provenance === undefined ? {} : { provenance }),
  };
}

/** A fleet's verdict as an exit code: 1 when a node was named slow or got slower than the baseline. */
function fleetExitCode(outcome: FleetOutcome): number {
  return outcome.verdict === 'slow' ? EXIT_REGRESSION : EXIT_OK;
}

/** The core returns verdicts; only here do they become exit codes. */
function verdictExitCode(verdict: GateOutcome['verdict'], failOnInconclusive = false): number {
  if (verdict === 'inconclusive') {
    stderr(
      `warning: the verdict is inconclusive: a primary metric was shown neither worse than its threshold nor clear of ${DETECT_FACTOR} × its threshold${failOnInconclusive ? '' : ' (exit 0; --fail-on-inconclusive makes it fail)'}`,
    );
    return failOnInconclusive ? EXIT_REGRESSION : EXIT_OK;
  }
  return verdict === 'regression' ? EXIT_REGRESSION : EXIT_OK;
}

/** Writes the reports and exports the flags ask for; returns the verdict for the exit code. */
async function publish(
  outcome: Pick<GateOutcome, 'verdict' | 'results' | 'comparison' | 'baseline' | 'history'>,
  reports: ReportSettings,
  argv: readonly string[],
): Promise<GateOutcome['verdict']> {
  const input: ReportInput = {
    current: outcome.results,
    verdict: outcome.verdict,
    reproduce: [`${CLI_COMMAND} ${formatArgv(argv)}`],
    ...(outcome.baseline ? { baseline: outcome.baseline } : {}),
    ...(outcome.comparison ? { comparison: outcome.comparison } : {}),
    ...(outcome.history ? { history: outcome.history } : {}),
  };
  for (const path of await writeReports(input, reports, createFiles())) stderr(`wrote ${path}`);
  return outcome.verdict;
}

/**
 * `cleanup`: local leftovers (namespaces of runs whose process is gone), or a cluster's (namespaces and
 * pods of killed runs, deleted as the action's post step deletes them). Exit 3 when a delete failed.
 */
async function cleanup(config: CleanupConfig): Promise<number> {
  if (config.target === 'local') {
    await sweepLeftovers({ log: stderr });
    return EXIT_OK;
  }
  const { sweepCluster } = await import('../targets/kubernetes/sweep.js');
  const outcome = await sweepCluster(config, {
    olderThanMs: config.olderThanMs,
    ...(config.namespace === undefined ? {} : { namespace: config.namespace }),
    log: stderr,
  });
  return outcome.failed > 0 ? EXIT_INFRA : EXIT_OK;
}

/** True when the user asked for stack traces (--debug, or the runner's step debug). */
function debugWanted(argv: readonly string[]): boolean {
  return argv.includes('--debug') || process.env.ACTIONS_STEP_DEBUG === 'true';
}

/** The CLI: parses the command line, runs the command, and turns the outcome into an exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const request = parseCommandLine(argv, (text) => process.stderr.write(text));
    switch (request.command) {
      case 'exit':
        return request.exitCode;
      case 'schema':
        stdout(
          `${JSON.stringify(request.fleet ? fleetResultsJsonSchema() : resultsJsonSchema(), null, 2)}\n`,
        );
        return EXIT_OK;
      case 'fleet':
        return fleetExitCode(await runFleet(request.config, io(), { createTarget: createFleetTarget }));
      case 'fleet-report':
        return fleetExitCode(await fleetReport(request.config, io()));
      case 'cleanup':
        return await cleanup(request.config);
      case 'doctor': {
        const checks = await doctor(request.config, io());
        stdout(formatDoctor(checks));
        return doctorExitCode(checks);
      }
      case 'history':
        await history(request.config, io());
        return EXIT_OK;
      case 'run': {
        const results = await runBenchmarks(request.config, io());
        await publish({ verdict: 'no-baseline', results }, request.reports, argv);
        return EXIT_OK;
      }
      case 'compare':
        return verdictExitCode(
          await publish(await compareFiles(request.config, io()), request.reports, argv),
        );
      case 'calibrate':
        await calibrateTarget(request.config, io());
        return EXIT_OK;
      case 'gate':
        return verdictExitCode(
          await publish(await gate(request.config, io()), request.reports, argv),
          request.config.failOnInconclusive,
        );
    }
  } catch (error) {
    stderr(`netperf-gate: ${formatError(error)}`);
    if (debugWanted(argv) && error instanceof Error && error.stack) stderr(error.stack);
    return exitCodeOf(error);
  }
}
