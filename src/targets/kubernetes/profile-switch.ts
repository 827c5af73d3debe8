/**
 * One CPU profile's pods at a time: before a scenario runs, the pods of the profile before it are
 * deleted (and awaited until gone, so their CPU is free again) and this profile's are created and
 * awaited until Ready. Why: Cilium's 32-core scenario means "the whole node"; keeping every profile's
 * pods for the whole run would need the sum of all profiles on each node (33.1 CPUs for the default
 * suite). Consecutive scenarios of one profile keep its pods.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { InfraError, UsageError } from '../../util/errors.js';
import { isNotFound } from './api-errors.js';
import { deletePodsAndWait } from './cleanup.js';
import { explainApiError, step } from './connection.js';
import { checkProfileCpus } from './cpu-check.js';
import { type PodNetwork, ROLE_LABEL, runSelector } from './names.js';
import { pickPodAddress } from './pod-address.js';
import { buildPairPods } from './pod-spec.js';
import { waitForPodsReady } from './pod-wait.js';
import { formatCpus, type KubeProfile, requestMillis } from './profiles.js';
import { dropRefusedReference } from './reference-admission.js';
import { allOrFirstFailure, apiOf, type KubeRun } from './run-state.js';

/** Throws when cleanup has started: a switch in progress stops and leaves what it made to cleanup. */
export function checkpoint(run: KubeRun): void {
  if (run.closed) throw new InfraError('the Kubernetes target was cleaned up while it was preparing pods');
}

/** "cpus 32 (tcp_stream_32, tcp_rr_32cpu)": a profile for people. */
export function describeProfile(profile: KubeProfile): string {
  const size = profile.cpus === null ? 'not limited' : formatCpus(requestMillis(profile));
  return `cpus ${size} (${profile.scenarioNames.join(', ')})`;
}

/** "server pod ns/name (node b)": how the wait names a pod in its error. */
function describePod(run: KubeRun, pods: readonly V1Pod[], name: string): string {
  const pod = pods.find((candidate) => candidate.metadata?.name === name);
  const role = pod?.metadata?.labels?.[ROLE_LABEL] ?? 'netperf-gate';
  const nodeName =
    pod?.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]
      ?.matchFields?.[0]?.values?.[0];
  return `${role} pod ${run.created.namespace}/${name}${nodeName ? ` (node ${nodeName})` : ''}`;
}

/** Creates the pods (names recorded before the creates are sent); rejects with the first failure as the API sent it. */
async function createPods(run: KubeRun, pods: readonly V1Pod[]): Promise<void> {
  const api = apiOf(run);
  for (const pod of pods) run.created.pods.push(pod.metadata?.name ?? '');
  await allOrFirstFailure(pods.map((pod) => api.createPod(run.created.namespace, pod, run.runId)));
}

/** A pod create's failure in words: a missing given namespace, else the API's refusal explained. */
export function explainCreateFailure(run: KubeRun, error: unknown): Error {
  const { namespace } = run.created;
  if (!run.created.namespaceCreated && isNotFound(error)) {
    return new UsageError(
      `Namespace '${namespace}' (--namespace) does not exist. Create it, or omit --namespace to get one per run.`,
    );
  }
  return explainApiError(`creating pods in namespace ${namespace}`, error, apiOf(run).server);
}

/** The pod objects of a profile on one network: its server and client. */
function pairPods(run: KubeRun, profile: KubeProfile, network: PodNetwork): V1Pod[] {
  const { settings, runId, created, pinned, tolerations } = run;
  if (pinned === undefined) throw new Error('pods need the chosen nodes: prepare first');
  const base = { runId, namespace: created.namespace, image: settings.image, tolerations };
  return buildPairPods(base, profile, pinned, network);
}

/** The pods of a profile that exist while it is in use: the pod pair, and the reference pair when on. */
function profilePods(run: KubeRun, profile: KubeProfile): V1Pod[] {
  const reference = run.reference.on ? pairPods(run, profile, 'host') : [];
  return [...pairPods(run, profile, 'pod'), ...reference];
}

/**
 * Creates the profile's pod pair and, when the reference is on, its host-network pair, all at once. A
 * reference refused by Pod Security is dropped (see reference-admission.ts); any other failure throws.
 */
async function createProfilePods(run: KubeRun, profile: KubeProfile): Promise<V1Pod[]> {
  const pods = pairPods(run, profile, 'pod');
  const referencePods = run.reference.on ? pairPods(run, profile, 'host') : [];
  const [podsCreated, referenceCreated] = await Promise.allSettled([
    createPods(run, pods),
    createPods(run, referencePods),
  ]);
  if (podsCreated.status === 'rejected') throw explainCreateFailure(run, podsCreated.reason);
  if (referenceCreated.status === 'fulfilled') return [...pods, ...referencePods];
  if (await dropRefusedReference(run, referencePods, referenceCreated.reason)) return pods;
  throw explainCreateFailure(run, referenceCreated.reason);
}

async function startPods(run: KubeRun, profile: KubeProfile): Promise<void> {
  const pods = await createProfilePods(run, profile);
  checkpoint(run);
  const ready = await waitForPodsReady({
    api: apiOf(run),
    namespace: run.created.namespace,
    selector: runSelector(run.runId),
    podNames: pods.map((pod) => pod.metadata?.name ?? ''),
    bounds: run.bounds,
    describe: (name) => describePod(run, pods, name),
  });
  for (const [name, pod] of ready) {
    const address = pickPodAddress(pod, run.settings.ipFamily);
    if (address !== undefined) run.podIps.set(name, address);
  }
  checkpoint(run);
  await checkProfileCpus(run, profile, ready);
  checkpoint(run);
}

async function removePods(run: KubeRun, profile: KubeProfile): Promise<void> {
  const names = profilePods(run, profile).map((pod) => pod.metadata?.name ?? '');
  const api = apiOf(run);
  const { namespace } = run.created;
  const gone = await step(api, `deleting the pods of ${describeProfile(profile)}`, () =>
    deletePodsAndWait(api, namespace, names, run.cleanupWaitMs),
  );
  if (!gone) {
    throw new InfraError(
      `pods ${names.join(', ')} in ${namespace} were still there ${run.cleanupWaitMs / 1000} s after being deleted; check their nodes' kubelet (kubectl -n ${namespace} describe pod ${names[0]})`,
    );
  }
  run.created.pods = run.created.pods.filter((name) => !names.includes(name));
  for (const name of names) run.podIps.delete(name);
}

/**
 * Makes `profile` the one whose pods exist: nothing to do when it already is; otherwise deletes the
 * pods of the profile before (waiting until they are gone), creates this one's and waits until they
 * are Ready. Logs one line per switch. Failures are one-line errors; cleanup removes what is left.
 */
export async function switchProfile(run: KubeRun, profile: KubeProfile): Promise<void> {
  if (run.active?.key === profile.key) return;
  checkpoint(run);
  const startedMs = Date.now();
  const previous = run.active;
  run.active = undefined;
  if (previous !== undefined) await removePods(run, previous);
  checkpoint(run);
  await startPods(run, profile);
  run.active = profile;
  const seconds = ((Date.now() - startedMs) / 1000).toFixed(1);
  const after = previous === undefined ? '' : `, after deleting those of ${describeProfile(previous)}`;
  run.log(
    `kubernetes: pods of ${describeProfile(profile)} Ready in namespace ${run.created.namespace} (${seconds} s${after})`,
  );
}
