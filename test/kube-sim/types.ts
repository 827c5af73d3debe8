/**
 * Wire shapes of the Kubernetes objects the simulator keeps, as the API server serialises them
 * (timestamps are RFC 3339 strings, quantities are strings). Only the fields the simulator reads are
 * typed; everything else a client sends is kept as it came.
 */

/** `metadata` of every object. */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  generateName?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  [key: string]: unknown;
}

/** Any object with kind, apiVersion and metadata. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** A taint on a node. */
export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string;
}

/** A toleration on a pod. */
export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** `requests`/`limits` of a container. */
export interface ResourceRequirements {
  limits?: Record<string, string>;
  requests?: Record<string, string>;
}

/** One container of a pod spec. */
export interface ContainerSpec {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
  workingDir?: string;
  resources?: ResourceRequirements;
  [key: string]: unknown;
}

/** The part of a pod spec the simulator acts on. */
export interface PodSpec {
  containers: ContainerSpec[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  hostNetwork?: boolean;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  terminationGracePeriodSeconds?: number;
  tolerations?: Toleration[];
  [key: string]: unknown;
}

/** A pod condition (PodScheduled, Initialized, ContainersReady, Ready). */
export interface PodCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastProbeTime: null;
  lastTransitionTime: string;
}

/** `state` / `lastState` of a container status. */
export interface ContainerState {
  running?: { startedAt: string };
  waiting?: { reason: string; message?: string };
  terminated?: {
    exitCode: number;
    reason: string;
    message?: string;
    startedAt: string;
    finishedAt: string;
    containerID?: string;
  };
}

/** One entry of `status.containerStatuses`. */
export interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: ContainerState;
  lastState: ContainerState;
}

/** Pod status. */
export interface PodStatus {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  conditions?: PodCondition[];
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  containerStatuses?: ContainerStatus[];
  qosClass?: 'Guaranteed' | 'Burstable' | 'BestEffort';
  reason?: string;
  message?: string;
}

/** A pod as stored. */
export interface PodObject extends KubeObject {
  spec: PodSpec;
  status: PodStatus;
}

/** A node as stored. */
export interface NodeObject extends KubeObject {
  spec: { podCIDR: string; podCIDRs: string[]; taints?: Taint[]; unschedulable?: boolean };
  status: {
    capacity: Record<string, string>;
    allocatable: Record<string, string>;
    conditions: { type: string; status: string; reason: string; message: string; [key: string]: unknown }[];
    addresses: { type: string; address: string }[];
    nodeInfo: Record<string, string>;
    [key: string]: unknown;
  };
}

/** A namespace as stored. */
export interface NamespaceObject extends KubeObject {
  spec: { finalizers: string[] };
  status: { phase: 'Active' | 'Terminating' };
}

/** The resources the simulator serves under `/api/v1`. */
export type ResourceName =
  | 'nodes'
  | 'namespaces'
  | 'pods'
  | 'events'
  | 'serviceaccounts'
  | 'roles'
  | 'rolebindings'
  | 'clusterroles'
  | 'clusterrolebindings';
