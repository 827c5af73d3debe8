/** A linear axis from zero: a round maximum and the ticks up to it. */
export interface NiceScale {
  max: number;
  ticks: number[];
}

const STEP_MULTIPLIERS = [1, 2, 2.5, 5, 10] as const;

/** Drops floating-point dust (0.30000000000000004 → 0.3) so ticks print cleanly. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Zero to a round number at or above `maxValue`, in about `targetTicks` steps of 1, 2, 2.5 or 5 × 10^k.
 * Bars start at zero so their lengths compare honestly; a non-positive or non-finite maximum gives 0…1.
 */
export function niceScale(maxValue: number, targetTicks = 5): NiceScale {
  const top = Number.isFinite(maxValue) && maxValue > 0 ? maxValue : 1;
  const rawStep = top / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rawStep));
  const step = clean((STEP_MULTIPLIERS.find((m) => m * magnitude >= rawStep * (1 - 1e-9)) ?? 10) * magnitude);
  const count = Math.ceil(clean(top / step));
  const ticks = Array.from({ length: count + 1 }, (_, i) => clean(i * step));
  return { max: clean(count * step), ticks };
}
