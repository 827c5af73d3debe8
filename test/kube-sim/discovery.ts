import { openApiDocument } from './openapi.js';
import { API_GROUPS } from './routes.js';

/**
 * Discovery documents: `/version`, `/api` (APIVersions), `/api/v1` (APIResourceList), `/apis`
 * (APIGroupList: rbac.authorization.k8s.io and authorization.k8s.io), `/apis/{group}[/v1]`. kubectl offers aggregated discovery in its Accept header but takes these
 * unaggregated documents when the response says plain `application/json`.
 */

/** What `/version` reports. */
export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-sim',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2024-12-11T00:00:00Z',
  goVersion: 'go1.23.4',
  compiler: 'gc',
  platform: `linux/${process.arch === 'x64' ? 'amd64' : process.arch}`,
};

const READ = ['get', 'list', 'watch'];
/** What an object kind stored as it came supports (RBAC kinds, service accounts). */
const ALL_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

/** The resources served under /api/v1, with the verbs the simulator implements. */
export const V1_RESOURCES = [
  {
    name: 'namespaces',
    singularName: 'namespace',
    namespaced: false,
    kind: 'Namespace',
    verbs: ['create', 'delete', 'patch', ...READ],
    shortNames: ['ns'],
  },
  { name: 'namespaces/status', singularName: '', namespaced: false, kind: 'Namespace', verbs: ['get'] },
  {
    name: 'nodes',
    singularName: 'node',
    namespaced: false,
    kind: 'Node',
    verbs: ['patch', ...READ],
    shortNames: ['no'],
  },
  { name: 'nodes/status', singularName: '', namespaced: false, kind: 'Node', verbs: ['get'] },
  {
    name: 'pods',
    singularName: 'pod',
    namespaced: true,
    kind: 'Pod',
    verbs: ['create', 'delete', 'patch', ...READ],
    shortNames: ['po'],
    categories: ['all'],
  },
  { name: 'pods/exec', singularName: '', namespaced: true, kind: 'PodExecOptions', verbs: ['create', 'get'] },
  { name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] },
  { name: 'pods/status', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] },
  { name: 'events', singularName: 'event', namespaced: true, kind: 'Event', verbs: READ, shortNames: ['ev'] },
  {
    name: 'serviceaccounts',
    singularName: 'serviceaccount',
    namespaced: true,
    kind: 'ServiceAccount',
    verbs: ALL_VERBS,
    shortNames: ['sa'],
  },
];

function rbacResource(name: string, kind: string, namespaced: boolean) {
  return { name, singularName: kind.toLowerCase(), namespaced, kind, verbs: ALL_VERBS };
}

/** The resources of each served group (all at v1). */
export const GROUP_RESOURCES: Record<string, unknown[]> = {
  'rbac.authorization.k8s.io': [
    rbacResource('clusterrolebindings', 'ClusterRoleBinding', false),
    rbacResource('clusterroles', 'ClusterRole', false),
    rbacResource('rolebindings', 'RoleBinding', true),
    rbacResource('roles', 'Role', true),
  ],
  'authorization.k8s.io': [
    {
      name: 'selfsubjectaccessreviews',
      singularName: 'selfsubjectaccessreview',
      namespaced: false,
      kind: 'SelfSubjectAccessReview',
      verbs: ['create'],
    },
    {
      name: 'selfsubjectrulesreviews',
      singularName: 'selfsubjectrulesreview',
      namespaced: false,
      kind: 'SelfSubjectRulesReview',
      verbs: ['create'],
    },
  ],
};

function apiGroup(name: string) {
  const version = { groupVersion: `${name}/v1`, version: 'v1' };
  return { name, versions: [version], preferredVersion: version };
}

/** `/apis/{group}` and `/apis/{group}/v1` of the served groups. */
function groupDocument(path: string): unknown {
  const [, group, version, ...rest] = path
    .replace(/^\/apis\//, '/')
    .replace(/\/$/, '')
    .split('/');
  if (!group || !API_GROUPS.includes(group) || rest.length > 0) return undefined;
  if (version === undefined) return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group) };
  if (version !== 'v1') return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: `${group}/v1`,
    resources: GROUP_RESOURCES[group],
  };
}

/** The document for a discovery path, or undefined when the path is not a discovery path. */
export function discoveryDocument(path: string, serverAddress: string): unknown {
  switch (path) {
    case '/version':
    case '/version/':
      return SERVER_VERSION;
    case '/api':
    case '/api/':
      return {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
      };
    case '/api/v1':
    case '/api/v1/':
      return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'v1', resources: V1_RESOURCES };
    case '/apis':
    case '/apis/':
      return { kind: 'APIGroupList', apiVersion: 'v1', groups: API_GROUPS.map(apiGroup) };
    default:
      if (path.startsWith('/openapi/')) return openApiDocument(path);
      return path.startsWith('/apis/') ? groupDocument(path) : undefined;
  }
}

/** Health endpoints answer `ok` as text. */
export function isHealthPath(path: string): boolean {
  return ['/healthz', '/livez', '/readyz'].includes(path);
}
