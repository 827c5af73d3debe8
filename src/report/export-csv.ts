import { METRIC_NAMES, metricDirection } from '../metrics/names.js';
import type { Results } from '../results/schema.js';
import { exportName, roundedValue } from './format.js';
import { unitOf } from './report-input.js';

/** Columns of the CSV export: median … stddev are in the row's `unit`, cv in percent of the mean. */
export const CSV_HEADER = [
  'name',
  'scenario',
  'test',
  'concurrency',
  'cpus',
  'metric',
  'unit',
  'direction',
  'samples',
  'median',
  'mean',
  'min',
  'max',
  'stddev',
  'cv (%)',
] as const;

/** RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * Results as CSV, one row per scenario × metric with its summary over samples (median, mean, min,
 * max, stddev, CV), rounded as the reports show them. RFC 4180: CRLF line ends, a header row,
 * quoting where needed. Per-sample values stay in the results JSON; this file is for spreadsheets
 * and dashboards that want one figure per metric and run.
 */
export function toCsv(results: Results): string {
  const rows = results.scenarios.flatMap((scenario) =>
    METRIC_NAMES.flatMap((metric) => {
      const aggregate = scenario.aggregates[metric];
      if (aggregate === undefined) return [];
      const value = (v: number) => String(roundedValue(metric, v));
      const { name, test, concurrency, cpus } = scenario.settings;
      return [
        csvLine([
          exportName(scenario, metric),
          name,
          test,
          String(concurrency),
          cpus === null ? '' : String(cpus),
          metric,
          unitOf(metric, scenario),
          metricDirection(metric),
          String(aggregate.n),
          value(aggregate.median),
          value(aggregate.mean),
          value(aggregate.min),
          value(aggregate.max),
          value(aggregate.stddev),
          aggregate.cvPct === null ? '' : aggregate.cvPct.toFixed(1),
        ]),
      ];
    }),
  );
  return [csvLine(CSV_HEADER), ...rows].join('');
}
