import { aggregateSamples, aggregateValues } from '../../src/results/aggregate.js';

describe('aggregating samples', () => {
  it('summarises each metric over samples with a coefficient of variation in percent', () => {
    const aggregate = aggregateValues([9, 10, 11]);
    expect(aggregate).toEqual({ n: 3, median: 10, mean: 10, min: 9, max: 11, stddev: 1, cvPct: 10 });
  });

  it('gives one sample no spread rather than a made-up one', () => {
    expect(aggregateValues([7])).toEqual({
      n: 1,
      median: 7,
      mean: 7,
      min: 7,
      max: 7,
      stddev: 0,
      cvPct: null,
    });
  });

  it('keeps only metrics the samples have, in the canonical order', () => {
    const aggregates = aggregateSamples([
      { transactions_per_sec: 100, client_cpu_pct: 50 },
      { transactions_per_sec: 300, client_cpu_pct: 70 },
    ]);
    expect(Object.keys(aggregates)).toEqual(['transactions_per_sec', 'client_cpu_pct']);
    expect(aggregates.transactions_per_sec?.median).toBe(200);
  });

  it('has no spread figure when the mean is zero', () => {
    expect(aggregateValues([0, 0]).cvPct).toBe(0);
    expect(aggregateValues([-1, 1]).cvPct).toBeNull();
  });
});
