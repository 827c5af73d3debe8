import { aggregateSamples } from '../metrics/aggregate.js';
import { combineInstances, costUnit } from '../metrics/sample.js';
import { buildNetperfArgs } from '../netperf/command.js';
import { parseNetperfOutput } from '../netperf/parse.js';
import { formatDuration, formatMetric } from '../report/format.js';
import { toInstanceFigures } from '../results/instance.js';
import type { SampleResult, ScenarioResult } from '../results/schema.js';
import type { Scenario } from '../suite/model.js';
import type { Target } from '../targets/target.js';

/** What measuring needs from outside: the target, a clock and somewhere to say how it goes. */
export interface MeasureDeps {
  target: Target;
  now: () => Date;
  progress: (line: string) => void;
}

function headline(scenario: Scenario, metrics: SampleResult['metrics']): string {
  const metric = scenario.test === 'TCP_STREAM' ? 'throughput_gbps' : 'transactions_per_sec';
  const value = metrics[metric];
  const unit = scenario.test === 'TCP_STREAM' ? 'Gbit/s' : 'trans/s';
  return value === undefined ? 'no figure' : `${formatMetric(metric, value)} ${unit}`;
}

/** Runs one sample: N netperf processes together, parsed and combined. */
async function measureSample(scenario: Scenario, index: number, deps: MeasureDeps): Promise<SampleResult> {
  const endpoint = deps.target.endpoint(scenario);
  const argv = buildNetperfArgs(scenario, endpoint);
  const startedAt = deps.now();
  const outputs = await deps.target.runNetperf(
    scenario,
    Array.from({ length: scenario.concurrency }, () => argv),
  );
  const wallSeconds = (deps.now().getTime() - startedAt.getTime()) / 1000;
  const figures = outputs.map((output) => parseNetperfOutput(output));
  return {
    index,
    startedAt: startedAt.toISOString(),
    wallSeconds,
    metrics: combineInstances(scenario.test, figures),
    instances: figures.map(toInstanceFigures),
  };
}

/**
 * Measures every scenario of the suite on a prepared target, sample after sample, printing a progress
 * line per sample (scenario i/n, sample j/m, the figure, time left).
 */
export async function measureSuite(
  scenarios: readonly Scenario[],
  deps: MeasureDeps,
): Promise<ScenarioResult[]> {
  const scheduledTotal = scenarios.reduce((sum, s) => sum + s.samples * s.durationSeconds, 0);
  let scheduledDone = 0;
  let wallDone = 0;
  const results: ScenarioResult[] = [];
  for (const [position, scenario] of scenarios.entries()) {
    const samples: SampleResult[] = [];
    for (let index = 0; index < scenario.samples; index++) {
      const sample = await measureSample(scenario, index, deps);
      samples.push(sample);
      scheduledDone += scenario.durationSeconds;
      wallDone += sample.wallSeconds;
      const pace = wallDone / scheduledDone;
      const left = (scheduledTotal - scheduledDone) * pace;
      deps.progress(
        `[${position + 1}/${scenarios.length} ${scenario.name}] sample ${index + 1}/${scenario.samples}: ` +
          `${headline(scenario, sample.metrics)} · ${left > 0 ? `about ${formatDuration(left)} left` : 'done'}`,
      );
    }
    results.push({
      settings: { ...scenario },
      costUnit: costUnit(scenario.test),
      samples,
      aggregates: aggregateSamples(samples.map((s) => s.metrics)),
    });
  }
  return results;
}
