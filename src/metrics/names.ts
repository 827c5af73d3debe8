import { z } from 'zod';

/** The two netperf tests the suite uses (omni TCP_STREAM and TCP_RR). Here, below both metrics and suite. */
export const TEST_TYPES = ['TCP_STREAM', 'TCP_RR'] as const;
export type TestType = (typeof TEST_TYPES)[number];

/**
 * Metric names are part of the user interface: thresholds files and reports name them.
 * Every metric has one direction; `metricDirection` is the only place that knows it.
 */
export const METRIC_NAMES = [
  'throughput_gbps',
  'transactions_per_sec',
  'latency_p50_us',
  'latency_p90_us',
  'latency_p99_us',
  'client_cpu_pct',
  'server_cpu_pct',
  'client_cpu_cost',
  'server_cpu_cost',
  'retransmits',
  'rate_ratio',
  'cpu_cost_ratio',
] as const;

/**
 * Metrics of a pod/reference pair rather than of one sample: per interleaved pair, the pod path's figure
 * over the reference path's. `rate_ratio`: throughput (streams) or transactions/s (request/response);
 * `cpu_cost_ratio`: (client + server CPU %) per unit of work. They cancel what both paths share (the
 * host's load, the run's drift) and exist only when the scenario was measured with a reference.
 */
export const RATIO_METRICS = ['rate_ratio', 'cpu_cost_ratio'] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

export type Direction = 'higher-is-better' | 'lower-is-better';

/** Which way is better for a metric: rates up, latency, CPU and retransmissions down. */
export function metricDirection(metric: MetricName): Direction {
  switch (metric) {
    case 'throughput_gbps':
    case 'transactions_per_sec':
    case 'rate_ratio':
      return 'higher-is-better';
    case 'latency_p50_us':
    case 'latency_p90_us':
    case 'latency_p99_us':
    case 'client_cpu_pct':
    case 'server_cpu_pct':
    case 'client_cpu_cost':
    case 'server_cpu_cost':
    case 'retransmits':
    case 'cpu_cost_ratio':
      return 'lower-is-better';
  }
}

/** What `client_cpu_cost` / `server_cpu_cost` are normalised to, like Cilium's charts. */
export function costUnit(test: TestType): string {
  switch (test) {
    case 'TCP_STREAM':
      return '% CPU per 10 Gbit/s';
    case 'TCP_RR':
      return '% CPU per 100k trans/s';
  }
}

/** Unit shown beside a metric in every table header; CPU cost depends on the test type. */
export function metricUnit(metric: MetricName, test?: TestType): string {
  switch (metric) {
    case 'throughput_gbps':
      return 'Gbit/s';
    case 'transactions_per_sec':
      return 'trans/s';
    case 'latency_p50_us':
    case 'latency_p90_us':
    case 'latency_p99_us':
      return 'µs';
    case 'client_cpu_pct':
    case 'server_cpu_pct':
      return '% CPU';
    case 'client_cpu_cost':
    case 'server_cpu_cost':
      return test === undefined ? '% CPU per unit of work' : costUnit(test);
    case 'retransmits':
      return 'segments';
    case 'rate_ratio':
    case 'cpu_cost_ratio':
      return 'pod/ref';
  }
}

/** A sample's figures: every metric the scenario's test type yields. */
export type MetricValues = Partial<Record<MetricName, number>>;

/** The metric a scenario is about: throughput for streams, transactions per second for request/response. */
export function headlineMetric(test: TestType): MetricName {
  switch (test) {
    case 'TCP_STREAM':
      return 'throughput_gbps';
    case 'TCP_RR':
      return 'transactions_per_sec';
  }
}

/** A noise floor in percent. */
export const THRESHOLD_PCT = z.number().positive().max(1000);

/** A noise floor in percent, or `off`: the metric is reported but never fails the gate. */
export const THRESHOLD = z.union([THRESHOLD_PCT, z.literal('off')]);
export type Threshold = z.infer<typeof THRESHOLD>;

/** Thresholds by metric name, as suite and thresholds files write them. */
export const metricThresholdsSchema = z.partialRecord(z.enum(METRIC_NAMES), THRESHOLD);
export type MetricThresholds = z.infer<typeof metricThresholdsSchema>;
