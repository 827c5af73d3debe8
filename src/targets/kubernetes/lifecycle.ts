/** Prepare and cleanup of one Kubernetes run: nodes chosen, namespace and first pods created and Ready, all removed. */
import type { V1Node, V1Toleration } from '@kubernetes/client-node';
import type { Scenario } from '../../suite/model.js';
import { InfraError } from '../../util/errors.js';
import { deleteCreatedResources } from './cleanup.js';
import { step } from './connection.js';
import { type LabelRequirement, parseLabelSelector } from './label-selector.js';
import { chooseNodes, type NodeChoice } from './node-choice.js';
import { readRequestedCpu } from './node-load.js';
import { zoneWarning } from './node-roles.js';
import { buildNamespace, HOSTNAME_LABEL, type PinnedNode } from './pod-spec.js';
import { switchProfile } from './profile-switch.js';
import { describeCpuNeed, nodeCpuNeedMillis, planProfiles } from './profiles.js';
import { checkGivenNamespace } from './reference-admission.js';
import { apiOf, type KubeRun } from './run-state.js';
import { parseTolerations } from './tolerations.js';

async function pickNodes(
  run: KubeRun,
  tolerations: V1Toleration[],
  selector: LabelRequirement[],
): Promise<NodeChoice> {
  const { settings } = run;
  const api = apiOf(run);
  const nodes = await step(api, 'listing nodes', () => api.listNodes());
  const requestedMillis = await readRequestedCpu(api, run.log);
  const reference = run.reference.on;
  return chooseNodes({
    nodes,
    clientNode: settings.clientNode,
    serverNode: settings.serverNode,
    selectorText: settings.nodeSelector,
    selector,
    tolerations,
    needMillis: nodeCpuNeedMillis(run.profiles, reference),
    needText: describeCpuNeed(run.profiles, reference),
    requestedMillis,
    allowControlPlane: settings.allowControlPlane,
  });
}

function logChoice(run: KubeRun, choice: NodeChoice): void {
  run.log(`kubernetes: ${choice.why}`);
  for (const line of choice.excluded) run.log(`kubernetes: ${line}`);
  const zones = zoneWarning(choice.client, choice.server);
  if (zones !== undefined) run.log(`kubernetes: ${zones}`);
}

function pinned(node: V1Node): PinnedNode {
  return { name: node.metadata?.name ?? '', hostname: node.metadata?.labels?.[HOSTNAME_LABEL] };
}

async function createNamespace(run: KubeRun): Promise<void> {
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
  const selector = parseLabelSelector(run.settings.nodeSelector ?? '');
  const api = apiOf(run);
  run.serverVersion = await step(api, 'asking for its version', () => api.serverVersion());
  await checkGivenNamespace(run); // before the CPU check: a reference that is off needs no CPU
  const choice = await pickNodes(run, run.tolerations, selector);
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
