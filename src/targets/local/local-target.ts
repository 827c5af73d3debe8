/**
 * The `local` target: two network namespaces on this machine, joined by two veth pairs, play the client
 * and server nodes; CPU limits are emulated with CPU affinity (see cpu-profiles.ts). The pod link is
 * measured and changed by what-ifs; the reference link, measured in turn with it through the same
 * netservers and the same pinning, lets the gate divide out the machine's drift.
 */
import { type CommandRunner, createCommandRunner } from '../../util/process.js';
import type { NetperfPair, Target, TargetFingerprint } from '../target.js';
import { profileOf } from './cpu-profiles.js';
import { buildFingerprint, parseNetperfVersion, readHostFacts } from './fingerprint.js';
import { cleanupRun, cleanupRunSync, type LocalRun, newLocalRun, prepareRun } from './lifecycle.js';
import { type LocalNames, linksOf, namesFor } from './names.js';
import { sweepLeftoverNamespaces } from './namespaces.js';
import { runNetperfIn } from './netperf-client.js';
import { normaliseSettings } from './what-if.js';

export { NETPERF_TIMEOUT_MARGIN_MS } from './netperf-client.js';
/** Bound for `netperf -V`. */
export const NETPERF_VERSION_TIMEOUT_MS = 10_000;

/** Settings of the local target (CLI flags `--local-*`). */
export interface LocalTargetOptions {
  /** tc qdisc arguments for the client's pod-link veth, e.g. "tbf rate 2gbit burst 256kb latency 10ms"; split on whitespace. */
  qdisc?: string;
  /** Shell command run in the server namespace once it exists, before netserver starts (e.g. "nft -f rules.nft"). */
  serverSetup?: string;
  /** Shell command run in the client namespace once it exists, before netserver starts. */
  clientSetup?: string;
  /**
   * Whether to measure the reference link beside the pod link (default true): the target then has a
   * `reference` pair. The link exists either way, so setup commands see the same namespaces.
   */
  reference?: boolean;
  /** Names this run's namespaces `npg-<runId>-cli|srv`; defaults to the pid so leftovers of killed runs are recognised. */
  runId?: string;
}

/** What the local target does its I/O with; tests swap them. */
export interface LocalTargetDeps {
  runner?: CommandRunner;
  /** One line for people (warnings, sweeps, cleanup failures); defaults to stderr. */
  log?: (line: string) => void;
}

/** The local target, plus a synchronous cleanup for exit handlers. */
export interface LocalTarget extends Target {
  readonly kind: 'local';
  /** Names of this run's namespaces and interfaces. */
  readonly names: LocalNames;
  /** Best effort, synchronous {@link Target.cleanup} for a process exit handler, where promises no longer run. */
  cleanupSync(): void;
}

/** The targets' default log: one line to stderr (the local fleet uses it too). */
export function writeToStderr(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Removes what killed local runs left behind (`npg-<pid>-cli|srv` and local fleets' `npg-<pid>-sw|n<K>` namespaces whose pid has gone, and
 * the processes in them), logging one line when there was any; `prepare` does the same. Returns the
 * namespaces removed. For `netperf-gate cleanup`.
 */
export async function sweepLeftovers(deps: LocalTargetDeps = {}): Promise<string[]> {
  return sweepLeftoverNamespaces(deps.runner ?? createCommandRunner(), deps.log ?? writeToStderr);
}

/** Creates the local target; nothing happens on this machine until `prepare`. */
export function createLocalTarget(options: LocalTargetOptions, deps: LocalTargetDeps = {}): LocalTarget {
  const runner = deps.runner ?? createCommandRunner();
  const names = namesFor(options.runId ?? String(process.pid));
  const run = newLocalRun({
    runner,
    log: deps.log ?? writeToStderr,
    names,
    settings: normaliseSettings(options),
    reference: options.reference ?? true,
  });
  const { pod, reference } = linksOf(names);
  return {
    kind: 'local',
    names,
    ...pairTo(run, pod.serverAddress),
    ...(run.reference ? { reference: pairTo(run, reference.serverAddress) } : {}),
    prepare: (scenarios) => prepareRun(run, scenarios),
    fingerprint: () => fingerprint(run),
    cleanup: () => cleanupRun(run),
    cleanupSync: () => cleanupRunSync(run),
  };
}

/** netperf against one link's server address: the pod and reference pairs differ in nothing else. */
function pairTo(run: LocalRun, serverAddress: string): NetperfPair {
  return {
    endpoint: (scenario) => ({ host: serverAddress, port: profileOf(run.profiles, scenario).port }),
    runNetperf: (scenario, argvs) =>
      runNetperfIn(
        run.runner,
        run.names.clientNamespace,
        profileOf(run.profiles, scenario).clientCores,
        scenario,
        argvs,
      ),
  };
}

async function fingerprint(run: LocalRun): Promise<TargetFingerprint> {
  const version = await run.runner.run(['netperf', '-V'], { timeoutMs: NETPERF_VERSION_TIMEOUT_MS });
  return buildFingerprint({
    names: run.names,
    host: run.host ?? readHostFacts(),
    netperfVersion: parseNetperfVersion(version.stdout),
    profiles: run.profiles,
    settings: run.settings,
    reference: run.reference,
  });
}
