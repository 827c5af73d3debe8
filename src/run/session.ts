import type { RunConfig } from '../config/run-config.js';
import { formatDuration } from '../report/format.js';
import { buildResults } from '../results/build.js';
import type { Provenance, Results, ScenarioResult } from '../results/schema.js';
import type { Scenario } from '../suite/model.js';
import { createTarget } from '../targets/create.js';
import { describeKubernetesSettings } from '../targets/kubernetes/settings.js';
import type { ProcessOutput, Target, TargetFingerprint } from '../targets/target.js';
import { withTimeout } from '../util/duration.js';
import { InfraError } from '../util/errors.js';
import type { Files } from '../util/files.js';
import { withSignalCleanup } from './interrupt.js';
import { measureSuite } from './measure.js';

/** The outside world as the commands see it. */
export interface RunIo {
  files: Files;
  /** Progress and warnings (stderr). */
  log: (line: string) => void;
  /** Tables and reports (stdout). */
  print: (text: string) => void;
  now: () => Date;
  /** Sees the target once created, before prepare (the action records what it creates for its post step). */
  onTargetCreated?: (target: Target) => void;
  /** Sees every sample's raw netperf outputs (the action uploads them). */
  onNetperfOutputs?: (scenario: Scenario, outputs: readonly ProcessOutput[]) => void;
  /** Where the run is made (GitHub Actions), recorded in the results file. */
  provenance?: Provenance;
}

/** A prepared target and a way to measure scenarios on it. */
export interface Session {
  target: Target;
  /**
   * Measures scenarios (all their samples) on the prepared target, switching its CPU profile before
   * each one; with a reference path every sample is a reference/pod pair.
   */
  measure(scenarios: readonly Scenario[]): Promise<ScenarioResult[]>;
}

/**
 * Settings that shaped the measurement, recorded in the results and the report: those of the target
 * measured on (the other target's flags were ignored, so they are not recorded).
 */
export function targetSettings(config: RunConfig): Record<string, string> {
  if (config.target === 'kubernetes') return describeKubernetesSettings(config.kubernetes);
  const settings: Record<string, string> = {};
  if (config.local.qdisc) settings.localQdisc = config.local.qdisc;
  if (config.local.serverSetup) settings.localServerSetup = config.local.serverSetup;
  if (config.local.clientSetup) settings.localClientSetup = config.local.clientSetup;
  return settings;
}

function timeoutError(ms: number): InfraError {
  return new InfraError(
    `the run did not finish within --timeout ${formatDuration(ms / 1000)}: it was stopped and cleaned up; raise --timeout or measure fewer or shorter scenarios`,
  );
}

/** Prepares the target and runs `work` on it; the fingerprint is taken while the pods still exist. */
async function measureAll(
  target: Target,
  scenarios: readonly Scenario[],
  io: RunIo,
  work: (session: Session) => Promise<ScenarioResult[]>,
): Promise<{ scenarios: ScenarioResult[]; environment: TargetFingerprint }> {
  await target.prepare(scenarios);
  const session: Session = {
    target,
    measure: (some) =>
      measureSuite(some, {
        target,
        now: io.now,
        progress: io.log,
        ...(io.onNetperfOutputs ? { onNetperfOutputs: io.onNetperfOutputs } : {}),
      }),
  };
  const results = await work(session);
  return { scenarios: results, environment: await target.fingerprint() };
}

/**
 * Creates and prepares the target, lets `work` measure on it, and always cleans up — after an error,
 * after --timeout and after SIGINT/SIGTERM too. Returns the results document of everything `work` measured.
 */
export async function withSession(
  config: RunConfig,
  scenarios: readonly Scenario[],
  io: RunIo,
  work: (session: Session) => Promise<ScenarioResult[]>,
): Promise<Results> {
  const target = await createTarget(config, io.log);
  io.onTargetCreated?.(target);
  const startedAt = io.now();
  const measured = await withSignalCleanup(
    () => target.cleanup(),
    async () => {
      try {
        return await withTimeout(measureAll(target, scenarios, io, work), config.timeoutMs ?? 0, () =>
          timeoutError(config.timeoutMs ?? 0),
        );
      } finally {
        await target.cleanup();
      }
    },
    io.log,
  );
  return buildResults({
    startedAt,
    finishedAt: io.now(),
    target: { kind: target.kind, settings: targetSettings(config) },
    ...measured,
    ...(io.provenance === undefined ? {} : { provenance: io.provenance }),
  });
}
