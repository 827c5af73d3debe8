import type { MetricName } from '../metrics/names.js';
import type { ScenarioResult } from '../results/schema.js';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Three significant digits below 1000, whole numbers with thousands separators above. */
function significant(value: number): string {
  if (Math.abs(value) >= 1000) return grouped.format(value);
  if (value === 0) return '0';
  return String(Number(value.toPrecision(3)));
}

/**
 * A metric's value as every report shows it: the one rounding rule of the project, so a figure reads
 * the same in the table, the markdown and the HTML.
 */
export function formatMetric(metric: MetricName, value: number): string {
  switch (metric) {
    case 'client_cpu_pct':
    case 'server_cpu_pct':
      return value.toFixed(1);
    case 'retransmits':
      return grouped.format(Math.round(value));
    case 'transactions_per_sec':
      return grouped.format(Math.round(value));
    case 'throughput_gbps':
    case 'latency_p50_us':
    case 'latency_p90_us':
    case 'latency_p99_us':
    case 'client_cpu_cost':
    case 'server_cpu_cost':
      return significant(value);
    case 'rate_ratio':
    case 'cpu_cost_ratio':
      return value.toFixed(3);
  }
}

/** A signed percentage with one decimal: "+3.2%", "-12.0%". */
export function formatPercentChange(pct: number): string {
  const rounded = Math.round(pct * 10) / 10;
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(1)}%`;
}

/** A duration for progress lines: "45 s", "3 min 20 s". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** Lays out rows under headers, columns padded; the first column left-aligned, the rest right-aligned. */
export function renderTextTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

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
