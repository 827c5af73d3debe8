/** `/api/v1/[namespaces/{ns}/]pods[/{name}[/status|/log]]`: create, get, list, watch, delete, logs. */
import type { Cluster } from './cluster.js';
import { type ApiCall, intParam, readJsonBody, readObjectBody, sendJson } from './http.js';
import { listOrWatch, sendObject } from './list-watch.js';
import { streamLogs } from './logs-api.js';
import { mutatePod } from './mutating-webhook.js';
import { admitPod } from './pod-admission.js';
import { enforcePodSecurity } from './pod-security.js';
import { admitServiceAccount } from './service-accounts.js';
import { alreadyExists, badRequest, forbidden, methodNotSupported, notFound } from './status.js';
import type { NamespaceObject, PodObject } from './types.js';

/** Checks the namespace of a namespaced request exists and accepts new objects; returns it. */
export function requireNamespace(
  cluster: Cluster,
  namespace: string,
  forCreate: { resource: string; name: string } | undefined,
): NamespaceObject {
  const ns = cluster.store.get<NamespaceObject>('namespaces', undefined, namespace);
  if (!ns) throw notFound('namespaces', namespace);
  if (forCreate && ns.status.phase === 'Terminating') {
    throw forbidden(
      forCreate.resource,
      forCreate.name,
      `unable to create new content in namespace ${namespace} because it is being terminated`,
      [
        {
          reason: 'NamespaceTerminating',
          message: `namespace ${namespace} is being terminated`,
          field: 'metadata.namespace',
        },
      ],
    );
  }
  return ns;
}

function getPod(cluster: Cluster, call: ApiCall): PodObject {
  const pod = cluster.store.get<PodObject>('pods', call.namespace, call.name ?? '');
  if (!pod) throw notFound('pods', call.name ?? '');
  return pod;
}

async function createPod(cluster: Cluster, call: ApiCall): Promise<void> {
  if (!call.namespace) throw methodNotSupported('pods', 'create');
  const body = await readObjectBody(call.req);
  const pod = admitPod(body, call.namespace);
  const namespace = requireNamespace(cluster, call.namespace, { resource: 'pods', name: pod.metadata.name });
  // Mutating admission (ServiceAccount, webhooks) runs before validating admission (PodSecurity).
  admitServiceAccount(pod, namespace, cluster.faults, cluster.store);
  mutatePod(pod, cluster.faults);
  enforcePodSecurity(pod, namespace);
  if (cluster.store.get('pods', call.namespace, pod.metadata.name))
    throw alreadyExists('pods', pod.metadata.name);
  if (call.url.searchParams.has('dryRun')) {
    sendJson(call, 201, pod);
    return;
  }
  const stored = cluster.store.create('pods', pod);
  cluster.podCreated(stored);
  sendJson(call, 201, stored);
}

/** The grace period of a delete: query, then DeleteOptions body, then the pod's own (30 s by default). */
async function gracePeriodOf(call: ApiCall, pod: PodObject): Promise<number> {
  const fromQuery = intParam(call.url, 'gracePeriodSeconds');
  const body = (await readJsonBody(call.req)) as { gracePeriodSeconds?: unknown } | undefined;
  const fromBody = typeof body?.gracePeriodSeconds === 'number' ? body.gracePeriodSeconds : undefined;
  const grace = fromQuery ?? fromBody ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  if (grace < 0) throw badRequest('gracePeriodSeconds must be >= 0');
  return grace;
}

async function deletePod(cluster: Cluster, call: ApiCall): Promise<void> {
  const pod = getPod(cluster, call);
  const grace = await gracePeriodOf(call, pod);
  sendJson(call, 200, cluster.deletePod(pod, grace));
}

/** Serves every pods request except exec (which arrives as an upgrade). */
export async function handlePods(cluster: Cluster, call: ApiCall): Promise<void> {
  if (call.subresource === 'log' && call.verb === 'get')
    return streamLogs(cluster, call, getPod(cluster, call));
  if (call.subresource === 'status' && call.verb === 'get') return sendJson(call, 200, getPod(cluster, call));
  if (call.subresource === 'exec') throw badRequest('Upgrade request required');
  if (call.subresource) throw methodNotSupported(`pods/${call.subresource}`, call.verb);
  switch (call.verb) {
    case 'list':
    case 'watch':
      return listOrWatch(call, cluster.store, 'pods');
    case 'create':
      return createPod(cluster, call);
    case 'get':
      return sendObject(call, 'pods', getPod(cluster, call));
    case 'delete':
      return deletePod(cluster, call);
    default:
      throw methodNotSupported('pods', call.verb);
  }
}
