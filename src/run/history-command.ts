/**
 * `netperf-gate history FILES|FOLDER`: the trend of every scenario's primary metrics over results
 * files in time order, and their change points; `--json` and `--report-dir` write them for machines
 * and people.
 */
import { basename, join } from 'node:path';
import { analyseHistory, DEFAULT_CHANGE_LEVEL, type HistoryAnalysis } from '../compare/history.js';
import { historyJson, type NamedRuns, renderHistoryText } from '../report/history-text.js';
import { renderHistoryHtml } from '../report/html-history.js';
import { UsageError } from '../util/errors.js';
import { readHistory } from './judge.js';
import type { RunIo } from './session.js';

/** What `history` reads and writes. */
export interface HistoryConfig {
  /** Results files, or folders of them (their `.json` files). */
  paths: string[];
  /** Where to write the machine-readable trends and change points. */
  jsonPath?: string;
  /** Where to write history.html. */
  reportDir?: string;
  /** False change points per history; default {@link DEFAULT_CHANGE_LEVEL}. */
  level?: number;
}

/** File name of the trend page in `--report-dir`. */
export const HISTORY_PAGE = 'history.html';

/** Reads the runs, finds the change points, prints them and writes what the flags ask for. */
export async function history(
  config: HistoryConfig,
  io: RunIo,
): Promise<{ analysis: HistoryAnalysis; runs: NamedRuns }> {
  const entries = await readHistory(config.paths, io.files, 'results file');
  if (entries.length === 0) {
    throw new UsageError(
      `no results files at ${config.paths.join(', ')}; pass results files or a folder of them`,
    );
  }
  const runs: NamedRuns = { runs: entries.map((e) => e.run), names: entries.map((e) => basename(e.path)) };
  const analysis = analyseHistory(runs.runs, config.level ?? DEFAULT_CHANGE_LEVEL);
  io.print(renderHistoryText(analysis, runs));
  if (config.jsonPath !== undefined) {
    await io.files.writeText(config.jsonPath, `${JSON.stringify(historyJson(analysis, runs), null, 2)}\n`);
    io.log(`wrote ${config.jsonPath}`);
  }
  if (config.reportDir !== undefined) {
    const page = join(config.reportDir, HISTORY_PAGE);
    await io.files.writeText(page, renderHistoryHtml(analysis, runs));
    io.log(`wrote ${page}`);
  }
  return { analysis, runs };
}
