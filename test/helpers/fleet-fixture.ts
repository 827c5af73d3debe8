/**
 * Fleet results built from REAL netperf output for the fleet tests and fixtures/fleet/: every sample
 * is the captured netperf run of fixtures/netperf/ (parsed by parseNetperfOutput) with its rate scaled
 * by the pair's factors and a deterministic wobble, then combined exactly as a run does
 * (combineInstances → toInstanceFigures → aggregateSamples). No clock, no randomness: the same spec
 * gives the same bytes.
 *
 * The node and link factors slow the pod path only (a datapath problem; the host-network reference of
 * the same pair keeps its speed), so both the rate and the pod/reference ratio show them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseFleet, type FleetAnalysis } from '../../src/fleet/analysis.js';
import { formatPlanSpec, type PlanSpec, planPairs } from '../../src/fleet/plan.js';
import { scheduleRounds } from '../../src/fleet/rounds.js';
import { costUnit } from '../../src/metrics/names.js';
import { type NetperfFigures, parseNetperfOutput } from '../../src/netperf/parse.js';
import { aggregateSamples } from '../../src/results/aggregate.js';
import type { FleetResults } from '../../src/results/fleet-schema.js';
import { toInstanceFigures } from '../../src/results/instance.js';
import { combineInstances } from '../../src/results/sample.js';
import type { SampleResult, ScenarioResult } from '../../src/results/schema.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import type { Scenario } from '../../src/suite/model.js';

const NETPERF_FIXTURES = fileURLToPath(new URL('../../fixtures/netperf/', import.meta.url));

/** A captured netperf run of fixtures/netperf/, parsed. */
export function realFigures(run: string): NetperfFigures {
  const read = (file: string) => readFileSync(join(NETPERF_FIXTURES, run, file), 'utf8');
  return parseNetperfOutput({
    stdout: read('stdout.txt'),
    stderr: read('stderr.txt'),
    exitCode: Number(read('exit-code.txt')),
  });
}

export interface FleetFixtureSpec {
  /** How many nodes: `node-1` … `node-N` unless `names` are given. */
  nodes: number;
  /** The nodes' names (as many as `nodes`), e.g. long Kubernetes node names. */
  names?: readonly string[];
  /** Default `all`. */
  plan?: PlanSpec;
  /** Plan seed (random plans) and what the file records; default 7. */
  seed?: number;
  /** Most pairs at once; default 4. */
  parallel?: number;
  /** Scenario names of the default suite; default tcp_stream_1 and tcp_rr_1cpu. */
  scenarios?: readonly string[];
  /** Samples per pair and scenario; default 3. */
  samples?: number;
  /** Measure the host-network reference (ratio metrics); default true. */
  reference?: boolean;
  /** Pod-path rate factor of a node when it is the client (0.42: 58 % slower). */
  client?: Readonly<Record<string, number>>;
  /** Pod-path rate factor of a node when it is the server. */
  server?: Readonly<Record<string, number>>;
  /** Pod-path rate factor of one link, keyed `client>server`. */
  link?: Readonly<Record<string, number>>;
  /** Relative ± wobble of every sample (deterministic); default 0.02. */
  wobble?: number;
}

export const fixtureNodeName = (i: number) => `node-${i + 1}`;

const START_MS = Date.parse('2026-11-30T06:00:00.000Z');

/** The captured runs a scenario's instances come from: one run, or the four concurrent ones in turn. */
function capturedRuns(scenario: Scenario): NetperfFigures[] {
  const stream = scenario.test === 'TCP_STREAM';
  if (scenario.concurrency === 1) return [realFigures(stream ? 'tcp_stream' : 'tcp_rr')];
  const four = [1, 2, 3, 4].map((i) =>
    realFigures(`${stream ? 'tcp_stream_x4' : 'tcp_rr_x4'}/instance-${i}`),
  );
  return Array.from({ length: scenario.concurrency }, (_, i) => four[i % 4] as NetperfFigures);
}

/** One instance's figures at `factor` times its captured rate (latency the inverse; CPU as captured). */
function scaled(figures: NetperfFigures, factor: number): NetperfFigures {
  const times = (v: number | null) => (v === null ? null : Number((v * factor).toPrecision(8)));
  const over = (v: number | null) => (v === null ? null : Number((v / factor).toPrecision(8)));
  return {
    ...figures,
    throughputGbps: times(figures.throughputGbps),
    transactionsPerSec: times(figures.transactionsPerSec),
    latencyP50Us: over(figures.latencyP50Us),
    latencyP90Us: over(figures.latencyP90Us),
    latencyP99Us: over(figures.latencyP99Us),
    latencyMeanUs: over(figures.latencyMeanUs),
  };
}

function sample(scenario: Scenario, index: number, factor: number, startedMs: number): SampleResult {
  const figures = capturedRuns(scenario).map((f) => scaled(f, factor));
  return {
    index,
    startedAt: new Date(startedMs).toISOString(),
    wallSeconds: scenario.durationSeconds + 0.4,
    metrics: combineInstances(scenario.test, figures),
    instances: figures.map(toInstanceFigures),
  };
}

interface PairContext {
  spec: FleetFixtureSpec;
  podFactor: number;
  /** Distinct per pair and scenario, so wobbles differ between cells. */
  key: number;
  startedMs: number;
}

function scenarioResult(scenario: Scenario, context: PairContext): ScenarioResult {
  const { spec, podFactor, key, startedMs } = context;
  const amplitude = spec.wobble ?? 0.02;
  const wobble = (i: number, path: number) =>
    1 + amplitude * Math.sin(0.9 * key + 2.1 * i + 1.3 * path + 0.3);
  const indexes = Array.from({ length: scenario.samples }, (_, i) => i);
  const step = (scenario.durationSeconds + 1) * 1000;
  const samples = indexes.map((i) => sample(scenario, i, podFactor * wobble(i, 0), startedMs + 2 * i * step));
  const result: ScenarioResult = {
    settings: scenario,
    costUnit: costUnit(scenario.test),
    samples,
    aggregates: aggregateSamples(samples.map((s) => s.metrics)),
  };
  if (spec.reference === false) return result;
  const reference = indexes.map((i) => sample(scenario, i, wobble(i, 1), startedMs + (2 * i + 1) * step));
  return {
    ...result,
    reference: { samples: reference, aggregates: aggregateSamples(reference.map((s) => s.metrics)) },
  };
}

/** A valid FleetResults of the spec's fleet, every sample from real netperf output. */
export function buildFleetResults(spec: FleetFixtureSpec): FleetResults {
  const plan = spec.plan ?? { kind: 'all' };
  const seed = spec.seed ?? 7;
  const parallel = spec.parallel ?? 4;
  const names = spec.names
    ? [...spec.names]
    : Array.from({ length: spec.nodes }, (_, i) => fixtureNodeName(i));
  if (names.length !== spec.nodes)
    throw new Error(`fleet fixture: ${names.length} names for ${spec.nodes} nodes`);
  const wanted = spec.scenarios ?? ['tcp_stream_1', 'tcp_rr_1cpu'];
  const scenarios = wanted.map((name) => {
    const found = defaultSuite().scenarios.find((s) => s.name === name);
    if (found === undefined) throw new Error(`fleet fixture: ${name} is not in the default suite`);
    return { ...found, samples: spec.samples ?? 3 };
  });
  const rounds = scheduleRounds(planPairs(names, plan, seed), parallel);
  const roundMs = scenarios.reduce((sum, s) => sum + 2 * s.samples * (s.durationSeconds + 1) * 1000, 0);
  let key = 0;
  const pairs = rounds.flatMap((round, r) =>
    round.map(({ client, server }) => {
      const podFactor =
        (spec.client?.[client] ?? 1) *
        (spec.server?.[server] ?? 1) *
        (spec.link?.[`${client}>${server}`] ?? 1);
      let startedMs = START_MS + r * roundMs;
      const results = scenarios.map((scenario) => {
        key += 1;
        const result = scenarioResult(scenario, { spec, podFactor, key, startedMs });
        startedMs += 2 * scenario.samples * (scenario.durationSeconds + 1) * 1000;
        return result;
      });
      return { client, server, round: r, scenarios: results };
    }),
  );
  return {
    kind: 'fleet',
    schemaVersion: 1,
    tool: { name: 'netperf-gate', version: '0.1.0' },
    startedAt: new Date(START_MS).toISOString(),
    finishedAt: new Date(START_MS + rounds.length * roundMs).toISOString(),
    target: { kind: 'local', settings: { nodes: String(spec.nodes) } },
    plan: { spec: formatPlanSpec(plan), seed, parallel, rounds: rounds.length },
    netperfVersion: '2.7.0',
    nodes: names.map((name) => ({
      name,
      kernel: '6.18.0',
      cpuModel: 'Fixture CPU',
      cpuCount: 2,
      details: {},
    })),
    details: { source: 'real netperf outputs of fixtures/netperf, rates scaled per node' },
    pairs,
  };
}

/** The fleet and its analysis (no baseline unless given). */
export function fleetFixture(
  spec: FleetFixtureSpec,
  baseline?: FleetFixtureSpec,
): { results: FleetResults; analysis: FleetAnalysis } {
  const results = buildFleetResults(spec);
  const analysis = analyseFleet(results, baseline === undefined ? undefined : buildFleetResults(baseline));
  return { results, analysis };
}

/** fixtures/fleet/fleet-6-nodes.json: 6 nodes, plan all, node-4 58 % slower as client, 2 samples a pair. */
export const SIX_NODES_SLOW_CLIENT: FleetFixtureSpec = {
  nodes: 6,
  plan: { kind: 'all' },
  client: { 'node-4': 0.42 },
  samples: 2,
};
