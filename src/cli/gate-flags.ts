/**
 * The flags of `compare`, `gate` and `calibrate` and their reports, and how they become configs (one
 * UsageError line for a bad value); `run`'s own are in run-flags.ts.
 */
import { type Command, Option } from 'commander';
import { DEFAULT_FAMILY_ALPHA } from '../compare/compare-results.js';
import { ENVIRONMENT_POLICIES } from '../compare/environment.js';
import { type GateConfig, type JudgeConfig, MAX_ALPHA, MIN_ALPHA } from '../config/gate-config.js';
import { parseChoice, parsePercent, parseWholeNumber } from '../config/parse-flags.js';
import { EXPORT_KINDS, parseExport, type ReportSettings } from '../config/report-config.js';
import { type CalibrateConfig, MAX_CALIBRATE_RUNS, MIN_CALIBRATE_RUNS } from '../run/calibrate-command.js';
import { UsageError } from '../util/errors.js';
import { type RunFlags, toRunConfig } from './run-flags.js';

export interface JudgeFlags {
  thresholds?: string;
  threshold?: string;
  alpha?: string;
  environmentPolicy: string;
  debug?: boolean;
}

export function toJudgeConfig(flags: JudgeFlags): JudgeConfig {
  const config: JudgeConfig = {
    environmentPolicy: parseChoice('--environment-policy', flags.environmentPolicy, ENVIRONMENT_POLICIES),
    debug: flags.debug === true,
  };
  if (flags.thresholds !== undefined) config.thresholdsPath = flags.thresholds;
  if (flags.threshold !== undefined) config.thresholdPct = parsePercent('--threshold', flags.threshold);
  if (flags.alpha !== undefined) config.alpha = parseAlpha(flags.alpha);
  return config;
}

function parseAlpha(text: string): number {
  const alpha = Number(text);
  if (!(alpha >= MIN_ALPHA && alpha <= MAX_ALPHA)) {
    throw new UsageError(`--alpha must be a number from ${MIN_ALPHA} to ${MAX_ALPHA}, got "${text}"`);
  }
  return alpha;
}

export interface GateFlags extends RunFlags, JudgeFlags {
  baseline: string[];
  maxSamples?: string;
  failOnInconclusive?: boolean;
}

/** Collects a repeatable option; no default, so a required one missing is still reported as missing. */
export function collectPaths(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function toGateConfig(flags: GateFlags): GateConfig {
  const run = toRunConfig(flags);
  const config: GateConfig = {
    ...toJudgeConfig(flags),
    run,
    baselinePaths: flags.baseline,
    failOnInconclusive: flags.failOnInconclusive === true,
  };
  if (flags.maxSamples !== undefined) {
    const maxSamples = parseWholeNumber('--max-samples', flags.maxSamples);
    if (run.samples !== undefined && maxSamples < run.samples) {
      throw new UsageError(`--max-samples must be at least --samples (${run.samples}), got ${maxSamples}`);
    }
    config.maxSamples = maxSamples;
  }
  return config;
}

export function toCalibrateConfig(flags: RunFlags & { runs: string }): CalibrateConfig {
  const runs = parseWholeNumber('--runs', flags.runs);
  if (runs < MIN_CALIBRATE_RUNS || runs > MAX_CALIBRATE_RUNS) {
    throw new UsageError(`--runs must be from ${MIN_CALIBRATE_RUNS} to ${MAX_CALIBRATE_RUNS}, got ${runs}`);
  }
  return { run: toRunConfig(flags), runs, thresholdsOutPath: flags.out };
}

export interface ReportFlags {
  reportDir?: string;
  export: string[];
}

export function toReportSettings(flags: ReportFlags): ReportSettings {
  return {
    ...(flags.reportDir === undefined ? {} : { reportDir: flags.reportDir }),
    exports: flags.export.map(parseExport),
  };
}

/** The report flags of `run`, `compare` and `gate`. */
export function addReportOptions(command: Command): Command {
  return command
    .option('--report-dir <dir>', 'write report.md and report.html into this folder')
    .option(
      '--export <kind=file>',
      `export results for dashboards (${EXPORT_KINDS.join(', ')}); repeatable`,
      collectPaths,
      [],
    );
}

/** The flags `compare` and `gate` share. */
export function addJudgeOptions(command: Command): Command {
  return addReportOptions(command)
    .option('--thresholds <file>', 'thresholds file (YAML or JSON): default, per metric, per scenario')
    .option('--threshold <pct>', 'noise floor in percent for every metric the thresholds file does not name')
    .option(
      '--alpha <rate>',
      `the whole gate's false-regression rate (family-wise, default ${DEFAULT_FAMILY_ALPHA})`,
    )
    .addOption(
      new Option('--environment-policy <policy>', 'what an environment difference does')
        .choices(ENVIRONMENT_POLICIES)
        .default('warn'),
    );
}
