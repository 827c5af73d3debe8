import { aggregateSamples } from './aggregate.js';
import type { SampleResult, ScenarioResult } from './schema.js';

function renumbered(first: readonly SampleResult[], extra: readonly SampleResult[]): SampleResult[] {
  return [...first, ...extra.map((sample, offset) => ({ ...sample, index: first.length + offset }))];
}

/**
 * Adds later samples of the same scenario (a further block of the sequential gate) and re-aggregates;
 * the reference's samples are appended alike, so pod and reference stay paired by index.
 */
export function appendSamples(first: ScenarioResult, extra: ScenarioResult): ScenarioResult {
  const samples = renumbered(first.samples, extra.samples);
  const merged: ScenarioResult = {
    ...first,
    settings: { ...first.settings, samples: samples.length },
    samples,
    aggregates: aggregateSamples(samples.map((sample) => sample.metrics)),
  };
  if (first.reference !== undefined || extra.reference !== undefined) {
    const reference = renumbered(first.reference?.samples ?? [], extra.reference?.samples ?? []);
    merged.reference = { samples: reference, aggregates: aggregateSamples(reference.map((s) => s.metrics)) };
  }
  return merged;
}
