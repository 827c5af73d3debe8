// Gate quality by simulation: for each noise model and design, the whole gate's false-regression rate
// under no change (exact 95 % interval), its inconclusive rate, and the smallest pod-path drop of the
// rate caught (verdict regression) in ≥ 95 % of trials. Prints figures; asserts nothing.
// Usage: npm run bench:verdicts -- [--seed 20261126] [--trials 400] [--samples 5] [--looks 6,9,12|none]
//        [--noise iid,drift,shared-drift] [--runs 1,5,10] [--reference with,without] [--alpha 0.05]
//        [--threshold rate_ratio=3,...] [--drops 5,10,15,20,30,40]
import { parseArgs } from 'node:util';
import type { ThresholdsFile } from '../src/compare/thresholds.js';
import { METRIC_NAMES, type MetricName } from '../src/metrics/names.js';
import { defaultSuite } from '../src/suite/default-suite.js';
import { NOISE_MODELS, type NoiseModel } from '../test/helpers/noisy-results.js';
import {
  clopperPearson,
  type Design,
  type PowerFinding,
  type SimSettings,
  smallestDropCaught,
  tallyVerdicts,
} from './verdict-sim.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '20261126' },
    trials: { type: 'string', default: '400' },
    samples: { type: 'string', default: '5' },
    looks: { type: 'string', default: '6,9,12' },
    noise: { type: 'string', default: Object.keys(NOISE_MODELS).join(',') },
    runs: { type: 'string', default: '1,5,10' },
    reference: { type: 'string', default: 'with,without' },
    alpha: { type: 'string' },
    threshold: { type: 'string' },
    drops: { type: 'string', default: '5,10,15,20,30,40' },
  },
});

function numbers(text: string, flag: string): number[] {
  const list = text.split(',').map(Number);
  if (list.some((n) => !Number.isFinite(n))) throw new Error(`Invalid --${flag} '${text}'. Expected numbers separated by commas.`);
  return list;
}

function noiseModels(text: string): NoiseModel[] {
  const names = text.split(',');
  const bad = names.find((name) => !(name in NOISE_MODELS));
  if (bad !== undefined) throw new Error(`Invalid --noise '${bad}'. Expected one of ${Object.keys(NOISE_MODELS).join(', ')}.`);
  return names as NoiseModel[];
}

/** `--threshold rate_ratio=3,cpu_cost_ratio=8` as a thresholds file's per-metric entries. */
function thresholdsOf(text: string | undefined): ThresholdsFile | undefined {
  if (text === undefined) return undefined;
  const metrics: Partial<Record<MetricName, number>> = {};
  for (const entry of text.split(',')) {
    const [name, pct] = entry.split('=');
    if (!(METRIC_NAMES as readonly string[]).includes(name ?? '') || !(Number(pct) > 0)) {
      throw new Error(`Invalid --threshold '${entry}'. Expected metric=percent, e.g. rate_ratio=3.`);
    }
    metrics[name as MetricName] = Number(pct);
  }
  return { metrics };
}

const seed = Number(values.seed);
const trials = Number(values.trials);
const samples = Number(values.samples);
const looksAt = values.looks === 'none' ? undefined : numbers(values.looks, 'looks');
const dropsPct = numbers(values.drops, 'drops');
const file = thresholdsOf(values.threshold);
const settings: SimSettings = {
  thresholds: file === undefined ? {} : { file },
  ...(values.alpha === undefined ? {} : { alpha: Number(values.alpha) }),
};
const scenarioNames = defaultSuite().scenarios.map((s) => s.name);
const oneScenario = scenarioNames.slice(0, 1);

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

function dropText(finding: PowerFinding): string {
  if (finding.dropPct === undefined) return `> ${dropsPct.at(-1)} %`;
  return `${finding.dropPct} % (${finding.caught}/${finding.trials})`;
}

/** One table row: the design's false regressions, inconclusive share and smallest drops caught. */
function row(design: Design): string {
  const tally = tallyVerdicts(seed, design, trials, {}, settings);
  const interval = clopperPearson(tally.regression, trials);
  const power = (scenarios: string[]) =>
    dropText(smallestDropCaught(seed, design, { dropsPct, scenarios, trials, power: 0.95, settings }));
  return [
    design.noise,
    design.baselineRuns,
    design.withReference ? 'with' : 'without',
    `${tally.regression}/${trials} = ${percent(tally.regression / trials)}`,
    `${percent(interval.low)} – ${percent(interval.high)}`,
    percent(tally.inconclusive / trials),
    power(oneScenario),
    power(scenarioNames),
  ].join(' | ');
}

function designs(sampleCount: number, looks?: number[]): Design[] {
  const list: Design[] = [];
  for (const noise of noiseModels(values.noise)) {
    for (const baselineRuns of numbers(values.runs, 'runs')) {
      for (const reference of values.reference.split(',')) {
        const design = { noise, baselineRuns, withReference: reference === 'with', samples: sampleCount };
        list.push(looks === undefined ? design : { ...design, looksAt: looks });
      }
    }
  }
  return list;
}

function printTable(title: string, list: Design[]): void {
  console.log(`\n${title}\n`);
  console.log(
    `| noise | baseline runs | reference | false regressions | 95 % CI (Clopper–Pearson) | inconclusive | drop caught ≥ 95 %: ${oneScenario[0]} only | all ${scenarioNames.length} scenarios |`,
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const design of list) console.log(`| ${row(design)} |`);
}

const started = performance.now();
console.log(
  `bench:verdicts seed ${seed}, ${trials} trials per cell, alpha ${settings.alpha ?? 'default'}, thresholds ${values.threshold ?? 'default'}`,
);
for (const [name, noise] of Object.entries(NOISE_MODELS)) {
  console.log(`  ${name}: within-run CV ${noise.withinCv * 100} %, shared run CV ${noise.sharedRunCv * 100} %, per-path run CV ${noise.pathRunCv * 100} %`);
}
console.log(`  drops tried: ${dropsPct.join(', ')} % of the pod path's rate (CPU % alike: cost per unit unchanged)`);
printTable(`One look, ${samples} samples per run (the default design)`, designs(samples));
if (looksAt !== undefined) {
  const last = looksAt.at(-1) ?? samples;
  printTable(`Sequential: looks at ${looksAt.join(', ')} samples of ${last} (baseline runs of ${last})`, designs(last, looksAt));
}
console.log(`\nruntime ${((performance.now() - started) / 1000).toFixed(1)} s`);
