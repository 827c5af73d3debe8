/** The Kubernetes calls the target makes, as a small interface: client.ts implements it, tests fake it. */
import type { CoreV1Event, V1Namespace, V1Node, V1Pod } from '@kubernetes/client-node';
import type { ProcessOutput } from '../target.js';

/** One event of a pod watch, as the API server streams it. */
export interface PodWatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  /** The pod (for ERROR: a Status, left untyped). */
  object: V1Pod;
}

/** A running watch. */
export interface WatchHandle {
  /** Ends the watch; its `onEnd` is not called afterwards. */
  stop(): void;
}

/** Pods of a list and the resourceVersion to watch from. */
export interface PodList {
  pods: V1Pod[];
  resourceVersion: string | undefined;
}

/**
 * The API calls of the target. Reads and deletes are retried on transient failures; deletes treat 404
 * as done; reads answer undefined for 404. Every call is bounded by a request timeout.
 */
export interface KubeApi {
  /** The API server's URL, for messages. */
  readonly server: string;
  /** `/version` gitVersion, e.g. `v1.32.3`. */
  serverVersion(): Promise<string>;
  listNodes(): Promise<V1Node[]>;
  /** Pods of every namespace matching a field selector (the CPU already requested on each node). */
  listAllPods(fieldSelector: string): Promise<V1Pod[]>;
  /** Creates a namespace; a retried create that finds one with our run id returns it. */
  createNamespace(body: V1Namespace, runId: string): Promise<V1Namespace>;
  readNamespace(name: string): Promise<V1Namespace | undefined>;
  /** Namespaces matching a label selector (`netperf-gate cleanup` finds leftover runs by it). */
  listNamespaces(labelSelector: string): Promise<V1Namespace[]>;
  deleteNamespace(name: string): Promise<void>;
  /** Creates a pod; a retried create that finds one with our run id returns it. */
  createPod(namespace: string, body: V1Pod, runId: string): Promise<V1Pod>;
  readPod(namespace: string, name: string): Promise<V1Pod | undefined>;
  listPods(namespace: string, labelSelector?: string): Promise<PodList>;
  deletePod(namespace: string, name: string): Promise<void>;
  listEvents(namespace: string): Promise<CoreV1Event[]>;
  /** Watches pods from a resourceVersion; `onEnd` tells when the server or the network ended it. */
  watchPods(
    namespace: string,
    labelSelector: string,
    resourceVersion: string | undefined,
    onEvent: (event: PodWatchEvent) => void,
    onEnd: (error: unknown) => void,
  ): Promise<WatchHandle>;
  /** Runs a command in a container and collects its output and exit code (exec over WebSocket). */
  exec(
    namespace: string,
    pod: string,
    container: string,
    command: readonly string[],
    timeoutMs: number,
  ): Promise<ProcessOutput>;
}
