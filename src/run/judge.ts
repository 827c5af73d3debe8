import { basename, join } from 'node:path';
import { type BaselineShift, baselineSinceLastShift } from '../compare/baseline-since-shift.js';
import { type CompareSettings, compareResults, type ResultsComparison } from '../compare/compare-results.js';
import { parseThresholds } from '../compare/thresholds.js';
import type { JudgeConfig } from '../config/gate-config.js';
import type { MetricThresholds } from '../metrics/names.js';
import { describeShift } from '../report/history-text.js';
import { parseResults } from '../results/read.js';
import type { Results } from '../results/schema.js';
import type { Files } from '../util/files.js';
import type { RunIo } from './session.js';

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

/** A results file of a history and where it was read from. */
export interface HistoryRun {
  run: Results;
  path: string;
}

/**
 * Reads runs from files and folders: every file and every `.json` file of every folder given,
 * validated, oldest first (by start time, then path). Paths that do not exist are skipped; a file that
 * exists but is not a valid results file is an error naming it.
 */
export async function readHistory(
  paths: readonly string[],
  files: Files,
  what: string,
): Promise<HistoryRun[]> {
  const runs: HistoryRun[] = [];
  for (const path of await baselineFiles(paths, files)) {
    runs.push({ run: await readResultsFile(path, what, files), path });
  }
  return runs.sort((a, b) => a.run.startedAt.localeCompare(b.run.startedAt) || a.path.localeCompare(b.path));
}

/** The baseline runs of `--baseline` paths, oldest first (see {@link readHistory}). */
export async function readBaselines(paths: readonly string[], files: Files): Promise<Results[]> {
  return (await readHistory(paths, files, 'baseline results file')).map((entry) => entry.run);
}

/** The baseline chosen from a history of runs: the runs since its latest level shift. */
export interface ChosenBaseline {
  /** The runs compared with, oldest first. */
  baselines: Results[];
  /** Every run read, oldest first, with the file names that label them. */
  history: Results[];
  names: string[];
  shift?: BaselineShift;
}

/**
 * Reads the baseline runs and keeps those since the latest confirmed level shift
 * (baselineSinceLastShift), saying so in the log.
 */
export async function chooseBaseline(
  paths: readonly string[],
  io: Pick<RunIo, 'files' | 'log'>,
): Promise<ChosenBaseline> {
  const entries = await readHistory(paths, io.files, 'baseline results file');
  const history = entries.map((e) => e.run);
  const names = entries.map((e) => basename(e.path));
  const selection = baselineSinceLastShift(history, names);
  if (selection.shift) {
    io.log(
      `baseline: level shift ${describeShift(selection.shift)}; comparing with the ${selection.runs.length} runs since it`,
    );
  }
  return {
    baselines: selection.runs,
    history,
    names,
    ...(selection.shift ? { shift: selection.shift } : {}),
  };
}
