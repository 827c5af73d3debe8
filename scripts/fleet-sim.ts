/**
 * Fleet analysis by simulation: synthetic pair values (lognormal noise per sample and per pair, one node
 * optionally slowed on a side) go through the real plan → fit → outliers code. Pure and seeded: the same
 * seed gives the same names on every machine. Shared by `npm run bench:fleet` and
 * test/fleet/simulation.test.ts.
 */
import { type FleetCell, fitCells } from '../src/fleet/effects.js';
import { findOutliers, slowNodes } from '../src/fleet/outliers.js';
import { type PlanSpec, planPairs } from '../src/fleet/plan.js';
import { median } from '../src/stats/describe.js';
import { createRng, type Rng } from '../src/stats/random.js';

/** Where the slowed node is slow: as client, as server, on both sides, or no node slowed. */
export type SlowCase = 'client' | 'server' | 'both' | 'none';

export interface FleetSimSettings {
  nodes: number;
  plan: PlanSpec;
  slowCase: SlowCase;
  /** Relative slowdown of the slowed node's pairs (0.3: 30 % lower rate). */
  slowdown: number;
  /** Samples per pair (fleet scenarios are short: few samples). */
  samples: number;
  sampleCv: number;
  pairCv: number;
}

export const DEFAULT_FLEET_SIM: Omit<FleetSimSettings, 'nodes' | 'plan' | 'slowCase'> = {
  slowdown: 0.3,
  samples: 3,
  sampleCv: 0.05,
  pairCv: 0.03,
};

/** The node a simulation slows (the third, or the last of a smaller fleet). */
export const slowedNode = (nodes: number) => `node-${Math.min(3, nodes)}`;

function standardNormal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A lognormal factor with median 1 and coefficient of variation `cv`. */
function lognormal(rng: Rng, cv: number): number {
  return Math.exp(Math.sqrt(Math.log1p(cv * cv)) * standardNormal(rng));
}

function isSlowed(settings: FleetSimSettings, client: string, server: string): boolean {
  const slow = slowedNode(settings.nodes);
  switch (settings.slowCase) {
    case 'client':
      return client === slow;
    case 'server':
      return server === slow;
    case 'both':
      return client === slow || server === slow;
    case 'none':
      return false;
  }
}

/** One simulated fleet run: each planned pair's median of its samples (a rate of about 10). */
export function simulateCells(settings: FleetSimSettings, seed: number): FleetCell[] {
  const nodes = Array.from({ length: settings.nodes }, (_, i) => `node-${i + 1}`);
  const rng = createRng(seed);
  return planPairs(nodes, settings.plan, seed).map(({ client, server }) => {
    const level = 10 * (isSlowed(settings, client, server) ? 1 - settings.slowdown : 1);
    const pairLevel = level * lognormal(rng, settings.pairCv);
    const samples = Array.from(
      { length: settings.samples },
      () => pairLevel * lognormal(rng, settings.sampleCv),
    );
    return { client, server, value: median(samples) };
  });
}

/** The nodes the analysis names as slow in one simulated run. */
export function namedInRun(settings: FleetSimSettings, seed: number): string[] {
  const fit = fitCells('tcp_stream_1', 'throughput_gbps', simulateCells(settings, seed));
  return slowNodes([findOutliers(fit)]);
}

/** Over `runs` seeds from `seed`: runs naming exactly the slowed node, and runs naming any other node. */
export function tallyNames(
  settings: FleetSimSettings,
  seed: number,
  runs: number,
): { exact: number; falseNames: number } {
  const slow = slowedNode(settings.nodes);
  let exact = 0;
  let falseNames = 0;
  for (let run = 0; run < runs; run += 1) {
    const named = namedInRun(settings, seed + run);
    if (settings.slowCase !== 'none' && named.length === 1 && named[0] === slow) exact += 1;
    if (named.some((n) => settings.slowCase === 'none' || n !== slow)) falseNames += 1;
  }
  return { exact, falseNames };
}
