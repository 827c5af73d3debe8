/**
 * Builds the results files in fixtures/results/ through the real pipeline functions
 * (combineInstances → toInstanceFigures → aggregateSamples → buildResults), so they are shaped exactly
 * like what `run` writes. Deterministic: no clock, no randomness.
 */

import { costUnit } from '../../src/metrics/names.js';
import type { NetperfFigures } from '../../src/netperf/parse.js';
import { aggregateSamples } from '../../src/results/aggregate.js';
import { toInstanceFigures } from '../../src/results/instance.js';
import { combineInstances } from '../../src/results/sample.js';
import type { Environment, Results, ScenarioResult } from '../../src/results/schema.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import type { Scenario } from '../../src/suite/model.js';

/** What one sample measured, as the node-wide / summed figures people read. */
export interface SampleSpec {
  /** Gbit/s for streams, transactions/s for TCP_RR: summed over the concurrent instances. */
  rate: number;
  clientCpuPct?: number;
  serverCpuPct?: number;
  /** TCP_RR latency percentiles in µs. */
  latencyUs?: { p50: number; p90: number; p99: number };
  /** Retransmissions summed over instances and both sides. */
  retransmits?: number;
}

/** A scenario's samples: medians scaled by per-sample factors (the run-to-run spread). */
export interface ScenarioSpec {
  name: string;
  median: SampleSpec;
  /** One factor per sample applied to the rate (latency moves the other way); e.g. [0.99, 1.01]. */
  spread: readonly number[];
  /** CPU moves by its own factors (CPU readings wobble differently from rates); default `spread`. */
  cpuSpread?: readonly number[];
  /** Overrides of the default suite's settings (e.g. durationSeconds). */
  settings?: Partial<Scenario>;
}

/** A whole results file: where it ran and its scenarios. */
export interface ResultsSpec {
  kind: 'local' | 'kubernetes';
  targetSettings: Record<string, string>;
  environment: Environment;
  startedAt: string;
  scenarios: ScenarioSpec[];
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Uneven but deterministic shares of the total rate, like concurrent netperf instances get. */
function shares(count: number): number[] {
  const weights = Array.from({ length: count }, (_, i) => 1 + (((i * 7) % 11) - 5) / 100);
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}

function instanceFigures(test: Scenario['test'], spec: SampleSpec, share: number, i: number): NetperfFigures {
  const wobble = 1 + ((i % 3) - 1) / 200;
  const stream = test === 'TCP_STREAM';
  const latency = (value: number | undefined) =>
    stream || value === undefined ? null : Math.round(value * wobble);
  const retransmits = spec.retransmits === undefined ? null : Math.round(spec.retransmits * share);
  return {
    throughputUnits: stream ? '10^6bits/s' : 'Trans/s',
    throughputGbps: stream ? round(spec.rate * share, 5) : null,
    transactionsPerSec: stream ? null : round(spec.rate * share, 3),
    latencyP50Us: latency(spec.latencyUs?.p50),
    latencyP90Us: latency(spec.latencyUs?.p90),
    latencyP99Us: latency(spec.latencyUs?.p99),
    latencyMeanUs:
      stream || spec.latencyUs === undefined ? null : round(spec.latencyUs.p50 * 1.08 * wobble, 2),
    localCpuPct: spec.clientCpuPct === undefined ? null : round(spec.clientCpuPct * wobble, 2),
    remoteCpuPct: spec.serverCpuPct === undefined ? null : round(spec.serverCpuPct * wobble, 2),
    localRetransmits: retransmits,
    remoteRetransmits: retransmits === null ? null : 0,
    elapsedSeconds: 10.0,
  };
}

function sampleSpec(spec: ScenarioSpec, i: number): SampleSpec {
  const factor = spec.spread[i] ?? 1;
  const cpuFactor = spec.cpuSpread?.[i] ?? factor;
  const { median } = spec;
  const slower = (value: number) => value / factor;
  return {
    rate: median.rate * factor,
    ...(median.clientCpuPct === undefined ? {} : { clientCpuPct: median.clientCpuPct * cpuFactor }),
    ...(median.serverCpuPct === undefined ? {} : { serverCpuPct: median.serverCpuPct * cpuFactor }),
    ...(median.latencyUs === undefined
      ? {}
      : {
          latencyUs: {
            p50: slower(median.latencyUs.p50),
            p90: slower(median.latencyUs.p90),
            p99: slower(median.latencyUs.p99),
          },
        }),
    ...(median.retransmits === undefined ? {} : { retransmits: median.retransmits * (2 - factor) }),
  };
}

function scenarioResult(spec: ScenarioSpec, startedAtMs: number): ScenarioResult {
  const base = defaultSuite().scenarios.find((s) => s.name === spec.name);
  if (base === undefined) throw new Error(`fixture scenario ${spec.name} is not in the default suite`);
  const settings = { ...base, ...spec.settings, samples: spec.spread.length };
  const instanceShares = shares(settings.concurrency);
  const samples = spec.spread.map((_, index) => {
    const figures = instanceShares.map((share, i) =>
      instanceFigures(settings.test, sampleSpec(spec, index), share, i),
    );
    const started = new Date(startedAtMs + index * (settings.durationSeconds + 2) * 1000);
    return {
      index,
      startedAt: started.toISOString(),
      wallSeconds: settings.durationSeconds + 0.4,
      metrics: combineInstances(settings.test, figures),
      instances: figures.map(toInstanceFigures),
    };
  });
  return {
    settings,
    costUnit: costUnit(settings.test),
    samples,
    aggregates: aggregateSamples(samples.map((s) => s.metrics)),
  };
}

/** A complete results document from a spec. */
export function buildFixture(spec: ResultsSpec): Results {
  const start = Date.parse(spec.startedAt);
  let clock = start;
  const scenarios = spec.scenarios.map((scenario) => {
    const result = scenarioResult(scenario, clock);
    clock += result.samples.length * (result.settings.durationSeconds + 2) * 1000 + 5000;
    return result;
  });
  return {
    schemaVersion: 1,
    tool: { name: 'netperf-gate', version: '0.1.0' },
    startedAt: new Date(start).toISOString(),
    finishedAt: new Date(clock).toISOString(),
    target: { kind: spec.kind, settings: spec.targetSettings },
    environment: spec.environment,
    scenarios,
  };
}
