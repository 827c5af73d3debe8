/** Prepare and cleanup of one Kubernetes run: nodes chosen, namespace and first pods created and Ready, all removed. */
import type { V1Node } from '@kubernetes/client-node';
import type { KubernetesSettings } from '../../config/run-config.js';
import type { Scenario } from '../../suite/model.js';
import { InfraError } from '../../util/errors.js';
import { deleteCreatedResources } from './cleanup.js';
import { step } from './connection.js';
import { parseLabelSelector } from './label-selector.js';
import { chooseNodes, type NodeChoice, type NodeChoiceInput } from './node-choice.js';
import { readRequestedCpu } from './node-load.js';
import { zoneWarning } from './node-roles.js';
import { buildNamespace, HOSTNAME_LABEL, type PinnedNode } from './pod-spec.js';
import { switchProfile } from './profile-switch.js';
import { describeCpuNeed, type KubeProfile, nodeCpuNeedMillis, planProfiles } from './profiles.js';
import { checkGivenNamespace } from './reference-admission.js';
import { apiOf, type KubeRun } from './run-state.js';
import { parseTolerations } from './tolerations.js';

/**
 * What the node choice works from, for these settings and CPU profiles: the run asks it for all its
 * profiles, `doctor` for each one.
 */
export function nodeChoiceInput(
  settings: KubernetesSettings,
  nodes: readonly V1Node[],
  requestedMillis: ReadonlyMap<string, number> | undefined,
  profiles: readonly KubeProfile[],
  reference: boolean,
): NodeChoiceInput {
  return {
    nodes,
    clientNode: settings.clientNode,
    serverNode: settings.serverNode,
    selectorText: settings.nodeSelector,
    selector: parseLabelSelector(settings.nodeSelector ?? ''),
    tolerations: parseTolerations(settings.tolerations),
    needMillis: nodeCpuNeedMillis(profiles, reference),
    needText: describeCpuNeed(profiles, reference),
    requestedMillis,
    allowControlPlane: settings.allowControlPlane,
  };
}

async function pickNodes(run: KubeRun): Promise<NodeChoice> {
  const api = apiOf(run);
  const nodes = await step(api, 'listing nodes', () => api.listNodes());
  const requestedMillis = await readRequestedCpu(api, run.log);
  return chooseNodes(nodeChoiceInput(run.settings, nodes, requestedMillis, run.profiles, run.reference.on));
}

function logChoice(run: KubeRun, choice: NodeChoice): void {
  run.log(`kubernetes: ${choice.why}`);
  for (const line of choice.excluded) run.log(`kubernetes: ${line}`);
  const zones = zoneWarning(choice.client, choice.server);
  if (zones !== undefined) run.log(`kubernetes: ${zones}`);
}

/** A chosen node as pods are pinned to it: its name and its hostname label. */
export function pinned(node: V1Node): PinnedNode {
  return { name: node.metadata?.name ?? '', hostname: node.metadata?.labels?.[HOSTNAME_LABEL] };
}

/** Creates the run's own namespace (nothing when one was given), recorded before the create is sent. */
export async function createNamespace(run: KubeRun): Promise<void> {
  const api = apiOf(run);
  const { settings, runId, created } = run;
  if (settings.namespace !== undefined) return;
  created.namespaceCreated = true; // recorded first: a lost answer still leaves it to delete
  const body = buildNamespace(runId, created.namespace, run.reference.on);
  await step(api, `creating namespace ${created.namespace}`, () => api.createNamespace(body, runId));
}

/**
 * Plans profiles, parses tolerations and the selector (usage errors before anything is created),
 * connects, reads a given namespace's Pod Security level (the reference is off when it forbids host
 * network), chooses the nodes (by the CPU left free by what pods on them request, see node-choice.ts),
 * then creates the namespace and the first scenario's pods and waits until they are Ready (so that an
 * image or scheduling problem shows before anything is measured); the other profiles' pods come when
 * their scenarios do (`useProfile`). On any failure it cleans up before rethrowing.
 */
export async function prepareRun(run: KubeRun, scenarios: readonly Scenario[]): Promise<void> {
  if (run.nodes !== undefined) throw new Error('a Kubernetes target can be prepared once');
  if (run.closed) throw new InfraError('the Kubernetes target was cleaned up before it was prepared');
  run.profiles = planProfiles(scenarios);
  run.tolerations = parseTolerations(run.settings.tolerations);
  parseLabelSelector(run.settings.nodeSelector ?? ''); // a usage error before anything is sent
  const api = apiOf(run);
  run.serverVersion = await step(api, 'asking for its version', () => api.serverVersion());
  await checkGivenNamespace(run); // before the CPU check: a reference that is off needs no CPU
  const choice = await pickNodes(run);
  run.nodes = { client: choice.client, server: choice.server };
  run.pinned = { client: pinned(choice.client), server: pinned(choice.server) };
  logChoice(run, choice);
  try {
    await createNamespace(run);
    const [first] = run.profiles;
    if (first !== undefined) await switchProfile(run, first);
  } catch (error) {
    await cleanupRun(run);
    throw error;
  }
}

/** Deletes what the run created and waits (bounded) until it is gone. Idempotent; logs, never throws. */
export function cleanupRun(run: KubeRun): Promise<void> {
  run.closed = true;
  run.active = undefined;
  run.cleaning = run.cleaning.then(async () => {
    const { created } = run;
    if (run.api === undefined || (!created.namespaceCreated && created.pods.length === 0)) return;
    const deleted = await deleteCreatedResources(run.api, created, run.log, run.cleanupWaitMs);
    if (!deleted) return; // kept, so that a later cleanup (or the post step) tries again
    created.namespaceCreated = false;
    created.pods = [];
  });
  return run.cleaning;
}
