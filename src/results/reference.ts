/** The pod/host ratio of a scenario's headline metric: what the pod network costs. Pure. */
import { headlineMetric, type MetricName } from '../metrics/names.js';
import type { ScenarioResult } from './schema.js';

/** Pod-network median over host-network median of the headline metric. */
export interface ReferenceRatio {
  /** The headline metric: `throughput_gbps` or `transactions_per_sec`. */
  metric: MetricName;
  /** Median over the pod samples. */
  podMedian: number;
  /** Median over the host-network (reference) samples. */
  hostMedian: number;
  /** podMedian / hostMedian: 1 means the pod network costs nothing; 0.8 means it reaches 80 % of the host's. */
  ratio: number;
}

/**
 * The pod/host ratio of the scenario's headline metric, or undefined when the scenario has no
 * reference, either side lacks the metric, or the host median is 0 (no ratio to draw).
 */
export function referenceRatio(scenario: ScenarioResult): ReferenceRatio | undefined {
  const metric = headlineMetric(scenario.settings.test);
  const podMedian = scenario.aggregates[metric]?.median;
  const hostMedian = scenario.reference?.aggregates[metric]?.median;
  if (podMedian === undefined || hostMedian === undefined || hostMedian === 0) return undefined;
  return { metric, podMedian, hostMedian, ratio: podMedian / hostMedian };
}
