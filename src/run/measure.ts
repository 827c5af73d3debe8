import { costUnit, headlineMetric, metricUnit } from '../metrics/names.js';
import { buildNetperfArgs } from '../netperf/command.js';
import { parseNetperfOutput } from '../netperf/parse.js';
import { formatDuration, formatMetric } from '../report/format.js';
import { aggregateSamples } from '../results/aggregate.js';
import { toInstanceFigures } from '../results/instance.js';
import { combineInstances } from '../results/sample.js';
import type { SampleResult, ScenarioResult } from '../results/schema.js';
import type { Scenario } from '../suite/model.js';
import type { NetperfPair, ProcessOutput, Target } from '../targets/target.js';

/** What measuring needs from outside: the target, a clock and somewhere to say how it goes. */
export interface MeasureDeps {
  target: Target;
  now: () => Date;
  progress: (line: string) => void;
  /** Sees every sample's raw netperf outputs (the action uploads them), pods and reference alike. */
  onNetperfOutputs?: (scenario: Scenario, outputs: readonly ProcessOutput[]) => void;
}

/** The scenario's headline figure of a sample, with its unit. */
export function headline(scenario: Scenario, metrics: SampleResult['metrics']): string {
  const metric = headlineMetric(scenario.test);
  const value = metrics[metric];
  return value === undefined ? 'no figure' : `${formatMetric(metric, value)} ${metricUnit(metric)}`;
}

/** Runs one sample on a pair (the pods, or the host-network reference): N netperf processes together. */
async function measureSample(
  pair: NetperfPair,
  scenario: Scenario,
  index: number,
  deps: Pick<MeasureDeps, 'now' | 'onNetperfOutputs'>,
): Promise<SampleResult> {
  const { now } = deps;
  const endpoint = pair.endpoint(scenario);
  // One argument list per instance: with fixed data ports each has its own (they differ in that only).
  const argvs = Array.from({ length: scenario.concurrency }, (_, instance) =>
    buildNetperfArgs(scenario, endpoint, { instance }),
  );
  const startedAt = now();
  const outputs = await pair.runNetperf(scenario, argvs);
  const wallSeconds = (now().getTime() - startedAt.getTime()) / 1000;
  deps.onNetperfOutputs?.(scenario, outputs);
  const figures = outputs.map((output) => parseNetperfOutput(output));
  return {
    index,
    startedAt: startedAt.toISOString(),
    wallSeconds,
    metrics: combineInstances(scenario.test, figures),
    instances: figures.map(toInstanceFigures),
  };
}

/** Scheduled netperf time and wall time so far, for the "time left" of the progress lines. */
interface Pace {
  scheduledTotal: number;
  scheduledDone: number;
  wallDone: number;
}

/** Seconds left at the pace so far, as the end of a progress line. */
function timeLeft(pace: Pace, scenario: Scenario, sample: SampleResult): string {
  pace.scheduledDone += scenario.durationSeconds;
  pace.wallDone += sample.wallSeconds;
  const left = (pace.scheduledTotal - pace.scheduledDone) * (pace.wallDone / pace.scheduledDone);
  return left > 0 ? `about ${formatDuration(left)} left` : 'done';
}

/** The two paths a sample can take. */
export type Path = 'pod' | 'reference';

/**
 * The order of pair `index`'s two samples: A B, B A, A B, B A … (A the reference, B the pod path), so
 * over every two pairs each path goes first once and a drift within the run weighs on both alike.
 */
export function pairOrder(index: number): readonly [Path, Path] {
  return index % 2 === 0 ? ['reference', 'pod'] : ['pod', 'reference'];
}

/** What one scenario is measured on: the pod path, and the reference path between the same nodes. */
export interface MeasuredPaths {
  pod: NetperfPair;
  reference?: NetperfPair;
}

/** One sample just taken, for progress lines. */
export interface SampleTaken {
  path: Path;
  /** The pair it belongs to (0-based). */
  index: number;
  sample: SampleResult;
}

/** What one scenario's sample loop needs besides the paths. */
export interface ScenarioDeps extends Pick<MeasureDeps, 'now' | 'onNetperfOutputs'> {
  /** Sees every sample as soon as it is taken. */
  onSample?: (taken: SampleTaken) => void;
  /** Called before every sample; throws to stop (a fleet stops its other pairs after one failed). */
  beforeSample?: () => void;
}

/**
 * Takes a scenario's samples on `paths`: with a reference every sample is a pair, the reference and
 * the pod path one right after the other in A B B A order (see {@link pairOrder}), stored as `samples`
 * and `reference.samples` with the same indexes. A single run and each pair of a fleet use this loop.
 */
export async function measureScenario(
  scenario: Scenario,
  paths: MeasuredPaths,
  deps: ScenarioDeps,
): Promise<ScenarioResult> {
  const samples: SampleResult[] = [];
  const reference: SampleResult[] = [];
  for (let index = 0; index < scenario.samples; index++) {
    const order = paths.reference === undefined ? (['pod'] as const) : pairOrder(index);
    for (const path of order) {
      deps.beforeSample?.();
      const pair = path === 'pod' ? paths.pod : (paths.reference as NetperfPair);
      const sample = await measureSample(pair, scenario, index, deps);
      (path === 'pod' ? samples : reference).push(sample);
      deps.onSample?.({ path, index, sample });
    }
  }
  const result: ScenarioResult = {
    settings: { ...scenario },
    costUnit: costUnit(scenario.test),
    samples,
    aggregates: aggregateSamples(samples.map((s) => s.metrics)),
  };
  if (paths.reference !== undefined) {
    result.reference = { samples: reference, aggregates: aggregateSamples(reference.map((s) => s.metrics)) };
  }
  return result;
}

/**
 * Measures every scenario, in the order given, printing a progress line per sample (scenario i/n,
 * sample j/m, the figure, time left). Before each scenario the target gets to switch to its CPU
 * profile (`useProfile`). With a reference path, every sample is a pair: the reference and the pod
 * path one right after the other, in A B B A order (see {@link pairOrder}), stored as the scenario's
 * `samples` and `reference.samples` with the same indexes.
 */
export async function measureSuite(
  scenarios: readonly Scenario[],
  deps: MeasureDeps,
): Promise<ScenarioResult[]> {
  const paths = deps.target.reference === undefined ? 1 : 2;
  const scheduledTotal = scenarios.reduce((sum, s) => sum + s.samples * s.durationSeconds * paths, 0);
  const pace: Pace = { scheduledTotal, scheduledDone: 0, wallDone: 0 };
  const results: ScenarioResult[] = [];
  for (const [position, scenario] of scenarios.entries()) {
    await deps.target.useProfile?.(scenario);
    const label = `[${position + 1}/${scenarios.length} ${scenario.name}]`;
    const reference = deps.target.reference;
    const onSample = ({ path, index, sample }: SampleTaken) => {
      const name = reference === undefined ? 'sample' : path;
      deps.progress(
        `${label} ${name} ${index + 1}/${scenario.samples}: ` +
          `${headline(scenario, sample.metrics)} · ${timeLeft(pace, scenario, sample)}`,
      );
    };
    const measured = { pod: deps.target, ...(reference ? { reference } : {}) };
    results.push(await measureScenario(scenario, measured, { ...deps, onSample }));
  }
  return results;
}
