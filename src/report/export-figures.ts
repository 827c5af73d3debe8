import type { MetricName } from '../metrics/names.js';
import type { ScenarioResult } from '../results/schema.js';
import { formatMetric } from './format.js';

/**
 * A metric's value as a plain number, rounded exactly as `formatMetric` shows it (without thousands
 * separators), so a dashboard, a chart and the report never disagree in the last digit.
 */
export function roundedValue(metric: MetricName, value: number): number {
  return Number(formatMetric(metric, value).replaceAll(',', ''));
}

/** `tcp_rr_1cpu/transactions_per_sec`: how every export names one scenario's metric. */
export function exportName(scenario: ScenarioResult, metric: MetricName): string {
  return `${scenario.settings.name}/${metric}`;
}
