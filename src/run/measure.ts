import { aggregateSamples } from '../metrics/aggregate.js';
import { headlineMetric } from '../metrics/headline.js';
import { metricUnit } from '../metrics/names.js';
import { combineInstances, costUnit } from '../metrics/sample.js';
import { buildNetperfArgs } from '../netperf/command.js';
import { parseNetperfOutput } from '../netperf/parse.js';
import { formatDuration, formatMetric } from '../report/format.js';
import { toInstanceFigures } from '../results/instance.js';
import type { SampleResult, ScenarioResult } from '../results/schema.js';
import type { Scenario } from '../suite/model.js';
import type { NetperfPair, ProcessOutput, Target } from '../targets/target.js';

/** What measuring needs from outside: the target, a clock and somewhere to say how it goes. */
export interface MeasureDeps {
  target: Target;
  now: () => Date;
  progress: (line: string) => void;
  /**
   * Names of scenarios whose node-to-node reference this session has measured already. The reference
   * is measured once per scenario: later rounds (the gate's extra samples) only add pod samples, and
   * merging keeps the first round's reference. Without it, every call measures the reference.
   */
  referenceTaken?: Set<string>;
  /** Sees every sample's raw netperf outputs (the action uploads them), pods and reference alike. */
  onNetperfOutputs?: (scenario: Scenario, outputs: readonly ProcessOutput[]) => void;
}

function headline(scenario: Scenario, metrics: SampleResult['metrics']): string {
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
  const argv = buildNetperfArgs(scenario, pair.endpoint(scenario));
  const startedAt = now();
  const outputs = await pair.runNetperf(
    scenario,
    Array.from({ length: scenario.concurrency }, () => argv),
  );
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

/** What one series of samples is called in the progress lines. */
interface Series {
  pair: NetperfPair;
  /** "sample" or "host-network reference". */
  name: string;
  /** "[2/4 tcp_stream_32]". */
  label: string;
}

async function takeSamples(
  series: Series,
  scenario: Scenario,
  deps: MeasureDeps,
  pace: Pace,
): Promise<SampleResult[]> {
  const samples: SampleResult[] = [];
  for (let index = 0; index < scenario.samples; index++) {
    const sample = await measureSample(series.pair, scenario, index, deps);
    samples.push(sample);
    deps.progress(
      `${series.label} ${series.name} ${index + 1}/${scenario.samples}: ` +
        `${headline(scenario, sample.metrics)} · ${timeLeft(pace, scenario, sample)}`,
    );
  }
  return samples;
}

/**
 * Measures every scenario, in the order given, sample after sample, printing a progress line per
 * sample (scenario i/n, sample j/m, the figure, time left). Before each scenario the target gets to
 * switch to its CPU profile (`useProfile`); with a reference pair, the scenario's pod samples are
 * followed by as many host-network samples, stored as its `reference`.
 */
export async function measureSuite(
  scenarios: readonly Scenario[],
  deps: MeasureDeps,
): Promise<ScenarioResult[]> {
  const { reference } = deps.target;
  const wantsReference = (scenario: Scenario) =>
    reference !== undefined && !(deps.referenceTaken?.has(scenario.name) ?? false);
  const scheduledTotal = scenarios.reduce(
    (sum, s) => sum + s.samples * s.durationSeconds * (wantsReference(s) ? 2 : 1),
    0,
  );
  const pace: Pace = { scheduledTotal, scheduledDone: 0, wallDone: 0 };
  const results: ScenarioResult[] = [];
  for (const [position, scenario] of scenarios.entries()) {
    await deps.target.useProfile?.(scenario);
    const label = `[${position + 1}/${scenarios.length} ${scenario.name}]`;
    const samples = await takeSamples({ pair: deps.target, name: 'sample', label }, scenario, deps, pace);
    const result: ScenarioResult = {
      settings: { ...scenario },
      costUnit: costUnit(scenario.test),
      samples,
      aggregates: aggregateSamples(samples.map((s) => s.metrics)),
    };
    if (reference !== undefined && wantsReference(scenario)) {
      const series = { pair: reference, name: 'host-network reference', label };
      const hostSamples = await takeSamples(series, scenario, deps, pace);
      result.reference = {
        samples: hostSamples,
        aggregates: aggregateSamples(hostSamples.map((s) => s.metrics)),
      };
      deps.referenceTaken?.add(scenario.name);
    }
    results.push(result);
  }
  return results;
}
