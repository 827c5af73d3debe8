import type { ScenarioResult } from '../../src/results/schema.js';
import { measureWithExtraRounds } from '../../src/run/gate-command.js';
import type { Session } from '../../src/run/session.js';
import type { Scenario } from '../../src/suite/model.js';
import type { Target } from '../../src/targets/target.js';
import { around, resultsWith, scenarioWith } from '../helpers/results-builder.js';
import { capturingIo, localRunConfig } from '../helpers/run-io.js';

/** A session whose measurements are given in advance, one list per call of measure(). */
function scriptedSession(rounds: ScenarioResult[][]): Session & { calls: string[][] } {
  const calls: string[][] = [];
  const target = {
    kind: 'local',
    fingerprint: async () => resultsWith([]).environment,
  } as unknown as Target;
  return {
    target,
    calls,
    measure: async (scenarios: readonly Scenario[]) => {
      calls.push(scenarios.map((s) => s.name));
      return rounds[calls.length - 1] ?? [];
    },
  };
}

const baseline = resultsWith([
  scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000)),
  scenarioWith('tcp_stream_1', around('throughput_gbps', 10)),
]);
const settings = { thresholds: {}, environmentPolicy: 'warn' as const };
const suite = baseline.scenarios.map((s) => s.settings);

function input(extraRounds: number) {
  const io = capturingIo();
  const config = {
    run: localRunConfig('x.json'),
    baselinePath: 'b.json',
    extraRounds,
    environmentPolicy: 'warn' as const,
    debug: false,
  };
  return { config, scenarios: suite, baseline, settings, io };
}

describe('extra rounds for inconclusive metrics', () => {
  // 3 samples spread widely around −8%: neither clearly worse than 5% nor within it.
  const wobbly = scenarioWith('tcp_rr_1cpu', [
    { transactions_per_sec: 25000 },
    { transactions_per_sec: 32200 },
    { transactions_per_sec: 38000 },
  ]);
  const clearDrop = scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 28000));
  const steadyStream = scenarioWith('tcp_stream_1', around('throughput_gbps', 10));

  it('measures only the unsettled scenario again and appends its samples', async () => {
    const session = scriptedSession([[wobbly, steadyStream], [clearDrop]]);
    const rounds = input(1);
    const measured = await measureWithExtraRounds(session, rounds);
    expect(session.calls).toEqual([['tcp_rr_1cpu', 'tcp_stream_1'], ['tcp_rr_1cpu']]);
    expect(measured[0]?.samples).toHaveLength(8);
    expect(measured[0]?.samples.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(measured[0]?.settings.samples).toBe(8);
    expect(rounds.io.logged).toEqual(['inconclusive: tcp_rr_1cpu; taking more samples (round 1 of 1)']);
  });

  it('takes no extra round when every gated metric is settled, or when rounds are 0', async () => {
    const settled = scriptedSession([[clearDrop, steadyStream]]);
    await measureWithExtraRounds(settled, input(3));
    expect(settled.calls).toHaveLength(1);
    const off = scriptedSession([[wobbly, steadyStream]]);
    await measureWithExtraRounds(off, input(0));
    expect(off.calls).toHaveLength(1);
  });
});
