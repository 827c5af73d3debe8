import { planLooks } from '../../src/compare/looks.js';
import type { ScenarioResult } from '../../src/results/schema.js';
import { measureSequentially } from '../../src/run/gate-command.js';
import type { Session } from '../../src/run/session.js';
import type { Scenario } from '../../src/suite/model.js';
import type { Target } from '../../src/targets/target.js';
import { around, resultsWith, scenarioWith } from '../helpers/results-builder.js';
import { capturingIo, localRunConfig } from '../helpers/run-io.js';

/** A session whose measurements are given in advance, one list per call of measure(). */
function scriptedSession(rounds: ScenarioResult[][]): Session & { calls: string[][]; sizes: number[][] } {
  const calls: string[][] = [];
  const sizes: number[][] = [];
  const target = { kind: 'local' } as unknown as Target;
  return {
    target,
    calls,
    sizes,
    measure: async (scenarios: readonly Scenario[]) => {
      calls.push(scenarios.map((s) => s.name));
      sizes.push(scenarios.map((s) => s.samples));
      return rounds[calls.length - 1] ?? [];
    },
  };
}

const baseline = resultsWith([
  scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000, 6)),
  scenarioWith('tcp_stream_1', around('throughput_gbps', 10, 6)),
]);
const settings = { thresholds: {}, environmentPolicy: 'warn' as const };
const suite = baseline.scenarios.map((s) => s.settings);

function input(maxSamples: number) {
  const io = capturingIo();
  const config = {
    run: localRunConfig('x.json'),
    baselinePaths: ['b.json'],
    maxSamples,
    failOnInconclusive: false,
    environmentPolicy: 'warn' as const,
    debug: false,
  };
  return { config, scenarios: suite, baselines: [baseline], settings, io };
}

describe('planning the looks of the sequential gate', () => {
  it.each([
    [6, 12, { step: 4, maxSamples: 12, looks: 3 }],
    [6, 6, { step: 4, maxSamples: 6, looks: 1 }],
    [5, 10, { step: 4, maxSamples: 10, looks: 3 }],
    [2, 8, { step: 2, maxSamples: 8, looks: 4 }],
  ])('with %i samples and at most %i, looks as %j', (initial, max, plan) => {
    expect(planLooks(initial, max)).toEqual(plan);
  });
});

describe('sequential sampling', () => {
  // Widely spread around −8 %: neither clearly worse than 5 % nor within it.
  const wobbly = scenarioWith(
    'tcp_rr_1cpu',
    [25000, 32200, 38000, 27000, 36000, 30000].map((t) => ({ transactions_per_sec: t })),
  );
  const clearDrop = scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 28000, 4));
  const steadyStream = scenarioWith('tcp_stream_1', around('throughput_gbps', 10, 6));

  it('takes a further block of pairs for the undecided scenario only and appends them', async () => {
    const session = scriptedSession([[wobbly, steadyStream], [clearDrop], [clearDrop]]);
    const sequential = input(12);
    const outcome = await measureSequentially(session, sequential);
    expect(session.calls[0]).toEqual(['tcp_rr_1cpu', 'tcp_stream_1']);
    expect(session.calls[1]).toEqual(['tcp_rr_1cpu']);
    expect(session.sizes[1]).toEqual([4]);
    const rr = outcome.scenarios[0];
    expect(rr?.samples.map((s) => s.index)).toEqual(rr?.samples.map((_, i) => i));
    expect(rr?.settings.samples).toBe(rr?.samples.length);
    expect(sequential.io.logged[0]).toBe('look 1 of 3: undecided tcp_rr_1cpu; taking 4 more pairs');
  });

  it('stops at the first look when every primary metric is decided, and never goes past max-samples', async () => {
    const settled = scriptedSession([[clearDrop, steadyStream]]);
    const outcome = await measureSequentially(settled, input(12));
    expect(settled.calls).toHaveLength(1);
    expect(outcome.look.index).toBe(1);
    const single = scriptedSession([[wobbly, steadyStream]]);
    await measureSequentially(single, input(6));
    expect(single.calls).toHaveLength(1);
  });
});

describe('reading baseline runs', () => {
  it('takes files and every .json file of folders, oldest first, and skips paths that do not exist', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readBaselines } = await import('../../src/run/judge.js');
    const { serializeResults } = await import('../../src/results/read.js');
    const folder = mkdtempSync(join(tmpdir(), 'npg-baselines-'));
    try {
      const run = (startedAt: string) => serializeResults({ ...baseline, startedAt });
      mkdirSync(join(folder, 'history'));
      writeFileSync(join(folder, 'history', 'b.json'), run('2026-11-03T00:00:00.000Z'));
      writeFileSync(join(folder, 'history', 'a.json'), run('2026-11-02T00:00:00.000Z'));
      writeFileSync(join(folder, 'history', 'notes.txt'), 'not a results file');
      writeFileSync(join(folder, 'single.json'), run('2026-11-01T00:00:00.000Z'));
      const paths = [join(folder, 'history'), join(folder, 'single.json'), join(folder, 'absent.json')];
      const runs = await readBaselines(paths, capturingIo().files);
      expect(runs.map((r) => r.startedAt.slice(0, 10))).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
