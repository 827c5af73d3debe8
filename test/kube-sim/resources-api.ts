/** Namespaces (create, get, list, watch, delete), nodes (get, list, watch) and events (get, list, watch). */
import { type Cluster, INITIAL_NAMESPACES, namespaceObject } from './cluster.js';
import { type ApiCall, readObjectBody, sendJson } from './http.js';
import { listOrWatch, sendObject } from './list-watch.js';
import { incomingMeta, nameProblem } from './meta.js';
import { alreadyExists, badRequest, forbidden, invalid, methodNotSupported, notFound } from './status.js';
import type { KubeObject, ResourceName } from './types.js';

function getOrThrow(
  cluster: Cluster,
  resource: ResourceName,
  namespace: string | undefined,
  name: string,
): KubeObject {
  const found = cluster.store.get(resource, namespace, name);
  if (!found) throw notFound(resource, name);
  return found;
}

async function createNamespace(cluster: Cluster, call: ApiCall): Promise<void> {
  const body = await readObjectBody(call.req);
  if (body.kind !== undefined && body.kind !== 'Namespace')
    throw badRequest(`kind ${String(body.kind)} is not a Namespace`);
  const { meta, name } = incomingMeta(body);
  if (!name) {
    throw invalid('Namespace', '', [
      {
        reason: 'FieldValueRequired',
        message: 'Required value: name or generateName is required',
        field: 'metadata.name',
      },
    ]);
  }
  const bad = nameProblem(name, 'label');
  if (bad) throw invalid('Namespace', name, [bad]);
  if (cluster.store.get('namespaces', undefined, name)) throw alreadyExists('namespaces', name);
  const { name: _n, namespace: _ns, labels, ...extra } = meta;
  const created = cluster.store.create(
    'namespaces',
    namespaceObject(name, (labels ?? {}) as Record<string, string>, extra),
  );
  sendJson(call, 201, created);
}

function deleteNamespace(cluster: Cluster, call: ApiCall): void {
  const name = call.name ?? '';
  getOrThrow(cluster, 'namespaces', undefined, name);
  if (INITIAL_NAMESPACES.includes(name))
    throw forbidden('namespaces', name, 'this namespace may not be deleted');
  sendJson(call, 200, cluster.deleteNamespace(name));
}

/** `/api/v1/namespaces[/{name}]`. */
export async function handleNamespaces(cluster: Cluster, call: ApiCall): Promise<void> {
  if (call.subresource === 'status' && call.verb === 'get') {
    return sendJson(call, 200, getOrThrow(cluster, 'namespaces', undefined, call.name ?? ''));
  }
  if (call.subresource) throw methodNotSupported(`namespaces/${call.subresource}`, call.verb);
  switch (call.verb) {
    case 'list':
    case 'watch':
      return listOrWatch(call, cluster.store, 'namespaces');
    case 'create':
      return createNamespace(cluster, call);
    case 'get':
      return sendObject(call, 'namespaces', getOrThrow(cluster, 'namespaces', undefined, call.name ?? ''));
    case 'delete':
      return deleteNamespace(cluster, call);
    default:
      throw methodNotSupported('namespaces', call.verb);
  }
}

/** Read-only resources: `/api/v1/nodes[/{name}[/status]]` and `/api/v1/[namespaces/{ns}/]events[/{name}]`. */
export function handleReadOnly(cluster: Cluster, call: ApiCall, resource: 'nodes' | 'events'): void {
  if (call.subresource && !(resource === 'nodes' && call.subresource === 'status' && call.verb === 'get')) {
    throw methodNotSupported(`${resource}/${call.subresource}`, call.verb);
  }
  switch (call.verb) {
    case 'list':
    case 'watch':
      listOrWatch(call, cluster.store, resource);
      return;
    case 'get':
      sendObject(call, resource, getOrThrow(cluster, resource, call.namespace, call.name ?? ''));
      return;
    default:
      throw methodNotSupported(resource, call.verb);
  }
}
