/** One Kubernetes run: its fixed inputs and what it has created so far. */
import type { V1Node, V1Toleration } from '@kubernetes/client-node';
import type { KubernetesSettings } from '../../config/run-config.js';
import type { KubeApi } from './kube-api.js';
import type { PinnedNode } from './pod-spec.js';
import type { WaitBounds } from './pod-wait.js';
import type { KubeProfile } from './profiles.js';
import { initialReference, type ReferenceState } from './reference.js';

/**
 * What a run created, recorded before each create is sent (an answer lost on the way still leaves a
 * name to delete). The action saves it for its post step, which deletes it with
 * `deleteCreatedResources` if the main step could not.
 */
export interface CreatedResources {
  runId: string;
  /** The namespace the pods are in: the run's own, or the one given with --namespace. */
  namespace: string;
  /** True when the run created the namespace: cleanup deletes it (and with it every pod). */
  namespaceCreated: boolean;
  /** Pods created in it, by name. */
  pods: string[];
}

/** A run's state; the lifecycle functions read and update it. */
export interface KubeRun {
  readonly settings: KubernetesSettings;
  readonly runId: string;
  readonly log: (line: string) => void;
  readonly bounds: WaitBounds;
  /**
   * Bound for deleted objects to be gone: at cleanup, and for the previous profile's pods before the
   * next profile's are created (default CLEANUP_WAIT_TIMEOUT_MS; the pods' grace period is 1 s).
   */
  readonly cleanupWaitMs: number;
  /** Connects on first use (loading the kubeconfig can fail; it should fail inside prepare). */
  readonly connect: () => KubeApi;
  api: KubeApi | undefined;
  created: CreatedResources;
  profiles: KubeProfile[];
  nodes: { client: V1Node; server: V1Node } | undefined;
  /** The chosen nodes as the pods are pinned to them. */
  pinned: { client: PinnedNode; server: PinnedNode } | undefined;
  /** Parsed --toleration flags, for every pod. */
  tolerations: V1Toleration[];
  /**
   * The host-network reference: on when asked for, until the namespace's Pod Security turns it off
   * (read before anything is created, or a refused create); then no reference pods are created.
   */
  reference: ReferenceState;
  /** The profile whose pods exist now (one at a time), once they are Ready. */
  active: KubeProfile | undefined;
  serverVersion: string | undefined;
  /** `netperf -V` as the client pod printed it, once asked. */
  netperfVersion: string | undefined;
  /** Pod IPs by pod name (of the --ip-family, or the cluster's first), once Ready. */
  podIps: Map<string, string>;
  /** Per profile key: its pods' QoS class and allowed CPUs, for the fingerprint (see cpu-pinning.ts). */
  cpuPinning: Map<string, string>;
  /** Set by cleanup: a prepare still running stops and leaves what it made to cleanup. */
  closed: boolean;
  /** Cleanups run one after another. */
  cleaning: Promise<void>;
}

/** A run that has created nothing yet. */
export function newKubeRun(
  fixed: Pick<KubeRun, 'settings' | 'runId' | 'log' | 'bounds' | 'cleanupWaitMs' | 'connect'>,
  namespace: string,
): KubeRun {
  return {
    ...fixed,
    api: undefined,
    created: { runId: fixed.runId, namespace, namespaceCreated: false, pods: [] },
    profiles: [],
    nodes: undefined,
    pinned: undefined,
    tolerations: [],
    reference: initialReference(fixed.settings.hostNetworkReference),
    active: undefined,
    serverVersion: undefined,
    netperfVersion: undefined,
    podIps: new Map(),
    cpuPinning: new Map(),
    closed: false,
    cleaning: Promise.resolve(),
  };
}

/** The connected API (connecting on first use). */
export function apiOf(run: KubeRun): KubeApi {
  run.api ??= run.connect();
  return run.api;
}

/** Awaits every promise (none is left running), then throws the first failure or returns all values. */
export async function allOrFirstFailure<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
}
