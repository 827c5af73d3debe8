/**
 * Student's t distribution: the distribution function (R's `pt`) and its inverse (R's `qt`), for the
 * run-level test, whose degrees of freedom are fractional (Welch–Satterthwaite). Pure.
 *
 * P(T ≤ t) comes from the regularized incomplete beta function, I_x(df/2, 1/2) with x = df/(df + t²),
 * evaluated by Lentz's continued fraction (Numerical Recipes §6.4); the quantile by bisection on it,
 * which is slow next to Newton's method but cannot fail to converge, and the gate calls it a few
 * hundred times per run at most.
 */
import { normalCdf } from './normal.js';

const EPSILON = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 1000;
/** Beyond this many degrees of freedom t is the normal distribution to double precision for our use. */
const NORMAL_DF = 1e7;

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error below 1e-14). */
export function logGamma(x: number): number {
  const coefficients = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = coefficients[0] ?? 0;
  for (let i = 1; i < coefficients.length; i++) sum += (coefficients[i] ?? 0) / (shifted + i);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The continued fraction of the incomplete beta function (Lentz's method). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let result = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + even * d;
    d = Math.abs(d) < TINY ? 1 / TINY : 1 / d;
    c = 1 + even / c;
    if (Math.abs(c) < TINY) c = TINY;
    result *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + odd * d;
    d = Math.abs(d) < TINY ? 1 / TINY : 1 / d;
    c = 1 + odd / c;
    if (Math.abs(c) < TINY) c = TINY;
    const step = d * c;
    result *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return result;
}

/** The regularized incomplete beta function I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges fast for x < (a + 1)/(a + b + 2); use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) beyond.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

function checkDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`Invalid degrees of freedom ${df}. Expected a number > 0.`);
}

/** P(T > t) for t ≥ 0, computed directly so small tail probabilities keep their digits. */
function upperTail(t: number, df: number): number {
  if (df >= NORMAL_DF) return normalCdf(-t);
  return 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (R's `pt(t, df)`); df may be fractional or Infinity. */
export function tCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  return t >= 0 ? 1 - upperTail(t, df) : upperTail(-t, df);
}

/** P(T > t): the one-sided p-value of a t statistic (R's `pt(t, df, lower.tail = FALSE)`). */
export function tUpperTail(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 0;
  if (t === Number.NEGATIVE_INFINITY) return 1;
  return t >= 0 ? upperTail(t, df) : 1 - upperTail(-t, df);
}

/** The p-quantile of Student's t (R's `qt(p, df)`), to about 1e-12 relative; the tail is solved directly. */
export function tQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p > 0 && p < 1)) {
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    throw new RangeError(`Invalid probability ${p}. Expected 0 ≤ p ≤ 1.`);
  }
  // Solve P(T > t) = tail for t ≥ 0 with the smaller tail, so p = 1e-20 keeps its digits.
  const tail = p < 0.5 ? p : 1 - p;
  let low = 0;
  let high = 1;
  while (upperTail(high, df) > tail) high *= 2;
  for (let i = 0; i < 300 && high - low > 1e-15 * Math.max(1, high); i++) {
    const middle = (low + high) / 2;
    if (upperTail(middle, df) > tail) low = middle;
    else high = middle;
  }
  const t = (low + high) / 2;
  return p < 0.5 ? -t : t;
}
