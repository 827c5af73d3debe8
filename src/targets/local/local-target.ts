/**
 * The `local` target: two network namespaces on this machine, joined by two veth pairs, play the client
 * and server nodes; CPU limits are emulated with CPU affinity (see cpu-profiles.ts). The pod link is
 * measured and changed by what-ifs; the reference link, measured in turn with it through the same
 * netservers and the same pinning, lets the gate divide out the machine's drift.
 */
import { splitFanOutOutput } from '../../netperf/fan-out.js';
import type { Scenario } from '../../suite/model.js';
import { type CommandRunner, createCommandRunner } from '../../util/process.js';
import { fanOutCommand } from '../same-command.js';
import type { NetperfPair, ProcessOutput, Target, TargetFingerprint } from '../target.js';
import { profileOf } from './cpu-profiles.js';
import { buildFingerprint, parseNetperfVersion, readHostFacts } from './fingerprint.js';
import {
  allOrFirstFailure,
  cleanupRun,
  cleanupRunSync,
  type LocalRun,
  newLocalRun,
  prepareRun,
} from './lifecycle.js';
import { type LocalNames, linksOf, namesFor } from './names.js';
import { sweepLeftoverNamespaces } from './namespaces.js';
import { inNamespace } from './netservers.js';
import { normaliseSettings } from './what-if.js';

/** Time a netperf run may take beyond its `-l` duration (start-up, control connection, CPU measurement). */
export const NETPERF_TIMEOUT_MARGIN_MS = 30_000;
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

function writeToStderr(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Removes what killed local runs left behind (`npg-<pid>-cli|srv` namespaces whose pid has gone, and
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
    runNetperf: (scenario, argvs) => runNetperf(run, scenario, argvs),
  };
}

/**
 * Starts every netperf process together, so the connections overlap: identical instances through one
 * fan-out shell (see fan-out.ts for why), others as separate processes; each run is bounded.
 */
async function runNetperf(
  run: LocalRun,
  scenario: Scenario,
  argvs: readonly (readonly string[])[],
): Promise<ProcessOutput[]> {
  const { clientCores } = profileOf(run.profiles, scenario);
  const timeoutMs = scenario.durationSeconds * 1000 + NETPERF_TIMEOUT_MARGIN_MS;
  const namespace = run.names.clientNamespace;
  const fanOut = fanOutCommand('netperf', argvs);
  if (fanOut !== undefined) {
    const output = await run.runner.run(inNamespace(namespace, clientCores, fanOut), { timeoutMs });
    return splitFanOutOutput(output, argvs.length);
  }
  const runs = argvs.map((argv) =>
    run.runner.run(inNamespace(namespace, clientCores, ['netperf', ...argv]), { timeoutMs }),
  );
  return allOrFirstFailure(runs);
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
