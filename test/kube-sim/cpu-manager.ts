/**
 * The kubelet's CPU manager, per node. `static` gives a Guaranteed pod whose CPU request is a whole
 * number exclusive cores (pinned here with `taskset`); every other pod, and every pod under `none`, runs
 * on the shared pool — here, every core of the machine (no pinning), as `Cpus_allowed_list` shows.
 */
import { availableParallelism } from 'node:os';
import { cpuLimitMilli, qosClassOf } from './pod-status.js';
import type { PodObject } from './types.js';

/** The kubelet's `--cpu-manager-policy` values. */
export const CPU_MANAGER_POLICIES = ['none', 'static'] as const;
export type CpuManagerPolicy = (typeof CPU_MANAGER_POLICIES)[number];

/**
 * ceil(`cores`) CPUs of node `nodeIndex`, capped at the cores this machine has, starting at a different
 * core per node so that client and server pods on two nodes do not share a core when they need not.
 */
export function cpuSetOf(coresWanted: number, nodeIndex: number, cores = availableParallelism()): number[] {
  const count = Math.min(coresWanted, cores);
  const first = (nodeIndex - 1) % cores;
  return Array.from({ length: count }, (_, k) => (first + k) % cores).sort((a, b) => a - b);
}

/** The exclusive CPUs the CPU manager gives the pod, or undefined for the shared pool. */
export function exclusiveCpusFor(
  pod: PodObject,
  policy: CpuManagerPolicy,
  nodeIndex: number,
  cores = availableParallelism(),
): number[] | undefined {
  if (policy !== 'static' || qosClassOf(pod.spec) !== 'Guaranteed') return undefined;
  const limitMilli = cpuLimitMilli(pod.spec);
  if (limitMilli === undefined || limitMilli <= 0 || limitMilli % 1000 !== 0) return undefined;
  return cpuSetOf(limitMilli / 1000, nodeIndex, cores);
}
