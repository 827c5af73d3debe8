/**
 * Whether a profile's pods got exclusive cores: pure. The kubelet's CPU manager policy `static` gives a
 * Guaranteed pod whose CPU request is a whole number exactly that many cores of its own; under `none`
 * (the kubelet's default) or for a Burstable pod (e.g. after a webhook injected a sidecar without
 * limits) the pod runs on the shared pool with every other pod. Numbers from both are not comparable.
 * What we can see from inside: the pod's `qosClass` and `Cpus_allowed_list` in `/proc/self/status`.
 */
import type { KubeProfile } from './profiles.js';

/** What one pod showed. */
export interface PodCpus {
  role: 'server' | 'client';
  pod: string;
  /** `status.qosClass`, or "unknown". */
  qosClass: string;
  /** How many CPUs its container may run on; undefined when it could not be read. */
  allowedCpus: number | undefined;
}

/** How many CPUs a `Cpus_allowed_list` value names: "0-3,8,10-11" → 7. */
export function countCpuList(list: string): number | undefined {
  let count = 0;
  for (const range of list.trim().split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(range);
    if (match === null) return undefined;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from) return undefined;
    count += to - from + 1;
  }
  return count;
}

/** The CPU count of `Cpus_allowed_list` in a `/proc/<pid>/status` text; undefined when absent. */
export function allowedCpusFromStatus(statusText: string): number | undefined {
  const list = /^Cpus_allowed_list:\s*(\S+)\s*$/m.exec(statusText)?.[1];
  return list === undefined ? undefined : countCpuList(list);
}

/** Why a pod of a sized profile does not have exclusive cores, or undefined when it does. */
function notExclusive(profile: KubeProfile, pod: PodCpus): string | undefined {
  const cpus = profile.cpus ?? 0;
  if (pod.qosClass !== 'Guaranteed') {
    return `${pod.role} pod ${pod.pod} is ${pod.qosClass}, not Guaranteed (did a webhook inject a sidecar without CPU limits?)`;
  }
  if (pod.allowedCpus === undefined) return undefined;
  if (pod.allowedCpus > cpus) {
    return `${pod.role} pod ${pod.pod} may run on ${pod.allowedCpus} CPUs for ${cpus} requested (the kubelet's CPU manager policy is not static)`;
  }
  return undefined;
}

/** The profile's pinning as the fingerprint records it: no pod names or CPU ids, so runs compare. */
export function describePinning(profile: KubeProfile, pods: readonly PodCpus[]): string {
  const each = pods
    .map((pod) => `${pod.role} ${pod.qosClass} ${pod.allowedCpus ?? '?'} CPUs allowed`)
    .join(', ');
  if (profile.cpus === null) return `${profile.key}: ${each} (not limited: shared cores)`;
  const exclusive = pods.every((pod) => notExclusive(profile, pod) === undefined);
  const unread = pods.some((pod) => pod.allowedCpus === undefined);
  const verdict = unread ? 'unknown' : exclusive ? 'exclusive cores' : 'shared cores';
  return `${profile.key}: ${each} of ${profile.cpus} requested (${verdict})`;
}

/** The one warning line when a sized profile's pods did not get exclusive cores, or undefined. */
export function pinningWarning(profile: KubeProfile, pods: readonly PodCpus[]): string | undefined {
  if (profile.cpus === null) return undefined;
  const reasons = pods.flatMap((pod) => notExclusive(profile, pod) ?? []);
  if (reasons.length === 0) return undefined;
  return `kubernetes: the pods of ${profile.scenarioNames.join(', ')} did not get exclusive cores: ${reasons.join('; ')}. Their results are not comparable with runs on exclusive cores (see README: "Exclusive cores").`;
}
