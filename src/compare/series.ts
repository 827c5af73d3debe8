/**
 * The values a comparison works on, per run: a raw metric's value in each sample, or a ratio metric's
 * value in each pod/reference pair. Pure.
 */
import { headlineMetric, type MetricName, RATIO_METRICS } from '../metrics/names.js';
import type { SampleResult, ScenarioResult } from '../results/schema.js';

function isRatio(metric: MetricName): metric is (typeof RATIO_METRICS)[number] {
  return (RATIO_METRICS as readonly string[]).includes(metric);
}

/** (client + server CPU %) per unit of the rate; the unit cancels in a ratio, so none is applied. */
function totalCpuPerRate(sample: SampleResult, rate: MetricName): number | undefined {
  const value = sample.metrics[rate];
  const client = sample.metrics.client_cpu_pct;
  const server = sample.metrics.server_cpu_pct;
  if (value === undefined || client === undefined || server === undefined || value <= 0) return undefined;
  return (client + server) / value;
}

function ratioOf(
  metric: (typeof RATIO_METRICS)[number],
  pod: SampleResult,
  reference: SampleResult,
  rate: MetricName,
): number | undefined {
  const figure = (sample: SampleResult) =>
    metric === 'rate_ratio' ? sample.metrics[rate] : totalCpuPerRate(sample, rate);
  const top = figure(pod);
  const bottom = figure(reference);
  if (top === undefined || bottom === undefined || !(bottom > 0)) return undefined;
  return top / bottom;
}

/**
 * Per pod/reference pair (sample i of the pods with sample i of the reference, measured next to each
 * other), the ratio metric's value; pairs where either side lacks a figure are left out.
 */
function ratioValues(result: ScenarioResult, metric: (typeof RATIO_METRICS)[number]): number[] {
  const reference = result.reference?.samples ?? [];
  const rate = headlineMetric(result.settings.test);
  const values: number[] = [];
  for (const [i, pod] of result.samples.entries()) {
    const partner = reference[i];
    if (partner === undefined) continue;
    const value = ratioOf(metric, pod, partner, rate);
    if (value !== undefined) values.push(value);
  }
  return values;
}

/** The run's values of a metric: per sample for raw metrics, per pair for ratio metrics. */
export function metricValues(result: ScenarioResult, metric: MetricName): number[] {
  if (isRatio(metric)) return ratioValues(result, metric);
  return result.samples.map((s) => s.metrics[metric]).filter((v): v is number => v !== undefined);
}

/** Whether the scenario was measured with an interleaved reference (ratio metrics exist). */
export function hasReference(result: ScenarioResult): boolean {
  return (result.reference?.samples.length ?? 0) > 0;
}
