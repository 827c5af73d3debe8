/**
 * Family-wise error control for the gate: Holm's step-down procedure, and how the gate's error rate is
 * spent across sequential looks. Pure.
 */

/**
 * Holm's step-down procedure (Holm 1979): which of these p-values are rejected with the family-wise
 * error rate at most `alpha`. Sort ascending; reject p(1) ≤ α/m, then p(2) ≤ α/(m−1), … and stop at the
 * first that is not. Returns one flag per input, in input order. NaN p-values are never rejected.
 */
export function holmRejections(pValues: readonly number[], alpha: number): boolean[] {
  const order = pValues
    .map((p, index) => ({ p: Number.isNaN(p) ? Number.POSITIVE_INFINITY : p, index }))
    .sort((a, b) => a.p - b.p);
  const rejected = pValues.map(() => false);
  const m = pValues.length;
  for (const [rank, { p, index }] of order.entries()) {
    if (p > alpha / (m - rank)) break;
    rejected[index] = true;
  }
  return rejected;
}

/**
 * Holm-adjusted p-values (R's `p.adjust(p, "holm")`): the smallest family-wise level at which each
 * hypothesis would be rejected. Shown in reports beside the raw p-values.
 */
export function holmAdjusted(pValues: readonly number[]): number[] {
  return weightedHolmAdjusted(
    pValues,
    pValues.map(() => 1),
  );
}

/**
 * Weighted Holm (Holm 1979, §5): adjusted p-values of the weighted Bonferroni step-down. Hypothesis i
 * gets the share wᵢ/Σw of the level: order by pᵢ/wᵢ; the r-th is rejected at level α when every one
 * before it is and p(r)/w(r) · Σ_{s ≥ r} w(s) ≤ α, so the adjusted value is the running maximum of
 * min(1, p(r)/w(r) · Σ_{s ≥ r} w(s)). The family-wise error rate is at most α for any positive weights
 * fixed before the data; equal weights give Holm's procedure. NaN p-values count as 1.
 */
export function weightedHolmAdjusted(pValues: readonly number[], weights: readonly number[]): number[] {
  if (weights.length !== pValues.length || weights.some((w) => !(w > 0 && Number.isFinite(w)))) {
    throw new RangeError('weightedHolmAdjusted needs one finite weight > 0 per p-value');
  }
  const order = pValues
    .map((p, index) => ({ p: Number.isNaN(p) ? 1 : p, w: weights[index] ?? 1, index }))
    .sort((a, b) => a.p / a.w - b.p / b.w);
  const adjusted = pValues.map(() => 1);
  let remaining = order.reduce((sum, h) => sum + h.w, 0);
  let running = 0;
  for (const { p, w, index } of order) {
    running = Math.max(running, Math.min(1, (p / w) * remaining));
    adjusted[index] = running;
    remaining -= w;
  }
  return adjusted;
}

/** Exponent of the power spending function: most of the error rate is kept for the last looks. */
export const SPENDING_POWER = 3;

/**
 * The share of `alpha` look `look` (1-based) of `looks` may spend: α·(t_k^ρ − t_{k−1}^ρ) with
 * t_k = k/looks and ρ = {@link SPENDING_POWER} (the Kim–DeMets power family). Testing each look at its
 * share and adding them up by Bonferroni keeps the whole sequence's error rate at most α, whatever the
 * correlation between looks; early looks get little, so stopping early needs strong evidence.
 */
export function spentAlpha(alpha: number, look: number, looks: number): number {
  if (!(Number.isInteger(look) && Number.isInteger(looks) && look >= 1 && look <= looks)) {
    throw new RangeError(`Invalid look ${look} of ${looks}. Expected 1 ≤ look ≤ looks.`);
  }
  const at = (k: number) => (k / looks) ** SPENDING_POWER;
  return alpha * (at(look) - at(look - 1));
}
