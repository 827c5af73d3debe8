/**
 * Which runs of a history form the baseline: those since the latest confirmed level shift of any
 * scenario's primary metric. A regression that landed on the default branch thus becomes the new normal
 * once enough runs after it confirm it (stats/change-points.ts `MIN_SEGMENT_RUNS`), instead of blaming
 * every later pull request for it. Pure.
 */
import type { Results } from '../results/schema.js';
import { analyseHistory, DEFAULT_CHANGE_LEVEL, type HistoryAnalysis } from './history.js';

/** Where a results file came from, as far as it says (the action records it; files may not). */
export interface RunProvenance {
  repository?: string;
  sha?: string;
  ref?: string;
  event?: string;
  runId?: string;
  runUrl?: string;
}

/** The latest level shift, which the baseline starts after. */
export interface BaselineShift {
  /** Index in the history of the first run at the new level. */
  runIndex: number;
  scenario: string;
  metric: string;
  changePct: number;
  pValue: number;
  /** The run where it starts, for people: "run 4711, commit abc1234", a file name, or "run #8". */
  where: string;
}

/** What {@link baselineSinceLastShift} chose. */
export interface BaselineSelection {
  /** The baseline: the runs from the latest shift on (all runs when there is none), oldest first. */
  runs: Results[];
  shift?: BaselineShift;
  analysis: HistoryAnalysis;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * A run's provenance, read defensively: a `provenance` object with repository, commitSha (or sha), ref,
 * event, workflowRunId (or runId) and workflowRunUrl (or runUrl); whatever is missing or of another type
 * is left out.
 */
export function runProvenance(run: unknown): RunProvenance {
  const raw = (run as { provenance?: unknown } | null)?.provenance;
  if (raw === null || typeof raw !== 'object') return {};
  const p = raw as Record<string, unknown>;
  const found: RunProvenance = {};
  const fields: [keyof RunProvenance, unknown][] = [
    ['repository', p.repository],
    ['sha', p.sha ?? p.commitSha],
    ['ref', p.ref],
    ['event', p.event],
    ['runId', p.runId ?? p.workflowRunId],
    ['runUrl', p.runUrl ?? p.workflowRunUrl],
  ];
  for (const [key, value] of fields) {
    const t = text(value);
    if (t !== undefined) found[key] = t;
  }
  return found;
}

/** "run 4711, commit abc1234" from provenance, else the file name, else "run #k" (1-based). */
export function runLabel(run: Results, index: number, name?: string): string {
  const { runId, sha } = runProvenance(run);
  const parts = [
    runId === undefined ? undefined : `run ${runId}`,
    sha === undefined ? undefined : `commit ${sha.slice(0, 7)}`,
  ].filter((p) => p !== undefined);
  if (parts.length > 0) return parts.join(', ');
  return name ?? `run #${index + 1}`;
}

/** A short axis label: the commit's first 7 characters, else "#k". */
export function runAxisLabel(run: Results, index: number): string {
  return runProvenance(run).sha?.slice(0, 7) ?? `#${index + 1}`;
}

/**
 * The baseline from a history of runs (oldest first): the runs since the latest level shift of any
 * scenario's primary metric, and that shift. `names` (same order) label the runs when they carry no
 * provenance (e.g. file names). Fewer runs than two segments need: all of them, no shift.
 */
export function baselineSinceLastShift(
  runs: readonly Results[],
  names?: readonly string[],
  level = DEFAULT_CHANGE_LEVEL,
): BaselineSelection {
  const analysis = analyseHistory(runs, level);
  let shift: BaselineShift | undefined;
  for (const trend of analysis.trends) {
    for (const s of trend.shifts) {
      const later = shift === undefined || s.index > shift.runIndex;
      const sameButLarger =
        shift !== undefined &&
        s.index === shift.runIndex &&
        Math.abs(s.changePct) > Math.abs(shift.changePct);
      if (!later && !sameButLarger) continue;
      const run = runs[s.index] as Results;
      shift = {
        runIndex: s.index,
        scenario: trend.scenario,
        metric: trend.metric,
        changePct: s.changePct,
        pValue: s.pValue,
        where: runLabel(run, s.index, names?.[s.index]),
      };
    }
  }
  return { runs: runs.slice(shift?.runIndex ?? 0), ...(shift ? { shift } : {}), analysis };
}
