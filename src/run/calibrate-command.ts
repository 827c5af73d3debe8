import { calibrate, renderThresholdsYaml, type ScenarioNoise } from '../compare/calibrate.js';
import type { RunConfig } from '../config/run-config.js';
import { metricUnit } from '../metrics/names.js';
import { renderTextTable } from '../report/format.js';
import type { ScenarioResult } from '../results/schema.js';
import { type RunIo, resolveSuite } from './run-command.js';
import { withSession } from './session.js';

/** `calibrate --runs K --out FILE`: the run settings, how many repeated runs, where the thresholds go. */
export interface CalibrateConfig {
  run: RunConfig;
  runs: number;
  thresholdsOutPath: string;
}

/** Fewer runs cannot estimate a between-run spread worth the name. */
export const MIN_CALIBRATE_RUNS = 3;
/** Runs when --runs is not given: ten runs pin the between-run spread to about ±25 %. */
export const DEFAULT_CALIBRATE_RUNS = 10;
export const MAX_CALIBRATE_RUNS = 50;

function noiseTable(noise: readonly ScenarioNoise[]): string {
  const rows = noise.flatMap((scenario) =>
    scenario.metrics.map((m) => [
      `${scenario.name} ${m.metric} (${metricUnit(m.metric, scenario.test)})`,
      `${m.betweenRunPct.toFixed(1)}%`,
      `${m.withinRunPct.toFixed(1)}%`,
      m.primary ? `${m.recommendedPct}%` : '(shown)',
      m.primary ? (m.detectablePct === null ? '> 90%' : `${m.detectablePct}%`) : '',
    ]),
  );
  return renderTextTable(['metric', 'between runs', 'within run', 'threshold', 'detects (95% power)'], rows);
}

/**
 * Runs the same suite K times on one prepared target, measures the noise of every metric and writes
 * recommended thresholds; prints the smallest regression those settings can detect.
 */
export async function calibrateTarget(config: CalibrateConfig, io: RunIo): Promise<ScenarioNoise[]> {
  const suite = await resolveSuite(config.run, io.files);
  await io.files.checkWritable(config.thresholdsOutPath, 'thresholds file (--out)');
  const runs: ScenarioResult[][] = [];
  await withSession(config.run, suite.scenarios, io, async (session) => {
    for (let run = 1; run <= config.runs; run++) {
      io.log(`calibration run ${run} of ${config.runs}`);
      runs.push(await session.measure(suite.scenarios));
    }
    return runs.at(-1) ?? [];
  });
  const noise = calibrate(runs);
  await io.files.writeText(config.thresholdsOutPath, renderThresholdsYaml(noise, config.runs));
  io.print(
    `${noiseTable(noise)}\n\nbetween runs / within run: standard deviations of the run-level model (log scale, in percent). detects: the smallest drop of a primary metric the gate catches with 95% power with these ${config.runs} runs as its baseline, simulated from the fitted noise. Thresholds written to ${config.thresholdsOutPath}\n`,
  );
  return noise;
}
