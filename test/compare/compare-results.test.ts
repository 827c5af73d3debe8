import { compareResults } from '../../src/compare/compare-results.js';
import { parseThresholds, thresholdFor } from '../../src/compare/thresholds.js';
import { renderComparisonText } from '../../src/report/comparison-text.js';
import { around, resultsWith, scenarioWith } from '../helpers/results-builder.js';

const warn = { thresholds: {}, environmentPolicy: 'warn' as const };

describe('comparing results', () => {
  it('passes identical results with every metric unchanged', () => {
    const results = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000))]);
    const comparison = compareResults(results, results, warn);
    expect(comparison.verdict).toBe('pass');
    expect(comparison.counts).toEqual({ regression: 0, improvement: 0, unchanged: 1, inconclusive: 0 });
  });

  it('calls a transactions/s drop of twice the threshold a regression', () => {
    const baseline = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000))]);
    const current = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 31500))]);
    const comparison = compareResults(baseline, current, warn);
    expect(comparison.verdict).toBe('regression');
    expect(comparison.scenarios[0]?.metrics[0]).toMatchObject({
      metric: 'transactions_per_sec',
      verdict: 'regression',
      threshold: 5,
      gated: true,
    });
  });

  it('calls a latency drop an improvement, not a regression', () => {
    const baseline = resultsWith([scenarioWith('tcp_rr_1cpu', around('latency_p50_us', 30))]);
    const current = resultsWith([scenarioWith('tcp_rr_1cpu', around('latency_p50_us', 20))]);
    const comparison = compareResults(baseline, current, warn);
    expect(comparison.verdict).toBe('pass');
    expect(comparison.counts.improvement).toBe(1);
  });

  it('lets a per-scenario threshold absorb a change the default would flag', () => {
    const baseline = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000))]);
    const current = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 31500))]);
    const file = parseThresholds('scenarios: {tcp_rr_1cpu: {transactions_per_sec: 20}}', 't.yml');
    const comparison = compareResults(baseline, current, { ...warn, thresholds: { file } });
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
    const comparison = compareResults(baseline, current, warn);
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
    const comparison = compareResults(baseline, resultsWith([changed]), warn);
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
    const comparison = compareResults(baseline, current, warn);
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
    const comparison = compareResults(resultsWith([scenario], '6.1.0'), resultsWith([scenario], '6.18.0'), {
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
    const comparison = compareResults(baseline, current, warn);
    expect(comparison.verdict).toBe('pass');
    expect(comparison.counts).toEqual({ regression: 0, improvement: 0, unchanged: 0, inconclusive: 0 });
    expect(comparison.scenarios[0]?.metrics[0]).toMatchObject({ gated: false, verdict: 'regression' });
    expect(renderComparisonText(comparison)).toContain('REGRESSION (not gated)');
  });
});

describe('the comparison text', () => {
  it('starts with the verdict and is the same byte for byte on every run', () => {
    const baseline = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000))]);
    const current = resultsWith(
      [scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 20000))],
      '6.19.0',
    );
    const first = renderComparisonText(compareResults(baseline, current, warn));
    const second = renderComparisonText(compareResults(baseline, current, warn));
    expect(first).toBe(second);
    expect(first.split('\n')[0]).toBe(
      'Verdict: REGRESSION (1 regressed, 0 improved, 0 unchanged, 0 inconclusive)',
    );
    expect(first).toContain('client kernel: 6.18.0 → 6.19.0');
  });
});
