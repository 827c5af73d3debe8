/** Prepare and cleanup of one local run: what exists on the machine, and removing all of it. */
import type { Scenario } from '../../suite/model.js';
import { formatError, InfraError } from '../../util/errors.js';
import type { CommandRunner } from '../../util/process.js';
import { type CpuProfile, planCpuProfiles } from './cpu-profiles.js';
import { type HostFacts, type LocalSettings, readHostFacts } from './fingerprint.js';
import type { LocalNames } from './names.js';
import {
  createNamespacePair,
  removeNamespace,
  removeNamespaceSync,
  sweepLeftoverNamespaces,
} from './namespaces.js';
import { type RunningNetserver, startNetserver, stopNetserver, waitUntilListening } from './netservers.js';
import { preflight, REQUIRED_PROGRAMS, runsAsRoot } from './preflight.js';
import { applyQdisc, runSetupCommand } from './what-if.js';

/**
 * What a local run (a pair of namespaces, or a fleet) has created so far and how far its cleanup is:
 * one record, one cleanup, for both.
 */
export interface LocalCreated {
  readonly runner: CommandRunner;
  readonly log: (line: string) => void;
  host: HostFacts | undefined;
  profiles: CpuProfile[];
  /** Namespaces this run created (and only those: cleanup never removes another run's). */
  namespaces: string[];
  netservers: RunningNetserver[];
  /** Set by cleanup: a prepare still running must stop and leave what it made to cleanup. */
  closed: boolean;
  /** Cleanups run one after another, each removing what exists at its turn. */
  cleaning: Promise<void>;
}

/** The record of a run that has created nothing yet. */
export function nothingCreated(): Omit<LocalCreated, 'runner' | 'log'> {
  return {
    host: undefined,
    profiles: [],
    namespaces: [],
    netservers: [],
    closed: false,
    cleaning: Promise.resolve(),
  };
}

/** One local run: its fixed inputs and what it has created so far. */
export interface LocalRun extends LocalCreated {
  readonly names: LocalNames;
  readonly settings: LocalSettings;
  /** Whether the reference link is measured (it exists either way, so what-ifs see the same namespaces). */
  readonly reference: boolean;
}

/** A run that has created nothing yet. */
export function newLocalRun(
  fixed: Pick<LocalRun, 'runner' | 'log' | 'names' | 'settings' | 'reference'>,
): LocalRun {
  return { ...fixed, ...nothingCreated() };
}

/** Awaits every promise (none is left running), then throws the first failure or returns all values. */
export async function allOrFirstFailure<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
}

/** What a local run is called in its errors: `local target` or `local fleet`. */
export type LocalRunLabel = 'local target' | 'local fleet';

function closedError(label: LocalRunLabel): InfraError {
  return new InfraError(`the ${label} was cleaned up while it was being prepared`);
}

/** Throws when cleanup was called meanwhile: a prepare still running stops and leaves what it made to cleanup. */
export function checkpoint(run: LocalCreated, label: LocalRunLabel = 'local target'): void {
  if (run.closed) throw closedError(label);
}

/**
 * The one way a local run (pair or fleet) is prepared: checks (root, `programs`) and plans before
 * creating anything, sweeps leftovers of killed runs, then `build`s. On any failure, or when cleanup is
 * called meanwhile, it removes what was made before rethrowing (an interruption as such).
 */
export async function prepareLocal(
  run: LocalCreated,
  scenarios: readonly Scenario[],
  what: { label: LocalRunLabel; programs: readonly string[]; build: () => Promise<void> },
): Promise<void> {
  if (run.host !== undefined) throw new Error(`a ${what.label} can be prepared once`);
  if (run.closed) throw new InfraError(`the ${what.label} was cleaned up before it was prepared`);
  const host = readHostFacts();
  const plan = planCpuProfiles(scenarios, host.availableCores);
  await preflight({ runner: run.runner, isRoot: runsAsRoot(), programs: what.programs });
  await sweepLeftoverNamespaces(run.runner, run.log);
  for (const warning of plan.warnings) run.log(warning);
  run.host = host;
  run.profiles = plan.profiles;
  try {
    await what.build();
  } catch (error) {
    // A cleanup meanwhile makes commands fail (a setup killed, a namespace gone): say what happened.
    const interrupted = run.closed;
    await cleanupRun(run);
    throw interrupted ? closedError(what.label) : error;
  }
}

async function build(run: LocalRun): Promise<void> {
  const { runner, names, settings } = run;
  await createNamespacePair(runner, names, (namespace) => run.namespaces.push(namespace));
  checkpoint(run);
  if (settings.qdisc !== undefined) await applyQdisc(runner, names, settings.qdisc);
  if (settings.serverSetup !== undefined) {
    await runSetupCommand(runner, names, settings.serverSetup, 'server');
  }
  if (settings.clientSetup !== undefined) {
    await runSetupCommand(runner, names, settings.clientSetup, 'client');
  }
  checkpoint(run);
  for (const profile of run.profiles) run.netservers.push(startNetserver(runner, names, profile));
  await allOrFirstFailure(run.netservers.map((netserver) => waitUntilListening(runner, names, netserver)));
  checkpoint(run);
}

/** Prepares a local pair: namespaces and both links, qdisc, setup commands, netservers (see prepareLocal). */
export function prepareRun(run: LocalRun, scenarios: readonly Scenario[]): Promise<void> {
  const programs = run.settings.qdisc === undefined ? REQUIRED_PROGRAMS : [...REQUIRED_PROGRAMS, 'tc'];
  return prepareLocal(run, scenarios, { label: 'local target', programs, build: () => build(run) });
}

async function removeEverything(run: LocalCreated): Promise<void> {
  const stops = run.netservers.splice(0).map((netserver) => stopNetserver(netserver));
  for (const stopped of await Promise.allSettled(stops)) {
    if (stopped.status === 'rejected') run.log(`cleanup: ${formatError(stopped.reason)}`);
  }
  for (const namespace of run.namespaces.splice(0)) {
    try {
      await removeNamespace(run.runner, namespace);
    } catch (error) {
      run.namespaces.push(namespace); // a later cleanup may try again
      run.log(`cleanup: ${formatError(error)}`);
    }
  }
}

/**
 * Kills the netservers and anything else in the namespaces, then deletes them (a fleet's bridges and
 * veths go with its namespaces). Idempotent; logs, never throws.
 */
export function cleanupRun(run: LocalCreated): Promise<void> {
  run.closed = true;
  run.cleaning = run.cleaning.then(() => removeEverything(run));
  return run.cleaning;
}

/** {@link cleanupRun} for exit handlers: synchronous and best effort. */
export function cleanupRunSync(run: LocalCreated): void {
  run.closed = true;
  for (const netserver of run.netservers.splice(0)) netserver.handle.kill('SIGKILL');
  for (const namespace of run.namespaces.splice(0)) removeNamespaceSync(run.runner, namespace);
}
