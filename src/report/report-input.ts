import type { MetricComparison, ResultsComparison, ScenarioComparison } from '../compare/compare-results.js';
import { DETECT_FACTOR } from '../compare/metric-verdict.js';
import { headlineMetric, type MetricName, metricUnit } from '../metrics/names.js';
import { referenceRatio } from '../results/reference.js';
import type { Results, ScenarioResult } from '../results/schema.js';
import { formatMetric, formatPercentChange } from './format.js';
import { type ReportHistory, type TrendModel, trendModels } from './trend-model.js';

/** Everything the markdown and HTML reports show. Pure data: the caller reads files and decides. */
export interface ReportInput {
  /** The results just measured (or the `--current` file of `compare`). */
  current: Results;
  /** The baseline results, when there is one: its environment is shown beside the current one. */
  baseline?: Results;
  /** What `compare` decided; undefined when there is no baseline. */
  comparison?: ResultsComparison;
  /** The gate's verdict, as the action's `verdict` output says it. */
  verdict: 'pass' | 'regression' | 'inconclusive' | 'no-baseline';
  /** Shell commands that reproduce this run locally, one per entry, shown verbatim. */
  reproduce: string[];
  /** Heading of the report; default "netperf-gate". */
  title?: string;
  /** The baseline runs' history: with 2 runs or more, each compared scenario gets a trend. */
  history?: ReportHistory;
}

/** Heading used when the input names none. */
export const DEFAULT_REPORT_TITLE = 'netperf-gate';

/** The one metric a scenario is charted by (re-exported for the report modules). */
export { headlineMetric } from '../metrics/names.js';

/** The metric a scenario's overview row shows: its rate ratio when it has a reference, else its rate. */
export function overviewMetric(comparison: ScenarioComparison): MetricComparison | undefined {
  const wanted = comparison.withReference ? 'rate_ratio' : headlineMetric(comparison.test);
  return comparison.metrics.find((m) => m.metric === wanted);
}

/** The verdict as a report's first words: no emoji, readable in any font and to screen readers. */
export function verdictLabel(verdict: ReportInput['verdict']): string {
  switch (verdict) {
    case 'pass':
      return 'PASS';
    case 'regression':
      return 'REGRESSION';
    case 'no-baseline':
      return 'NO BASELINE';
    case 'inconclusive':
      return 'INCONCLUSIVE';
  }
}

/** "1 regressed, 2 improved, 9 unchanged, 1 inconclusive" (the terminal report's wording). */
export function verdictTally(comparison: ResultsComparison): string {
  const { counts } = comparison;
  return `${counts.regression} regressed, ${counts.improvement} improved, ${counts.unchanged} unchanged, ${counts.inconclusive} inconclusive`;
}

/** The tally, and whether the environment differs: what follows the verdict word in every report. */
export function verdictDetail(comparison: ResultsComparison): string {
  const environment =
    comparison.environment.length > 0
      ? `; the environment differs (policy: ${comparison.environmentPolicy})`
      : '';
  return `${verdictTally(comparison)}${environment}`;
}

/** A metric's unit; cost metrics say what they are normalised to (e.g. "% CPU per 10 Gbit/s"). */
export function unitOf(metric: MetricName, scenario: ScenarioResult | undefined): string {
  const isCost = metric === 'client_cpu_cost' || metric === 'server_cpu_cost';
  return isCost && scenario !== undefined ? scenario.costUnit : metricUnit(metric);
}

/** The figures of one compared metric as both reports print them, in table order. */
export interface ComparisonCells {
  baseline: string;
  current: string;
  change: string;
  interval: string;
  p: string;
  threshold: string;
}

function figure(metric: MetricName, value: number): string {
  return Number.isFinite(value) ? formatMetric(metric, value) : '—';
}

/** Same text as the terminal report's p column. */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return '—';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

/** The 90% bootstrap interval of the change, e.g. "-14.1% … -9.8%" (same as the terminal report). */
export function formatInterval(metric: MetricComparison): string {
  if (!Number.isFinite(metric.ciLowPct) || !Number.isFinite(metric.ciHighPct)) return '—';
  return `${formatPercentChange(metric.ciLowPct)} … ${formatPercentChange(metric.ciHighPct)}`;
}

/** A compared metric's row in every report: name, unit, the figures, the verdict. */
export function comparisonRow(metric: MetricComparison, name: string, verdict: string): string[] {
  const cells = comparisonCells(metric);
  return [
    name,
    cells.baseline,
    cells.current,
    cells.change,
    cells.interval,
    cells.p,
    cells.threshold,
    verdict,
  ];
}

/** Every figure of a compared metric, rounded by `formatMetric`/`formatPercentChange` only. */
export function comparisonCells(metric: MetricComparison): ComparisonCells {
  return {
    baseline: figure(metric.metric, metric.baselineMedian),
    current: figure(metric.metric, metric.currentMedian),
    change: Number.isFinite(metric.changePct) ? formatPercentChange(metric.changePct) : '—',
    interval: formatInterval(metric),
    p: formatP(metric.pValue),
    threshold: metric.threshold === 'off' ? 'off' : `±${metric.threshold}%`,
  };
}

/**
 * A verdict as a word, never only a colour or a symbol: regressions and improvements shouted,
 * metrics whose threshold is off marked as not gated (shown, never counted).
 */
export function verdictWord(metric: MetricComparison): string {
  const word =
    metric.verdict === 'regression' || metric.verdict === 'improvement'
      ? metric.verdict.toUpperCase()
      : metric.verdict;
  if (metric.role === 'guard') return `${word} (guard)`;
  return metric.gated ? word : `${word} (not gated)`;
}

/**
 * How the gate decided, in lines every report shows under the verdict: the baseline runs, the error
 * rate, the look sampling stopped at, and why the verdict deserves less trust when it does.
 */
export function gateMethodLines(comparison: ResultsComparison): string[] {
  const { alpha, baselineRuns } = comparison;
  const looks =
    alpha.looks > 1
      ? `; stopped at look ${alpha.lookIndex} of ${alpha.looks} (error rate spent there: ${alpha.look.toPrecision(2)})`
      : '';
  const lines = [
    `Compared with ${baselineRuns} baseline run${baselineRuns === 1 ? '' : 's'}; the gated metrics share a false-regression rate of ${alpha.family} (weighted Holm: primary metrics weigh 1, raw-rate guards 0.2)${looks}.`,
  ];
  for (const reason of comparison.lowConfidence) lines.push(`Low confidence: ${reason}.`);
  if (comparison.verdict === 'inconclusive') {
    lines.push(
      `Inconclusive: a primary metric was shown neither worse than its threshold nor clear of the drop the gate is built to catch (${DETECT_FACTOR} × its threshold). More samples (--max-samples) or more baseline runs (--baseline, repeatable) can decide.`,
    );
  }
  return lines;
}

/** How the scenario was run, e.g. "TCP_RR · 32 processes · 32 cores · 5 samples". */
export function describeSettings(scenario: ScenarioResult, baselineSamples?: number): string {
  const { test, concurrency, cpus } = scenario.settings;
  const [one, many] = test === 'TCP_STREAM' ? ['stream', 'streams'] : ['process', 'processes'];
  const cores = cpus === null ? 'cores not limited' : `${cpus} ${cpus === 1 ? 'core' : 'cores'}`;
  const n = scenario.samples.length;
  const samples =
    baselineSamples === undefined
      ? `${n} samples`
      : `${baselineSamples} vs ${n} samples (baseline vs current)`;
  return `${test} · ${concurrency} ${concurrency === 1 ? one : many} · ${cores} · ${samples}`;
}

/** One scenario of the current results with its comparison, when it was compared. */
export interface ScenarioView {
  result: ScenarioResult;
  comparison?: ScenarioComparison;
  /** Why it was not compared, when there is a comparison but this scenario is not in it. */
  skippedReason?: string;
  /** Its trend over the baseline history and this run, when there is a history. */
  trend?: TrendModel;
}

/** The current scenarios in run order, each with its comparison or the reason it has none. */
export function scenarioViews(input: ReportInput): ScenarioView[] {
  const compared = new Map(input.comparison?.scenarios.map((s) => [s.name, s]));
  const skipped = new Map(input.comparison?.skipped.map((s) => [s.name, s.reason]));
  const trends = trendModels(input.history, input.comparison?.scenarios ?? [], input.current);
  return input.current.scenarios.map((result) => {
    const name = result.settings.name;
    const comparison = compared.get(name);
    const skippedReason = skipped.get(name);
    const trend = trends.get(name);
    return {
      result,
      ...(comparison ? { comparison } : {}),
      ...(skippedReason !== undefined ? { skippedReason } : {}),
      ...(trend ? { trend } : {}),
    };
  });
}

/** Sample values of one metric in a scenario's results, in sample order. */
export function sampleValues(result: ScenarioResult, metric: MetricName): number[] {
  return result.samples.map((s) => s.metrics[metric]).filter((v): v is number => v !== undefined);
}

/** Headers of the node-to-node reference table (markdown and HTML). */
export const REFERENCE_HEADERS = [
  'scenario',
  'metric (unit)',
  'pods',
  'host network',
  'pods / host',
] as const;

/**
 * Cilium's node-to-node comparison: per scenario with a host-network reference, the headline metric's
 * median between pods and between host-network pods on the same nodes, and their ratio (what the pod
 * network costs). Plain text cells; empty when no scenario has a reference.
 */
export function referenceRows(results: Results): string[][] {
  return results.scenarios.flatMap((scenario) => {
    const ratio = referenceRatio(scenario);
    if (ratio === undefined) return [];
    return [
      [
        scenario.settings.name,
        `${ratio.metric} (${unitOf(ratio.metric, scenario)})`,
        formatMetric(ratio.metric, ratio.podMedian),
        formatMetric(ratio.metric, ratio.hostMedian),
        `${ratio.ratio.toFixed(2)} (${formatPercentChange((ratio.ratio - 1) * 100)})`,
      ],
    ];
  });
}

/** The environment as "field → value" rows (same field names as the environment differences). */
export function environmentFacts(results: Results): [string, string][] {
  const { environment, target } = results;
  const facts: [string, string][] = [
    ['target', target.kind],
    ['netperf version', environment.netperfVersion],
  ];
  for (const role of ['client', 'server'] as const) {
    const node = environment[role];
    facts.push([`${role} node`, node.name], [`${role} kernel`, node.kernel]);
    facts.push([`${role} CPU model`, node.cpuModel], [`${role} CPU count`, String(node.cpuCount)]);
    for (const [key, value] of Object.entries(node.details)) facts.push([`${role} ${key}`, value]);
  }
  for (const [key, value] of Object.entries(environment.details)) facts.push([key, value]);
  for (const [key, value] of Object.entries(target.settings)) facts.push([`target ${key}`, value]);
  return facts;
}

/** How the figures were computed: the footnote of every report (the terminal report's wording). */
export const METHOD_NOTE =
  'Medians over samples; interval: 90% bootstrap interval of the change of the median (alpha 0.05); p: one-sided Mann-Whitney U. CPU % is node-wide, as netperf -c/-C report it.';
