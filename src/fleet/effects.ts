/**
 * Node effects of a fleet: per scenario and metric, log value ≈ overall + client-node effect +
 * server-node effect + residual, fitted by Tukey's median polish over the observed cells of a
 * client × server table (ring and random plans leave most cells empty). Pure.
 *
 * A cell is one measured pair; its value is the median of the pair's per-sample values (raw metrics)
 * or per pod/reference-pair ratios (ratio metrics, as `metricValues` in compare/series.ts gives them).
 * Logs make effects multiplicative: an effect of log(0.7) is "30 % slower than its peers".
 *
 * Why cells-per-node matters: a node with a single cell on a side (every node of a ring) has a row
 * median equal to that cell, so sweeping it would move the whole deviation into that one effect and
 * leave nothing for the other side. Such a side is not estimable: its effect is not fitted (it stays 0
 * and is not reported) and the deviation stays in the pair's residual, where outliers.ts finds it.
 *
 * Interface for the runner and reports (next step): `fitFleet(pairs)` over every pair's ScenarioResult;
 * `fitCells(scenario, metric, cells)` for values already reduced to one per pair.
 */

import { hasReference, metricValues } from '../compare/series.js';
import { headlineMetric, type MetricName } from '../metrics/names.js';
import type { ScenarioResult } from '../results/schema.js';
import { median } from '../stats/describe.js';
import type { NodePair } from './plan.js';

/** A side of a pair a node can be slow on. */
export type Side = 'client' | 'server';

/** One measured pair of a fleet run with its scenario result (samples, and reference when measured). */
export interface FleetPairResult extends NodePair {
  result: ScenarioResult;
}

/** One pair's value of a metric (metric units, > 0). */
export interface FleetCell extends NodePair {
  value: number;
}

/** A node's fitted effect on one side, in natural log units (0: like the fleet). */
export interface NodeEffect {
  node: string;
  side: Side;
  effectLog: number;
  /** Observed cells of this node on this side: how much the effect rests on. */
  cells: number;
}

/** A pair's cell and what the fit leaves of it (log units). */
export interface PairResidual extends NodePair {
  valueLog: number;
  residualLog: number;
}

/** The fit of one scenario and metric. */
export interface EffectsFit {
  scenario: string;
  metric: MetricName;
  /** Fleet median in log units: exp(overallLog) is the typical pair's value in metric units. */
  overallLog: number;
  /** Estimable effects only (a side with fewer than MIN_CELLS_FOR_EFFECT cells is left out). */
  effects: NodeEffect[];
  residuals: PairResidual[];
  iterations: number;
  converged: boolean;
}

/** A side needs at least this many cells for its own effect; see the file comment. */
export const MIN_CELLS_FOR_EFFECT = 2;
/** Median polish sweeps at most this many times (R's medpolish default is 10). */
export const MAX_POLISH_ITERATIONS = 50;
/** Converged when the sum of |residuals| changes by less than this share (R's medpolish eps). */
export const POLISH_TOLERANCE = 0.01;

interface Table {
  cells: FleetCell[];
  residual: number[];
  effect: Record<Side, Map<string, number>>;
  members: Record<Side, Map<string, number[]>>;
}

function membersOf(cells: readonly FleetCell[], side: Side): Map<string, number[]> {
  const members = new Map<string, number[]>();
  for (const [i, cell] of cells.entries()) {
    const node = side === 'client' ? cell.client : cell.server;
    members.set(node, [...(members.get(node) ?? []), i]);
  }
  for (const [node, list] of members) if (list.length < MIN_CELLS_FOR_EFFECT) members.delete(node);
  return members;
}

/** One half-sweep: each estimable node's median residual on `side` moves into its effect. */
function sweep(table: Table, side: Side): number {
  const effects = table.effect[side];
  for (const [node, list] of table.members[side]) {
    const shift = median(list.map((i) => table.residual[i] as number));
    for (const i of list) table.residual[i] = (table.residual[i] as number) - shift;
    effects.set(node, (effects.get(node) ?? 0) + shift);
  }
  if (effects.size === 0) return 0;
  const centre = median([...effects.values()]);
  for (const [node, value] of effects) effects.set(node, value - centre);
  return centre;
}

const absoluteSum = (values: readonly number[]) => values.reduce((sum, v) => sum + Math.abs(v), 0);

/** Median polish of log values over the observed cells (values must be > 0). */
export function fitCells(scenario: string, metric: MetricName, cells: readonly FleetCell[]): EffectsFit {
  const logs = cells.map((c) => Math.log(c.value));
  let overallLog = logs.length > 0 ? median(logs) : 0;
  const table: Table = {
    cells: [...cells],
    residual: logs.map((v) => v - overallLog),
    effect: { client: new Map(), server: new Map() },
    members: { client: membersOf(cells, 'client'), server: membersOf(cells, 'server') },
  };
  // Every estimable node starts at effect 0, so a fleet whose cells are all equal (no sweep needed)
  // still reports its effects, and a comparison against it has something to compare.
  for (const side of ['client', 'server'] as const) {
    for (const node of table.members[side].keys()) table.effect[side].set(node, 0);
  }
  let previous = absoluteSum(table.residual);
  let iterations = 0;
  let converged = previous === 0;
  while (!converged && iterations < MAX_POLISH_ITERATIONS) {
    iterations += 1;
    overallLog += sweep(table, 'client');
    overallLog += sweep(table, 'server');
    const current = absoluteSum(table.residual);
    converged = current === 0 || Math.abs(current - previous) < POLISH_TOLERANCE * current;
    previous = current;
  }
  const effects = (['client', 'server'] as const).flatMap((side) =>
    [...table.effect[side]].map(([node, effectLog]) => ({
      node,
      side,
      effectLog,
      cells: table.members[side].get(node)?.length ?? 0,
    })),
  );
  const residuals = cells.map((c, i) => ({
    client: c.client,
    server: c.server,
    valueLog: logs[i] as number,
    residualLog: table.residual[i] as number,
  }));
  return { scenario, metric, overallLog, effects, residuals, iterations, converged };
}

/** The metrics a fleet is judged on: the scenario's rate, and its ratio to the reference when measured. */
export function primaryMetrics(result: ScenarioResult): MetricName[] {
  const rate = headlineMetric(result.settings.test);
  return hasReference(result) ? [rate, 'rate_ratio'] : [rate];
}

/** A pair's cell value: the median of its values of the metric; none when it has no positive value. */
export function cellValue(result: ScenarioResult, metric: MetricName): number | undefined {
  const values = metricValues(result, metric).filter((v) => v > 0 && Number.isFinite(v));
  return values.length > 0 ? median(values) : undefined;
}

/** One fit per scenario (by name, in first-seen order) and primary metric over every measured pair. */
export function fitFleet(pairs: readonly FleetPairResult[]): EffectsFit[] {
  const byScenario = new Map<string, FleetPairResult[]>();
  for (const pair of pairs) {
    const name = pair.result.settings.name;
    byScenario.set(name, [...(byScenario.get(name) ?? []), pair]);
  }
  return [...byScenario].flatMap(([scenario, scenarioPairs]) => {
    const metrics = primaryMetrics((scenarioPairs[0] as FleetPairResult).result);
    return metrics.map((metric) => {
      const cells = scenarioPairs.flatMap((p) => {
        const value = cellValue(p.result, metric);
        return value === undefined ? [] : [{ client: p.client, server: p.server, value }];
      });
      return fitCells(scenario, metric, cells);
    });
  });
}
