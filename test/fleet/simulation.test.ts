// The fleet analysis on simulated fleets (scripts/fleet-sim.ts, shared with `npm run bench:fleet`):
// lognormal noise per sample (CV 5 %) and per pair (CV 3 %), one node slowed by 30 %. Seeded, so the
// counts are the same on every machine; they state what the analysis achieves, not a timing.

import { DEFAULT_FLEET_SIM, type SlowCase, tallyNames } from '../../scripts/fleet-sim.js';
import { parsePlanSpec } from '../../src/fleet/plan.js';

const SEED = 20261129;
const RUNS = 10;
const tally = (nodes: number, plan: string, slowCase: SlowCase) =>
  tallyNames({ ...DEFAULT_FLEET_SIM, nodes, plan: parsePlanSpec(plan), slowCase }, SEED, RUNS);

describe('simulated fleets', () => {
  it.each([
    [6, 'all'],
    [6, 'random:3'],
    [16, 'all'],
    [16, 'random:3'],
  ])(
    '%i nodes, %s: a node 30 %% slow as client, as server or both is named alone in 10 of 10 runs',
    (n, plan) => {
      for (const slowCase of ['client', 'server', 'both'] as const) {
        expect({ slowCase, ...tally(n, plan, slowCase) }).toEqual({ slowCase, exact: RUNS, falseNames: 0 });
      }
    },
  );

  it.each([
    [6, 'ring'],
    [6, 'all'],
    [6, 'random:3'],
    [16, 'ring'],
    [16, 'all'],
    [16, 'random:3'],
  ])('%i nodes, %s: with no slow node no node is named in 10 of 10 runs', (n, plan) => {
    expect(tally(n, plan, 'none').falseNames).toBe(0);
  });

  it('ring: a node slow on both sides is named alone in 10 of 10 runs of 16 nodes, 6 of 10 of 6 nodes', () => {
    expect(tally(16, 'ring', 'both')).toEqual({ exact: RUNS, falseNames: 0 });
    expect(tally(6, 'ring', 'both')).toEqual({ exact: 6, falseNames: 0 });
  });

  it('ring: a node slow on one side is never named (one pair cannot tell the side), nor is another', () => {
    expect(tally(6, 'ring', 'client')).toEqual({ exact: 0, falseNames: 0 });
    expect(tally(16, 'ring', 'server')).toEqual({ exact: 0, falseNames: 0 });
  });
});
