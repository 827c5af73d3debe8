/** The charts of one scenario in the HTML report, as chart models for svg-bar-chart.ts. */
import type { MetricComparison } from '../compare/compare-results.js';
import type { MetricName } from '../metrics/names.js';
import { formatMetric } from './format.js';
import { headlineMetric, type ScenarioView, sampleValues, unitOf, verdictWord } from './report-input.js';
import type { BarChart, ChartBar, ChartGroup } from './svg-bar-chart.js';
import { chartId } from './svg-bar-chart.js';
import type { ChangeChart } from './svg-change-chart.js';

/**
 * The whisker on the current bar: the 90% bootstrap interval of the change (ciLowPct…ciHighPct)
 * applied to the baseline median, i.e. the current medians the data supports, in the metric's unit.
 * Chosen over a separate bootstrap of the current median because it is exactly the interval the
 * verdict was decided on: a whisker wholly outside the shaded threshold band is a regression or an
 * improvement (given p ≤ alpha), so the picture and the verdict cannot disagree.
 */
export function currentInterval(metric: MetricComparison): ChartBar['interval'] {
  const base = metric.baselineMedian;
  if (!Number.isFinite(base) || !Number.isFinite(metric.ciLowPct) || !Number.isFinite(metric.ciHighPct)) {
    return undefined;
  }
  return { low: base * (1 + metric.ciLowPct / 100), high: base * (1 + metric.ciHighPct / 100) };
}

function comparedMetric(view: ScenarioView, metric: MetricName): MetricComparison | undefined {
  return view.comparison?.metrics.find((m) => m.metric === metric);
}

/**
 * The bar of the node-to-node (host-network) reference, when the current results carry one: every
 * chart then shows it beside baseline and current.
 */
function referenceBars(view: ScenarioView, metric: MetricName): ChartBar[] {
  const reference = view.result.reference;
  const aggregate = reference?.aggregates[metric];
  if (reference === undefined || aggregate === undefined) return [];
  const samples = reference.samples.map((s) => s.metrics[metric]).filter((v): v is number => v !== undefined);
  return [{ series: 'node-to-node', value: aggregate.median, samples }];
}

/** Baseline and current bars of a compared metric, or the current bar alone; none when not measured. */
export function barsFor(view: ScenarioView, metric: MetricName): ChartBar[] {
  const compared = comparedMetric(view, metric);
  if (compared !== undefined) {
    const interval = currentInterval(compared);
    return [
      ...referenceBars(view, metric),
      { series: 'baseline', value: compared.baselineMedian, samples: compared.baselineSamples },
      {
        series: 'current',
        value: compared.currentMedian,
        samples: compared.currentSamples,
        ...(interval ? { interval } : {}),
      },
    ];
  }
  const aggregate = view.result.aggregates[metric];
  if (aggregate === undefined) return [];
  return [
    ...referenceBars(view, metric),
    { series: 'current', value: aggregate.median, samples: sampleValues(view.result, metric) },
  ];
}

function thresholdBand(compared: MetricComparison | undefined): BarChart['band'] {
  if (compared === undefined || !compared.gated || compared.threshold === 'off') return undefined;
  const centre = compared.baselineMedian;
  if (!Number.isFinite(centre)) return undefined;
  const pct = compared.threshold;
  return {
    low: centre * (1 - pct / 100),
    high: centre * (1 + pct / 100),
    centre,
    label: `baseline median ±${pct}% (threshold)`,
  };
}

/** The scenario's headline metric: throughput for streams, transactions/s for request/response. */
export function headlineChart(view: ScenarioView): BarChart | undefined {
  const metric = headlineMetric(view.result.settings.test);
  const bars = barsFor(view, metric);
  if (bars.length === 0) return undefined;
  const name = view.result.settings.name;
  const band = thresholdBand(comparedMetric(view, metric));
  return {
    id: chartId(name, metric),
    title: `${name}: ${metric} in ${unitOf(metric, view.result)}, ${view.comparison ? 'baseline vs current' : 'current run'}`,
    unit: unitOf(metric, view.result),
    format: (value) => formatMetric(metric, value),
    groups: [{ label: '', bars }],
    ...(band ? { band } : {}),
  };
}

function groupedChart(
  view: ScenarioView,
  what: { id: string; title: string; groups: readonly [string, MetricName][] },
): BarChart | undefined {
  const groups: ChartGroup[] = what.groups
    .map(([label, metric]) => ({ label, bars: barsFor(view, metric) }))
    .filter((group) => group.bars.length > 0);
  const first = what.groups[0];
  if (groups.length === 0 || first === undefined) return undefined;
  const [, metric] = first;
  return {
    id: chartId(view.result.settings.name, what.id),
    title: `${view.result.settings.name}: ${what.title}`,
    unit: unitOf(metric, view.result),
    format: (value) => formatMetric(metric, value),
    groups,
  };
}

/** Client and server node CPU side by side, like Cilium's "CPU overhead for client and server" charts. */
export function cpuChart(view: ScenarioView): BarChart | undefined {
  return groupedChart(view, {
    id: 'cpu',
    title: 'CPU of the client and server nodes (% CPU, node-wide)',
    groups: [
      ['client', 'client_cpu_pct'],
      ['server', 'server_cpu_pct'],
    ],
  });
}

/** Request/response latency percentiles (TCP_RR only). */
export function latencyChart(view: ScenarioView): BarChart | undefined {
  if (view.result.settings.test !== 'TCP_RR') return undefined;
  return groupedChart(view, {
    id: 'latency',
    title: 'round-trip latency percentiles (µs)',
    groups: [
      ['p50', 'latency_p50_us'],
      ['p90', 'latency_p90_us'],
      ['p99', 'latency_p99_us'],
    ],
  });
}

/**
 * Every compared metric's change with its interval and threshold: the gate's decision as a picture.
 * Metrics whose threshold is off (retransmits by default) are left out: counts that jump from 0 to
 * thousands would squeeze every other row into the middle of the axis.
 */
export function changeChart(view: ScenarioView): ChangeChart | undefined {
  const { comparison } = view;
  const metrics = comparison?.metrics.filter((m) => m.threshold !== 'off') ?? [];
  if (comparison === undefined || metrics.length === 0) return undefined;
  return {
    id: chartId(comparison.name, 'change'),
    title: `${comparison.name}: change of every metric vs the baseline, in percent`,
    rows: metrics.map((m) => ({
      label: m.metric,
      changePct: m.changePct,
      lowPct: m.ciLowPct,
      highPct: m.ciHighPct,
      thresholdPct: m.threshold === 'off' ? undefined : m.threshold,
      verdict: m.verdict,
      verdictText: verdictWord(m),
    })),
  };
}
