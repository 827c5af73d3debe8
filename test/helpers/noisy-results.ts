/**
 * Synthetic results of the default suite under a noise model, for simulating the gate. Pure: all
 * randomness comes from the seeded generator passed in.
 *
 * Every figure is a level times lognormal factors (median 1): one per run shared by the pod and the
 * reference path (the host's load that day), one per run and path, one per sample. The rate and the two
 * CPU costs draw their factors independently, and so do the scenarios (the conservative case for a
 * family of tests: no correlation that would make false alarms coincide).
 */
import { costUnit, type MetricValues } from '../../src/metrics/names.js';
import { RR_COST_TRANSACTIONS_PER_SEC, STREAM_COST_GBPS } from '../../src/results/sample.js';
import type { InstanceFigures, Results, SampleResult, ScenarioResult } from '../../src/results/schema.js';
import type { Rng } from '../../src/stats/random.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import type { Scenario } from '../../src/suite/model.js';
import { resultsWith } from './results-builder.js';

/** Coefficients of variation (fractions) of the three noise components. */
export interface NoiseLevels {
  /** Per sample, per path. */
  withinCv: number;
  /** Per run, shared by the pod and the reference path. */
  sharedRunCv: number;
  /** Per run and path. */
  pathRunCv: number;
  /** Scenarios whose per-run-and-path CV is this many times pathRunCv (the rest: 1×). */
  noisierScenarios?: Readonly<Record<string, number>>;
}

/** The noise models the gate is judged under. */
export const NOISE_MODELS = {
  /** Sample-to-sample noise only: every run is alike. */
  iid: { withinCv: 0.03, sharedRunCv: 0, pathRunCv: 0 },
  /** Each run and path has its own level: the reference drifts independently of the pods. */
  drift: { withinCv: 0.03, sharedRunCv: 0, pathRunCv: 0.1 },
  /** The run's level is shared by both paths (same nodes, same time), plus a little of each path's own. */
  'shared-drift': { withinCv: 0.04, sharedRunCv: 0.1, pathRunCv: 0.015 },
  /**
   * Shared drift, but one scenario's paths drift apart twice as much as the others' (4 × the between-run
   * variance of its ratios): the case that pooling the between-run variance over scenarios must survive.
   */
  'uneven-drift': {
    withinCv: 0.04,
    sharedRunCv: 0.1,
    pathRunCv: 0.015,
    noisierScenarios: { tcp_rr_32cpu: 2 },
  },
} as const satisfies Record<string, NoiseLevels>;

export type NoiseModel = keyof typeof NOISE_MODELS;

/** Typical figures of a scenario's pod path; the reference (host network) path is REFERENCE_SPEEDUP × faster. */
interface Levels {
  rate: number;
  clientCost: number;
  serverCost: number;
}

const LEVELS: Record<string, Levels> = {
  tcp_stream_1: { rate: 9, clientCost: 25, serverCost: 30 },
  tcp_stream_32: { rate: 36, clientCost: 20, serverCost: 24 },
  tcp_rr_1cpu: { rate: 30_000, clientCost: 10, serverCost: 12 },
  tcp_rr_32cpu: { rate: 600_000, clientCost: 8, serverCost: 9 },
};
const REFERENCE_SPEEDUP = 1.1;

/** What one simulated run looks like. */
export interface RunSpec {
  noise: NoiseLevels;
  /** Samples per scenario (pairs, with a reference). */
  samples: number;
  withReference: boolean;
  /** Drop of the pod path's rate in percent, per scenario name (CPU % drops alike: cost per unit unchanged). */
  podDropPct?: Readonly<Record<string, number>>;
}

/** Standard normal variates from a uniform generator (Box–Muller, one of the pair used). */
export function normalFrom(rng: Rng): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** A lognormal factor with median 1 and the given coefficient of variation. */
function factor(normal: () => number, cv: number): number {
  return cv === 0 ? 1 : Math.exp(Math.sqrt(Math.log1p(cv * cv)) * normal());
}

const PLACEHOLDER_INSTANCE: InstanceFigures = {
  throughputGbps: null,
  transactionsPerSec: null,
  latencyP50Us: null,
  latencyP90Us: null,
  latencyP99Us: null,
  latencyMeanUs: null,
  clientCpuPct: null,
  serverCpuPct: null,
  retransmits: null,
  elapsedSeconds: 10,
};

function sampleOf(index: number, metrics: MetricValues): SampleResult {
  return {
    index,
    startedAt: '2026-11-26T07:00:00.000Z',
    wallSeconds: 10,
    metrics,
    instances: [PLACEHOLDER_INSTANCE],
  };
}

/** One path's figures for one sample: its rate, CPU % and cost, and latencies for request/response. */
function metricsOf(scenario: Scenario, rate: number, clientCost: number, serverCost: number): MetricValues {
  const stream = scenario.test === 'TCP_STREAM';
  const workUnits = rate / (stream ? STREAM_COST_GBPS : RR_COST_TRANSACTIONS_PER_SEC);
  const cpu = { client_cpu_pct: clientCost * workUnits, server_cpu_pct: serverCost * workUnits };
  const costs = { client_cpu_cost: clientCost, server_cpu_cost: serverCost };
  if (stream) return { throughput_gbps: rate, ...cpu, ...costs };
  // Little's law: concurrency = rate × latency; the tail is a fixed multiple (latencies are shown, not gated).
  const p50 = (scenario.concurrency * 1e6) / rate;
  return {
    transactions_per_sec: rate,
    latency_p50_us: p50,
    latency_p90_us: 1.4 * p50,
    latency_p99_us: 2.5 * p50,
    ...cpu,
    ...costs,
  };
}

/** The run-level factors of one quantity: the shared one times each path's own. */
function runFactors(
  normal: () => number,
  noise: NoiseLevels,
  scenario: string,
): { pod: number; reference: number } {
  const shared = factor(normal, noise.sharedRunCv);
  const pathCv = noise.pathRunCv * (noise.noisierScenarios?.[scenario] ?? 1);
  return { pod: shared * factor(normal, pathCv), reference: shared * factor(normal, pathCv) };
}

function noisyScenario(normal: () => number, scenario: Scenario, spec: RunSpec): ScenarioResult {
  const levels = LEVELS[scenario.name] ?? { rate: 1000, clientCost: 10, serverCost: 10 };
  const drop = 1 - (spec.podDropPct?.[scenario.name] ?? 0) / 100;
  const run = {
    rate: runFactors(normal, spec.noise, scenario.name),
    client: runFactors(normal, spec.noise, scenario.name),
    server: runFactors(normal, spec.noise, scenario.name),
  };
  const within = () => factor(normal, spec.noise.withinCv);
  const path = (side: 'pod' | 'reference', scale: number) =>
    Array.from({ length: spec.samples }, (_, i) =>
      sampleOf(
        i,
        metricsOf(
          scenario,
          levels.rate * scale * run.rate[side] * within(),
          levels.clientCost * run.client[side] * within(),
          levels.serverCost * run.server[side] * within(),
        ),
      ),
    );
  const samples = path('pod', drop);
  const settings = { ...scenario, samples: spec.samples };
  const unit = costUnit(scenario.test);
  if (!spec.withReference) return { settings, costUnit: unit, samples, aggregates: {} };
  return {
    settings,
    costUnit: unit,
    samples,
    aggregates: {},
    reference: { samples: path('reference', REFERENCE_SPEEDUP), aggregates: {} },
  };
}

/** The default suite's scenarios (or those named), simulated once under `spec`. Aggregates are left empty. */
export function noisyRun(rng: Rng, spec: RunSpec, names?: readonly string[]): Results {
  const normal = normalFrom(rng);
  const scenarios = defaultSuite().scenarios.filter((s) => names === undefined || names.includes(s.name));
  return resultsWith(scenarios.map((scenario) => noisyScenario(normal, scenario, spec)));
}
