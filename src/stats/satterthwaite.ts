/**
 * Welch–Satterthwaite: the degrees of freedom of a linear combination of independent variance
 * estimates, Σ cᵢ·sᵢ² with sᵢ² on dfᵢ, approximated by a scaled χ² with
 * df = (Σ cᵢsᵢ²)² / Σ (cᵢsᵢ²)²/dfᵢ (Satterthwaite 1946). Pure.
 */

/** One independent variance estimate in a Welch–Satterthwaite sum Σ coefficient·estimate. */
export interface VarianceTerm {
  coefficient: number;
  estimate: number;
  df: number;
  /** Terms with the same key are the same estimate: their coefficients add up. */
  key?: string;
}

/** Σ coefficient·estimate and its Welch–Satterthwaite degrees of freedom. */
export function satterthwaite(terms: readonly VarianceTerm[]): { variance: number; df: number } {
  const merged = new Map<string, VarianceTerm>();
  for (const [i, term] of terms.entries()) {
    const key = term.key ?? `#${i}`;
    const seen = merged.get(key);
    merged.set(
      key,
      seen === undefined ? { ...term } : { ...seen, coefficient: seen.coefficient + term.coefficient },
    );
  }
  const parts = [...merged.values()];
  const variance = parts.reduce((sum, t) => sum + t.coefficient * t.estimate, 0);
  const denominator = parts.reduce((sum, t) => sum + (t.coefficient * t.estimate) ** 2 / t.df, 0);
  return { variance, df: denominator > 0 ? variance ** 2 / denominator : Number.POSITIVE_INFINITY };
}
