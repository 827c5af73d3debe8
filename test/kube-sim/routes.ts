/** From method and path to what the API server would call it: resource, namespace, name, subresource, verb. */

/** A request path under `/api/v1`, taken apart. */
export interface ApiRoute {
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/**
 * Parses `/api/v1/{resource}[/{name}[/{sub}]]` and `/api/v1/namespaces/{ns}/{resource}[/{name}[/{sub}]]`;
 * undefined for other paths.
 */
export function parseApiPath(pathname: string): ApiRoute | undefined {
  if (!pathname.startsWith('/api/v1/')) return undefined;
  const parts = pathname.slice('/api/v1/'.length).split('/').filter(Boolean).map(decodeURIComponent);
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
