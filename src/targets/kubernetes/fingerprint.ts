/** What the Kubernetes target reports about where it measured: pure, over API objects. */
import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { NodeFingerprint, TargetFingerprint } from '../target.js';
import { allocatableMillis, parseCpuMillis } from './node-choice.js';
import { zoneOf } from './node-roles.js';
import { formatCpus } from './profiles.js';

/** Namespaces where CNI agents usually run (kube-system; the Calico operator's; flannel's own). */
export const CNI_NAMESPACES = ['kube-system', 'calico-system', 'kube-flannel'] as const;

/**
 * DaemonSets of CNI agents and the CNI they reveal, the datapath owners first: with CNI chaining (EKS
 * with Cilium or Calico on top of aws-node, AKS with Cilium on azure-cns) both agents run, and the
 * plugin that owns the datapath and policy is the one that shapes the measurement. Pods are named
 * `<daemonset>-<5 characters>`, which tells `cilium-x7k2p` (the agent) from `cilium-envoy-…` or
 * `cilium-operator-…`.
 */
const CNI_DAEMONSETS: readonly [daemonSet: string, cni: string][] = [
  ['cilium', 'cilium'],
  ['calico-node', 'calico'],
  ['antrea-agent', 'antrea'],
  ['kube-ovn-cni', 'kube-ovn'],
  ['canal', 'canal'],
  ['weave-net', 'weave'],
  ['kube-router', 'kube-router'],
  ['kube-flannel-ds', 'flannel'],
  ['aws-node', 'aws-vpc-cni'],
  ['azure-cns', 'azure-cni'],
  ['kindnet', 'kindnet'],
];

/** A CNI seen in the cluster: its name and the agent's image (which carries its version). */
export interface CniFacts {
  name: string;
  image: string;
  /** Other CNI agents running beside it (chaining: `aws-vpc-cni` under Cilium on EKS), in table order. */
  chainedWith?: string[];
}

/**
 * The CNI whose agent pods are among `pods` (the datapath owner when several are: Cilium over aws-node),
 * with the others found beside it, or undefined when there is none.
 */
export function detectCni(pods: readonly V1Pod[]): CniFacts | undefined {
  const found = new Map<string, string>();
  for (const pod of pods) {
    const daemonSet = /^(.+)-[a-z0-9]{5}$/.exec(pod.metadata?.name ?? '')?.[1];
    const match = CNI_DAEMONSETS.find(([candidate]) => candidate === daemonSet);
    if (match !== undefined && !found.has(match[1]))
      found.set(match[1], pod.spec?.containers?.[0]?.image ?? 'unknown');
  }
  const [first, ...others] = CNI_DAEMONSETS.map(([, cni]) => cni).filter((cni) => found.has(cni));
  if (first === undefined) return undefined;
  return {
    name: first,
    image: found.get(first) ?? 'unknown',
    ...(others.length > 0 ? { chainedWith: others } : {}),
  };
}

/**
 * The CPU model as far as node labels tell: Node Feature Discovery publishes vendor, family and model
 * ids (not the marketing name). "unknown" without NFD: the API has no CPU model field.
 */
export function cpuModelFromLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const nfd = 'feature.node.kubernetes.io/cpu-model.';
  const vendor = labels?.[`${nfd}vendor_id`];
  const family = labels?.[`${nfd}family`];
  const id = labels?.[`${nfd}id`];
  if (vendor === undefined && family === undefined && id === undefined) return 'unknown';
  return `${vendor ?? 'unknown vendor'} family ${family ?? '?'} model ${id ?? '?'}`;
}

/**
 * One node as a fingerprint: the name is the node's, stable run after run on the same cluster. The
 * zone (topology.kubernetes.io/zone) is there when the node has one: two runs whose nodes sat in other
 * zones show it in the environment diff.
 */
export function nodeFingerprint(node: V1Node): NodeFingerprint {
  const info = node.status?.nodeInfo;
  const capacity = parseCpuMillis(node.status?.capacity?.cpu);
  const zone = zoneOf(node);
  return {
    name: node.metadata?.name ?? 'unknown',
    kernel: info?.kernelVersion ?? 'unknown',
    cpuModel: cpuModelFromLabels(node.metadata?.labels),
    cpuCount: Number.isNaN(capacity) ? 0 : Math.floor(capacity / 1000),
    details: {
      osImage: info?.osImage ?? 'unknown',
      kubeletVersion: info?.kubeletVersion ?? 'unknown',
      containerRuntimeVersion: info?.containerRuntimeVersion ?? 'unknown',
      architecture: info?.architecture ?? 'unknown',
      allocatableCpu: formatCpus(allocatableMillis(node)),
      ...(zone !== undefined ? { zone } : {}),
    },
  };
}

/** Everything the fingerprint is built from. */
export interface KubernetesFacts {
  client: V1Node;
  server: V1Node;
  serverVersion: string;
  cni: CniFacts | undefined;
  image: string;
  netperfVersion: string;
  /** Where the node-to-node reference ran, or `off: why` (see reference.ts describeReference). */
  reference: string;
  /** Per profile: its pods' QoS class and allowed CPUs, exclusive or shared (see cpu-pinning.ts). */
  cpuPinning?: readonly string[];
}

/** The target's fingerprint: both nodes, the Kubernetes version, the CNI (when seen), the image and the reference. */
export function buildKubernetesFingerprint(facts: KubernetesFacts): TargetFingerprint {
  return {
    netperfVersion: facts.netperfVersion,
    client: nodeFingerprint(facts.client),
    server: nodeFingerprint(facts.server),
    details: {
      kubernetesVersion: facts.serverVersion,
      cni: facts.cni?.name ?? 'unknown',
      ...(facts.cni !== undefined ? { cniImage: facts.cni.image } : {}),
      ...(facts.cni?.chainedWith !== undefined ? { cniChainedWith: facts.cni.chainedWith.join(', ') } : {}),
      image: facts.image,
      reference: facts.reference,
      ...(facts.cpuPinning?.length ? { cpuPinning: facts.cpuPinning.join('; ') } : {}),
    },
  };
}
