/** Which of the gathered history runs the gate compares with. Pure. */
import type { Results } from './schema.js';

/**
 * The baseline runs to gate against, from the history gathered on the base branch (oldest first).
 * Today every run; the change-point detection replaces this with the runs since the latest confirmed
 * level shift, so a regression that landed on the base branch becomes the new normal.
 */
export function selectBaselineRuns(history: readonly Results[]): Results[] {
  return [...history];
}
