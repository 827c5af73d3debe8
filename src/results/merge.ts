import { aggregateSamples } from '../metrics/aggregate.js';
import type { ScenarioResult } from './schema.js';

/** Adds extra samples of the same scenario (taken later to settle an inconclusive verdict) and re-aggregates. */
export function appendSamples(first: ScenarioResult, extra: ScenarioResult): ScenarioResult {
  const samples = [
    ...first.samples,
    ...extra.samples.map((sample, offset) => ({ ...sample, index: first.samples.length + offset })),
  ];
  return {
    ...first,
    settings: { ...first.settings, samples: samples.length },
    samples,
    aggregates: aggregateSamples(samples.map((sample) => sample.metrics)),
  };
}
