import { join } from 'node:path';
import { type CompareSettings, compareResults, type ResultsComparison } from '../compare/compare-results.js';
import { parseThresholds } from '../compare/thresholds.js';
import type { JudgeConfig } from '../config/gate-config.js';
import type { MetricThresholds } from '../metrics/schema.js';
import { parseResults } from '../results/read.js';
import type { Results } from '../results/schema.js';
import type { Files } from '../util/files.js';

/** Reads the thresholds file (if any) into compare settings; the suite's own thresholds come from the results. */
export async function loadCompareSettings(config: JudgeConfig, files: Files): Promise<CompareSettings> {
  const file =
    config.thresholdsPath === undefined
      ? undefined
      : parseThresholds(
          await files.readText(config.thresholdsPath, 'thresholds file'),
          config.thresholdsPath,
        );
  return {
    ...(config.alpha !== undefined ? { alpha: config.alpha } : {}),
    thresholds: {
      ...(file ? { file } : {}),
      ...(config.thresholdPct !== undefined ? { globalPct: config.thresholdPct } : {}),
    },
    environmentPolicy: config.environmentPolicy,
  };
}

/** Per-scenario thresholds the suite file gave, as stored with the current results. */
function suiteThresholds(current: Results): Record<string, MetricThresholds> {
  const byScenario: Record<string, MetricThresholds> = {};
  for (const scenario of current.scenarios) {
    if (scenario.settings.thresholds) byScenario[scenario.settings.name] = scenario.settings.thresholds;
  }
  return byScenario;
}

/** compareResults with the suite's thresholds filled in from the current results. */
export function judge(
  baselines: readonly Results[],
  current: Results,
  settings: CompareSettings,
): ResultsComparison {
  return compareResults(baselines, current, {
    ...settings,
    thresholds: { ...settings.thresholds, suite: suiteThresholds(current) },
  });
}

/** Reads and validates a results file. */
export async function readResultsFile(path: string, what: string, files: Files): Promise<Results> {
  return parseResults(await files.readText(path, what), path);
}

/** The results files `--baseline` names: files as given, folders as the `.json` files in them. */
async function baselineFiles(paths: readonly string[], files: Files): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const entries = await files.listFolder(path);
    if (entries === undefined) {
      if (await files.exists(path)) found.push(path);
      continue;
    }
    found.push(...entries.filter((name) => name.endsWith('.json')).map((name) => join(path, name)));
  }
  return found;
}

/**
 * Reads the baseline runs: every file and every `.json` file of every folder given, validated, oldest
 * first (by start time). Paths that do not exist are skipped (none left: no baseline); a file that
 * exists but is not a valid results file is an error naming it.
 */
export async function readBaselines(paths: readonly string[], files: Files): Promise<Results[]> {
  const runs: Results[] = [];
  for (const path of await baselineFiles(paths, files)) {
    runs.push(await readResultsFile(path, 'baseline results file', files));
  }
  return runs.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}
