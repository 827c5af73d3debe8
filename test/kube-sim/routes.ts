/** From method and path to what the API server would call it: resource, namespace, name, subresource, verb. */

/** A request path under `/api/v1` or `/apis/{group}/{version}`, taken apart. */
export interface ApiRoute {
  /** The API group (`rbac.authorization.k8s.io`); absent for the core group (`/api/v1`). */
  group?: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** The groups served under `/apis`, each at version v1. */
export const API_GROUPS = ['rbac.authorization.k8s.io', 'authorization.k8s.io'];

/** The group and the rest of the path after `/api/v1/` or `/apis/{served group}/v1/`. */
function splitPrefix(pathname: string): { group?: string; rest: string } | undefined {
  if (pathname.startsWith('/api/v1/')) return { rest: pathname.slice('/api/v1/'.length) };
  const grouped = /^\/apis\/([^/]+)\/v1\/(.*)$/.exec(pathname);
  if (!grouped?.[1] || !API_GROUPS.includes(grouped[1])) return undefined;
  return { group: grouped[1], rest: grouped[2] ?? '' };
}

/**
 * Parses `{prefix}/{resource}[/{name}[/{sub}]]` and `{prefix}/namespaces/{ns}/{resource}[/{name}[/{sub}]]`
 * where the prefix is `/api/v1` or `/apis/{group}/v1` of a served group; undefined for other paths.
 */
export function parseApiPath(pathname: string): ApiRoute | undefined {
  const prefix = splitPrefix(pathname);
  if (!prefix) return undefined;
  const route = parseRest(prefix.rest);
  return route && prefix.group ? { group: prefix.group, ...route } : route;
}

function parseRest(tail: string): ApiRoute | undefined {
  const parts = tail.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return undefined;
  if (parts[0] === 'namespaces' && parts.length >= 3) {
    const [, namespace, resource = '', name, subresource, ...rest] = parts;
    if (rest.length > 0) return undefined;
    return strip({ resource, namespace, name, subresource });
  }
  const [resource = '', name, subresource, ...rest] = parts;
  if (rest.length > 0) return undefined;
  return strip({ resource, name, subresource });
}

function strip(route: ApiRoute): ApiRoute {
  const result: ApiRoute = { resource: route.resource };
  if (route.namespace !== undefined) result.namespace = route.namespace;
  if (route.name !== undefined) result.name = route.name;
  if (route.subresource !== undefined) result.subresource = route.subresource;
  return result;
}

/** The Kubernetes verb of a request (what RBAC and audit call it). */
export function verbOf(method: string, route: ApiRoute | undefined, watch: boolean): string {
  if (route?.subresource === 'exec') return 'create';
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (watch) return 'watch';
      return route?.name === undefined ? 'list' : 'get';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return route?.name === undefined ? 'deletecollection' : 'delete';
    default:
      return method.toLowerCase();
  }
}

/** `pods/exec` style name of the resource a route addresses. */
export function resourceLabel(route: ApiRoute): string {
  return route.subresource ? `${route.resource}/${route.subresource}` : route.resource;
}
