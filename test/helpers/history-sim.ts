/**
 * Simulated histories of the default branch: runs of the default suite under a noise model
 * (noisy-results.ts), one a day, with an optional drop of the pod path's rate from one run on. Pure:
 * all randomness comes from the seed.
 */
import { baselineSinceLastShift } from '../../src/compare/baseline-since-shift.js';
import type { Results } from '../../src/results/schema.js';
import { createRng } from '../../src/stats/random.js';
import { NOISE_MODELS, type NoiseModel, noisyRun } from './noisy-results.js';

/** One simulated history. */
export interface HistorySpec {
  runs: number;
  noise: NoiseModel;
  withReference: boolean;
  /** Samples (pairs) per scenario and run. */
  samples: number;
  /** Scenarios of the default suite (default: all). */
  scenarios?: readonly string[];
  /** From this run (0-based) on, the pod path's rate of every scenario drops by dropPct. */
  shiftAt?: number;
  dropPct?: number;
}

/** The runs of a history, oldest first, a day apart. */
export function noisyHistory(seed: number, spec: HistorySpec): Results[] {
  const rng = createRng(seed);
  return Array.from({ length: spec.runs }, (_, i) => {
    const drop = spec.shiftAt !== undefined && i >= spec.shiftAt ? (spec.dropPct ?? 0) : 0;
    const podDropPct = Object.fromEntries((spec.scenarios ?? ALL).map((name) => [name, drop]));
    const run = noisyRun(
      rng,
      {
        noise: NOISE_MODELS[spec.noise],
        samples: spec.samples,
        withReference: spec.withReference,
        podDropPct,
      },
      spec.scenarios,
    );
    const day = new Date(Date.UTC(2026, 9, 1 + i)).toISOString();
    return { ...run, startedAt: day, finishedAt: day };
  });
}

const ALL = ['tcp_stream_1', 'tcp_stream_32', 'tcp_rr_1cpu', 'tcp_rr_32cpu'];

/** How often a history gets each outcome: no shift, the shift found where it starts (± `slack`), elsewhere. */
export interface ShiftTally {
  trials: number;
  /** Histories with any change point at all. */
  any: number;
  /** Histories whose baseline starts exactly where the shift starts. */
  found: number;
  /** … within one run of it. */
  near: number;
}

/** Runs `trials` histories (seeds seed, seed+1, …) and tallies where their baselines start. */
export function tallyShifts(seed: number, trials: number, spec: HistorySpec): ShiftTally {
  const tally: ShiftTally = { trials, any: 0, found: 0, near: 0 };
  for (let t = 0; t < trials; t++) {
    const { shift } = baselineSinceLastShift(noisyHistory(seed + t, spec));
    if (shift === undefined) continue;
    tally.any += 1;
    const off =
      spec.shiftAt === undefined ? Number.POSITIVE_INFINITY : Math.abs(shift.runIndex - spec.shiftAt);
    if (off === 0) tally.found += 1;
    if (off <= 1) tally.near += 1;
  }
  return tally;
}
