import { calibrate, renderThresholdsYaml } from '../../src/compare/calibrate.js';
import { parseThresholds } from '../../src/compare/thresholds.js';
import { around, scenarioWith } from '../helpers/results-builder.js';

describe('calibration', () => {
  const quiet = [35000, 35100, 34900].map((centre) => [
    scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', centre, 5, 1)),
  ]);
  const noisy = [30000, 35000, 40000].map((centre) => [
    scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', centre, 5, 1)),
  ]);

  it('recommends a small threshold for a quiet setup and a large one for a noisy setup', () => {
    const [quietNoise] = calibrate(quiet);
    const [noisyNoise] = calibrate(noisy);
    const quietPct = quietNoise?.metrics[0]?.recommendedPct ?? 0;
    const noisyPct = noisyNoise?.metrics[0]?.recommendedPct ?? 0;
    expect(quietPct).toBeGreaterThanOrEqual(1);
    expect(quietPct).toBeLessThan(3);
    expect(noisyPct).toBeGreaterThan(20);
  });

  it('never raises a false alarm between its own runs at the threshold it recommends', () => {
    const [noise] = calibrate(noisy);
    expect(noise?.metrics[0]).toMatchObject({ falseAlarms: 0, pairs: 3 });
  });

  it('says a regression must exceed the threshold to be detected', () => {
    const metric = calibrate(quiet)[0]?.metrics[0];
    expect(metric?.detectablePct).toBeGreaterThan(metric?.recommendedPct ?? Infinity);
  });

  it('writes a thresholds file that the gate reads back', () => {
    const text = renderThresholdsYaml(calibrate(noisy), 3);
    const file = parseThresholds(text, 'thresholds.yml');
    expect(file.scenarios?.tcp_rr_1cpu?.transactions_per_sec).toBe(
      calibrate(noisy)[0]?.metrics[0]?.recommendedPct,
    );
  });
});
