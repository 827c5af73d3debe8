import { METRIC_NAMES, type MetricName, type MetricValues } from '../metrics/names.js';
import { coefficientOfVariation, maximum, mean, median, minimum, sampleStdDev } from '../stats/describe.js';
import type { Aggregate } from './schema.js';

/** Summary of one metric's values over samples; spread needs two samples, so one sample has none. */
export function aggregateValues(values: readonly number[]): Aggregate {
  const spread = values.length >= 2;
  const cv = spread ? coefficientOfVariation(values) : Number.NaN;
  return {
    n: values.length,
    median: median(values),
    mean: mean(values),
    min: minimum(values),
    max: maximum(values),
    stddev: spread ? sampleStdDev(values) : 0,
    cvPct: Number.isFinite(cv) ? cv * 100 : null,
  };
}

/** Aggregates for every metric that at least one sample has, in the canonical metric order. */
export function aggregateSamples(samples: readonly MetricValues[]): Partial<Record<MetricName, Aggregate>> {
  const aggregates: Partial<Record<MetricName, Aggregate>> = {};
  for (const metric of METRIC_NAMES) {
    const values = samples
      .map((sample) => sample[metric])
      .filter((value): value is number => value !== undefined);
    if (values.length > 0) aggregates[metric] = aggregateValues(values);
  }
  return aggregates;
}
