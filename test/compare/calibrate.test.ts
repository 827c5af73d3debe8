import {
  calibrate,
  detectableChange,
  fitRunNoise,
  renderThresholdsYaml,
} from '../../src/compare/calibrate.js';
import { parseThresholds } from '../../src/compare/thresholds.js';
import { around, scenarioWith, wobble } from '../helpers/results-builder.js';

/** K runs of tcp_rr_1cpu whose levels are spread by ±levelPct and samples by ±1 %. */
function runsAround(levels: readonly number[]) {
  return levels.map((level, run) => [
    scenarioWith(
      'tcp_rr_1cpu',
      around('transactions_per_sec', 35000 * level, 6, 1).map((m, i) => ({
        transactions_per_sec: (m.transactions_per_sec ?? 0) * wobble(i + run, 0.005),
        client_cpu_cost: 1.2 * wobble(i + 2 * run, 0.01),
        server_cpu_cost: 1.1 * wobble(i + 3 * run, 0.01),
      })),
    ),
  ]);
}

const quiet = runsAround([1, 1.004, 0.996, 1.002, 0.998, 1.001, 0.999, 1.003, 0.997, 1]);
const drifting = runsAround([1, 1.2, 0.85, 1.1, 0.9, 1.15, 0.8, 1.05, 0.95, 1.25]);

describe('calibration on run-level noise', () => {
  it('finds a small between-run spread on a quiet setup and a large one on a drifting one', () => {
    const rate = (runs: typeof quiet) =>
      calibrate(runs)[0]?.metrics.find((m) => m.metric === 'transactions_per_sec');
    expect(rate(quiet)?.betweenRunPct).toBeLessThan(1);
    expect(rate(drifting)?.betweenRunPct).toBeGreaterThan(10);
    expect(rate(quiet)?.recommendedPct).toBeLessThan(rate(drifting)?.recommendedPct ?? 0);
  });

  it('says the drifting setup can only catch much larger drops than the quiet one', () => {
    const detects = (runs: typeof quiet) =>
      calibrate(runs)[0]?.metrics.find((m) => m.metric === 'transactions_per_sec')?.detectablePct;
    expect(detects(quiet)).toBeLessThanOrEqual(5);
    expect(detects(drifting) ?? 100).toBeGreaterThan(20);
  });

  it('separates between-run from within-run spread in the fit', () => {
    const runs = [
      [100, 110, 90, 100],
      [100, 110, 90, 100],
      [100, 110, 90, 100],
    ];
    const fit = fitRunNoise(runs);
    expect(fit.between).toBe(0);
    expect(fit.within).toBeGreaterThan(0.05);
  });

  it('gives the same detectable change for the same noise every time (seeded simulation)', () => {
    const model = { between: 0.05, within: 0.03, runs: 10, samples: 6, thresholdPct: 5, level: 0.05 / 12 };
    expect(detectableChange(model)).toBe(detectableChange(model));
  });

  it('writes a thresholds file that the gate reads back', () => {
    const noise = calibrate(drifting);
    const file = parseThresholds(renderThresholdsYaml(noise, 10), 'thresholds.yml');
    expect(file.scenarios?.tcp_rr_1cpu?.transactions_per_sec).toBe(
      noise[0]?.metrics.find((m) => m.metric === 'transactions_per_sec')?.recommendedPct,
    );
  });
});
