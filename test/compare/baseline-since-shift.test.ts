import {
  baselineSinceLastShift,
  runAxisLabel,
  runLabel,
  runProvenance,
} from '../../src/compare/baseline-since-shift.js';
import { analyseHistory, DEFAULT_CHANGE_LEVEL } from '../../src/compare/history.js';
import { describeShift } from '../../src/report/history-text.js';
import type { Results } from '../../src/results/schema.js';
import { noisyHistory, tallyShifts } from '../helpers/history-sim.js';
import { resultsWith, scenarioWith, wobble } from '../helpers/results-builder.js';

/** Runs of tcp_rr_1cpu at 30 000 transactions/s (±1 % wobble), × (1 + dropPct/100) from run `at` on. */
function rrHistory(n: number, at: number, dropPct: number): Results[] {
  return Array.from({ length: n }, (_, run) => {
    const level = 30_000 * wobble(run, 0.01) * (run >= at ? 1 + dropPct / 100 : 1);
    const samples = Array.from({ length: 5 }, (_, i) => ({
      transactions_per_sec: level * wobble(i + run, 0.005),
      client_cpu_cost: 10 * wobble(i + 2 * run, 0.01),
      server_cpu_cost: 12 * wobble(i + 3 * run, 0.01),
    }));
    const day = new Date(Date.UTC(2026, 9, 1 + run)).toISOString();
    return { ...resultsWith([scenarioWith('tcp_rr_1cpu', samples)]), startedAt: day, finishedAt: day };
  });
}

const withProvenance = (run: Results, provenance: unknown): Results => ({ ...run, provenance }) as Results;

describe('the baseline since the latest level shift', () => {
  it('keeps only the runs from the first run at the new level, and says where it starts', () => {
    const history = rrHistory(12, 7, -12);
    const selection = baselineSinceLastShift(history);
    expect(selection.shift).toMatchObject({
      runIndex: 7,
      scenario: 'tcp_rr_1cpu',
      metric: 'transactions_per_sec',
    });
    expect(selection.shift?.changePct).toBeCloseTo(-12, 0);
    expect(selection.runs).toEqual(history.slice(7));
    expect(selection.shift?.where).toBe('run #8');
  });

  it('names the run by its workflow run and commit when the results record them', () => {
    const history = rrHistory(12, 7, -12);
    history[7] = withProvenance(history[7] as Results, {
      runId: 4711,
      sha: 'abc1234def5678',
      repository: 'o/r',
    });
    const { shift } = baselineSinceLastShift(history);
    expect(shift?.where).toBe('run 4711, commit abc1234');
    expect(describeShift(shift ?? ({} as never))).toEqual(
      expect.stringMatching(/^-12\.\d% transactions_per_sec of tcp_rr_1cpu from run 4711, commit abc1234$/),
    );
  });

  it('names the run by its file when it records nothing', () => {
    const history = rrHistory(12, 7, -12);
    const names = history.map((_, i) => `results-${i + 1}.json`);
    expect(baselineSinceLastShift(history, names).shift?.where).toBe('results-8.json');
  });

  it('keeps every run of a steady history', () => {
    const history = rrHistory(12, 99, 0);
    const selection = baselineSinceLastShift(history);
    expect(selection.shift).toBeUndefined();
    expect(selection.runs).toEqual(history);
  });

  it('keeps every run when there are too few to confirm a shift', () => {
    const history = rrHistory(5, 2, -30);
    expect(baselineSinceLastShift(history).runs).toHaveLength(5);
  });

  it('follows the latest of two shifts', () => {
    const history = rrHistory(16, 5, -12).map((run, i) =>
      i >= 11 ? (rrHistory(16, 0, 10)[i] as Results) : run,
    );
    expect(baselineSinceLastShift(history).shift?.runIndex).toBe(11);
  });

  it('reads provenance defensively: wrong types and missing fields are left out', () => {
    expect(runProvenance({ provenance: { runId: '12', sha: 5, ref: '', event: 'push' } })).toEqual({
      runId: '12',
      sha: '5',
      event: 'push',
    });
    expect(runProvenance({ provenance: 'x' })).toEqual({});
    expect(runProvenance(null)).toEqual({});
    const run = rrHistory(1, 9, 0)[0] as Results;
    expect(runLabel(run, 2)).toBe('run #3');
    expect(runAxisLabel(withProvenance(run, { commitSha: 'deadbeefcafe' }), 0)).toBe('deadbee');
  });

  it('gives the trend of each primary metric: the rate and the CPU costs without a reference', () => {
    const analysis = analyseHistory(rrHistory(6, 99, 0));
    expect(analysis.trends.map((t) => t.metric)).toEqual([
      'transactions_per_sec',
      'client_cpu_cost',
      'server_cpu_cost',
    ]);
    expect(analysis.seriesLevel).toBeCloseTo(DEFAULT_CHANGE_LEVEL / 3, 12);
    expect(analysis.trends[0]?.values[0]).toBeCloseTo(30_000 * wobble(0, 0.01), -2);
  });

  it('finds a −15 % shift of the pod path where it starts in simulated histories with a reference', () => {
    const spec = {
      runs: 20,
      noise: 'shared-drift',
      withReference: true,
      samples: 6,
      shiftAt: 8,
      dropPct: 15,
    } as const;
    const tally = tallyShifts(77, 10, { ...spec, scenarios: ['tcp_rr_1cpu'] });
    expect(tally.near).toBeGreaterThanOrEqual(9);
  });

  it('finds a false change point in at most 5 % of unchanged histories of 20 runs (seeded simulation)', () => {
    const spec = { runs: 20, noise: 'shared-drift', withReference: true, samples: 6 } as const;
    const tally = tallyShifts(20_261_129, 120, { ...spec, scenarios: ['tcp_stream_1', 'tcp_rr_1cpu'] });
    expect(tally.any / tally.trials).toBeLessThanOrEqual(0.05);
  });

  it('labels simulated histories oldest first', () => {
    const runs = noisyHistory(1, {
      runs: 3,
      noise: 'iid',
      withReference: false,
      samples: 2,
      scenarios: ['tcp_rr_1cpu'],
    });
    expect(runs.map((r) => r.startedAt)).toEqual([...runs.map((r) => r.startedAt)].sort());
  });
});
