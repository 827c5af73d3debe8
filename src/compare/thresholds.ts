import { z } from 'zod';
import type { MetricName } from '../metrics/names.js';
import { type MetricThresholds, metricThresholdsSchema, THRESHOLD_PCT } from '../metrics/schema.js';
import { SCENARIO_NAME } from '../suite/schema.js';
import { UsageError } from '../util/errors.js';
import { describeSchemaError } from '../util/schema-errors.js';
import { parseYamlDocument } from '../util/yaml.js';

/**
 * Noise floors in percent: a change smaller than this is never a regression, however certain.
 * Rates are steady on bare metal; tail latency and CPU readings wobble more; retransmissions are
 * counts that are often near zero, so only a large relative change counts.
 */
export const DEFAULT_THRESHOLDS_PCT: Record<MetricName, number> = {
  throughput_gbps: 5,
  transactions_per_sec: 5,
  latency_p50_us: 10,
  latency_p90_us: 10,
  latency_p99_us: 20,
  client_cpu_pct: 10,
  server_cpu_pct: 10,
  client_cpu_cost: 10,
  server_cpu_cost: 10,
  retransmits: 100,
};

/** A thresholds file: a default, per metric, and per scenario and metric (most specific wins). */
export const thresholdsFileSchema = z.strictObject({
  schemaVersion: z.literal(1).optional(),
  default: THRESHOLD_PCT.optional(),
  metrics: metricThresholdsSchema.optional(),
  scenarios: z.record(SCENARIO_NAME, metricThresholdsSchema).optional(),
});
export type ThresholdsFile = z.infer<typeof thresholdsFileSchema>;

/** Every source of thresholds, from flags and files. */
export interface ThresholdSources {
  /** `--threshold PCT`: replaces the built-in defaults and the file's default for every metric. */
  globalPct?: number;
  file?: ThresholdsFile;
  /** Per scenario, from the suite file's `thresholds` fields. */
  suite?: Readonly<Record<string, MetricThresholds>>;
}

/**
 * The threshold that applies to one scenario's metric. Most specific wins: thresholds file for the
 * scenario, suite file for the scenario, thresholds file for the metric, --threshold, the file's
 * default, the built-in default.
 */
export function thresholdFor(sources: ThresholdSources, scenario: string, metric: MetricName): number {
  return (
    sources.file?.scenarios?.[scenario]?.[metric] ??
    sources.suite?.[scenario]?.[metric] ??
    sources.file?.metrics?.[metric] ??
    sources.globalPct ??
    sources.file?.default ??
    DEFAULT_THRESHOLDS_PCT[metric]
  );
}

/** Parses a thresholds file (YAML or JSON); errors name the file and the field. */
export function parseThresholds(text: string, label: string): ThresholdsFile {
  const document = parseYamlDocument(text, label);
  const parsed = thresholdsFileSchema.safeParse(document ?? {});
  if (!parsed.success) throw new UsageError(describeSchemaError(label, parsed.error, document));
  return parsed.data;
}
