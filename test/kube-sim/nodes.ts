/** Node objects: built from the machine's facts and the simulator's settings; Ready or NotReady. */
import { readFileSync } from 'node:fs';
import { release } from 'node:os';
import type { CpuManagerPolicy } from './cpu-manager.js';
import { newUid, timestamp } from './meta.js';
import { nodeAddresses, podCidrs, type SimIpFamily } from './network.js';
import type { ObjectStore } from './store.js';
import type { NodeObject, Taint } from './types.js';

/** Per-node settings. */
export interface SimNodeConfig {
  /** Capacity and allocatable CPU (pretend; default "32"). */
  cpu?: string;
  /** Taints of the node (e.g. a control-plane taint). */
  taints?: Taint[];
  /** Extra labels. */
  labels?: Record<string, string>;
  /** Node name (default `sim-node-<index>`). */
  name?: string;
  /** `topology.kubernetes.io/zone` label. */
  zone?: string;
  /**
   * CPU already requested on the node (e.g. "1500m"), as a DaemonSet's pods would: a Running pod
   * `sim-reserved-<node>` in kube-system requests it (see cluster.ts).
   */
  requestedCpu?: string;
  /** The kubelet's CPU manager policy (default `static`: Guaranteed pods with whole CPUs get exclusive cores). */
  cpuManager?: CpuManagerPolicy;
}

/** The control-plane node's label and taint key, as kubeadm sets them. */
export const CONTROL_PLANE_KEY = 'node-role.kubernetes.io/control-plane';

/** A tainted, labelled control-plane node `sim-control-plane` (kubeadm's shape), with `cpu` CPUs. */
export function controlPlaneNode(cpu = '8'): SimNodeConfig {
  return {
    name: 'sim-control-plane',
    cpu,
    labels: { [CONTROL_PLANE_KEY]: '' },
    taints: [{ key: CONTROL_PLANE_KEY, effect: 'NoSchedule' }],
  };
}

/** Kubelet version every node reports. */
export const KUBELET_VERSION = 'v1.32.0-sim';
/** Container runtime every node reports. */
export const RUNTIME_VERSION = 'sim://1.0';
/** The taint the node lifecycle controller puts on NotReady nodes. */
export const NOT_READY_TAINT: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' };

/** Node name of index `i` (1-based). */
export function nodeName(index: number): string {
  return `sim-node-${index}`;
}

function osImage(): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(text)?.[1] ?? 'Linux';
  } catch {
    return 'Linux';
  }
}

function goArch(): string {
  return process.arch === 'x64' ? 'amd64' : process.arch;
}

function condition(type: string, status: string, reason: string, message: string) {
  const now = timestamp();
  return { type, status, lastHeartbeatTime: now, lastTransitionTime: now, reason, message };
}

/** The node object of node `index` with `config`. */
export function buildNode(index: number, config: SimNodeConfig, family: SimIpFamily = 'ipv4'): NodeObject {
  const name = config.name ?? nodeName(index);
  const cpu = config.cpu ?? '32';
  const resources = { cpu, memory: '131072Mi', pods: '110', 'ephemeral-storage': '500Gi' };
  return {
    kind: 'Node',
    apiVersion: 'v1',
    metadata: {
      name,
      uid: newUid(),
      resourceVersion: '',
      creationTimestamp: timestamp(),
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': goArch(),
        'beta.kubernetes.io/os': 'linux',
        'beta.kubernetes.io/arch': goArch(),
        ...(config.zone !== undefined ? { 'topology.kubernetes.io/zone': config.zone } : {}),
        ...config.labels,
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
    },
    spec: {
      podCIDR: podCidrs(index, family)[0] ?? '',
      podCIDRs: podCidrs(index, family),
      ...(config.taints ? { taints: config.taints } : {}),
    },
    status: {
      capacity: { ...resources },
      allocatable: { ...resources },
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        ...nodeAddresses(index, family).map((address) => ({ type: 'InternalIP', address })),
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: newUid().replaceAll('-', ''),
        systemUUID: newUid(),
        bootID: newUid(),
        kernelVersion: release(),
        osImage: osImage(),
        containerRuntimeVersion: RUNTIME_VERSION,
        kubeletVersion: KUBELET_VERSION,
        kubeProxyVersion: KUBELET_VERSION,
        operatingSystem: 'linux',
        architecture: goArch(),
      },
    },
  };
}

/** Sets the Ready condition and the not-ready taint of a node. */
export function setNodeReady(node: NodeObject, ready: boolean): void {
  const now = timestamp();
  node.status.conditions = node.status.conditions.map((c) => {
    if (c.type !== 'Ready') return c;
    const status = ready ? 'True' : 'False';
    const reason = ready ? 'KubeletReady' : 'KubeletNotReady';
    const message = ready
      ? 'kubelet is posting ready status'
      : 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';
    return {
      ...c,
      status,
      reason,
      message,
      lastHeartbeatTime: now,
      lastTransitionTime: c.status === status ? c.lastTransitionTime : now,
    };
  });
  const others = (node.spec.taints ?? []).filter((t) => t.key !== NOT_READY_TAINT.key);
  const taints = ready ? others : [...others, { ...NOT_READY_TAINT, timeAdded: now }];
  if (taints.length > 0) node.spec.taints = taints;
  else delete node.spec.taints;
}

/** Whether a node's Ready condition is True. */
export function isNodeReady(node: NodeObject): boolean {
  return node.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Brings every node's readiness in line with the NotReady set; returns the names that changed. */
export function syncNodeReadiness(store: ObjectStore, notReady: Set<string>): string[] {
  const changed: string[] = [];
  for (const node of store.list<NodeObject>('nodes')) {
    const ready = !notReady.has(node.metadata.name);
    if (isNodeReady(node) === ready) continue;
    store.modify<NodeObject>('nodes', undefined, node.metadata.name, (n) => setNodeReady(n, ready));
    changed.push(node.metadata.name);
  }
  return changed;
}
