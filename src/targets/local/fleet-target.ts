/**
 * The local fleet (`netperf-gate fleet --target local --nodes N`): N network namespaces `node-1` …
 * `node-N` on two bridges emulate a fleet on this machine (fleet-names.ts). Every node runs one
 * netserver per CPU profile, listening on its pod and reference addresses alike; a pair's netperf runs
 * in the client node's namespace against the server node's pod (or reference) address. Per-node
 * what-ifs (`nodeSetup`) let a test slow one node and check that the analysis names it.
 *
 * CPU pinning is the single target's (cpu-profiles.ts), the same on every node: clients on the first
 * cores, netservers on the last. Pairs of one round run at the same time and share those cores, so on a
 * small machine concurrent pairs slow each other alike; nodes differ only by what their setup did.
 */
import type { NodePair } from '../../fleet/plan.js';
import { type CommandRunner, createCommandRunner } from '../../util/process.js';
import type { FleetFingerprint, FleetTarget, NetperfPair } from '../target.js';
import { profileOf } from './cpu-profiles.js';
import { parseNetperfVersion, readHostFacts } from './fingerprint.js';
import { buildFleetFingerprint } from './fleet-fingerprint.js';
import { type LocalFleetRun, newLocalFleetRun, prepareFleet } from './fleet-lifecycle.js';
import { type FleetNames, fleetNamesFor, fleetNodeNamed } from './fleet-names.js';
import { normaliseNodeSetups } from './fleet-setup.js';
import { cleanupRun, cleanupRunSync } from './lifecycle.js';
import { NETPERF_VERSION_TIMEOUT_MS, writeToStderr } from './local-target.js';
import { runNetperfIn } from './netperf-client.js';

/** Settings of the local fleet (CLI: `--nodes`, `--local-node-setup`, `--no-reference`). */
export interface LocalFleetOptions {
  /** How many nodes to emulate, 2 … 32 (UsageError otherwise). */
  nodes: number;
  /**
   * Node name (`node-K`) → shell command run in that node's namespace once its interfaces are up,
   * before its netservers start; see fleet-setup.ts for its environment. `parseNodeSetups` makes this
   * from the flags. An unknown node is a UsageError; blank commands are dropped.
   */
  nodeSetup?: Readonly<Record<string, string>>;
  /** Whether to measure the reference paths (default true): the target then has `referencePath`. */
  reference?: boolean;
  /** Names the namespaces `npg-<runId>-sw|n<K>`; defaults to the pid so leftovers of killed runs are recognised. */
  runId?: string;
}

/** What the local fleet does its I/O with; tests swap them. */
export interface LocalFleetDeps {
  runner?: CommandRunner;
  /** One line for people (warnings, sweeps, cleanup failures); defaults to stderr. */
  log?: (line: string) => void;
}

/** The local fleet target, plus its names and a synchronous cleanup for exit handlers. */
export interface LocalFleetTarget extends FleetTarget {
  readonly kind: 'local';
  /** Names of this run's namespaces, interfaces and addresses. */
  readonly names: FleetNames;
  /** Best effort, synchronous {@link FleetTarget.cleanup} for a process exit handler, where promises no longer run. */
  cleanupSync(): void;
}

/**
 * Creates the local fleet; nothing happens on this machine until `prepare`. Throws a one-line
 * UsageError for a node count outside 2 … 32, a bad run id, or a setup for an unknown node.
 */
export function createLocalFleetTarget(
  options: LocalFleetOptions,
  deps: LocalFleetDeps = {},
): LocalFleetTarget {
  const names = fleetNamesFor(options.runId ?? String(process.pid), options.nodes);
  const run = newLocalFleetRun({
    runner: deps.runner ?? createCommandRunner(),
    log: deps.log ?? writeToStderr,
    names,
    nodeSetup: normaliseNodeSetups(options.nodeSetup, options.nodes),
    reference: options.reference ?? true,
  });
  return {
    kind: 'local',
    names,
    prepare: async (scenarios) => {
      await prepareFleet(run, scenarios);
      return names.nodes.map((node) => node.name);
    },
    path: (pair) => pathBetween(run, pair, 'podAddress'),
    ...(run.reference
      ? { referencePath: (pair: NodePair) => pathBetween(run, pair, 'referenceAddress') }
      : {}),
    fingerprint: () => fingerprint(run),
    cleanup: () => cleanupRun(run),
    cleanupSync: () => cleanupRunSync(run),
  };
}

/**
 * netperf from `pair.client`'s namespace to `pair.server`'s address on one bridge. It holds nothing
 * mutable, so pairs on disjoint nodes can run at the same time.
 */
function pathBetween(
  run: LocalFleetRun,
  pair: NodePair,
  address: 'podAddress' | 'referenceAddress',
): NetperfPair {
  const client = fleetNodeNamed(run.names, pair.client);
  const server = fleetNodeNamed(run.names, pair.server);
  if (client === server) throw new Error(`a fleet pair needs two nodes, got ${pair.client} twice`);
  return {
    endpoint: (scenario) => ({ host: server[address], port: profileOf(run.profiles, scenario).port }),
    runNetperf: (scenario, argvs) =>
      runNetperfIn(
        run.runner,
        client.namespace,
        profileOf(run.profiles, scenario).clientCores,
        scenario,
        argvs,
      ),
  };
}

async function fingerprint(run: LocalFleetRun): Promise<FleetFingerprint> {
  const version = await run.runner.run(['netperf', '-V'], { timeoutMs: NETPERF_VERSION_TIMEOUT_MS });
  return buildFleetFingerprint({
    names: run.names,
    host: run.host ?? readHostFacts(),
    netperfVersion: parseNetperfVersion(version.stdout),
    profiles: run.profiles,
    nodeSetup: run.nodeSetup,
    reference: run.reference,
  });
}
