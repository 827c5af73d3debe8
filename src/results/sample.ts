import type { MetricValues, TestType } from '../metrics/names.js';
import type { NetperfFigures } from '../netperf/parse.js';
import { median } from '../stats/describe.js';
import { InfraError } from '../util/errors.js';

/** Stream CPU cost is % CPU per this much throughput, like Cilium's "CPU per 10 Gbit/s" charts. */
export const STREAM_COST_GBPS = 10;
/** Request/response CPU cost is % CPU per this many transactions per second. */
export const RR_COST_TRANSACTIONS_PER_SEC = 100_000;

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Median of what was measured, or undefined when nothing was. */
function medianOrUndefined(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : median(values);
}

/** The values every instance reported, or undefined when any instance lacks one (a sum would lie). */
function allOrNothing(values: readonly (number | null)[]): number[] | undefined {
  return values.every((value) => value !== null) ? (values as number[]) : undefined;
}

/** Rates of one test type: Gbit/s for streams, transactions/s for request/response. */
function instanceRates(test: TestType, instances: readonly NetperfFigures[]): number[] {
  const rates = instances.map((figures) =>
    test === 'TCP_STREAM' ? figures.throughputGbps : figures.transactionsPerSec,
  );
  const complete = allOrNothing(rates);
  if (complete === undefined) {
    const units = instances.map((figures) => figures.throughputUnits).join(', ');
    throw new InfraError(
      `netperf reported ${units} for a ${test} run, which is not the rate that test measures; check the netperf arguments.`,
    );
  }
  return complete;
}

/**
 * Transaction-weighted mean of the instances' percentiles. netperf exports each instance's
 * percentiles but not its histogram, so the true percentile of the merged transactions cannot be
 * computed; weighting by transaction rate makes an instance count as much as its share of the
 * transactions did. Undefined when there were no transactions to weigh.
 */
function weightedLatency(
  instances: readonly NetperfFigures[],
  pick: (f: NetperfFigures) => number | null,
): number | undefined {
  let weightedSum = 0;
  let totalWeight = 0;
  for (const figures of instances) {
    const latency = pick(figures);
    if (latency === null) return undefined;
    const weight = figures.transactionsPerSec ?? 0;
    weightedSum += latency * weight;
    totalWeight += weight;
  }
  return totalWeight > 0 ? weightedSum / totalWeight : undefined;
}

/**
 * CPU % and its cost per unit of work. netperf's -c/-C read /proc/stat, which is node-wide, so every
 * concurrent instance reports (about) the same figure for the same node: the median of them, never
 * the sum. Instances that could not measure CPU (-1) are left out; with none left, so is the metric.
 */
function cpuMetrics(test: TestType, instances: readonly NetperfFigures[], totalRate: number): MetricValues {
  const workUnits =
    test === 'TCP_STREAM' ? totalRate / STREAM_COST_GBPS : totalRate / RR_COST_TRANSACTIONS_PER_SEC;
  const metrics: MetricValues = {};
  const sides = [
    ['client', instances.map((figures) => figures.localCpuPct)],
    ['server', instances.map((figures) => figures.remoteCpuPct)],
  ] as const;
  for (const [side, values] of sides) {
    const cpuPct = medianOrUndefined(values.filter((value) => value !== null));
    if (cpuPct === undefined) continue;
    metrics[`${side}_cpu_pct`] = cpuPct;
    // No work done means no cost figure: dividing by zero would store Infinity.
    if (workUnits > 0) metrics[`${side}_cpu_cost`] = cpuPct / workUnits;
  }
  return metrics;
}

function latencyMetrics(instances: readonly NetperfFigures[]): MetricValues {
  const metrics: MetricValues = {};
  const p50 = weightedLatency(instances, (figures) => figures.latencyP50Us);
  const p90 = weightedLatency(instances, (figures) => figures.latencyP90Us);
  const p99 = weightedLatency(instances, (figures) => figures.latencyP99Us);
  if (p50 !== undefined) metrics.latency_p50_us = p50;
  if (p90 !== undefined) metrics.latency_p90_us = p90;
  if (p99 !== undefined) metrics.latency_p99_us = p99;
  return metrics;
}

/**
 * One sample's metrics from the N netperf instances that ran together: rates summed, CPU as the
 * node-wide median with our own cost per unit of work (see `costUnit`), latency (TCP_RR only)
 * weighted by transactions, retransmissions summed over both sides of every instance.
 * Throws InfraError when there are no instances or their rates do not fit the test type.
 */
export function combineInstances(test: TestType, instances: readonly NetperfFigures[]): MetricValues {
  if (instances.length === 0) {
    throw new InfraError(
      `No netperf instance finished for a ${test} sample; check the target's netperf runs.`,
    );
  }
  const totalRate = sum(instanceRates(test, instances));
  const metrics: MetricValues =
    test === 'TCP_STREAM'
      ? { throughput_gbps: totalRate }
      : { transactions_per_sec: totalRate, ...latencyMetrics(instances) };
  Object.assign(metrics, cpuMetrics(test, instances, totalRate));
  const retransmits = allOrNothing(
    instances.flatMap((figures) => [figures.localRetransmits, figures.remoteRetransmits]),
  );
  if (retransmits !== undefined) metrics.retransmits = sum(retransmits);
  return metrics;
}
