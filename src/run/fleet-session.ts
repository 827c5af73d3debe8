/**
 * A fleet run's target lifecycle: create → prepare (learn the nodes) → decide the plan's defaults →
 * measure in rounds → fingerprint → cleanup, always — after an error, a failing pair, --timeout and
 * SIGINT/SIGTERM mid-round too (the abort stops the rounds before their next sample).
 */
import {
  DEFAULT_LOCAL_NODES,
  defaultParallel,
  defaultPlanSpec,
  type FleetConfig,
} from '../config/fleet-config.js';
import { formatPlanSpec } from '../fleet/plan.js';
import { minimumRounds } from '../fleet/rounds.js';
import { formatDuration } from '../report/format.js';
import { buildFleetResults } from '../results/fleet-build.js';
import type { FleetPairRecord, FleetResults } from '../results/fleet-schema.js';
import type { Scenario } from '../suite/model.js';
import { describeKubernetesSettings } from '../targets/kubernetes/settings.js';
import type { FleetFingerprint, FleetTarget } from '../targets/target.js';
import { withTimeout } from '../util/duration.js';
import { InfraError } from '../util/errors.js';
import { type FleetSchedule, measureFleet, scheduleFleet } from './fleet-measure.js';
import { withSignalCleanup } from './interrupt.js';
import type { RunIo } from './session.js';

/** Creates the fleet target the config names (not yet prepared); the integrator wires the real ones. */
export type FleetTargetFactory = (config: FleetConfig, log: (line: string) => void) => Promise<FleetTarget>;

export interface FleetSessionDeps {
  createTarget: FleetTargetFactory;
  /** Ends the process after a signal's cleanup (default process.exit; tests record the code instead). */
  exit?: (code: number) => never;
}

/** The settings that shaped a fleet measurement, recorded in the results (`target.settings`). */
export function fleetTargetSettings(config: FleetConfig): Record<string, string> {
  if (config.target === 'kubernetes') {
    const { kubeClientNode, kubeServerNode, ...settings } = describeKubernetesSettings(config.kubernetes);
    return {
      ...settings,
      kubeNodes: config.nodes === undefined ? 'all eligible' : `at most ${config.nodes}`,
    };
  }
  const settings: Record<string, string> = {
    localNodes: String(config.nodes ?? DEFAULT_LOCAL_NODES),
  };
  for (const [i, text] of config.localNodeSetups.entries()) settings[`localNodeSetup${i + 1}`] = text;
  return settings;
}

/** The plan over the prepared nodes: the flags, else the defaults for this many nodes. */
function scheduleFor(nodes: string[], config: FleetConfig, log: (line: string) => void): FleetSchedule {
  const spec = config.plan ?? defaultPlanSpec(nodes.length);
  const parallel = config.parallel ?? defaultParallel(config.target, nodes.length);
  if (config.target === 'local' && parallel > 1) {
    log(
      `warning: --parallel ${parallel} on the local target: its nodes share this machine's CPUs, so pairs measured at once slow each other`,
    );
  }
  return scheduleFleet(nodes, { spec, seed: config.seed, parallel });
}

function describeSchedule(schedule: FleetSchedule, scenarios: readonly Scenario[], paths: number): string {
  const perPair = scenarios.reduce((sum, s) => sum + s.samples * s.durationSeconds * paths, 0);
  const fewest = minimumRounds(schedule.pairs, schedule.parallel);
  return (
    `fleet: ${schedule.nodes.length} nodes, plan ${formatPlanSpec(schedule.spec)} (seed ${schedule.seed}): ` +
    `${schedule.pairs.length} pairs in ${schedule.rounds.length} rounds (fewest possible ${fewest}), ` +
    `at most ${schedule.parallel} at once; about ${formatDuration(perPair * schedule.rounds.length)} of netperf`
  );
}

interface Measured {
  schedule: FleetSchedule;
  pairs: FleetPairRecord[];
  fingerprint: FleetFingerprint;
}

async function prepareAndMeasure(
  target: FleetTarget,
  scenarios: readonly Scenario[],
  config: FleetConfig,
  io: RunIo & { signal: AbortSignal },
): Promise<Measured> {
  const nodes = await target.prepare(scenarios);
  const schedule = scheduleFor(nodes, config, io.log);
  io.log(describeSchedule(schedule, scenarios, target.referencePath ? 2 : 1));
  const pairs = await measureFleet(scenarios, schedule, {
    target,
    now: io.now,
    progress: io.log,
    signal: io.signal,
    ...(io.onNetperfOutputs ? { onNetperfOutputs: io.onNetperfOutputs } : {}),
  });
  return { schedule, pairs, fingerprint: await target.fingerprint() };
}

function timeoutError(ms: number): InfraError {
  return new InfraError(
    `the fleet run did not finish within --timeout ${formatDuration(ms / 1000)}: it was stopped and cleaned up; raise --timeout, or measure fewer nodes (--nodes), pairs (--plan) or scenarios`,
  );
}

/** Measures the fleet the config describes and returns its results document; always cleans up. */
export async function measureFleetRun(
  config: FleetConfig,
  scenarios: readonly Scenario[],
  io: RunIo,
  deps: FleetSessionDeps,
): Promise<FleetResults> {
  const target = await deps.createTarget(config, io.log);
  const stop = new AbortController();
  const cleanup = () => {
    stop.abort();
    return target.cleanup();
  };
  const startedAt = io.now();
  const timeoutMs = config.timeoutMs ?? 0;
  const measured = await withSignalCleanup(
    cleanup,
    async () => {
      try {
        const work = prepareAndMeasure(target, scenarios, config, { ...io, signal: stop.signal });
        return await withTimeout(work, timeoutMs, () => timeoutError(timeoutMs));
      } finally {
        await cleanup();
      }
    },
    io.log,
    deps.exit,
  );
  const { schedule, pairs, fingerprint } = measured;
  return buildFleetResults({
    startedAt,
    finishedAt: io.now(),
    target: { kind: target.kind, settings: fleetTargetSettings(config) },
    plan: {
      spec: formatPlanSpec(schedule.spec),
      seed: schedule.seed,
      parallel: schedule.parallel,
      rounds: schedule.rounds.length,
    },
    fingerprint,
    pairs,
    ...(io.provenance === undefined ? {} : { provenance: io.provenance }),
  });
}
