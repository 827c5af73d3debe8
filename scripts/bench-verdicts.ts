// Gate quality by simulation: for each noise model and design, the whole gate's false-regression rate
// under no change (exact 95 % interval), its inconclusive rate, and the smallest pod-path drop of the
// rate caught (verdict regression) in ≥ 95 % of trials. Prints figures; asserts nothing.
// Usage: npm run bench:verdicts -- [--seed 20261126] [--trials 400] [--samples 6] [--max-samples 12]
//        [--designs gate,one-look]
//        [--noise iid,drift,shared-drift] [--runs 1,5,10] [--reference with,without] [--alpha 0.05]
//        [--threshold rate_ratio=3,throughput_gbps=off,...] [--drops 5,10,15,16,17,18,20,25,30,40,50|none] [--jobs 2]
// Rows are computed by `--jobs` worker threads (this file again, dispatching on isMainThread).
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DEFAULT_FAMILY_ALPHA } from '../src/compare/compare-results.js';
import { lookSchedule } from '../src/compare/looks.js';
import type { ThresholdsFile } from '../src/compare/thresholds.js';
import { METRIC_NAMES, type MetricName, type Threshold } from '../src/metrics/names.js';
import { DEFAULT_SAMPLES, defaultSuite } from '../src/suite/default-suite.js';
import { NOISE_MODELS, type NoiseLevels, type NoiseModel } from '../test/helpers/noisy-results.js';
import {
  clopperPearson,
  type Design,
  type PowerFinding,
  type SimSettings,
  smallestDropCaught,
  tallyVerdicts,
} from './verdict-sim.js';

/** What every worker needs besides the design: the same for all rows. */
interface Job {
  seed: number;
  trials: number;
  dropsPct: number[];
  settings: SimSettings;
}

const POWER = 0.95;
const scenarioNames = defaultSuite().scenarios.map((s) => s.name);
const oneScenario = scenarioNames.slice(0, 1);

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

function dropText(finding: PowerFinding, job: Job): string {
  if (finding.dropPct === undefined) return `> ${job.dropsPct.at(-1)} %`;
  return `${finding.dropPct} % (${finding.caught}/${finding.trials})`;
}

/** One table row: the design's false regressions, inconclusive share and smallest drops caught. */
function row(job: Job, design: Design): string {
  const { seed, trials, dropsPct, settings } = job;
  const tally = tallyVerdicts(seed, design, trials, {}, settings);
  const interval = clopperPearson(tally.regression, trials);
  // A gate that fails most unchanged runs "catches" any drop: mark the figure as meaningless.
  const mark = tally.regression / trials > (settings.alpha ?? DEFAULT_FAMILY_ALPHA) ? ' †' : '';
  const power = (scenarios: string[]) =>
    dropsPct.length === 0
      ? '–'
      : dropText(
          smallestDropCaught(seed, design, { dropsPct, scenarios, trials, power: POWER, settings }),
          job,
        ) + mark;
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

// A worker computes the rows it is sent until the main thread closes it.
if (!isMainThread) {
  const job = workerData as Job;
  parentPort?.on('message', ({ index, design }: { index: number; design: Design }) => {
    parentPort?.postMessage({ index, row: row(job, design) });
  });
}

function numbers(text: string, flag: string): number[] {
  const list = text.split(',').map(Number);
  if (list.some((n) => !Number.isFinite(n)))
    throw new Error(`Invalid --${flag} '${text}'. Expected numbers separated by commas.`);
  return list;
}

function noiseModels(text: string): NoiseModel[] {
  const names = text.split(',');
  const bad = names.find((name) => !(name in NOISE_MODELS));
  if (bad !== undefined)
    throw new Error(`Invalid --noise '${bad}'. Expected one of ${Object.keys(NOISE_MODELS).join(', ')}.`);
  return names as NoiseModel[];
}

/** `--threshold rate_ratio=3,throughput_gbps=off` as a thresholds file's per-metric entries. */
function thresholdsOf(text: string | undefined): ThresholdsFile | undefined {
  if (text === undefined) return undefined;
  const metrics: Partial<Record<MetricName, Threshold>> = {};
  for (const entry of text.split(',')) {
    const [name, value] = entry.split('=');
    if (
      !(METRIC_NAMES as readonly string[]).includes(name ?? '') ||
      !(value === 'off' || Number(value) > 0)
    ) {
      throw new Error(
        `Invalid --threshold '${entry}'. Expected metric=percent or metric=off, e.g. rate_ratio=3.`,
      );
    }
    metrics[name as MetricName] = value === 'off' ? 'off' : Number(value);
  }
  return { metrics };
}

/** Every design of the table: noise × baseline runs × reference, with `samples` per run. */
function designs(values: Record<string, string | undefined>, samples: number, maxSamples?: number): Design[] {
  const list: Design[] = [];
  for (const noise of noiseModels(values.noise ?? '')) {
    for (const baselineRuns of numbers(values.runs ?? '', 'runs')) {
      for (const reference of (values.reference ?? '').split(',')) {
        const design = { noise, baselineRuns, withReference: reference === 'with', samples };
        list.push(maxSamples === undefined ? design : { ...design, maxSamples });
      }
    }
  }
  return list;
}

/** The rows of `list`, computed by `jobs` workers, in the order of `list`. */
async function rowsOf(job: Job, list: readonly Design[], jobs: number): Promise<string[]> {
  const rows: string[] = [];
  let next = 0;
  const work = async () => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    const done = new Promise<void>((resolve, reject) => {
      const send = () =>
        next < list.length ? worker.postMessage({ index: next, design: list[next++] }) : resolve();
      worker.on('message', ({ index, row: text }: { index: number; row: string }) => {
        rows[index] = text;
        send();
      });
      worker.on('error', reject);
      send();
    });
    await done.finally(() => worker.terminate());
  };
  await Promise.all(Array.from({ length: Math.min(jobs, list.length) }, work));
  return rows;
}

async function printTable(title: string, job: Job, list: Design[], jobs: number): Promise<void> {
  console.log(`\n${title}\n`);
  console.log(
    `| noise | baseline runs | reference | false regressions | 95 % CI (Clopper–Pearson) | inconclusive | drop caught ≥ ${POWER * 100} %: ${oneScenario[0]} only | all ${scenarioNames.length} scenarios |`,
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const text of await rowsOf(job, list, jobs)) console.log(`| ${text} |`);
}

/** The command line: every flag a string, as parseArgs gives them. */
function readFlags(): Record<string, string | undefined> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '20261126' },
      trials: { type: 'string', default: '400' },
      samples: { type: 'string', default: String(DEFAULT_SAMPLES) },
      'max-samples': { type: 'string' },
      designs: { type: 'string', default: 'gate,one-look' },
      noise: { type: 'string', default: Object.keys(NOISE_MODELS).join(',') },
      runs: { type: 'string', default: '1,5,10' },
      reference: { type: 'string', default: 'with,without' },
      alpha: { type: 'string' },
      threshold: { type: 'string' },
      drops: { type: 'string', default: '5,10,15,16,17,18,20,25,30,40,50' },
      jobs: { type: 'string', default: String(Math.min(2, availableParallelism())) },
    },
  });
  return values;
}

function jobOf(flags: Record<string, string | undefined>): Job {
  const file = thresholdsOf(flags.threshold);
  return {
    seed: Number(flags.seed),
    trials: Number(flags.trials),
    dropsPct: flags.drops === 'none' ? [] : numbers(flags.drops ?? '', 'drops'),
    settings: {
      thresholds: file === undefined ? {} : { file },
      ...(flags.alpha === undefined ? {} : { alpha: Number(flags.alpha) }),
    },
  };
}

/** " (2 × in tcp_rr_32cpu)" for a model with noisier scenarios. */
function noisierText(noise: NoiseLevels): string {
  const entries = Object.entries(noise.noisierScenarios ?? {});
  return entries.length === 0
    ? ''
    : ` (${entries.map(([name, times]) => `${times} × in ${name}`).join(', ')})`;
}

function printHeader(job: Job, flags: Record<string, string | undefined>): void {
  const alpha = flags.alpha ?? `default (${DEFAULT_FAMILY_ALPHA})`;
  console.log(
    `bench:verdicts seed ${job.seed}, ${job.trials} trials per cell, alpha ${alpha}, thresholds ${flags.threshold ?? 'default'}, ${flags.jobs} worker(s)`,
  );
  for (const [name, noise] of Object.entries(NOISE_MODELS)) {
    console.log(
      `  ${name}: CV within run ${noise.withinCv * 100} %, per run shared by both paths ${noise.sharedRunCv * 100} %, per run and path ${noise.pathRunCv * 100} %${noisierText(noise)}`,
    );
  }
  console.log(
    `  drops tried: ${job.dropsPct.join(', ') || 'none'} % of the pod path's rate (its CPU % alike: cost per unit unchanged)`,
  );
  console.log(
    `  drop figures: smallest drop caught (verdict regression) in ≥ ${POWER * 100} % of trials, as caught/tried`,
  );
  console.log('    (a drop stops being tried once it has enough catches or too many misses)');
  console.log('  † false-regression rate above alpha: the drop figures mean nothing');
}

async function main(): Promise<void> {
  const flags = readFlags();
  const job = jobOf(flags);
  const jobs = Number(flags.jobs);
  const started = { wall: performance.now(), cpu: process.cpuUsage() };
  printHeader(job, flags);
  const samples = Number(flags.samples);
  const kinds = (flags.designs ?? '').split(',');
  if (kinds.includes('gate')) {
    const most = Number(flags['max-samples'] ?? 2 * samples);
    const looks = lookSchedule(samples, most).join(', ');
    const title = `As \`gate\` runs: ${samples} pairs, more for undecided scenarios up to ${most} (looks at ${looks}); baseline runs of ${most}`;
    await printTable(title, job, designs(flags, samples, most), jobs);
  }
  if (kinds.includes('one-look')) {
    const title = `One look at ${samples} samples, as \`compare\` judges two results files; baseline runs of ${samples}`;
    await printTable(title, job, designs(flags, samples), jobs);
  }
  const cpu = process.cpuUsage(started.cpu);
  const wallSeconds = (performance.now() - started.wall) / 1000;
  console.log(
    `\nruntime ${wallSeconds.toFixed(1)} s wall (CPU, all threads: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`,
  );
}

if (isMainThread) {
  await main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  });
}
