import {
  CLAMP_ROBUST_SDS,
  changeInterval,
  estimateChange,
  estimateProblem,
  fUpperTail,
  MIN_RUNS_FOR_SPREAD,
  POOLING_P,
  pBeyond,
  type RunLevelEstimate,
} from '../../src/stats/run-level.js';

// Every case is checkable by hand: values are written as e^x so that the model's log scale shows the
// x directly, and the expected figures follow from the formulas in src/stats/run-level.ts.
const e = Math.exp;
/** A run of values e^(centre + offset) for each offset. */
const run = (centre: number, offsets: number[]) => offsets.map((x) => e(centre + x));

function estimateWith(fields: Partial<RunLevelEstimate>): RunLevelEstimate {
  return {
    logChange: 0,
    standardError: 0.02,
    df: 8,
    baselineRuns: 1,
    betweenRunPct: null,
    pooledScenarios: 1,
    withinRunPct: 1,
    baselineCentre: 100,
    currentCentre: 100,
    ...fields,
  };
}

describe('estimateChange with fewer than MIN_RUNS_FOR_SPREAD baseline runs', () => {
  test('knows MIN_RUNS_FOR_SPREAD as 3', () => {
    expect(MIN_RUNS_FOR_SPREAD).toBe(3);
  });

  test.each([
    { sizes: [2, 2], df: 2 },
    { sizes: [5, 5], df: 8 },
    { sizes: [4, 5, 6], df: 12 },
    { sizes: [2, 10], df: 10 },
  ])(
    'leaves the between-run spread unknown (null) and uses df = Σ(n − 1) = $df for run sizes $sizes',
    ({ sizes, df }) => {
      const runs = sizes.map((n, k) =>
        run(
          k * 0.01,
          Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0.01 : -0.01) * (i + 1)),
        ),
      );
      const estimate = estimateChange(runs.slice(0, -1), runs.at(-1) ?? []);
      expect(estimate.betweenRunPct).toBeNull();
      expect(estimate.df).toBe(df);
      expect(estimate.baselineRuns).toBe(sizes.length - 1);
    },
  );

  test('is the within-run test: change 0.1 ± √(σ_w²(1/n_c + 1/n_b)) with σ_w² pooled over both runs', () => {
    const estimate = estimateChange([run(0, [0, 0.02])], run(0.1, [0, 0.02]));
    // Each run's squared deviations: 2 × 0.01²; pooled over 2 df: σ_w² = 0.0002.
    expect(estimate.logChange).toBeCloseTo(0.1, 12);
    expect(estimate.standardError).toBeCloseTo(Math.sqrt(0.0002 * (1 / 2 + 1 / 2)), 12);
    expect(estimate.withinRunPct).toBeCloseTo((e(Math.sqrt(0.0002)) - 1) * 100, 10);
  });
});

describe('estimateChange with enough baseline runs to know the spread', () => {
  test('finds no between-run spread when the baseline runs have identical means, and keeps the within-run test', () => {
    const baseline = [run(0, [-0.01, 0, 0.01]), run(0, [0.01, -0.01, 0]), run(0, [0, 0.01, -0.01])];
    const estimate = estimateChange(baseline, run(0.05, [-0.01, 0, 0.01]));
    expect(estimate.betweenRunPct).toBe(0);
    // σ_w² = 4 runs × 2·0.01² / 8 df = 0.0001; variance σ_w²(1/3 + 1/(3·3)).
    expect(estimate.df).toBe(8);
    expect(estimate.standardError).toBeCloseTo(Math.sqrt(0.0001 * (1 / 3 + 1 / 9)), 12);
    expect(estimate.logChange).toBeCloseTo(0.05, 12);
  });

  test.each([3, 5, 10])(
    'with %p equal-sized runs far apart, is a t test on the run means: df = K − 1 and se = √((1 + 1/K)·s²)',
    (k) => {
      const means = Array.from({ length: k }, (_, i) => (i - (k - 1) / 2) * 0.1);
      const baseline = means.map((m) => run(m, [-0.001, 0, 0.001]));
      const estimate = estimateChange(baseline, run(0.3, [-0.001, 0, 0.001]));
      const s2 = means.reduce((sum, m) => sum + m * m, 0) / (k - 1);
      // σ_w² = (K + 1) runs × 2·0.001² / (2(K + 1)) df = 1e-6; σ_b² = s² − σ_w²/3.
      expect(estimate.df).toBeCloseTo(k - 1, 9);
      expect(estimate.standardError).toBeCloseTo(Math.sqrt((1 + 1 / k) * s2), 9);
      expect(estimate.betweenRunPct).toBeCloseTo((e(Math.sqrt(s2 - 1e-6 / 3)) - 1) * 100, 6);
      expect(estimate.logChange).toBeCloseTo(0.3, 12);
    },
  );

  test('with runs far apart and a longer current run, has df just off K − 1 (Welch–Satterthwaite)', () => {
    const baseline = [-0.2, -0.1, 0, 0.1, 0.2].map((m) => run(m, [-0.001, 0, 0.001]));
    const estimate = estimateChange(baseline, run(0, [-0.001, 0, 0.001, 0, -0.001, 0, 0.001, 0]));
    expect(Math.abs(estimate.df - 4)).toBeLessThan(0.01);
    expect(estimate.df).not.toBe(4);
  });
});

describe('estimateChange pooling the between-run variance', () => {
  // Three baseline runs and the current one, each e^(m + {−0.01, 0, 0.01}): σ_w² = 4 × 2·0.01² / 8 = 1e-4.
  // Baseline run means −d, 0, d: s² = d², F = 3d²/σ_w² on (2, 8) degrees of freedom (scipy f.sf).
  test.each([
    { f: 1.5, p: 0.279762311317533, pooled: true },
    { f: 3, p: 0.10662224073302792, pooled: false },
  ])('with F = $f (p = $p against POOLING_P 0.25) pools: $pooled', ({ f, pooled }) => {
    expect(POOLING_P).toBe(0.25);
    const d = Math.sqrt((f * 1e-4) / 3);
    const offsets = [-0.01, 0, 0.01];
    const estimate = estimateChange([run(-d, offsets), run(0, offsets), run(d, offsets)], run(0.02, offsets));
    // Either way s² > σ_w²/n: the spread alone would have been used before pooling existed.
    expect(d * d).toBeGreaterThan(1e-4 / 3);
    if (pooled) {
      expect(estimate.betweenRunPct).toBe(0);
      expect(estimate.df).toBe(8);
      expect(estimate.standardError).toBeCloseTo(Math.sqrt(1e-4 * (1 / 3 + 1 / 9)), 12);
    } else {
      expect(estimate.betweenRunPct).toBeCloseTo((e(Math.sqrt(d * d - 1e-4 / 3)) - 1) * 100, 9);
      expect(estimate.df).toBeCloseTo(2, 9);
      expect(estimate.standardError).toBeCloseTo(Math.sqrt((1 + 1 / 3) * d * d), 12);
    }
  });
});

describe('estimateChange with a between-run variance pooled over scenarios', () => {
  // Three baseline runs and the current one as above (σ_w² = 1e-4, ñ = n_c = 3); σ_b² = 0.004 given,
  // as one estimate on 20 df.
  const shared = { variance: 0.004, terms: [{ coefficient: 1, estimate: 0.004, df: 20 }], scenarios: 3 };
  const offsets = [-0.01, 0, 0.01];
  const baseline = [run(0, offsets), run(0, offsets), run(0, offsets)];

  test('uses it in place of its own: se = √((1 + 1/K)σ_b² + σ_w²(1/n_c + 1/(Kñ))), Welch–Satterthwaite df', () => {
    const estimate = estimateChange(baseline, run(0.1, offsets), shared);
    const between = (4 / 3) * 0.004;
    const within = 1e-4 * (1 / 3 + 1 / 9);
    expect(estimate.standardError).toBeCloseTo(Math.sqrt(between + within), 12);
    expect(estimate.df).toBeCloseTo((between + within) ** 2 / (between ** 2 / 20 + within ** 2 / 8), 9);
    expect(estimate.betweenRunPct).toBeCloseTo((e(Math.sqrt(0.004)) - 1) * 100, 9);
    expect(estimate.pooledScenarios).toBe(3);
  });

  test('is the within-run test when the pooled variance is 0', () => {
    const estimate = estimateChange(baseline, run(0.1, offsets), { ...shared, variance: 0 });
    expect(estimate.df).toBe(8);
    expect(estimate.standardError).toBeCloseTo(Math.sqrt(1e-4 * (1 / 3 + 1 / 9)), 12);
    expect(estimate.betweenRunPct).toBe(0);
  });
});

describe('fUpperTail', () => {
  test.each([
    [1.5, 2, 8, 0.279762311317533],
    [3, 2, 8, 0.10662224073302792],
    [1, 4, 20, 0.43068155437292166],
    [2.5, 3, 12.5, 0.10715460151081936],
    [0.2, 2, 8, 0.822702474791882],
    [40, 9, 50, 8.361709472766751e-20],
  ])('P(F > %p) on (%p, %p) degrees of freedom is %p (scipy f.sf)', (f, d1, d2, expected) => {
    expect(Math.abs(fUpperTail(f, d1, d2) / expected - 1)).toBeLessThan(1e-7);
  });

  test('is 1 at and below 0 and 0 at +∞', () => {
    expect(fUpperTail(0, 2, 8)).toBe(1);
    expect(fUpperTail(-1, 2, 8)).toBe(1);
    expect(fUpperTail(Number.POSITIVE_INFINITY, 2, 8)).toBe(0);
  });
});

describe('estimateChange on the log scale', () => {
  test.each([
    {
      baseline: [
        [10, 10],
        [20, 20],
        [40, 40],
      ],
      current: [25, 25],
      geometric: 20,
    },
    { baseline: [[100, 100]], current: [90, 90], geometric: 100 },
    {
      baseline: [
        [2, 2, 2],
        [8, 8, 8],
      ],
      current: [4, 4, 4],
      geometric: 4,
    },
    {
      baseline: [
        [1, 1],
        [10, 10],
        [100, 100],
        [1000, 1000],
      ],
      current: [50, 50],
      geometric: 10 ** 1.5,
    },
  ])(
    'for constant runs is ln(current / geometric mean of the baseline runs): $current against $baseline',
    ({ baseline, current, geometric }) => {
      const estimate = estimateChange(baseline, current);
      const currentValue = current[0] ?? Number.NaN;
      expect(estimate.logChange).toBeCloseTo(Math.log(currentValue / geometric), 12);
      expect(estimate.baselineCentre).toBeCloseTo(geometric, 9);
      expect(estimate.currentCentre).toBeCloseTo(currentValue, 9);
    },
  );

  test('has no uncertainty when every run is constant and the spread is unknown', () => {
    expect(estimateChange([[8, 8]], [10, 10]).standardError).toBe(0);
  });
});

describe('estimateChange clamping', () => {
  // Four logs around 0.01 and one stray value: median 0.01, MAD 0.01, so the bounds are
  // 0.01 ± 4 × 1.4826 × 0.01 and the stray value counts as the bound it crossed.
  const bound = 4 * 1.4826 * 0.01;
  test.each([
    {
      others: [-0.01, 0, 0.01, 0.02],
      stray: 5,
      counted: 0.01 + bound,
      why: 'a huge value is pulled down to median + 4 robust SDs',
    },
    {
      others: [0, 0.01, 0.02, 0.03],
      stray: -5,
      counted: 0.01 - bound,
      why: 'a tiny value is pulled up to median − 4 robust SDs',
    },
    {
      others: [-0.01, 0, 0.01, 0.02],
      stray: 0.06,
      counted: 0.06,
      why: 'a value within 4 robust SDs is left alone',
    },
  ])('$why', ({ others, stray, counted }) => {
    expect(CLAMP_ROBUST_SDS).toBe(4);
    const estimate = estimateChange([[1, 1, 1, 1, 1]], run(0, [...others, stray]));
    const sum = others.reduce((total, x) => total + x, 0);
    expect(estimate.logChange).toBeCloseTo((sum + counted) / 5, 12);
  });

  test('clamps a stray value in a baseline run as well', () => {
    const clean = estimateChange([run(0, [-0.01, 0, 0.01, 0.02, 0.01 + bound])], [1, 1, 1]);
    const stray = estimateChange([run(0, [-0.01, 0, 0.01, 0.02, 9])], [1, 1, 1]);
    expect(stray.logChange).toBeCloseTo(clean.logChange, 12);
    expect(stray.withinRunPct).toBeCloseTo(clean.withinRunPct, 9);
  });
});

describe('estimateProblem', () => {
  test.each([
    { baseline: [], current: [1, 2], problem: 'no baseline run' },
    { baseline: [[1]], current: [1, 2], problem: 'a run with fewer than 2 samples' },
    { baseline: [[1, 2]], current: [3], problem: 'a run with fewer than 2 samples' },
    { baseline: [[1, 0]], current: [1, 2], problem: 'zero or missing values (a ratio cannot be taken)' },
    {
      baseline: [[1, 2]],
      current: [Number.NaN, 2],
      problem: 'zero or missing values (a ratio cannot be taken)',
    },
    { baseline: [[1, -2]], current: [1, 2], problem: 'zero or missing values (a ratio cannot be taken)' },
    {
      baseline: [[1, 2]],
      current: [Number.POSITIVE_INFINITY, 2],
      problem: 'zero or missing values (a ratio cannot be taken)',
    },
  ])(
    'finds "$problem" in $baseline against $current, and estimateChange refuses it',
    ({ baseline, current, problem }) => {
      expect(estimateProblem(baseline, current)).toBe(problem);
      expect(() => estimateChange(baseline, current)).toThrow(
        new RangeError(`No run-level estimate: ${problem}.`),
      );
    },
  );

  test('finds nothing wrong with two runs of two positive values', () => {
    expect(estimateProblem([[1, 2]], [3, 4])).toBeUndefined();
  });
});

describe('pBeyond', () => {
  // t statistics (sign·δ − margin)/se; p-values from scipy.stats.t.sf.
  test.each([
    {
      logChange: -0.1,
      se: 0.02,
      df: 8,
      sign: -1 as const,
      margin: 0.05,
      p: 0.01847101885681206,
      why: 'down 0.1, margin 0.05: t = 2.5',
    },
    {
      logChange: 0.01,
      se: 0.04,
      df: 12.5,
      sign: 1 as const,
      margin: 0.05,
      p: 0.8318619725179627,
      why: 'up 0.01, margin 0.05: t = −1',
    },
  ])('gives P(T > t) = $p ($why)', ({ logChange, se, df, sign, margin, p }) => {
    const actual = pBeyond(estimateWith({ logChange, standardError: se, df }), sign, margin);
    expect(Math.abs(actual / p - 1)).toBeLessThan(1e-7);
  });

  test.each([
    { logChange: -0.1, sign: -1 as const, margin: 0.05, p: 0, why: 'beyond the margin: certain' },
    { logChange: -0.05, sign: -1 as const, margin: 0.05, p: 1, why: 'exactly at the margin: not beyond' },
    { logChange: 0.2, sign: -1 as const, margin: 0.05, p: 1, why: 'on the other side: not beyond' },
  ])('with no uncertainty gives $p ($why)', ({ logChange, sign, margin, p }) => {
    expect(pBeyond(estimateWith({ logChange, standardError: 0 }), sign, margin)).toBe(p);
  });
});

describe('changeInterval', () => {
  test.each([
    { logChange: 0, why: 'around no change' },
    { logChange: Math.log(0.9), why: 'around a 10 % drop' },
  ])('is exp(δ ± t(0.95, df)·se) − 1 in percent at level 0.9 ($why)', ({ logChange }) => {
    const half = 1.8595480375308973 * 0.02; // scipy.stats.t.ppf(0.95, 8) × se
    const interval = changeInterval(estimateWith({ logChange, standardError: 0.02, df: 8 }), 0.9);
    expect(interval.lowPct).toBeCloseTo((e(logChange - half) - 1) * 100, 6);
    expect(interval.highPct).toBeCloseTo((e(logChange + half) - 1) * 100, 6);
  });
});
