/**
 * Names and addresses of one local run's two network namespaces and the two veth pairs between them:
 * pure, no I/O. The pod link is what is measured and what what-ifs change; the reference link is the
 * same path left alone, measured in turn with it so the gate can divide out the machine's drift.
 */
import { UsageError } from '../../util/errors.js';

/** Client end of the pod link. 198.18.0.0/15 is set aside for benchmarking (RFC 2544). */
export const CLIENT_ADDRESS = '198.18.0.1';
/** Server end of the pod link. Each run has its own namespaces, so runs never clash. */
export const SERVER_ADDRESS = '198.18.0.2';
/** Client end of the reference link: the next /30 after the pod link's. */
export const REFERENCE_CLIENT_ADDRESS = '198.18.0.5';
/** Server end of the reference link; the same netservers accept here too. */
export const REFERENCE_SERVER_ADDRESS = '198.18.0.6';
export const VETH_PREFIX_LENGTH = 30;
/** Where every netserver listens: all addresses of the server namespace, so one serves both links. */
export const NETSERVER_LISTEN_ADDRESS = '0.0.0.0';
/** netserver's default control port; further CPU profiles take the ports after it. */
export const FIRST_NETSERVER_PORT = 12865;
/** Linux interface names hold 15 characters: `npg` + run id + one letter (`c`/`s` pod, `r`/`t` reference). */
export const MAX_RUN_ID_LENGTH = 11;

/**
 * A namespace a killed run may have left: its run id is the pid of the process that made it. Single
 * runs name theirs `cli`/`srv`, local fleets `sw` (the switch) and `n<K>` (node K, fleet-names.ts).
 */
const LEFTOVER_NAMESPACE = /^npg-(\d+)-(cli|srv|sw|n\d+)$/;

/** Everything a local run names. */
export interface LocalNames {
  runId: string;
  /** Network namespace playing the client node. */
  clientNamespace: string;
  /** Network namespace playing the server node. */
  serverNamespace: string;
  /** Pod link's veth end inside the client namespace (the qdisc goes on it). */
  clientInterface: string;
  /** Pod link's veth end inside the server namespace. */
  serverInterface: string;
  /** Reference link's veth end inside the client namespace. */
  referenceClientInterface: string;
  /** Reference link's veth end inside the server namespace. */
  referenceServerInterface: string;
}

/** One veth pair between the two namespaces: its ends and their addresses. */
export interface VethLink {
  clientInterface: string;
  serverInterface: string;
  clientAddress: string;
  serverAddress: string;
}

/** Both links of a run: the pod link (measured, changed by what-ifs) and the reference link. */
export interface RunLinks {
  pod: VethLink;
  reference: VethLink;
}

/** The two veth pairs of a run, with their addresses. */
export function linksOf(names: LocalNames): RunLinks {
  return {
    pod: {
      clientInterface: names.clientInterface,
      serverInterface: names.serverInterface,
      clientAddress: CLIENT_ADDRESS,
      serverAddress: SERVER_ADDRESS,
    },
    reference: {
      clientInterface: names.referenceClientInterface,
      serverInterface: names.referenceServerInterface,
      clientAddress: REFERENCE_CLIENT_ADDRESS,
      serverAddress: REFERENCE_SERVER_ADDRESS,
    },
  };
}

/** Throws a one-line UsageError unless the run id fits an interface name and is safe in paths. */
export function checkRunId(runId: string): void {
  if (!/^[A-Za-z0-9]+$/.test(runId) || runId.length > MAX_RUN_ID_LENGTH) {
    throw new UsageError(
      `Invalid local run id '${runId}'. Expected 1-${MAX_RUN_ID_LENGTH} letters or digits (it becomes part of interface names).`,
    );
  }
}

/** Names for a run id; the id must fit an interface name and be safe in paths. */
export function namesFor(runId: string): LocalNames {
  checkRunId(runId);
  return namesWithId(runId);
}

function namesWithId(runId: string): LocalNames {
  return {
    runId,
    clientNamespace: `npg-${runId}-cli`,
    serverNamespace: `npg-${runId}-srv`,
    clientInterface: `npg${runId}c`,
    serverInterface: `npg${runId}s`,
    referenceClientInterface: `npg${runId}r`,
    referenceServerInterface: `npg${runId}t`,
  };
}

/** Every run's names with `<id>` for the run id: for text that must read the same in every run. */
export const NAMES_PATTERN: LocalNames = namesWithId('<id>');

/** Namespace names from `ip netns list` ("name" or "name (id: 3)" per line). */
export function parseNamespaceList(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((name) => name !== '');
}

/** Pids from `ip netns pids NAME`, one per line. */
export function parsePidList(stdout: string): number[] {
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^\d+$/.test(line))
    .map(Number);
}

/**
 * Namespaces left by runs that were killed: named `npg-<pid>-cli|srv|sw|n<K>` while that pid no longer runs.
 * Runs with a chosen (non-numeric) id are never swept: nothing tells whether they are still alive.
 */
export function leftoverNamespaces(
  namespaces: readonly string[],
  isAlive: (pid: number) => boolean,
): string[] {
  return namespaces.filter((name) => {
    const match = LEFTOVER_NAMESPACE.exec(name);
    return match?.[1] !== undefined && !isAlive(Number(match[1]));
  });
}
