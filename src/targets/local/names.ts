/** Names and addresses of one local run's two network namespaces: pure, no I/O. */
import { UsageError } from '../../util/errors.js';

/** Client end of the veth pair. 198.18.0.0/15 is set aside for benchmarking (RFC 2544). */
export const CLIENT_ADDRESS = '198.18.0.1';
/** Server end of the veth pair; every netserver listens here. Each run has its own namespaces, so runs never clash. */
export const SERVER_ADDRESS = '198.18.0.2';
export const VETH_PREFIX_LENGTH = 30;
/** netserver's default control port; further CPU profiles take the ports after it. */
export const FIRST_NETSERVER_PORT = 12865;
/** Linux interface names hold 15 characters: `npg` + run id + `c`/`s`. */
export const MAX_RUN_ID_LENGTH = 11;

/** A namespace a killed run may have left: its run id is the pid of the process that made it. */
const LEFTOVER_NAMESPACE = /^npg-(\d+)-(cli|srv)$/;

/** Everything a local run names. */
export interface LocalNames {
  runId: string;
  /** Network namespace playing the client node. */
  clientNamespace: string;
  /** Network namespace playing the server node. */
  serverNamespace: string;
  /** veth end inside the client namespace (the qdisc goes on it). */
  clientInterface: string;
  /** veth end inside the server namespace. */
  serverInterface: string;
}

/** Names for a run id; the id must fit an interface name and be safe in paths. */
export function namesFor(runId: string): LocalNames {
  if (!/^[A-Za-z0-9]+$/.test(runId) || runId.length > MAX_RUN_ID_LENGTH) {
    throw new UsageError(
      `Invalid local run id '${runId}'. Expected 1-${MAX_RUN_ID_LENGTH} letters or digits (it becomes part of interface names).`,
    );
  }
  return {
    runId,
    clientNamespace: `npg-${runId}-cli`,
    serverNamespace: `npg-${runId}-srv`,
    clientInterface: `npg${runId}c`,
    serverInterface: `npg${runId}s`,
  };
}

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
 * Namespaces left by runs that were killed: named `npg-<pid>-cli|srv` while that pid no longer runs.
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
