/**
 * The Kubernetes fleet target (`netperf-gate fleet --target kubernetes`): on each of N chosen nodes a
 * netserver pod and a client pod per CPU size, and the host-network reference pair, all created once in
 * `prepare` and kept for the whole run (fleet-pods.ts says why pods per node, not DaemonSets). A pair
 * costs no API call but its execs: the endpoints are pod IPs read once when the pods became Ready, and
 * each sample is one exec in the client node's client pod (netperf-run.ts). Pairs share nothing
 * mutable: pairs of a round run concurrently. It loads client-node: import it lazily, as create.ts
 * does the single target.
 */
import type { V1Node } from '@kubernetes/client-node';
import type { KubernetesSettings } from '../../config/run-config.js';
import type { NodePair } from '../../fleet/plan.js';
import type { Scenario } from '../../suite/model.js';
import { InfraError, UsageError } from '../../util/errors.js';
import type { FleetFingerprint, FleetTarget, NetperfPair, ServerEndpoint } from '../target.js';
import { step } from './connection.js';
import { nodeFingerprint } from './fingerprint.js';
import { chooseFleetNodes, describeFleetCpuNeed, fleetCpuNeedMillis } from './fleet-nodes.js';
import { FLEET_REFERENCE_PROFILE, fleetPodName } from './fleet-pods.js';
import { startFleetPods } from './fleet-start.js';
import { findCni, type KubernetesTargetDeps, newRunId, newRunOf } from './kubernetes-target.js';
import { parseLabelSelector } from './label-selector.js';
import { cleanupRun, createNamespace, nodeChoiceInput } from './lifecycle.js';
import { checkRunId, type PodNetwork } from './names.js';
import { netperfVersionInPod, runNetperfInPod } from './netperf-run.js';
import { readRequestedCpu } from './node-load.js';
import { NETPERF_DATA_PORTS, netserverPort } from './pod-spec.js';
import { type KubeProfile, planProfiles, profileFor } from './profiles.js';
import { describeReference } from './reference.js';
import { checkGivenNamespace } from './reference-admission.js';
import { apiOf, type CreatedResources, type KubeRun } from './run-state.js';
import { normaliseSettings } from './settings.js';
import { parseTolerations } from './tolerations.js';

/** What the fleet is asked for: the single run's settings (client/server node unread), how many nodes, the run id. */
export interface KubernetesFleetOptions extends KubernetesSettings {
  /** At most this many eligible nodes, the first by name; default all eligible. */
  nodes?: number;
  /** Run id (lowercase letters and digits); default: random. */
  runId?: string;
}

/** What the fleet does its I/O with (the pair target's, but for the run id, which is an option here). */
export type KubernetesFleetDeps = Omit<KubernetesTargetDeps, 'runId'>;

/** The Kubernetes fleet target, plus its run id (in every name and label it creates). */
export interface KubernetesFleetTarget extends FleetTarget {
  readonly kind: 'kubernetes';
  readonly runId: string;
  /** What the fleet has created so far (a copy), as the single target says it: the action's post step deletes it after a killed run. */
  createdResources(): CreatedResources;
}

/** The fleet's run: the single run's state (namespace, pods created, reference) plus the chosen nodes. */
interface FleetRun {
  readonly kube: KubeRun;
  readonly maxNodes: number | undefined;
  /** Chosen nodes in `prepare`'s order; their index is in the pods' names. */
  nodes: V1Node[] | undefined;
}

/** Creates the Kubernetes fleet target; nothing is sent to the cluster until `prepare`. */
export function createKubernetesFleetTarget(
  options: KubernetesFleetOptions,
  deps: KubernetesFleetDeps,
): KubernetesFleetTarget {
  const { nodes: maxNodes, runId: givenRunId, ...given } = options;
  const settings = normaliseSettings(given);
  const kube = newRunOf(settings, checkRunId(givenRunId ?? newRunId()), deps);
  const run: FleetRun = { kube, maxNodes, nodes: undefined };
  const referencePath = (pair: NodePair) => pathBetween(run, pair, 'host');
  return {
    kind: 'kubernetes',
    runId: kube.runId,
    prepare: (scenarios) => prepareFleet(run, scenarios),
    path: (pair) => pathBetween(run, pair, 'pod'),
    // A getter: prepare may turn the reference off (Pod Security), and the runner reads it after.
    get referencePath() {
      return kube.reference.on ? referencePath : undefined;
    },
    fingerprint: () => fleetFingerprint(run),
    cleanup: () => cleanupRun(kube),
    createdResources: () => ({ ...kube.created, pods: [...kube.created.pods] }),
  };
}

/**
 * Parses what can be wrong before connecting, connects, reads a given namespace's Pod Security level,
 * chooses the nodes (fleet-nodes.ts, one line per node left out), creates the namespace and every pod
 * and waits until all are Ready. On any failure it cleans up before rethrowing.
 */
async function prepareFleet(run: FleetRun, scenarios: readonly Scenario[]): Promise<string[]> {
  const { kube } = run;
  if (run.nodes !== undefined) throw new Error('a Kubernetes fleet can be prepared once');
  if (kube.closed) throw new InfraError('the Kubernetes fleet was cleaned up before it was prepared');
  kube.profiles = planProfiles(scenarios);
  kube.tolerations = parseTolerations(kube.settings.tolerations);
  parseLabelSelector(kube.settings.nodeSelector ?? ''); // a usage error before anything is sent
  const api = apiOf(kube);
  kube.serverVersion = await step(api, 'asking for its version', () => api.serverVersion());
  await checkGivenNamespace(kube);
  const nodes = await chooseNodes(run);
  run.nodes = nodes;
  try {
    await createNamespace(kube);
    await startFleetPods(kube, nodes);
  } catch (error) {
    await cleanupRun(kube);
    throw error;
  }
  return nodes.map((node) => node.metadata?.name ?? '');
}

async function chooseNodes(run: FleetRun): Promise<V1Node[]> {
  const { kube } = run;
  const api = apiOf(kube);
  const listed = await step(api, 'listing nodes', () => api.listNodes());
  const requested = await readRequestedCpu(api, kube.log);
  const reference = kube.reference.on;
  const input = {
    ...nodeChoiceInput(kube.settings, listed, requested, kube.profiles, reference),
    needMillis: fleetCpuNeedMillis(kube.profiles, reference),
    needText: describeFleetCpuNeed(kube.profiles, reference),
  };
  const choice = chooseFleetNodes(input, run.maxNodes);
  kube.log(`kubernetes: ${choice.why}`);
  for (const line of choice.excluded) kube.log(`kubernetes: ${line}`);
  return choice.nodes;
}

function nodeIndex(run: FleetRun, name: string, side: 'client' | 'server'): number {
  if (run.nodes === undefined) throw new Error('a fleet path needs a prepared fleet');
  const index = run.nodes.findIndex((node) => node.metadata?.name === name);
  if (index === -1)
    throw new UsageError(`Unknown ${side} node '${name}': it is not one of the fleet's nodes.`);
  return index;
}

/** The pod path (or reference path) from `pair.client`'s client pod to `pair.server`'s server pod. */
function pathBetween(run: FleetRun, pair: NodePair, network: PodNetwork): NetperfPair {
  const client = nodeIndex(run, pair.client, 'client');
  const server = nodeIndex(run, pair.server, 'server');
  if (client === server) throw new Error(`a fleet pair needs two nodes, got ${pair.client} twice`);
  const { kube } = run;
  const profileOf = (scenario: Scenario): KubeProfile =>
    network === 'host' ? FLEET_REFERENCE_PROFILE : profileFor(kube.profiles, scenario);
  const endpoint = (scenario: Scenario): ServerEndpoint => {
    const profile = profileOf(scenario);
    const name = fleetPodName(kube.runId, server, 'server', profile.key, network);
    const host = kube.podIps.get(name);
    if (host === undefined) throw new Error(`pod ${name} has no IP: the fleet was not prepared`);
    return { host, port: netserverPort(profile, network), dataPorts: NETPERF_DATA_PORTS };
  };
  return {
    endpoint,
    runNetperf: async (scenario, argvs) => {
      if (kube.closed) throw new InfraError('the Kubernetes fleet was cleaned up: no more samples are taken');
      const pod = fleetPodName(kube.runId, client, 'client', profileOf(scenario).key, network);
      return runNetperfInPod(apiOf(kube), kube.created.namespace, pod, scenario, argvs);
    },
  };
}

async function fleetFingerprint(run: FleetRun): Promise<FleetFingerprint> {
  const { kube, nodes } = run;
  const [first] = kube.profiles;
  if (nodes === undefined || first === undefined) throw new Error('fingerprint needs a prepared fleet');
  const api = apiOf(kube);
  const client = fleetPodName(kube.runId, 0, 'client', first.key, 'pod');
  kube.netperfVersion ??= await netperfVersionInPod(api, kube.created.namespace, client, kube.log);
  const cni = await findCni(api);
  return {
    netperfVersion: kube.netperfVersion,
    nodes: nodes.map(nodeFingerprint),
    details: {
      kubernetesVersion: kube.serverVersion ?? 'unknown',
      cni: cni?.name ?? 'unknown',
      ...(cni !== undefined ? { cniImage: cni.image } : {}),
      image: kube.settings.image,
      reference: describeReference(kube.reference),
    },
  };
}
