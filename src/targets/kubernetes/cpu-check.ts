/**
 * After a profile's pods are Ready: which QoS class each pod got and how many CPUs its container may
 * run on (`Cpus_allowed_list` of `/proc/self/status`, read through the exec the runner uses anyway).
 * Recorded for the fingerprint; one warning line when a sized profile did not get exclusive cores.
 * Best effort: a failed read is logged and recorded as unknown, the run goes on.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { formatError } from '../../util/errors.js';
import { allowedCpusFromStatus, describePinning, type PodCpus, pinningWarning } from './cpu-pinning.js';
import { podName } from './names.js';
import { CLIENT_CONTAINER, SERVER_CONTAINER } from './pod-spec.js';
import type { KubeProfile } from './profiles.js';
import { apiOf, type KubeRun } from './run-state.js';

/** Bound for reading `/proc/self/status` in a pod. */
export const CPU_CHECK_TIMEOUT_MS = 15_000;

async function readPodCpus(
  run: KubeRun,
  role: PodCpus['role'],
  pod: string,
  ready: ReadonlyMap<string, V1Pod>,
) {
  const container = role === 'server' ? SERVER_CONTAINER : CLIENT_CONTAINER;
  const qosClass = ready.get(pod)?.status?.qosClass ?? 'unknown';
  const command = ['cat', '/proc/self/status'];
  try {
    const output = await apiOf(run).exec(
      run.created.namespace,
      pod,
      container,
      command,
      CPU_CHECK_TIMEOUT_MS,
    );
    const allowedCpus = output.exitCode === 0 ? allowedCpusFromStatus(output.stdout) : undefined;
    if (allowedCpus === undefined) run.log(`kubernetes: could not read Cpus_allowed_list in pod ${pod}`);
    return { role, pod, qosClass, allowedCpus };
  } catch (error) {
    run.log(`kubernetes: reading the CPUs of pod ${pod} failed (${formatError(error)}); recorded as unknown`);
    return { role, pod, qosClass, allowedCpus: undefined };
  }
}

/** Checks and records whether the profile's pod pair got exclusive cores (the reference pods are shared by design). */
export async function checkProfileCpus(
  run: KubeRun,
  profile: KubeProfile,
  ready: ReadonlyMap<string, V1Pod>,
): Promise<void> {
  const roles = ['server', 'client'] as const;
  const pods = await Promise.all(
    roles.map((role) => readPodCpus(run, role, podName(run.runId, role, profile.key, 'pod'), ready)),
  );
  run.cpuPinning.set(profile.key, describePinning(profile, pods));
  const warning = pinningWarning(profile, pods);
  if (warning !== undefined) run.log(warning);
}
