/**
 * PATCH of pods, namespaces and nodes, with what the API server lets a PATCH of the main resource
 * change: metadata always; a pod's spec only in its container images (other changes are the 422 the
 * API server sends); a node's spec (labels, taints, unschedulable); never a status (that is the status
 * subresource's, which the kubelet owns here). Server-side apply creates a missing namespace.
 */
import { type Cluster, namespaceObject } from './cluster.js';
import { type ApiCall, sendJson } from './http.js';
import { keepIdentity, readPatch } from './object-writes.js';
import { applyPatch } from './patch.js';
import { invalid, methodNotSupported, notFound } from './status.js';
import type { KubeObject, PodSpec } from './types.js';

/** The fields of a pod spec an update may change, in the API server's words. */
const POD_UPDATE_RULE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function withoutImages(spec: unknown): string {
  const copy = structuredClone((spec ?? {}) as PodSpec);
  for (const container of copy.containers ?? []) container.image = '';
  return JSON.stringify(copy);
}

/** A pod's spec may change only in its images: 422 Forbidden otherwise. */
function checkPodUpdate(current: KubeObject, next: KubeObject): void {
  if (withoutImages(current.spec) === withoutImages(next.spec)) return;
  throw invalid('Pod', current.metadata.name, [
    { reason: 'FieldValueForbidden', message: `Forbidden: ${POD_UPDATE_RULE}`, field: 'spec' },
  ]);
}

/** Server-side apply of a namespace that does not exist yet creates it (`kubectl apply --server-side`). */
function applyNewNamespace(cluster: Cluster, name: string, patch: unknown): KubeObject {
  const body = (patch && typeof patch === 'object' ? patch : {}) as { metadata?: Record<string, unknown> };
  const { name: _name, labels, ...extra } = body.metadata ?? {};
  return cluster.store.create(
    'namespaces',
    namespaceObject(name, (labels ?? {}) as Record<string, string>, extra),
  );
}

type PatchedResource = 'pods' | 'namespaces' | 'nodes';

/** Whether this request is a PATCH this file serves. */
export function isCorePatch(call: ApiCall): boolean {
  return (
    call.verb === 'patch' &&
    call.req.url?.startsWith('/api/v1/') === true &&
    ['pods', 'namespaces', 'nodes'].includes(call.resource)
  );
}

/** `PATCH /api/v1/[namespaces/{ns}/]{pods|namespaces|nodes}/{name}`. */
export async function handleCorePatch(cluster: Cluster, call: ApiCall): Promise<void> {
  const resource = call.resource as PatchedResource;
  if (call.subresource || !call.name) throw methodNotSupported(resource, 'patch');
  const { type, patch } = await readPatch(call.req);
  const namespace = resource === 'pods' ? call.namespace : undefined;
  const current = cluster.store.get(resource, namespace, call.name);
  if (!current && type === 'apply' && resource === 'namespaces')
    return sendJson(call, 201, applyNewNamespace(cluster, call.name, patch));
  if (!current) throw notFound(resource, call.name);
  const next = keepIdentity(current, applyPatch(current, type, patch), resource);
  if (resource === 'pods') checkPodUpdate(current, next);
  if (resource === 'namespaces') next.spec = current.spec;
  const stored = cluster.store.modify(resource, namespace, call.name, (object) => {
    const status = object.status;
    for (const key of Object.keys(object)) delete object[key];
    Object.assign(object, next, status === undefined ? {} : { status });
  });
  if (resource === 'nodes') cluster.requestPass();
  sendJson(call, 200, stored);
}
