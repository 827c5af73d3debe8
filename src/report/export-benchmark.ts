/**
 * Exports for the dashboards people already run. One small pure function per format, like
 * github-action-benchmark's own extractors; the caller writes the files.
 */
import { METRIC_NAMES, type MetricName, metricDirection } from '../metrics/names.js';
import type { Aggregate, Results, ScenarioResult } from '../results/schema.js';
import { exportName, formatMetric, roundedValue } from './format.js';
import { unitOf } from './report-input.js';

/** One entry of github-action-benchmark's `customBiggerIsBetter` / `customSmallerIsBetter` JSON. */
export interface BenchmarkEntry {
  /** `scenario/metric`, e.g. `tcp_rr_1cpu/transactions_per_sec`. */
  name: string;
  unit: string;
  /** Median over samples, rounded as every report shows it. */
  value: number;
  /** Spread shown beside the value: "± <sample standard deviation>" (needs two samples). */
  range?: string;
  /** Shown in the tooltip: sample count, min and max, how the scenario ran. */
  extra?: string;
}

/** The two files github-action-benchmark takes, one per direction (its `tool` input says which). */
export interface GithubActionBenchmarkExport {
  /** For `tool: customBiggerIsBetter`: throughput and transactions/s. */
  biggerIsBetter: BenchmarkEntry[];
  /** For `tool: customSmallerIsBetter`: latency, CPU, CPU cost, retransmissions. */
  smallerIsBetter: BenchmarkEntry[];
}

/** Every aggregate of every scenario, in run order and the canonical metric order. */
function eachAggregate(
  results: Results,
): { scenario: ScenarioResult; metric: MetricName; aggregate: Aggregate }[] {
  return results.scenarios.flatMap((scenario) =>
    METRIC_NAMES.flatMap((metric) => {
      const aggregate = scenario.aggregates[metric];
      return aggregate === undefined ? [] : [{ scenario, metric, aggregate }];
    }),
  );
}

function benchmarkEntry(scenario: ScenarioResult, metric: MetricName, aggregate: Aggregate): BenchmarkEntry {
  const unit = unitOf(metric, scenario);
  const { test, concurrency } = scenario.settings;
  const extra = `median of ${aggregate.n} samples; min ${formatMetric(metric, aggregate.min)}, max ${formatMetric(metric, aggregate.max)} ${unit}; ${test} x${concurrency}`;
  return {
    name: exportName(scenario, metric),
    unit,
    value: roundedValue(metric, aggregate.median),
    ...(aggregate.n >= 2 ? { range: `± ${formatMetric(metric, aggregate.stddev)}` } : {}),
    extra,
  };
}

/**
 * Results as github-action-benchmark's custom JSON: write `biggerIsBetter` to one file for
 * `tool: customBiggerIsBetter` and `smallerIsBetter` to another for `tool: customSmallerIsBetter`
 * (the action takes one direction per step). Values are medians over samples.
 */
export function toGithubActionBenchmark(results: Results): GithubActionBenchmarkExport {
  const exported: GithubActionBenchmarkExport = { biggerIsBetter: [], smallerIsBetter: [] };
  for (const { scenario, metric, aggregate } of eachAggregate(results)) {
    const side = metricDirection(metric) === 'higher-is-better' ? 'biggerIsBetter' : 'smallerIsBetter';
    exported[side].push(benchmarkEntry(scenario, metric, aggregate));
  }
  return exported;
}

/** A Bencher metric: the value with optional lower and upper bounds. */
export interface BencherMetric {
  value: number;
  lower_value?: number;
  upper_value?: number;
}

/** Bencher Metric Format: benchmark name → measure slug → metric. */
export type BencherMetricFormat = Record<string, Record<string, BencherMetric>>;

/** A metric name as a Bencher measure slug (lower-case kebab case, at most 64 characters). */
export function bencherMeasureSlug(metric: MetricName): string {
  return metric.replaceAll('_', '-');
}

/**
 * Results in Bencher Metric Format (BMF) JSON for `bencher run --adapter json`: one benchmark per
 * scenario (its name), one measure per metric (`throughput-gbps`, `transactions-per-sec`, …);
 * value = median, lower_value/upper_value = min/max over samples, rounded as the reports show them.
 */
export function toBencherMetricFormat(results: Results): BencherMetricFormat {
  const exported: BencherMetricFormat = {};
  for (const { scenario, metric, aggregate } of eachAggregate(results)) {
    const benchmark = exported[scenario.settings.name] ?? {};
    exported[scenario.settings.name] = benchmark;
    benchmark[bencherMeasureSlug(metric)] = {
      value: roundedValue(metric, aggregate.median),
      lower_value: roundedValue(metric, aggregate.min),
      upper_value: roundedValue(metric, aggregate.max),
    };
  }
  return exported;
}
