/** Noise-free fleet tables for the fleet tests: value = 10 × client factor × server factor × link factor. */
import type { FleetCell } from '../../src/fleet/effects.js';
import { type PlanSpec, planPairs } from '../../src/fleet/plan.js';

export const fleetNodes = (n: number) => Array.from({ length: n }, (_, i) => `node-${i + 1}`);

export interface TableShape {
  nodes: number;
  plan: PlanSpec;
  client?: Record<string, number>;
  server?: Record<string, number>;
  /** Factor of one link, by `client>server`. */
  link?: Record<string, number>;
  /** Deterministic ±wobble (relative) per cell, so spreads are not zero. */
  wobble?: number;
}

export function additiveCells(shape: TableShape): FleetCell[] {
  return planPairs(fleetNodes(shape.nodes), shape.plan, 11).map(({ client, server }, i) => {
    const factor =
      (shape.client?.[client] ?? 1) *
      (shape.server?.[server] ?? 1) *
      (shape.link?.[`${client}>${server}`] ?? 1);
    const wobble = 1 + (shape.wobble ?? 0) * Math.sin(1.7 * i + 0.3);
    return { client, server, value: 10 * factor * wobble };
  });
}
