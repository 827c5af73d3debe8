/**
 * A fleet scenario as a client × server matrix: every pair's value relative to the fleet median, which
 * nodes are named on which side, which pairs are outliers. The HTML heatmap draws it; the Markdown
 * summary prints it as a table. Pure.
 */
import type { FleetAnalysis } from '../fleet/analysis.js';
import type { EffectsFit } from '../fleet/effects.js';
import { metricDirection, RATIO_METRICS } from '../metrics/names.js';
import type { FleetResults } from '../results/fleet-schema.js';
import { median } from '../stats/describe.js';

/** One measured pair of the matrix. */
export interface MatrixCell {
  client: string;
  server: string;
  /** The pair's value in metric units (median of its samples or pod/reference pairs). */
  value: number;
  /** The value vs the fleet median, in % (sign as the metric: −40 is 40 % lower). */
  pct: number;
  /** The same turned so that negative is always worse (slower, or costlier). */
  worsePct: number;
  /** An outlier pair of this fit. */
  outlier?: 'slow' | 'fast';
}

export interface FleetMatrix {
  scenario: string;
  metric: EffectsFit['metric'];
  /** The median of all pairs' values, metric units. */
  fleetMedian: number;
  /** Rows and columns: every node of the fleet, in the results file's order. */
  nodes: string[];
  /** Measured pairs, keyed by `matrixKey(client, server)`. */
  cells: ReadonlyMap<string, MatrixCell>;
  /** Nodes named slow as client (their rows) and as server (their columns) by any fit of the scenario. */
  namedRows: ReadonlySet<string>;
  namedColumns: ReadonlySet<string>;
}

export const matrixKey = (client: string, server: string) => `${client}\u0000${server}`;

/** The fit a scenario's matrix shows: its pod/reference ratio when measured, else its rate. */
export function matrixFit(analysis: FleetAnalysis, scenario: string): EffectsFit | undefined {
  const fits = analysis.fits.filter((f) => f.scenario === scenario);
  return fits.find((f) => (RATIO_METRICS as readonly string[]).includes(f.metric)) ?? fits[0];
}

/** The scenarios of the analysis, in order. */
export function matrixScenarios(analysis: FleetAnalysis): string[] {
  return [...new Set(analysis.fits.map((f) => f.scenario))];
}

/** The matrix of one fit over the fleet's nodes. */
export function fleetMatrix(results: FleetResults, analysis: FleetAnalysis, fit: EffectsFit): FleetMatrix {
  const index = analysis.fits.indexOf(fit);
  const pairOutliers = analysis.outliers[index]?.pairs ?? [];
  const medianLog = fit.residuals.length > 0 ? median(fit.residuals.map((r) => r.valueLog)) : 0;
  const higherIsBetter = metricDirection(fit.metric) === 'higher-is-better';
  const cells = new Map<string, MatrixCell>();
  for (const r of fit.residuals) {
    const pct = 100 * Math.expm1(r.valueLog - medianLog);
    const outlier = pairOutliers.find((p) => p.client === r.client && p.server === r.server);
    cells.set(matrixKey(r.client, r.server), {
      client: r.client,
      server: r.server,
      value: Math.exp(r.valueLog),
      pct,
      worsePct: higherIsBetter ? pct : -pct,
      ...(outlier ? { outlier: outlier.speed } : {}),
    });
  }
  const named = analysis.outliers
    .filter((_, i) => analysis.fits[i]?.scenario === fit.scenario)
    .flatMap((o) => o.nodes.filter((n) => n.gating));
  const on = (side: 'client' | 'server') =>
    new Set(named.filter((n) => n.side === side || n.side === 'both').map((n) => n.node));
  return {
    scenario: fit.scenario,
    metric: fit.metric,
    fleetMedian: Math.exp(medianLog),
    nodes: results.nodes.map((n) => n.name),
    cells,
    namedRows: on('client'),
    namedColumns: on('server'),
  };
}
