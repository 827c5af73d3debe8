import { compareResults, DEFAULT_FAMILY_ALPHA } from '../../src/compare/compare-results.js';
import { parseThresholds, thresholdFor } from '../../src/compare/thresholds.js';
import type { MetricValues } from '../../src/metrics/names.js';
import { renderComparisonText } from '../../src/report/comparison-text.js';
import { around, resultsWith, scenarioWith, withReference, wobble } from '../helpers/results-builder.js';

const warn = { thresholds: {}, environmentPolicy: 'warn' as const };

describe('comparing results', () => {
  it('passes identical results with every metric unchanged', () => {
    const results = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000))]);
    const comparison = compareResults([results], results, warn);
    expect(comparison.verdict).toBe('pass');
    expect(comparison.counts).toEqual({ regression: 0, improvement: 0, unchanged: 1, inconclusive: 0 });
  });

  it('calls a transactions/s drop of twice the threshold a regression', () => {
    const baseline = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000))]);
    const current = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 31500))]);
    const comparison = compareResults([baseline], current, warn);
    expect(comparison.verdict).toBe('regression');
    expect(comparison.scenarios[0]?.metrics[0]).toMatchObject({
      metric: 'transactions_per_sec',
      verdict: 'regression',
      threshold: 5,
      gated: true,
    });
  });

  it('calls a transactions/s rise an improvement, not a regression', () => {
    const baseline = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 30000))]);
    const current = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 40000))]);
    const comparison = compareResults([baseline], current, warn);
    expect(comparison.verdict).toBe('pass');
    expect(comparison.counts.improvement).toBe(1);
  });

  it('shows latency with a verdict but does not gate it unless a thresholds file names it', () => {
    const baseline = resultsWith([scenarioWith('tcp_rr_1cpu', around('latency_p50_us', 30))]);
    const current = resultsWith([scenarioWith('tcp_rr_1cpu', around('latency_p50_us', 60))]);
    const shown = compareResults([baseline], current, warn);
    expect(shown.verdict).toBe('pass');
    expect(shown.scenarios[0]?.metrics[0]).toMatchObject({
      role: 'shown',
      gated: false,
      verdict: 'regression',
    });
    const file = parseThresholds('metrics: {latency_p50_us: 10}', 't.yml');
    expect(compareResults([baseline], current, { ...warn, thresholds: { file } }).verdict).toBe('regression');
  });

  it('lets a per-scenario threshold absorb a change the default would flag', () => {
    const baseline = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000))]);
    const current = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 31500))]);
    const file = parseThresholds('scenarios: {tcp_rr_1cpu: {transactions_per_sec: 20}}', 't.yml');
    const comparison = compareResults([baseline], current, { ...warn, thresholds: { file } });
    expect(comparison.verdict).toBe('pass');
    expect(comparison.scenarios[0]?.metrics[0]?.verdict).toBe('unchanged');
  });

  it('compares what overlaps and lists what does not', () => {
    const baseline = resultsWith([
      scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000)),
      scenarioWith('tcp_stream_1', around('throughput_gbps', 8)),
    ]);
    const current = resultsWith([
      scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000)),
      scenarioWith('tcp_rr_32cpu', around('transactions_per_sec', 90000)),
    ]);
    const comparison = compareResults([baseline], current, warn);
    expect(comparison.scenarios.map((s) => s.name)).toEqual(['tcp_rr_1cpu']);
    expect(comparison.skipped).toEqual([
      { name: 'tcp_rr_32cpu', reason: 'not in the baseline' },
      { name: 'tcp_stream_1', reason: 'in the baseline only (not run now)' },
    ]);
  });

  it('does not compare a scenario measured with other settings', () => {
    const baseline = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000))]);
    const changed = scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000));
    changed.settings.concurrency = 4;
    const comparison = compareResults([baseline], resultsWith([changed]), warn);
    expect(comparison.skipped[0]?.reason).toBe(
      'measured differently (concurrency 1 → 4); refresh the baseline',
    );
  });

  it('notes a metric only one side has', () => {
    const baseline = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000))]);
    const current = resultsWith([
      scenarioWith('tcp_rr_1cpu', [
        { transactions_per_sec: 35000, client_cpu_pct: 50 },
        { transactions_per_sec: 35001, client_cpu_pct: 51 },
        { transactions_per_sec: 34999, client_cpu_pct: 52 },
      ]),
    ]);
    const comparison = compareResults([baseline], current, warn);
    expect(comparison.scenarios[0]?.notes).toEqual([
      'client_cpu_pct only in the current results: not compared',
    ]);
  });

  it.each([
    ['warn', 'pass', 1],
    ['fail', 'regression', 1],
    ['ignore', 'pass', 0],
  ] as const)('with environment policy %s a kernel change gives %s', (policy, verdict, listed) => {
    const scenario = scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000));
    const comparison = compareResults([resultsWith([scenario], '6.1.0')], resultsWith([scenario], '6.18.0'), {
      ...warn,
      environmentPolicy: policy,
    });
    expect(comparison.verdict).toBe(verdict);
    expect(comparison.environment.length).toBe(listed * 2);
  });
});

describe('thresholds', () => {
  const file = parseThresholds(
    'default: 7\nmetrics: {throughput_gbps: 3}\nscenarios: {tcp_stream_1: {throughput_gbps: 12}}',
    't.yml',
  );

  it.each([
    ['tcp_stream_1', 'throughput_gbps', {}, 12],
    ['tcp_stream_32', 'throughput_gbps', {}, 3],
    ['tcp_stream_32', 'client_cpu_pct', {}, 7],
    ['tcp_stream_32', 'client_cpu_pct', { globalPct: 9 }, 9],
    ['tcp_stream_32', 'throughput_gbps', { suite: { tcp_stream_32: { throughput_gbps: 4 } } }, 4],
  ] as const)('%s %s resolves to the most specific threshold', (scenario, metric, extra, expected) => {
    expect(thresholdFor({ file, ...extra }, scenario, metric)).toBe(expected);
  });

  it('keeps retransmits off unless a file names them, whatever --threshold says', () => {
    expect(thresholdFor({ globalPct: 9 }, 'x', 'retransmits')).toBe('off');
    expect(
      thresholdFor({ file: parseThresholds('metrics: {retransmits: 50}', 't.yml') }, 'x', 'retransmits'),
    ).toBe(50);
  });

  it('falls back to the built-in default per metric family', () => {
    expect(thresholdFor({}, 'x', 'latency_p99_us')).toBe(20);
  });

  it('refuses unknown metric names with the allowed ones', () => {
    expect(() => parseThresholds('metrics: {throughput: 5}', 't.yml')).toThrow(/t\.yml: metrics/);
  });
});

describe('a metric that is off', () => {
  it('is shown but neither counted nor failing', () => {
    const baseline = resultsWith([scenarioWith('tcp_stream_1', around('retransmits', 10))]);
    const current = resultsWith([scenarioWith('tcp_stream_1', around('retransmits', 500))]);
    const comparison = compareResults([baseline], current, warn);
    expect(comparison.verdict).toBe('pass');
    expect(comparison.counts).toEqual({ regression: 0, improvement: 0, unchanged: 0, inconclusive: 0 });
    expect(comparison.scenarios[0]?.metrics[0]).toMatchObject({ gated: false });
    expect(renderComparisonText(comparison)).toContain('(not gated)');
  });
});

describe('the comparison text', () => {
  it('starts with the verdict and is the same byte for byte on every run', () => {
    const baseline = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000))]);
    const current = resultsWith(
      [scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 20000))],
      '6.19.0',
    );
    const first = renderComparisonText(compareResults([baseline], current, warn));
    const second = renderComparisonText(compareResults([baseline], current, warn));
    expect(first).toBe(second);
    expect(first.split('\n')[0]).toBe(
      'Verdict: REGRESSION (1 regressed, 0 improved, 0 unchanged, 0 inconclusive)',
    );
    expect(first).toContain('client kernel: 6.18.0 → 6.19.0');
  });
});

/** n samples of the RR rate with CPU, the rate wobbling by ±amplitude, scaled by `level`. */
function rrSamples(level: number, n = 6, amplitude = 0.02, phase = 0): MetricValues[] {
  return Array.from({ length: n }, (_, i) => ({
    transactions_per_sec: 30000 * level * wobble(i + phase, amplitude),
    client_cpu_pct: 40,
    server_cpu_pct: 40,
  }));
}

/** A run of tcp_rr_1cpu whose pod and reference paths share the run's level; the pod path also has `podFactor`. */
function pairedRun(level: number, podFactor: number, phase = 0) {
  const pod = rrSamples(level * podFactor, 6, 0.02, phase);
  return resultsWith([withReference(scenarioWith('tcp_rr_1cpu', pod), rrSamples(level, 6, 0.02, phase + 3))]);
}

describe('the run is the unit of replication', () => {
  it('says run-to-run noise is unknown with one baseline run, and knows it from three', () => {
    const one = compareResults([pairedRun(1, 1)], pairedRun(1, 1, 1), warn);
    expect(one.lowConfidence.join(' ')).toContain('run-to-run noise unknown');
    const three = compareResults(
      [pairedRun(1, 1), pairedRun(0.8, 1, 1), pairedRun(1.2, 1, 2)],
      pairedRun(1, 1, 4),
      warn,
    );
    expect(three.lowConfidence).toEqual([]);
    const rate = three.scenarios[0]?.metrics.find((m) => m.metric === 'transactions_per_sec');
    expect(rate?.betweenRunPct).toBeGreaterThan(10);
  });

  it('gates on pod/reference ratios, so a whole run drifting by 40 % is no regression', () => {
    const baselines = [pairedRun(1, 1), pairedRun(0.85, 1, 1), pairedRun(1.15, 1, 2)];
    const comparison = compareResults(baselines, pairedRun(0.6, 1, 4), warn);
    expect(comparison.verdict).not.toBe('regression');
    const roles = Object.fromEntries(comparison.scenarios[0]?.metrics.map((m) => [m.metric, m.role]) ?? []);
    expect(roles).toMatchObject({
      rate_ratio: 'primary',
      cpu_cost_ratio: 'primary',
      transactions_per_sec: 'guard',
    });
    const guard = comparison.scenarios[0]?.metrics.find((m) => m.role === 'guard');
    expect(guard?.threshold).toBe(15);
  });

  it('catches a 20 % pod-path drop through the ratio even when the whole run drifted up', () => {
    const baselines = [pairedRun(1, 1), pairedRun(0.85, 1, 1), pairedRun(1.15, 1, 2)];
    const comparison = compareResults(baselines, pairedRun(1.2, 0.8, 4), warn);
    expect(comparison.verdict).toBe('regression');
    const ratio = comparison.scenarios[0]?.metrics.find((m) => m.metric === 'rate_ratio');
    expect(ratio?.verdict).toBe('regression');
    expect(ratio?.changePct).toBeCloseTo(-20, 0);
  });

  it('shows the raw rate only, beside a reference, while the between-run spread is unknown', () => {
    const comparison = compareResults([pairedRun(1, 1)], pairedRun(0.5, 1, 1), warn);
    const rate = comparison.scenarios[0]?.metrics.find((m) => m.metric === 'transactions_per_sec');
    expect(rate).toMatchObject({ role: 'shown', gated: false });
    expect(comparison.verdict).not.toBe('regression');
  });

  it('is inconclusive, never pass, when a primary metric can be neither shown worse than its floor nor better than the drop it is built to catch', () => {
    const noisy = (level: number, phase: number) =>
      resultsWith([scenarioWith('tcp_rr_1cpu', rrSamples(level, 3, 0.3, phase))]);
    const comparison = compareResults([noisy(1, 0)], noisy(0.93, 2), warn);
    expect(comparison.verdict).toBe('inconclusive');
    expect(renderComparisonText(comparison)).toContain('Inconclusive:');
  });

  it('passes a metric whose interval is wider than ±floor once a drop of 3 × the floor is ruled out', () => {
    // 8 % wobble: the 90 % interval of a 2 % drop spans more than ±5 %, but not −15 %.
    const wobbly = (level: number, phase: number) =>
      resultsWith([scenarioWith('tcp_rr_1cpu', rrSamples(level, 6, 0.08, phase))]);
    const comparison = compareResults([wobbly(1, 0)], wobbly(0.98, 1), warn);
    const rate = comparison.scenarios[0]?.metrics.find((m) => m.metric === 'transactions_per_sec');
    expect(rate?.ciLowPct).toBeLessThan(-5);
    expect(rate?.ciLowPct).toBeGreaterThan(-15);
    expect(rate?.verdict).toBe('unchanged');
    expect(rate?.reason).toContain('worse by less than 15%');
    expect(comparison.verdict).toBe('pass');
  });

  it('spends less of the error rate at an early look of a sequential gate', () => {
    const early = compareResults([pairedRun(1, 1)], pairedRun(1, 1, 1), {
      ...warn,
      look: { index: 1, count: 3 },
    });
    const last = compareResults([pairedRun(1, 1)], pairedRun(1, 1, 1), {
      ...warn,
      look: { index: 3, count: 3 },
    });
    expect(early.alpha.look).toBeCloseTo(DEFAULT_FAMILY_ALPHA / 27, 10);
    expect(last.alpha.look).toBeCloseTo((DEFAULT_FAMILY_ALPHA * 19) / 27, 10);
  });
});
