/**
 * Which scenarios of the current run can be compared with which baseline runs: same name and measured
 * the same way (test, streams, CPUs, message sizes). Pure.
 */

import type { Results, ScenarioResult } from '../results/schema.js';
import { hasReference } from './series.js';

/** A scenario that could not be compared, and why (missing on one side, measured differently). */
export interface SkippedScenario {
  name: string;
  reason: string;
}

/** Settings that change what is measured: scenarios differing in these are not comparable. */
const MEASUREMENT_FIELDS = [
  'test',
  'concurrency',
  'cpus',
  'sendSizeBytes',
  'requestSizeBytes',
  'responseSizeBytes',
] as const;

function whyNotComparable(baseline: ScenarioResult, current: ScenarioResult): string | undefined {
  const differing = MEASUREMENT_FIELDS.filter(
    (field) => baseline.settings[field] !== current.settings[field],
  );
  if (differing.length === 0) return undefined;
  const detail = differing
    .map((f) => `${f} ${String(baseline.settings[f])} → ${String(current.settings[f])}`)
    .join(', ');
  return `measured differently (${detail}); refresh the baseline`;
}

/** A current scenario with the comparable baseline runs' results of the same name. */
export interface MatchedScenario {
  current: ScenarioResult;
  baselines: ScenarioResult[];
  notes: string[];
  /** The current run and every baseline run have the interleaved reference. */
  withReference: boolean;
}

/** Pairs each current scenario with the baseline runs' results of the same name, or says why it cannot be compared. */
export function matchScenarios(
  baselines: readonly Results[],
  current: Results,
): { matched: MatchedScenario[]; skipped: SkippedScenario[] } {
  const matched: MatchedScenario[] = [];
  const skipped: SkippedScenario[] = [];
  for (const scenario of current.scenarios) {
    const name = scenario.settings.name;
    const found = baselines.flatMap((b) => b.scenarios.filter((s) => s.settings.name === name));
    const comparable = found.filter((b) => whyNotComparable(b, scenario) === undefined);
    if (comparable.length === 0) {
      const first = found[0];
      skipped.push({
        name,
        reason: first === undefined ? 'not in the baseline' : (whyNotComparable(first, scenario) ?? ''),
      });
      continue;
    }
    const notes: string[] = [];
    if (comparable.length < found.length)
      notes.push(`${found.length - comparable.length} baseline run(s) measured differently: left out`);
    const durations = new Set(comparable.map((b) => b.settings.durationSeconds));
    if (durations.size > 1 || !durations.has(scenario.settings.durationSeconds)) {
      notes.push(
        `duration differs: baseline ${[...durations].join('/')} s, current ${scenario.settings.durationSeconds} s`,
      );
    }
    const withReference = hasReference(scenario) && comparable.every(hasReference);
    matched.push({ current: scenario, baselines: comparable, notes, withReference });
  }
  const currentNames = new Set(current.scenarios.map((s) => s.settings.name));
  const baselineNames = new Set(baselines.flatMap((b) => b.scenarios.map((s) => s.settings.name)));
  for (const name of baselineNames)
    if (!currentNames.has(name)) skipped.push({ name, reason: 'in the baseline only (not run now)' });
  return { matched, skipped };
}
