/**
 * LIST (with limit/continue, label and field selectors) and WATCH (newline-delimited JSON events from a
 * resourceVersion), the way the API server serves them for every resource.
 */
import { type ApiCall, boolParam, intParam, sendJson, startStream } from './http.js';
import { parseFieldSelector, parseLabelSelector, type Selector } from './selectors.js';
import { badRequest, resourceExpired } from './status.js';
import type { ObjectStore, StoreChange } from './store.js';
import { toTable, wantsTable } from './tables.js';
import type { KubeObject, ResourceName } from './types.js';

/** List kinds per resource. */
const LIST_KINDS: Record<ResourceName, string> = {
  nodes: 'NodeList',
  namespaces: 'NamespaceList',
  pods: 'PodList',
  events: 'EventList',
  serviceaccounts: 'ServiceAccountList',
  roles: 'RoleList',
  rolebindings: 'RoleBindingList',
  clusterroles: 'ClusterRoleList',
  clusterrolebindings: 'ClusterRoleBindingList',
};

/** The group/version of a resource's lists (core unless RBAC). */
function listApiVersion(resource: ResourceName): string {
  return resource.includes('role') ? 'rbac.authorization.k8s.io/v1' : 'v1';
}

function selectorOf(call: ApiCall, resource: ResourceName): Selector {
  const labels = parseLabelSelector(call.url.searchParams.get('labelSelector'));
  const fields = parseFieldSelector(call.url.searchParams.get('fieldSelector'), resource);
  return (object) => labels(object) && fields(object);
}

/** Typed lists carry no kind/apiVersion on their items. */
function asListItem(object: KubeObject): Omit<KubeObject, 'kind' | 'apiVersion'> {
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = object;
  return rest;
}

function decodeContinue(token: string): number {
  const offset = Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('continue key is not valid: invalid token');
  return offset;
}

/** Answers a LIST: `{kind: PodList, apiVersion: v1, metadata: {resourceVersion, continue?}, items}`. */
export function listObjects(call: ApiCall, store: ObjectStore, resource: ResourceName): void {
  const matches = selectorOf(call, resource);
  const all = store.list(resource, call.namespace).filter(matches);
  const limit = intParam(call.url, 'limit');
  const continueToken = call.url.searchParams.get('continue');
  const offset = continueToken ? decodeContinue(continueToken) : 0;
  const end = limit && limit > 0 ? offset + limit : all.length;
  const metadata: Record<string, unknown> = { resourceVersion: String(store.currentVersion()) };
  if (end < all.length) {
    metadata.continue = Buffer.from(String(end)).toString('base64url');
    metadata.remainingItemCount = all.length - end;
  }
  const items = all.slice(offset, end);
  const body = wantsTable(call.req)
    ? toTable(resource, items, metadata)
    : {
        kind: LIST_KINDS[resource],
        apiVersion: listApiVersion(resource),
        metadata,
        items: items.map(asListItem),
      };
  sendJson(call, 200, body);
}

/** Answers a GET of one object (as a one-row Table when the client asks for one). */
export function sendObject(call: ApiCall, resource: ResourceName, object: KubeObject): void {
  const metadata = { resourceVersion: object.metadata.resourceVersion };
  sendJson(call, 200, wantsTable(call.req) ? toTable(resource, [object], metadata) : object);
}

/** How a change looks to a watcher with a selector: moving in is ADDED, moving out is DELETED. */
export function changeForWatcher(
  change: StoreChange,
  matches: Selector,
): { type: string; object: KubeObject } | undefined {
  const is = matches(change.object);
  if (change.type !== 'MODIFIED') return is ? { type: change.type, object: change.object } : undefined;
  const was = change.previous ? matches(change.previous) : false;
  if (was && is) return { type: 'MODIFIED', object: change.object };
  if (is) return { type: 'ADDED', object: change.object };
  if (was) return { type: 'DELETED', object: change.object };
  return undefined;
}

/** The changes a watch starts with: the current state as ADDED (no or zero resourceVersion), or the history after it. */
function initialEvents(
  call: ApiCall,
  store: ObjectStore,
  resource: ResourceName,
  matches: Selector,
): StoreChange[] {
  const from = call.url.searchParams.get('resourceVersion');
  if (!from || from === '0' || boolParam(call.url, 'sendInitialEvents')) {
    const version = store.currentVersion();
    return store
      .list(resource, call.namespace)
      .filter(matches)
      .map((object) => ({ type: 'ADDED', resource, resourceVersion: version, object }));
  }
  const since = Number(from);
  if (!Number.isInteger(since)) throw badRequest(`invalid resource version: ${from}`);
  const changes = store.changesSince(since);
  if (changes === 'expired') {
    throw resourceExpired(`too old resource version: ${since} (${store.currentVersion()})`);
  }
  return changes.filter((c) => c.resource === resource);
}

function inScope(call: ApiCall, resource: ResourceName, change: StoreChange): boolean {
  return (
    change.resource === resource && (!call.namespace || change.object.metadata.namespace === call.namespace)
  );
}

/** Answers a WATCH: streams `{"type":…,"object":…}` lines until timeoutSeconds, the client leaves, or the sim closes. */
export function watchObjects(call: ApiCall, store: ObjectStore, resource: ResourceName): void {
  const matches = selectorOf(call, resource);
  boolParam(call.url, 'allowWatchBookmarks'); // read for its syntax: bookmarks are optional for a server
  let initial: StoreChange[];
  try {
    initial = initialEvents(call, store, resource, matches);
  } catch (error) {
    if ((error as { status?: { code?: number } }).status?.code !== 410) throw error;
    // The API server answers an expired watch with 200 and one ERROR event carrying the Status.
    startStream(call, 'application/json');
    call.res.end(`${JSON.stringify({ type: 'ERROR', object: (error as { status: unknown }).status })}\n`);
    return;
  }
  startStream(call, 'application/json');
  const write = (type: string, object: unknown) => call.res.write(`${JSON.stringify({ type, object })}\n`);
  for (const change of initial) {
    const event = changeForWatcher(change, matches);
    if (event) write(event.type, event.object);
  }
  if (boolParam(call.url, 'sendInitialEvents')) {
    write('BOOKMARK', {
      kind: initial[0]?.object.kind ?? '',
      apiVersion: listApiVersion(resource),
      metadata: {
        resourceVersion: String(store.currentVersion()),
        annotations: { 'k8s.io/initial-events-end': 'true' },
      },
    });
  }
  const unsubscribe = store.subscribe((change) => {
    const event = inScope(call, resource, change) ? changeForWatcher(change, matches) : undefined;
    if (event) write(event.type, event.object);
  });
  const timeoutSeconds = intParam(call.url, 'timeoutSeconds');
  const timer = timeoutSeconds ? setTimeout(() => call.res.end(), timeoutSeconds * 1000) : undefined;
  const stop = () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
  call.res.on('close', stop);
  call.res.on('finish', stop);
}

/** LIST or WATCH, depending on `watch=true`. */
export function listOrWatch(call: ApiCall, store: ObjectStore, resource: ResourceName): void {
  if (call.verb === 'watch') watchObjects(call, store, resource);
  else listObjects(call, store, resource);
}
