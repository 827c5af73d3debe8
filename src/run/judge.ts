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
export function judge(baseline: Results, current: Results, settings: CompareSettings): ResultsComparison {
  return compareResults(baseline, current, {
    ...settings,
    thresholds: { ...settings.thresholds, suite: suiteThresholds(current) },
  });
}

/** Reads and validates a results file. */
export async function readResultsFile(path: string, what: string, files: Files): Promise<Results> {
  return parseResults(await files.readText(path, what), path);
}
