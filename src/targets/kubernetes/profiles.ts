/**
 * CPU profiles of the Kubernetes target: pure, no I/O.
 *
 * Each distinct `cpus` value among the scenarios gets one server pod and one client pod of that size
 * (requests = limits, so the pod is Guaranteed QoS and a static CPU manager gives it whole cores).
 * Only one profile's pods exist at a time: before a scenario runs, the pods of the profile before are
 * deleted and its own created (see profile-switch.ts). Cilium's 32-core scenario means "the whole
 * node"; holding every profile at once would need the sum (33.1 CPUs for the default suite). So the
 * CPU a node needs is the largest profile's, plus the small request of the host-network reference pod
 * beside it (it asks for little and has no limit: it runs netperf only while the pod path is idle).
 */
import type { Scenario } from '../../suite/model.js';
import { UsageError } from '../../util/errors.js';

/** netserver's control port on the pod network: every server pod has its own IP, so all use the default. */
export const NETSERVER_PORT = 12865;
/**
 * First control port of the host-network netservers. They share the node's network namespace, so each
 * profile needs its own port; these sit just above netserver's default, which the node may already use.
 */
export const FIRST_HOST_NETWORK_PORT = 12866;
/** CPU a pod of an unlimited profile (`cpus: null`) requests: enough to be scheduled, no limit set. */
export const UNLIMITED_CPU_REQUEST_MILLIS = 100;
/**
 * CPU a host-network reference pod requests, with no limit (Burstable QoS). The runner alternates
 * reference and pod samples, so the reference never measures while the pod pair does: it needs no
 * cores of its own, only enough request to be scheduled beside the pod pair.
 */
export const REFERENCE_CPU_REQUEST_MILLIS = 100;

/** One distinct `cpus` value of the suite and the pods that serve it. */
export interface KubeProfile {
  /** Cores per pod; null = not limited. */
  cpus: number | null;
  /** Short name used in pod names and labels: `c32`, `c1`, or `any` for unlimited. */
  key: string;
  /** Scenarios run in this profile's pods, in suite order. */
  scenarioNames: string[];
  /** Control port of this profile's host-network netserver. */
  hostNetworkPort: number;
}

/** CPU one pod of the profile requests, in millicores. */
export function requestMillis(profile: Pick<KubeProfile, 'cpus'>): number {
  return profile.cpus === null ? UNLIMITED_CPU_REQUEST_MILLIS : profile.cpus * 1000;
}

/** One profile per distinct `cpus` value, in the order values first appear. */
export function planProfiles(scenarios: readonly Scenario[]): KubeProfile[] {
  const profiles: KubeProfile[] = [];
  for (const scenario of scenarios) {
    const { cpus } = scenario;
    if (cpus !== null && !(Number.isInteger(cpus) && cpus >= 1)) {
      throw new UsageError(`Invalid cpus ${cpus} in scenario ${scenario.name}. Expected a whole number ≥ 1.`);
    }
    const existing = profiles.find((profile) => profile.cpus === cpus);
    if (existing !== undefined) {
      existing.scenarioNames.push(scenario.name);
      continue;
    }
    profiles.push({
      cpus,
      key: cpus === null ? 'any' : `c${cpus}`,
      scenarioNames: [scenario.name],
      hostNetworkPort: FIRST_HOST_NETWORK_PORT + profiles.length,
    });
  }
  return profiles;
}

/** The profile a scenario runs in. */
export function profileFor(profiles: readonly KubeProfile[], scenario: Scenario): KubeProfile {
  const profile = profiles.find((candidate) => candidate.cpus === scenario.cpus);
  if (profile === undefined) {
    throw new Error(`scenario ${scenario.name} (cpus ${scenario.cpus}) was not among the scenarios prepared`);
  }
  return profile;
}

/** The profile with the largest pods (the first of equals); undefined without profiles. */
export function largestProfile(profiles: readonly KubeProfile[]): KubeProfile | undefined {
  return profiles.reduce<KubeProfile | undefined>(
    (largest, profile) =>
      largest === undefined || requestMillis(profile) > requestMillis(largest) ? profile : largest,
    undefined,
  );
}

/**
 * CPU (millicores) each of the two nodes must have allocatable: one profile's pod at a time, so the
 * largest profile's; with the host-network reference, plus its pod's small request (one per node).
 */
export function nodeCpuNeedMillis(profiles: readonly KubeProfile[], hostNetworkReference: boolean): number {
  const largest = largestProfile(profiles);
  const podMillis = largest === undefined ? 0 : requestMillis(largest);
  return hostNetworkReference && largest !== undefined ? podMillis + REFERENCE_CPU_REQUEST_MILLIS : podMillis;
}

/** "32.1 CPUs (for tcp_stream_32, tcp_rr_32cpu; one CPU size at a time, …)": for messages. */
export function describeCpuNeed(profiles: readonly KubeProfile[], hostNetworkReference: boolean): string {
  const largest = largestProfile(profiles);
  const which = largest === undefined ? 'no scenarios' : `for ${largest.scenarioNames.join(', ')}`;
  const reference =
    hostNetworkReference && largest !== undefined
      ? `, plus ${formatCpus(REFERENCE_CPU_REQUEST_MILLIS)} for the host-network reference pod`
      : '';
  return `${formatCpus(nodeCpuNeedMillis(profiles, hostNetworkReference))} CPUs (${which}; one CPU size at a time${reference})`;
}

/** Millicores as CPUs for people: 33100 → "33.1". */
export function formatCpus(millis: number): string {
  return String(Math.round(millis) / 1000);
}
