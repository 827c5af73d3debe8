/**
 * The fleet runner's orchestration (src/run/fleet-measure.ts), on a test double that replays real
 * captured netperf outputs: every planned pair once, rounds of disjoint pairs run together, at most
 * `parallel` at once, A B B A per pair, and a failing pair or an abort stopping the rounds.
 */
import { parsePlanSpec } from '../../src/fleet/plan.js';
import { type FleetSchedule, measureFleet, scheduleFleet } from '../../src/run/fleet-measure.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import { createReplayingFleetTarget, type ReplayOptions } from '../helpers/replaying-fleet-target.js';

const SCENARIOS = defaultSuite()
  .scenarios.filter((s) => s.name === 'tcp_stream_1' || s.name === 'tcp_rr_1cpu')
  .map((s) => ({ ...s, samples: 2, durationSeconds: 1 }));

const nodeNames = (n: number) => Array.from({ length: n }, (_, i) => `node-${i + 1}`);

function setUp(options: ReplayOptions, plan: string, parallel: number) {
  const target = createReplayingFleetTarget(options);
  const schedule = scheduleFleet(nodeNames(options.nodes), { spec: parsePlanSpec(plan), seed: 5, parallel });
  const progress: string[] = [];
  const deps = { target, now: () => new Date(), progress: (line: string) => progress.push(line) };
  return { target, schedule, progress, deps };
}

const key = (p: { client: string; server: string }) => `${p.client}>${p.server}`;

function pairsOf(schedule: FleetSchedule) {
  return schedule.pairs.map(key).sort();
}

describe('measuring a fleet', () => {
  it.each([
    ['all', 6, 3],
    ['random:3', 9, 4],
    ['ring', 5, 2],
    ['all', 4, 1],
  ])(
    'measures every pair of plan %s over %i nodes exactly once, in its round, at most %i at once',
    async (plan, nodes, parallel) => {
      const { target, schedule, deps } = setUp({ nodes }, plan, parallel);
      const records = await measureFleet(SCENARIOS, schedule, deps);
      expect(records.map(key).sort()).toEqual(pairsOf(schedule));
      for (const record of records) {
        expect(schedule.rounds[record.round]?.map(key)).toContain(key(record));
        expect(record.scenarios.map((s) => s.settings.name)).toEqual(['tcp_stream_1', 'tcp_rr_1cpu']);
      }
      expect(target.overlaps).toEqual([]);
      expect(target.maxConcurrentPairs()).toBeLessThanOrEqual(parallel);
      // The pairs of a round do run together when parallel allows it.
      const largestRound = Math.max(...schedule.rounds.map((r) => r.length));
      expect(target.maxConcurrentPairs()).toBe(largestRound);
      const perPair = SCENARIOS.length * 2 * 2;
      expect(target.calls).toHaveLength(schedule.pairs.length * perPair);
    },
  );

  it('interleaves the reference in A B B A order within every pair and scenario, aligned by index', async () => {
    const { target, schedule, deps } = setUp({ nodes: 4 }, 'all', 2);
    const records = await measureFleet(SCENARIOS, schedule, deps);
    for (const pair of schedule.pairs) {
      for (const scenario of SCENARIOS) {
        const order = target.calls
          .filter((c) => key(c) === key(pair) && c.scenario === scenario.name)
          .map((c) => c.path);
        expect(order).toEqual(['reference', 'pod', 'pod', 'reference']);
      }
    }
    const result = records[0]?.scenarios[1];
    expect(result?.samples.map((s) => s.index)).toEqual([0, 1]);
    expect(result?.reference?.samples.map((s) => s.index)).toEqual([0, 1]);
  });

  it("hands every sample's raw netperf outputs on with its pair", async () => {
    const { schedule, deps } = setUp({ nodes: 3 }, 'ring', 1);
    const seen: string[] = [];
    await measureFleet(SCENARIOS, schedule, {
      ...deps,
      onNetperfOutputs: (scenario, outputs, pair) =>
        seen.push(`${key(pair)} ${scenario.name} ×${outputs.length}`),
    });
    expect(seen).toHaveLength(schedule.pairs.length * SCENARIOS.length * 2 * 2);
    expect(seen[0]).toMatch(/^node-\d>node-\d tcp_stream_1 ×1$/);
  });

  it('measures the pod path only when the target has no reference', async () => {
    const { target, schedule, deps } = setUp({ nodes: 3, reference: false }, 'ring', 1);
    const records = await measureFleet(SCENARIOS, schedule, deps);
    expect(new Set(target.calls.map((c) => c.path))).toEqual(new Set(['pod']));
    expect(records[0]?.scenarios[0]?.reference).toBeUndefined();
  });

  it('prints one progress line per pair and scenario: round, pair, scenario, figures, time left', async () => {
    const { schedule, progress, deps } = setUp({ nodes: 4 }, 'ring', 2);
    await measureFleet(SCENARIOS, schedule, deps);
    expect(progress).toHaveLength(schedule.pairs.length * SCENARIOS.length);
    for (const line of progress) {
      expect(line).toMatch(
        /^\[round \d\/\d\] node-\d → node-\d tcp_(stream_1|rr_1cpu): .+ \(reference .+\) · (about .+ left|done)$/,
      );
    }
    expect(progress.at(-1)).toMatch(/· done$/);
  });

  it('stops on a failing pair: names it and its scenario, stops its round, starts no later round', async () => {
    const failingPair = { client: 'node-2', server: 'node-3' };
    const { target, schedule, deps } = setUp({ nodes: 6, failingPair }, 'all', 3);
    const round = schedule.rounds.findIndex((r) => r.some((p) => key(p) === key(failingPair)));
    await expect(measureFleet(SCENARIOS, schedule, deps)).rejects.toThrow(
      /^pair node-2 → node-3, tcp_stream_1: .*netserver/,
    );
    const laterRounds = new Set(schedule.rounds.slice(round + 1).flatMap((r) => r.map(key)));
    expect(target.calls.filter((c) => laterRounds.has(key(c)))).toEqual([]);
    // The round's other pairs stopped after the sample they had in flight.
    const failedAt = target.calls.findIndex((c) => key(c) === key(failingPair) && c.path === 'pod');
    const othersAfter = target.calls.slice(failedAt + 1).filter((c) => key(c) !== key(failingPair));
    expect(othersAfter.length).toBeLessThanOrEqual(schedule.parallel);
  });

  it('stops starting samples once aborted (SIGINT/SIGTERM) and says it was interrupted', async () => {
    const stop = new AbortController();
    const { target, schedule, deps } = setUp(
      { nodes: 4, onCall: (_call, index) => index === 5 && stop.abort() },
      'all',
      2,
    );
    await expect(measureFleet(SCENARIOS, schedule, { ...deps, signal: stop.signal })).rejects.toThrow(
      'the fleet run was interrupted',
    );
    // The calls in flight when the abort came (≤ one per pair of the round) end; no other starts.
    expect(target.calls.length).toBeLessThanOrEqual(6 + 1);
  });

  it('plans the same pairs and rounds for the same nodes and seed', () => {
    const plan = { spec: parsePlanSpec('random:2'), seed: 42, parallel: 3 };
    expect(scheduleFleet(nodeNames(7), plan)).toEqual(scheduleFleet(nodeNames(7), plan));
    expect(scheduleFleet(nodeNames(7), { ...plan, seed: 43 }).pairs).not.toEqual(
      scheduleFleet(nodeNames(7), plan).pairs,
    );
  });
});
