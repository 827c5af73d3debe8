/**
 * ServiceAccounts and the RBAC kinds over HTTP: create, get, list, watch, update (PUT), patch (with
 * server-side apply creating a missing object) and delete, validated as the RBAC manifests are; every
 * write re-derives the RBAC policy of the simulator from the stored objects.
 */
import type { Cluster } from './cluster.js';
import { type ApiCall, readObjectBody, sendJson } from './http.js';
import { listOrWatch, sendObject } from './list-watch.js';
import { incomingMeta, nameProblem } from './meta.js';
import { completeMeta, keepIdentity, readPatch } from './object-writes.js';
import { applyPatch } from './patch.js';
import { policyFromDocuments } from './rbac-manifests.js';
import { alreadyExists, badRequest, forbidden, invalid, methodNotSupported, notFound } from './status.js';
import type { StoredKind } from './stored-kinds.js';
import type { KubeObject } from './types.js';

/** What a write needs besides the cluster: re-deriving the policy after it. */
export interface ObjectsContext {
  cluster: Cluster;
  afterWrite: () => void;
}

/** 422 Invalid when the object is not a valid Role, binding or ServiceAccount (as the manifests are read). */
function validate(kind: StoredKind, object: KubeObject): void {
  const bad =
    kind.resource === 'serviceaccounts' ? nameProblem(object.metadata.name, 'subdomain') : undefined;
  if (bad) throw invalid(kind.kind, object.metadata.name, [bad]);
  try {
    policyFromDocuments([object], () => '@');
  } catch (error) {
    const message = (error as Error).message.replace(/^@: /, '');
    const field = message.split(': ')[0] ?? '';
    throw invalid(kind.kind, object.metadata.name, [
      { reason: 'FieldValueInvalid', message: message.slice(field.length + 2) || message, field },
    ]);
  }
}

function namespaceOf(kind: StoredKind, call: ApiCall): string | undefined {
  if (!kind.namespaced) return undefined;
  if (!call.namespace) throw methodNotSupported(kind.resource, call.verb);
  return call.namespace;
}

/** The namespace of a new namespaced object must exist and not be terminating. */
function checkNamespace(
  cluster: Cluster,
  kind: StoredKind,
  namespace: string | undefined,
  name: string,
): void {
  if (namespace === undefined) return;
  const found = cluster.store.get('namespaces', undefined, namespace);
  if (!found) throw notFound('namespaces', namespace);
  if (found.metadata.deletionTimestamp)
    throw forbidden(
      kind.resource,
      name,
      `unable to create new content in namespace ${namespace} because it is being terminated`,
    );
}

function createObject(
  context: ObjectsContext,
  kind: StoredKind,
  call: ApiCall,
  body: Record<string, unknown>,
) {
  if (body.kind !== undefined && body.kind !== kind.kind)
    throw badRequest(`the kind ${String(body.kind)} does not match the expected ${kind.kind}`);
  const namespace = namespaceOf(kind, call);
  const { meta, name } = incomingMeta(body);
  if (meta.namespace !== undefined && meta.namespace !== namespace)
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  if (!name)
    throw invalid(kind.kind, '', [
      {
        reason: 'FieldValueRequired',
        message: 'Required value: name or generateName is required',
        field: 'metadata.name',
      },
    ]);
  const object = {
    ...body,
    apiVersion: kind.apiVersion,
    kind: kind.kind,
    metadata: completeMeta(meta, name, namespace),
  };
  validate(kind, object);
  checkNamespace(context.cluster, kind, namespace, name);
  if (context.cluster.store.get(kind.resource, namespace, name)) throw alreadyExists(kind.resource, name);
  const created = context.cluster.store.create(kind.resource, object);
  context.afterWrite();
  return created;
}

function replaceObject(
  context: ObjectsContext,
  kind: StoredKind,
  current: KubeObject,
  next: unknown,
): KubeObject {
  const object = keepIdentity(current, next, kind.resource);
  validate(kind, object);
  const stored = context.cluster.store.modify(
    kind.resource,
    current.metadata.namespace,
    current.metadata.name,
    (o) => {
      for (const key of Object.keys(o)) delete o[key];
      Object.assign(o, object);
    },
  );
  context.afterWrite();
  return stored ?? object;
}

async function patchObject(context: ObjectsContext, kind: StoredKind, call: ApiCall): Promise<void> {
  const { type, patch } = await readPatch(call.req);
  const namespace = namespaceOf(kind, call);
  const current = context.cluster.store.get(kind.resource, namespace, call.name ?? '');
  if (!current && type === 'apply' && patch && typeof patch === 'object') {
    const body = { ...(patch as Record<string, unknown>) };
    body.metadata = { ...((body.metadata ?? {}) as object), name: call.name };
    return sendJson(call, 201, createObject(context, kind, call, body));
  }
  if (!current) throw notFound(kind.resource, call.name ?? '');
  sendJson(call, 200, replaceObject(context, kind, current, applyPatch(current, type, patch)));
}

async function updateObject(context: ObjectsContext, kind: StoredKind, call: ApiCall): Promise<void> {
  const body = await readObjectBody(call.req);
  const current = context.cluster.store.get(kind.resource, namespaceOf(kind, call), call.name ?? '');
  if (!current) throw notFound(kind.resource, call.name ?? '');
  sendJson(call, 200, replaceObject(context, kind, current, body));
}

function deleteObject(context: ObjectsContext, kind: StoredKind, call: ApiCall): void {
  const removed = context.cluster.store.remove(kind.resource, namespaceOf(kind, call), call.name ?? '');
  if (!removed) throw notFound(kind.resource, call.name ?? '');
  context.afterWrite();
  sendJson(call, 200, removed);
}

/** `/api/v1/…/serviceaccounts` and `/apis/rbac.authorization.k8s.io/v1/…/{roles,rolebindings,clusterroles,clusterrolebindings}`. */
export async function handleStoredKind(
  context: ObjectsContext,
  kind: StoredKind,
  call: ApiCall,
): Promise<void> {
  if (call.subresource) throw methodNotSupported(`${kind.resource}/${call.subresource}`, call.verb);
  if (!kind.namespaced && call.namespace) throw notFound(kind.resource, call.name ?? '');
  const { store } = context.cluster;
  switch (call.verb) {
    case 'list':
    case 'watch':
      return listOrWatch(call, store, kind.resource);
    case 'get': {
      const found = store.get(kind.resource, namespaceOf(kind, call), call.name ?? '');
      if (!found) throw notFound(kind.resource, call.name ?? '');
      return sendObject(call, kind.resource, found);
    }
    case 'create':
      return sendJson(call, 201, createObject(context, kind, call, await readObjectBody(call.req)));
    case 'update':
      return updateObject(context, kind, call);
    case 'patch':
      return patchObject(context, kind, call);
    case 'delete':
      return deleteObject(context, kind, call);
    default:
      throw methodNotSupported(kind.resource, call.verb);
  }
}
