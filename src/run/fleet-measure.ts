/**
 * Measuring a fleet: the plan's pairs in rounds of disjoint pairs, the pairs of a round at the same
 * time, each pair measuring every scenario with the reference interleaved (A B B A) by the same
 * per-scenario loop a single run uses (`measureScenario`).
 *
 * One pair failing stops the fleet run: the round's other pairs stop before their next sample (their
 * sample in flight ends by itself, within one netperf duration), no later round starts, and the error
 * names the pair and scenario. Nothing half-measured is written; the command then cleans up.
 */
import { type NodePair, type PlanSpec, planPairs } from '../fleet/plan.js';
import { scheduleRounds } from '../fleet/rounds.js';
import type { MetricValues } from '../metrics/names.js';
import { formatDuration } from '../report/format.js';
import type { FleetPairRecord } from '../results/fleet-schema.js';
import type { ScenarioResult } from '../results/schema.js';
import type { Scenario } from '../suite/model.js';
import type { FleetTarget, ProcessOutput } from '../targets/target.js';
import { formatError, InfraError, UsageError } from '../util/errors.js';
import { headline, type MeasuredPaths, measureScenario } from './measure.js';

/** The pairs a fleet run measures and when. */
export interface FleetSchedule {
  /** The nodes, as prepare returned them. */
  nodes: string[];
  spec: PlanSpec;
  seed: number;
  /** Most pairs at once. */
  parallel: number;
  pairs: NodePair[];
  rounds: NodePair[][];
}

/** Plans the pairs over the prepared nodes and groups them into rounds. Pure. */
export function scheduleFleet(
  nodes: readonly string[],
  plan: { spec: PlanSpec; seed: number; parallel: number },
): FleetSchedule {
  const pairs = planPairs(nodes, plan.spec, plan.seed);
  return { nodes: [...nodes], ...plan, pairs, rounds: scheduleRounds(pairs, plan.parallel) };
}

/** What measuring a fleet needs from outside. */
export interface FleetMeasureDeps {
  target: Pick<FleetTarget, 'path' | 'referencePath'>;
  now: () => Date;
  /** One line per pair and scenario. */
  progress: (line: string) => void;
  /** Sees every sample's raw netperf outputs, with the pair they came from (the action uploads them). */
  onNetperfOutputs?: (scenario: Scenario, outputs: readonly ProcessOutput[], pair: NodePair) => void;
  /** Aborted (SIGINT/SIGTERM): no further sample starts. */
  signal?: AbortSignal;
}

/** Thrown into the round's other pairs once one failed: they stop, and are not what is reported. */
class PairStopped extends Error {}

/** SIGINT/SIGTERM arrived: the signal handler cleans up and exits; this only stops the loop. */
class Interrupted extends InfraError {
  constructor() {
    super('the fleet run was interrupted: stopped and cleaned up');
  }
}

/** Scheduled netperf seconds (all paths) of one pair over the scenarios. */
function pairSeconds(scenarios: readonly Scenario[], paths: number): number {
  return scenarios.reduce((sum, s) => sum + s.samples * s.durationSeconds * paths, 0);
}

/** Time left at the pace so far: wall time per scheduled second, over what is still scheduled. */
interface FleetPace {
  startedMs: number;
  totalSeconds: number;
  doneSeconds: number;
}

function timeLeft(pace: FleetPace, nowMs: number): string {
  const left = pace.totalSeconds - pace.doneSeconds;
  if (left <= 0) return 'done';
  const wallPerScheduled = (nowMs - pace.startedMs) / 1000 / pace.doneSeconds;
  return `about ${formatDuration(left * wallPerScheduled)} left`;
}

function medians(result: ScenarioResult['aggregates']): MetricValues {
  return Object.fromEntries(Object.entries(result).map(([metric, a]) => [metric, a.median])) as MetricValues;
}

function figures(scenario: Scenario, result: ScenarioResult): string {
  const pod = headline(scenario, medians(result.aggregates));
  if (result.reference === undefined) return pod;
  return `${pod} (reference ${headline(scenario, medians(result.reference.aggregates))})`;
}

/** The error a failing pair ends the run with: its kind (exit code) kept, the pair and scenario named. */
function pairError(pair: NodePair, scenario: Scenario, error: unknown): Error {
  const message = `pair ${pair.client} → ${pair.server}, ${scenario.name}: ${formatError(error)}`;
  return error instanceof UsageError ? new UsageError(message) : new InfraError(message);
}

interface RoundContext {
  label: string;
  scenarios: readonly Scenario[];
  deps: FleetMeasureDeps;
  pace: FleetPace;
  /** Set by the first pair that fails; the others stop before their next sample. */
  failed: { error?: Error };
}

async function measurePair(pair: NodePair, round: number, context: RoundContext): Promise<FleetPairRecord> {
  const { deps, pace, failed } = context;
  const referencePath = deps.target.referencePath;
  const paths: MeasuredPaths = {
    pod: deps.target.path(pair),
    ...(referencePath ? { reference: referencePath(pair) } : {}),
  };
  const beforeSample = () => {
    if (failed.error !== undefined) throw new PairStopped();
    if (deps.signal?.aborted) throw new Interrupted();
  };
  const scenarios: ScenarioResult[] = [];
  for (const scenario of context.scenarios) {
    try {
      const onNetperfOutputs = deps.onNetperfOutputs;
      const result = await measureScenario(scenario, paths, {
        now: deps.now,
        beforeSample,
        ...(onNetperfOutputs
          ? { onNetperfOutputs: (s: Scenario, o: readonly ProcessOutput[]) => onNetperfOutputs(s, o, pair) }
          : {}),
      });
      scenarios.push(result);
    } catch (error) {
      if (error instanceof PairStopped || error instanceof Interrupted) throw error;
      // A sample in flight when SIGINT/SIGTERM cleaned up fails with it: that is the interruption.
      if (deps.signal?.aborted) throw new Interrupted();
      failed.error ??= pairError(pair, scenario, error);
      throw failed.error;
    }
    pace.doneSeconds += pairSeconds([scenario], paths.reference ? 2 : 1);
    deps.progress(
      `${context.label} ${pair.client} → ${pair.server} ${scenario.name}: ` +
        `${figures(scenario, scenarios.at(-1) as ScenarioResult)} · ${timeLeft(pace, deps.now().getTime())}`,
    );
  }
  return { client: pair.client, server: pair.server, round, scenarios };
}

/**
 * Measures every pair of the schedule, round after round, the pairs of a round at once; returns the
 * pairs' records in round order. Rejects with the first failing pair's error (pair and scenario named)
 * after the round's other pairs stopped.
 */
export async function measureFleet(
  scenarios: readonly Scenario[],
  schedule: FleetSchedule,
  deps: FleetMeasureDeps,
): Promise<FleetPairRecord[]> {
  const paths = deps.target.referencePath ? 2 : 1;
  const pace: FleetPace = {
    startedMs: deps.now().getTime(),
    totalSeconds: schedule.pairs.length * pairSeconds(scenarios, paths),
    doneSeconds: 0,
  };
  const records: FleetPairRecord[] = [];
  for (const [index, round] of schedule.rounds.entries()) {
    if (deps.signal?.aborted) throw new Interrupted();
    const label = `[round ${index + 1}/${schedule.rounds.length}]`;
    const context: RoundContext = { label, scenarios, deps, pace, failed: {} };
    const settled = await Promise.allSettled(round.map((pair) => measurePair(pair, index, context)));
    if (context.failed.error !== undefined) throw context.failed.error;
    for (const outcome of settled) {
      // Only an interruption can reach here as a rejection.
      if (outcome.status === 'rejected') throw outcome.reason;
      records.push(outcome.value);
    }
  }
  return records;
}
