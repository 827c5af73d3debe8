/**
 * The objects the Kubernetes target creates, built by pure functions as typed literals (snapshot-tested).
 *
 * Pods are pinned through the scheduler, not with `spec.nodeName`: nodeName skips the scheduler, so a
 * node without room answers with a kubelet rejection (`OutOfcpu`) and NoSchedule taints are not
 * checked, while a scheduled pod stays Pending with the scheduler's own reason ("0/3 nodes are
 * available: 1 Insufficient cpu") that we can quote. Two constraints, both true of the chosen node:
 * required node affinity on the field `metadata.name` (exact, what the DaemonSet controller uses) and
 * a nodeSelector on its `kubernetes.io/hostname` label (the form every scheduler, simple ones too,
 * understands; the kubelet sets that label on every node).
 */
import type {
  V1Container,
  V1Namespace,
  V1Pod,
  V1ResourceRequirements,
  V1Toleration,
} from '@kubernetes/client-node';
import { LIMITS } from '../../suite/schema.js';
import {
  NETWORK_LABEL,
  type PodNetwork,
  type PodRole,
  PROFILE_LABEL,
  podName,
  ROLE_LABEL,
  runLabels,
} from './names.js';
import {
  type KubeProfile,
  NETSERVER_PORT,
  REFERENCE_CPU_REQUEST_MILLIS,
  UNLIMITED_CPU_REQUEST_MILLIS,
} from './profiles.js';

/** Container running netserver in a server pod. */
export const SERVER_CONTAINER = 'netserver';
/** Container netperf is exec'd in, in a client pod. */
export const CLIENT_CONTAINER = 'netperf';
/** Memory per pod (request = limit): 32 streams' socket buffers are charged to the pod's cgroup. */
export const POD_MEMORY = '1Gi';
/**
 * Memory a host-network reference pod requests: netperf itself needs little. Its limit stays
 * {@link POD_MEMORY}, so the sockets of both paths are charged against a cgroup of the same size.
 */
export const REFERENCE_MEMORY_REQUEST = '64Mi';
/** Non-root user the containers run as: netperf and netserver need no privilege on ports above 1024. */
export const RUN_AS_USER = 65534;
/**
 * How long the client pod's `sleep` lasts: longer than any run (115 days). A number, not `infinity`,
 * because busybox images do not all accept `infinity`.
 */
export const CLIENT_SLEEP_SECONDS = 10_000_000;
/** The pods hold no state: they may be killed at once on cleanup (`sleep` as pid 1 ignores SIGTERM). */
export const TERMINATION_GRACE_SECONDS = 1;

/**
 * netperf's data ports on the server side (test-specific `-P ,PORT`, instance i uses first + i): fixed,
 * so a default-deny NetworkPolicy can allow exactly them and the control port (deploy/network-policy).
 * As many as the instances a scenario may run (the suite's concurrency limit), from 42424.
 */
export const NETPERF_DATA_PORTS = { first: 42424, count: LIMITS.concurrency.max } as const;

/** Startup probe failures (1 s apart) before the kubelet gives up on netserver: 2 minutes. */
export const STARTUP_PROBE_FAILURES = 120;

/** Everything one pod depends on. */
export interface PodInput {
  runId: string;
  namespace: string;
  image: string;
  profile: KubeProfile;
  role: PodRole;
  network: PodNetwork;
  node: PinnedNode;
  tolerations: readonly V1Toleration[];
}

/** The node a pod must run on. */
export interface PinnedNode {
  name: string;
  /** Its `kubernetes.io/hostname` label, when it has one. */
  hostname: string | undefined;
}

/** The label the kubelet puts on its node. */
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';

/**
 * The run's own namespace. Pod Security admission enforces `restricted` on it, which our pod-network
 * pods satisfy; host-network pods are only allowed at `privileged` (baseline and restricted forbid host
 * namespaces), so that level is asked for when the host-network reference is on.
 */
export function buildNamespace(runId: string, name: string, hostNetworkReference: boolean): V1Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: {
        ...runLabels(runId),
        'pod-security.kubernetes.io/enforce': hostNetworkReference ? 'privileged' : 'restricted',
      },
    },
  } satisfies V1Namespace;
}

/** The netserver control port of a pod: the default on the pod network, one per profile on the host's. */
export function netserverPort(profile: KubeProfile, network: PodNetwork): number {
  return network === 'host' ? profile.hostNetworkPort : NETSERVER_PORT;
}

/**
 * Requests = limits for sized profiles, so the pod is Guaranteed QoS and a static CPU manager gives
 * it whole cores. An unlimited profile requests a little CPU and sets no CPU limit (Burstable QoS):
 * it may use any idle core of the node, like netperf on a bare host. Host-network reference pods are
 * Burstable whatever the profile: they only measure while the pod pair is idle, so they need no cores
 * of their own (under the static policy they run on the shared pool, under `none` on any core).
 */
export function podResources(profile: KubeProfile, network: PodNetwork = 'pod'): V1ResourceRequirements {
  if (network === 'host') {
    return {
      requests: { cpu: `${REFERENCE_CPU_REQUEST_MILLIS}m`, memory: REFERENCE_MEMORY_REQUEST },
      limits: { memory: POD_MEMORY },
    };
  }
  if (profile.cpus === null) {
    return {
      requests: { cpu: `${UNLIMITED_CPU_REQUEST_MILLIS}m`, memory: POD_MEMORY },
      limits: { memory: POD_MEMORY },
    };
  }
  const sized = { cpu: String(profile.cpus), memory: POD_MEMORY };
  return { requests: { ...sized }, limits: { ...sized } };
}

function container(input: PodInput): V1Container {
  const common = {
    image: input.image,
    imagePullPolicy: 'IfNotPresent',
    resources: podResources(input.profile, input.network),
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      runAsNonRoot: true,
      runAsUser: RUN_AS_USER,
      runAsGroup: RUN_AS_USER,
      seccompProfile: { type: 'RuntimeDefault' },
    },
  } satisfies Partial<V1Container>;
  if (input.role === 'client') {
    return { name: CLIENT_CONTAINER, command: ['sleep', String(CLIENT_SLEEP_SECONDS)], ...common };
  }
  const port = netserverPort(input.profile, input.network);
  return {
    name: SERVER_CONTAINER,
    // -D: stay in the foreground (the container's main process). No -4/-6: netserver then listens on
    // `::` with IPv4 mapped, so one pod serves IPv4, IPv6 and dual-stack clusters alike.
    command: ['netserver', '-D', '-p', String(port)],
    ports: [{ name: 'netserver', containerPort: port, protocol: 'TCP' }],
    // Started (and so Ready) = netserver accepts connections; the runner only starts netperf against
    // Ready pods. A startup probe only: a readiness probe would keep connecting every period during the
    // measurement, and each connection makes netserver fork and write its debug file.
    startupProbe: {
      tcpSocket: { port },
      periodSeconds: 1,
      timeoutSeconds: 1,
      failureThreshold: STARTUP_PROBE_FAILURES,
    },
    ...common,
  };
}

/** A server (netserver) or client (netperf via exec) pod of one CPU profile, pinned to its node. */
export function buildPod(input: PodInput): V1Pod {
  const { runId, profile, role, network } = input;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName(runId, role, profile.key, network),
      namespace: input.namespace,
      labels: {
        ...runLabels(runId),
        [ROLE_LABEL]: role,
        [PROFILE_LABEL]: profile.key,
        [NETWORK_LABEL]: network,
      },
    },
    spec: {
      ...(input.node.hostname === undefined
        ? {}
        : { nodeSelector: { [HOSTNAME_LABEL]: input.node.hostname } }),
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchFields: [{ key: 'metadata.name', operator: 'In', values: [input.node.name] }] },
            ],
          },
        },
      },
      tolerations: [...input.tolerations],
      ...(network === 'host' ? { hostNetwork: true } : {}),
      containers: [container(input)],
      // A netserver that crashed and came back would change what is measured: fail the run instead.
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: RUN_AS_USER,
        runAsGroup: RUN_AS_USER,
        seccompProfile: { type: 'RuntimeDefault' },
      },
    },
  } satisfies V1Pod;
}

/** What every pod of a run shares. */
export type PodBase = Omit<PodInput, 'profile' | 'role' | 'network' | 'node'>;

/** The server (on the server node) and the client (on the client node) of one profile on one network. */
export function buildPairPods(
  base: PodBase,
  profile: KubeProfile,
  nodes: { client: PinnedNode; server: PinnedNode },
  network: PodNetwork,
): V1Pod[] {
  return (['server', 'client'] as const).map((role) =>
    buildPod({ ...base, profile, role, network, node: role === 'server' ? nodes.server : nodes.client }),
  );
}

/** Every pod of a run: per profile a server and a client on the pod network, and on the host's when asked. */
export function buildRunPods(
  base: PodBase,
  profiles: readonly KubeProfile[],
  nodes: { client: PinnedNode; server: PinnedNode },
  hostNetworkReference: boolean,
): V1Pod[] {
  const networks: PodNetwork[] = hostNetworkReference ? ['pod', 'host'] : ['pod'];
  return networks.flatMap((network) =>
    profiles.flatMap((profile) => buildPairPods(base, profile, nodes, network)),
  );
}
