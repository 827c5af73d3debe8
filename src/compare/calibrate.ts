import { METRIC_NAMES, type MetricName, metricDirection } from '../metrics/names.js';
import type { ScenarioResult } from '../results/schema.js';
import { compareSamples } from '../stats/compare.js';
import { median, scaledMedianAbsoluteDeviation } from '../stats/describe.js';
import type { TestType } from '../suite/model.js';
import { DEFAULT_THRESHOLDS_PCT } from './thresholds.js';

/** No threshold below this: a 1% floor keeps rounding and clock jitter from ever counting. */
export const MIN_RECOMMENDED_PCT = 1;
/** Between-run spread is multiplied by this: three robust standard deviations rarely happen by chance. */
export const NOISE_MULTIPLIER = 3;

/** Noise of one metric of one scenario over K repeated runs of the same setup. */
export interface MetricNoise {
  metric: MetricName;
  /** Median of each run's samples. */
  runMedians: number[];
  /** Median within-run coefficient of variation of the samples, in percent. */
  withinRunCvPct: number;
  /** Robust spread of the run medians (scaled MAD / median), in percent. */
  betweenRunPct: number;
  /** Recommended threshold in percent, rounded up to 0.5. */
  recommendedPct: number;
  /** Smallest change the gate would call a regression with these settings (threshold plus interval width), in percent. */
  detectablePct: number;
  /** Pairs of runs (of the same setup) that the gate would call a regression at the recommended threshold. */
  falseAlarms: number;
  pairs: number;
}

export interface ScenarioNoise {
  name: string;
  test: TestType;
  samplesPerRun: number;
  metrics: MetricNoise[];
}

function roundUpToHalf(pct: number): number {
  return Math.ceil(pct * 2) / 2;
}

function cvPct(values: readonly number[]): number {
  const centre = median(values);
  return centre === 0 || values.length < 2
    ? 0
    : (scaledMedianAbsoluteDeviation(values) / Math.abs(centre)) * 100;
}

function metricNoise(metric: MetricName, runs: readonly number[][]): MetricNoise {
  const runMedians = runs.map((values) => median(values));
  const betweenRunPct = cvPct(runMedians);
  const withinRunCvPct = median(runs.map((values) => cvPct(values)));
  const recommendedPct = roundUpToHalf(Math.max(MIN_RECOMMENDED_PCT, NOISE_MULTIPLIER * betweenRunPct));
  const direction = metricDirection(metric);
  let falseAlarms = 0;
  const halfWidths: number[] = [];
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      const result = compareSamples(runs[i] ?? [], runs[j] ?? [], {
        direction,
        thresholdPct: recommendedPct,
      });
      if (result.verdict === 'regression') falseAlarms += 1;
      if (Number.isFinite(result.ciHighPct - result.ciLowPct))
        halfWidths.push((result.ciHighPct - result.ciLowPct) / 2);
    }
  }
  const widthPct = halfWidths.length > 0 ? median(halfWidths) : 0;
  return {
    metric,
    runMedians,
    withinRunCvPct,
    betweenRunPct,
    recommendedPct,
    // A regression needs the whole interval beyond the threshold: the change must exceed it by a half-width.
    detectablePct: recommendedPct + widthPct,
    falseAlarms,
    pairs: halfWidths.length,
  };
}

/**
 * Measures noise from K runs of the same suite on the same setup and recommends thresholds: three
 * times the robust between-run spread (at least 1%), and reports the smallest regression those
 * settings can detect and how many run pairs would have raised a false alarm.
 */
export function calibrate(runs: readonly ScenarioResult[][]): ScenarioNoise[] {
  const first = runs[0] ?? [];
  return first.map((scenario) => {
    const name = scenario.settings.name;
    const sameScenario = runs
      .map((run) => run.find((s) => s.settings.name === name))
      .filter((s) => s !== undefined);
    const metrics: MetricNoise[] = [];
    for (const metric of METRIC_NAMES) {
      const perRun = sameScenario.map((s) =>
        s.samples.map((sample) => sample.metrics[metric]).filter((v): v is number => v !== undefined),
      );
      if (perRun.some((values) => values.length === 0)) continue;
      metrics.push(metricNoise(metric, perRun));
    }
    return { name, test: scenario.settings.test, samplesPerRun: scenario.samples.length, metrics };
  });
}

/** The thresholds file calibrate writes: per scenario and metric, with the evidence as comments. */
export function renderThresholdsYaml(noise: readonly ScenarioNoise[], runs: number): string {
  const lines = [
    `# Written by netperf-gate calibrate from ${runs} runs of the same setup.`,
    `# threshold = max(${MIN_RECOMMENDED_PCT}%, ${NOISE_MULTIPLIER} × robust spread of run medians), rounded up to 0.5%.`,
    'schemaVersion: 1',
    'scenarios:',
  ];
  for (const scenario of noise) {
    lines.push(`  ${scenario.name}:`);
    for (const m of scenario.metrics) {
      const builtIn = DEFAULT_THRESHOLDS_PCT[m.metric];
      lines.push(
        `    ${m.metric}: ${m.recommendedPct}  # spread ${m.betweenRunPct.toFixed(1)}% between runs, ` +
          `${m.withinRunCvPct.toFixed(1)}% within; detects ≥ ${m.detectablePct.toFixed(1)}%; built-in ${builtIn === 'off' ? 'off' : `${builtIn}%`}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
