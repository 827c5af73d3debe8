/**
 * Discovery documents: `/version`, `/api` (APIVersions), `/api/v1` (APIResourceList), `/apis`
 * (APIGroupList, empty). kubectl offers aggregated discovery in its Accept header but takes these
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

/** The resources served under /api/v1, with the verbs the simulator implements. */
export const V1_RESOURCES = [
  {
    name: 'namespaces',
    singularName: 'namespace',
    namespaced: false,
    kind: 'Namespace',
    verbs: ['create', 'delete', ...READ],
    shortNames: ['ns'],
  },
  { name: 'namespaces/status', singularName: '', namespaced: false, kind: 'Namespace', verbs: ['get'] },
  { name: 'nodes', singularName: 'node', namespaced: false, kind: 'Node', verbs: READ, shortNames: ['no'] },
  { name: 'nodes/status', singularName: '', namespaced: false, kind: 'Node', verbs: ['get'] },
  {
    name: 'pods',
    singularName: 'pod',
    namespaced: true,
    kind: 'Pod',
    verbs: ['create', 'delete', ...READ],
    shortNames: ['po'],
    categories: ['all'],
  },
  { name: 'pods/exec', singularName: '', namespaced: true, kind: 'PodExecOptions', verbs: ['create', 'get'] },
  { name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] },
  { name: 'pods/status', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] },
  { name: 'events', singularName: 'event', namespaced: true, kind: 'Event', verbs: READ, shortNames: ['ev'] },
];

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
      return { kind: 'APIGroupList', apiVersion: 'v1', groups: [] };
    default:
      return undefined;
  }
}

/** Health endpoints answer `ok` as text. */
export function isHealthPath(path: string): boolean {
  return ['/healthz', '/livez', '/readyz'].includes(path);
}
