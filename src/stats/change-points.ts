/**
 * Level shifts in a series (runs in time order): E-divisive means (Matteson & James 2014, "A
 * nonparametric approach for multiple change point analysis of multivariate data", JASA 109) with a
 * permutation test, as MongoDB's signal-processing-algorithms and Otava (Hunter) use it. Pure.
 *
 * - The divergence of a split at τ is Q(τ, κ) = (τ(κ−τ)/κ)·Ê, with the energy distance
 *   Ê = 2·mean|x−y| − mean|x−x'| − mean|y−y'| (α = 1) between the values before τ and those from τ
 *   to κ, maximised over κ as well. It is distribution-free: it reacts to a shift of level, not to
 *   how the noise is shaped.
 * - Bisection: the best split of each segment found so far is a candidate; the candidate with the
 *   largest Q is tested by permuting its segment ({@link permutationsFor}: ≥ 999 times, a generator seeded by the
 *   series itself: the same series gives the same answer everywhere); p = (1 + #(max Q of a permutation ≥ Q)) / (1 + R).
 *   It is accepted when p ≤ the level, and the search goes on in the two halves; the first candidate
 *   that fails stops it.
 * - Under no change the first test fails with probability ≥ 1 − level, so a flat series gets a false
 *   change point at most `level` of the time (checked by simulation: scripts/bench-changepoints.ts).
 * - Segments are at least {@link MIN_SEGMENT_RUNS} long: a shift needs that many runs after it before
 *   it is confirmed, and one stray run cannot be cut out as a level of its own.
 */
import { createRng, type Rng } from './random.js';

// Read once: under jest every `Math.x` lookup goes through guarded globals and costs ~50× more.
const { abs, floor, imul } = Math;

/**
 * Fewest permutations per test (smallest p-value possible 1/(R+1) = 0.001); a lower level gets more,
 * {@link permutationsFor}, so that a history of many series can still confirm a shift.
 */
export const PERMUTATIONS = 999;

/** Permutations for a level: at least {@link PERMUTATIONS}, and enough that 4 may reach the statistic. */
export function permutationsFor(level: number): number {
  return Math.max(PERMUTATIONS, Math.ceil(4 / level) - 1);
}
/** Fewest runs on each side of a change point. */
export const MIN_SEGMENT_RUNS = 3;
/**
 * Seed of the permutations, mixed with the series' own bits: the same series always gives the same
 * change points, while different series get different permutations. One fixed set of permutations for
 * every series would make a test whose size is off by that set's luck (a Monte Carlo test is exact
 * only on average over its permutations).
 */
export const PERMUTATION_SEED = 20_261_129;

/** FNV-1a over the values' float64 bits, mixed into the seed: deterministic on every platform. */
export function seriesSeed(values: readonly number[], seed: number): number {
  const bytes = new Uint8Array(new Float64Array(values).buffer);
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const byte of bytes) hash = imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/** A level shift: the new level starts at `index`. */
export interface ChangePoint {
  /** Index (0-based) of the first value at the new level. */
  index: number;
  /** Permutation p-value of the split when it was accepted. */
  pValue: number;
}

/** Options of {@link findChangePoints}. */
export interface ChangePointOptions {
  /** Significance level of each test; the false change point rate of a flat series is at most this. */
  level: number;
  /** Default {@link MIN_SEGMENT_RUNS}. */
  minSegment?: number;
  /** Default {@link permutationsFor}(level). */
  permutations?: number;
  /** Default {@link PERMUTATION_SEED}; mixed with the series (see {@link seriesSeed}). */
  seed?: number;
}

/** The best split of values[start, end): where, and its Q. */
interface Split {
  start: number;
  end: number;
  index: number;
  q: number;
}

/**
 * Sums of |x_i − x_j| over rectangles of the distance matrix in O(1): a 2-D prefix sum, (n+1)² entries.
 */
function distanceSums(values: readonly number[]): (i0: number, i1: number, j0: number, j1: number) => number {
  const n = values.length;
  const w = n + 1;
  const prefix = new Float64Array(w * w);
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) {
      row += abs((values[i] as number) - (values[j] as number));
      prefix[(i + 1) * w + j + 1] = (prefix[i * w + j + 1] as number) + row;
    }
  }
  const at = (i: number, j: number) => prefix[i * w + j] as number;
  return (i0, i1, j0, j1) => at(i1, j1) - at(i0, j1) - at(i1, j0) + at(i0, j0);
}

/**
 * The largest Q over the splits of `values` with at least `minSegment` values on each side, and where
 * (relative to values). As Matteson & James, the second sample runs from τ to any κ ≤ n, not only to
 * the end: a dip that recovers (A B A) is then seen as the shift it is. O(n²) with prefix sums.
 */
export function bestSplit(values: readonly number[], minSegment: number): { index: number; q: number } {
  const n = values.length;
  let best = { index: -1, q: Number.NEGATIVE_INFINITY };
  if (n < 2 * minSegment) return best;
  const sum = distanceSums(values);
  for (let tau = minSegment; tau <= n - minSegment; tau++) {
    const withinLeft = sum(0, tau, 0, tau) / 2 / ((tau * (tau - 1)) / 2);
    for (let kappa = tau + minSegment; kappa <= n; kappa++) {
      const m = kappa - tau;
      const between = (2 * sum(0, tau, tau, kappa)) / (tau * m);
      const withinRight = sum(tau, kappa, tau, kappa) / 2 / ((m * (m - 1)) / 2);
      const q = ((tau * m) / (tau + m)) * (between - withinLeft - withinRight);
      if (q > best.q) best = { index: tau, q };
    }
  }
  return best;
}

function shuffled(values: readonly number[], rng: Rng): number[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as number, copy[i] as number];
  }
  return copy;
}

/** Permutation p-value of a segment's best split. */
function permutationP(
  segment: readonly number[],
  q: number,
  minSegment: number,
  rng: Rng,
  r: number,
): number {
  let atLeast = 0;
  for (let i = 0; i < r; i++) if (bestSplit(shuffled(segment, rng), minSegment).q >= q) atLeast += 1;
  return (1 + atLeast) / (1 + r);
}

function candidate(
  values: readonly number[],
  start: number,
  end: number,
  minSegment: number,
): Split | undefined {
  const found = bestSplit(values.slice(start, end), minSegment);
  if (found.index < 0 || !(found.q > 0)) return undefined;
  return { start, end, index: start + found.index, q: found.q };
}

/**
 * Change points of a series in time order, by E-divisive means with a permutation test (see the
 * module comment). Returns them sorted by index. Values must be finite (use logs of rates: a level
 * shift of a ratio is then the same size at any level).
 */
export function findChangePoints(values: readonly number[], options: ChangePointOptions): ChangePoint[] {
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('findChangePoints needs finite values');
  if (!(options.level > 0 && options.level < 1))
    throw new RangeError(`level must be in (0, 1), got ${options.level}`);
  const minSegment = options.minSegment ?? MIN_SEGMENT_RUNS;
  if (!(Number.isInteger(minSegment) && minSegment >= 2)) {
    throw new RangeError(
      `minSegment must be a whole number ≥ 2 (a segment needs a spread), got ${minSegment}`,
    );
  }
  const r = options.permutations ?? permutationsFor(options.level);
  const rng = createRng(seriesSeed(values, options.seed ?? PERMUTATION_SEED));
  const found: ChangePoint[] = [];
  let open = [candidate(values, 0, values.length, minSegment)].filter((c) => c !== undefined);
  while (open.length > 0) {
    const best = open.reduce((a, b) => (b.q > a.q ? b : a));
    const pValue = permutationP(values.slice(best.start, best.end), best.q, minSegment, rng, r);
    if (pValue > options.level) break;
    found.push({ index: best.index, pValue });
    open = [
      ...open.filter((c) => c !== best),
      candidate(values, best.start, best.index, minSegment),
      candidate(values, best.index, best.end, minSegment),
    ].filter((c) => c !== undefined);
  }
  return found.sort((a, b) => a.index - b.index);
}
