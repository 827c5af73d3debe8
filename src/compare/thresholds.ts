import { z } from 'zod';
import {
  headlineMetric,
  METRIC_NAMES,
  type MetricName,
  type MetricThresholds,
  metricThresholdsSchema,
  type TestType,
  THRESHOLD,
  type Threshold,
} from '../metrics/names.js';
import { SCENARIO_NAME } from '../suite/schema.js';
import { UsageError } from '../util/errors.js';
import { describeSchemaError } from '../util/schema-errors.js';
import { parseYamlDocument } from '../util/yaml.js';

/**
 * Noise floors in percent: a change smaller than this is never a regression, however certain.
 * Rates are steady on bare metal; tail latency and CPU readings wobble more. Retransmissions are
 * reported but not gated by default: they are counts that jump between 0 and hundreds from one run
 * to the next on an unchanged setup (seen on veth here: 0 and 405 in two samples), so a percentage
 * of them means nothing until a team has calibrated its own cluster.
 */
export const DEFAULT_THRESHOLDS_PCT: Record<MetricName, Threshold> = {
  throughput_gbps: 5,
  transactions_per_sec: 5,
  latency_p50_us: 10,
  latency_p90_us: 10,
  latency_p99_us: 20,
  client_cpu_pct: 10,
  server_cpu_pct: 10,
  client_cpu_cost: 10,
  server_cpu_cost: 10,
  retransmits: 'off',
  rate_ratio: 5,
  cpu_cost_ratio: 10,
};

/**
 * Whether a thresholds source names this metric for this scenario (a file's scenario or metric entry,
 * or the suite's): naming a metric is how a metric outside the primary set becomes gated.
 */
export function isNamed(sources: ThresholdSources, scenario: string, metric: MetricName): boolean {
  return (
    sources.file?.scenarios?.[scenario]?.[metric] !== undefined ||
    sources.suite?.[scenario]?.[metric] !== undefined ||
    sources.file?.metrics?.[metric] !== undefined
  );
}

/** A thresholds file: a default, per metric, and per scenario and metric (most specific wins). */
export const thresholdsFileSchema = z.strictObject({
  schemaVersion: z.literal(1).optional(),
  default: THRESHOLD.optional(),
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
 * scenario, suite file for the scenario, thresholds file for the metric; then a metric that is off by
 * default stays off (only naming it turns it on); then --threshold, the file's default, the built-in
 * default.
 */
export function thresholdFor(sources: ThresholdSources, scenario: string, metric: MetricName): Threshold {
  const named =
    sources.file?.scenarios?.[scenario]?.[metric] ??
    sources.suite?.[scenario]?.[metric] ??
    sources.file?.metrics?.[metric];
  if (named !== undefined) return named;
  const builtIn = DEFAULT_THRESHOLDS_PCT[metric];
  if (builtIn === 'off') return builtIn;
  return sources.globalPct ?? sources.file?.default ?? builtIn;
}

function unknownMetric(record: unknown): string | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  return Object.keys(record).find((key) => !(METRIC_NAMES as readonly string[]).includes(key));
}

/** A misspelt metric name is the likeliest mistake in a thresholds file: name the known ones. */
function checkMetricNames(document: unknown, label: string): void {
  const file = (document ?? {}) as { metrics?: unknown; scenarios?: Record<string, unknown> };
  const places: [string, unknown][] = [['metrics', file.metrics]];
  if (file.scenarios !== null && typeof file.scenarios === 'object') {
    for (const [name, record] of Object.entries(file.scenarios)) places.push([`scenarios.${name}`, record]);
  }
  for (const [where, record] of places) {
    const bad = unknownMetric(record);
    if (bad !== undefined) {
      throw new UsageError(
        `${label}: ${where}: unknown metric "${bad}"; metrics: ${METRIC_NAMES.join(', ')}`,
      );
    }
  }
}

/** Parses a thresholds file (YAML or JSON); errors name the file and the field. */
export function parseThresholds(text: string, label: string): ThresholdsFile {
  const document = parseYamlDocument(text, label);
  checkMetricNames(document, label);
  const parsed = thresholdsFileSchema.safeParse(document ?? {});
  if (!parsed.success) throw new UsageError(describeSchemaError(label, parsed.error, document));
  return parsed.data;
}

/**
 * The smallest floor of a guard (the raw rate beside a reference) unless a file names its threshold.
 * A guard watches for what slows both paths (a kernel); the ratios watch the datapath at 5 %. With the
 * rate's 5 % floor, a run that drifted by 10 % set off 0.5–1.3 % of unchanged simulated gates; with 15 %,
 * 0.0–0.1 %, and no drop the ratios catch was missed (npm run bench:verdicts, 2026-11-29).
 */
export const GUARD_FLOOR_PCT = 15;

/** primary: decides the verdict; guard: can only fail it; shown: reported, never counted. */
export type MetricRole = 'primary' | 'guard' | 'shown';

/** What a metric's role depends on. */
export interface RoleContext {
  scenario: string;
  test: TestType;
  metric: MetricName;
  /** Both sides have the interleaved reference (ratio metrics exist). */
  withReference: boolean;
  /** Enough baseline runs to know the between-run spread. */
  spreadKnown: boolean;
}

/** The primary set of a scenario: the rate, its ratio to the reference where there is one, and CPU cost. */
export function primaryMetrics(test: TestType, withReference: boolean): MetricName[] {
  return withReference
    ? ['rate_ratio', 'cpu_cost_ratio']
    : [headlineMetric(test), 'client_cpu_cost', 'server_cpu_cost'];
}

/**
 * The role of a metric. A threshold of `off` shows it only. A metric a thresholds source names is
 * primary. Otherwise the primary set is primary; beside a reference the raw rate is a guard (it can
 * fail the gate when both paths slowed, e.g. a kernel change), but only once the between-run spread is
 * known: with fewer baseline runs a drifted run cannot be told from a change, so it is shown only.
 * Everything else is shown.
 */
export function metricRole(sources: ThresholdSources, context: RoleContext): MetricRole {
  const { scenario, test, metric, withReference, spreadKnown } = context;
  if (thresholdFor(sources, scenario, metric) === 'off') return 'shown';
  if (isNamed(sources, scenario, metric)) return 'primary';
  if (primaryMetrics(test, withReference).includes(metric)) return 'primary';
  if (withReference && metric === headlineMetric(test)) return spreadKnown ? 'guard' : 'shown';
  return 'shown';
}
