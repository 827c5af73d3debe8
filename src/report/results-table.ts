import type { MetricName } from '../metrics/names.js';
import type { Results, ScenarioResult } from '../results/schema.js';
import { formatMetric, renderTextTable } from './format.js';

function median(result: ScenarioResult, metric: MetricName): string {
  const aggregate = result.aggregates[metric];
  return aggregate === undefined ? '—' : formatMetric(metric, aggregate.median);
}

/** The headline figure with its run-to-run spread, e.g. "13.7 ±4.1%". */
function withSpread(result: ScenarioResult, metric: MetricName): string {
  const aggregate = result.aggregates[metric];
  if (aggregate === undefined) return '—';
  const spread = aggregate.cvPct === null ? '' : ` ±${aggregate.cvPct.toFixed(1)}%`;
  return `${formatMetric(metric, aggregate.median)}${spread}`;
}

function cpus(result: ScenarioResult): string {
  return result.settings.cpus === null ? 'any' : String(result.settings.cpus);
}

function streamTable(rows: readonly ScenarioResult[]): string {
  return renderTextTable(
    [
      'TCP_STREAM',
      'streams',
      'cores',
      'samples',
      'throughput Gbit/s',
      'client CPU %',
      'server CPU %',
      'client %CPU/10G',
      'server %CPU/10G',
      'retransmits',
    ],
    rows.map((r) => [
      r.settings.name,
      String(r.settings.concurrency),
      cpus(r),
      String(r.samples.length),
      withSpread(r, 'throughput_gbps'),
      median(r, 'client_cpu_pct'),
      median(r, 'server_cpu_pct'),
      median(r, 'client_cpu_cost'),
      median(r, 'server_cpu_cost'),
      median(r, 'retransmits'),
    ]),
  );
}

function rrTable(rows: readonly ScenarioResult[]): string {
  return renderTextTable(
    [
      'TCP_RR',
      'processes',
      'cores',
      'samples',
      'trans/s',
      'p50 µs',
      'p90 µs',
      'p99 µs',
      'client CPU %',
      'server CPU %',
      'client %CPU/100k',
      'server %CPU/100k',
    ],
    rows.map((r) => [
      r.settings.name,
      String(r.settings.concurrency),
      cpus(r),
      String(r.samples.length),
      withSpread(r, 'transactions_per_sec'),
      median(r, 'latency_p50_us'),
      median(r, 'latency_p90_us'),
      median(r, 'latency_p99_us'),
      median(r, 'client_cpu_pct'),
      median(r, 'server_cpu_pct'),
      median(r, 'client_cpu_cost'),
      median(r, 'server_cpu_cost'),
    ]),
  );
}

/**
 * The table `run` prints at the end: one block per test type, medians over samples, the headline
 * figure with its coefficient of variation. CPU is node-wide (netperf reads /proc/stat).
 */
export function renderResultsTable(results: Results): string {
  const streams = results.scenarios.filter((s) => s.settings.test === 'TCP_STREAM');
  const rr = results.scenarios.filter((s) => s.settings.test === 'TCP_RR');
  const blocks: string[] = [];
  if (streams.length > 0) blocks.push(streamTable(streams));
  if (rr.length > 0) blocks.push(rrTable(rr));
  blocks.push(
    'Medians over samples; ±: coefficient of variation. CPU % is node-wide, as netperf -c/-C report it.',
  );
  return `${blocks.join('\n\n')}\n`;
}
