/** netperf in the client pods: where its server is, starting N instances together, `netperf -V`. */
import { splitFanOutOutput } from '../../netperf/fan-out.js';
import type { Scenario } from '../../suite/model.js';
import { formatError } from '../../util/errors.js';
import { parseNetperfVersion } from '../local/fingerprint.js';
import { fanOutCommand } from '../same-command.js';
import type { ProcessOutput, ServerEndpoint } from '../target.js';
import type { KubeApi } from './kube-api.js';
import { type PodNetwork, podName } from './names.js';
import { CLIENT_CONTAINER, NETPERF_DATA_PORTS, netserverPort } from './pod-spec.js';
import { describeProfile } from './profile-switch.js';
import { type KubeProfile, profileFor } from './profiles.js';
import { allOrFirstFailure, apiOf, type KubeRun } from './run-state.js';

/** Time a netperf exec may take beyond its `-l` duration (start-up, control connection, CPU measurement). */
export const NETPERF_TIMEOUT_MARGIN_MS = 30_000;
/** Bound for `netperf -V`. */
export const NETPERF_VERSION_TIMEOUT_MS = 15_000;

/** The scenario's profile, which must be the one whose pods exist now. */
function activeProfileFor(run: KubeRun, scenario: Scenario): KubeProfile {
  const profile = profileFor(run.profiles, scenario);
  if (run.active?.key !== profile.key) {
    throw new Error(
      `the pods of ${describeProfile(profile)} do not exist now: call useProfile(${scenario.name}) first`,
    );
  }
  return profile;
}

/** Where the netserver of the scenario's profile listens, on the pod network or the host's. */
export function endpointOf(run: KubeRun, scenario: Scenario, network: PodNetwork): ServerEndpoint {
  const profile = activeProfileFor(run, scenario);
  const name = podName(run.runId, 'server', profile.key, network);
  const host = run.podIps.get(name);
  if (host === undefined) throw new Error(`pod ${name} has no IP: the target was not prepared`);
  return { host, port: netserverPort(profile, network), dataPorts: NETPERF_DATA_PORTS };
}

/**
 * Runs the netperf processes in the client pod of the scenario's profile, each bounded. Identical
 * instances (or instances that differ only in their data port) start from ONE exec of the fan-out
 * script, which forks them within milliseconds: one
 * exec each spread 32 starts over about 0.3 s (a WebSocket upgrade and a process start per exec),
 * so the first ones ran alone while the last ones set up. Other argument lists get one exec each,
 * all started before any is awaited.
 */
export function runNetperf(
  run: KubeRun,
  scenario: Scenario,
  argvs: readonly (readonly string[])[],
  network: PodNetwork,
): Promise<ProcessOutput[]> {
  const client = podName(run.runId, 'client', activeProfileFor(run, scenario).key, network);
  return runNetperfInPod(apiOf(run), run.created.namespace, client, scenario, argvs);
}

/**
 * Runs the netperf processes in one client pod, bounded by the scenario's duration plus
 * {@link NETPERF_TIMEOUT_MARGIN_MS}: one exec of the fan-out script when the instances allow it, else one
 * exec each (see {@link runNetperf}). The fleet's pairs call it too.
 */
export async function runNetperfInPod(
  api: KubeApi,
  namespace: string,
  client: string,
  scenario: Scenario,
  argvs: readonly (readonly string[])[],
): Promise<ProcessOutput[]> {
  const timeoutMs = scenario.durationSeconds * 1000 + NETPERF_TIMEOUT_MARGIN_MS;
  const fanOut = fanOutCommand('netperf', argvs);
  if (fanOut !== undefined) {
    const output = await api.exec(namespace, client, CLIENT_CONTAINER, fanOut, timeoutMs);
    return splitFanOutOutput(output, argvs.length);
  }
  return allOrFirstFailure(
    argvs.map((argv) => api.exec(namespace, client, CLIENT_CONTAINER, ['netperf', ...argv], timeoutMs)),
  );
}

/**
 * `netperf -V` in the client pod of the profile in use, asked once. Best effort: the measurements are
 * done by now and must not be lost over a version string.
 */
export async function netperfVersion(run: KubeRun): Promise<string> {
  if (run.netperfVersion !== undefined) return run.netperfVersion;
  const profile = run.active;
  if (profile === undefined) return 'unknown';
  const client = podName(run.runId, 'client', profile.key, 'pod');
  const version = await netperfVersionInPod(apiOf(run), run.created.namespace, client, run.log);
  if (version !== 'unknown') run.netperfVersion = version;
  return version;
}

/** `netperf -V` in one client pod, bounded; "unknown" (with one line logged) when it fails. */
export async function netperfVersionInPod(
  api: KubeApi,
  namespace: string,
  client: string,
  log: (line: string) => void,
): Promise<string> {
  try {
    const command = ['netperf', '-V'];
    const output = await api.exec(namespace, client, CLIENT_CONTAINER, command, NETPERF_VERSION_TIMEOUT_MS);
    return parseNetperfVersion(output.stdout);
  } catch (error) {
    log(
      `kubernetes: netperf -V in pod ${client} failed (${formatError(error)}); version recorded as unknown`,
    );
    return 'unknown';
  }
}
