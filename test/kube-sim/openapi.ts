/**
 * Just enough of `/openapi/v3` for kubectl: its root lists one document per group version, and each
 * document has, per served resource, the PATCH operation with the `fieldValidation` parameter and the
 * `x-kubernetes-group-version-kind` extension. That is what kubectl ≥ 1.27 reads to decide that the
 * server validates fields (it then sends `fieldValidation=Strict` instead of validating with a
 * schema). No schemas are served: kubectl falls back to its compiled-in types for patch metadata.
 */
import { GROUP_RESOURCES, SERVER_VERSION, V1_RESOURCES } from './discovery.js';

interface ResourceEntry {
  name: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
}

/** The hash the root hands out (documents never change while a simulator runs). */
const HASH = 'kube-sim-1';

function groupVersions(): Record<string, ResourceEntry[]> {
  const versions: Record<string, ResourceEntry[]> = { 'api/v1': V1_RESOURCES as ResourceEntry[] };
  for (const [group, resources] of Object.entries(GROUP_RESOURCES))
    versions[`apis/${group}/v1`] = resources as ResourceEntry[];
  return versions;
}

function patchPath(prefix: string, group: string, resource: ResourceEntry) {
  const where = resource.namespaced ? '/namespaces/{namespace}' : '';
  return [
    `/${prefix}${where}/${resource.name}/{name}`,
    {
      patch: {
        operationId: `patch${resource.kind}`,
        parameters: ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
          name,
          in: 'query',
          schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true },
        })),
        responses: { '200': { description: 'OK' } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group, version: 'v1', kind: resource.kind },
      },
    },
  ] as const;
}

function versionDocument(prefix: string, resources: ResourceEntry[]): unknown {
  const group = prefix === 'api/v1' ? '' : (prefix.split('/')[1] ?? '');
  const patchable = resources.filter((r) => !r.name.includes('/') && r.verbs.includes('patch'));
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: SERVER_VERSION.gitVersion },
    paths: Object.fromEntries(patchable.map((resource) => patchPath(prefix, group, resource))),
    components: { schemas: {} },
  };
}

/** The document for an `/openapi/v3[/…]` path, or undefined. */
export function openApiDocument(path: string): unknown {
  const versions = groupVersions();
  if (path === '/openapi/v3' || path === '/openapi/v3/') {
    const paths = Object.keys(versions).map((key) => [
      key,
      { serverRelativeURL: `/openapi/v3/${key}?hash=${HASH}` },
    ]);
    return { paths: Object.fromEntries(paths) };
  }
  const key = path.replace(/^\/openapi\/v3\//, '');
  const resources = versions[key];
  return path.startsWith('/openapi/v3/') && resources ? versionDocument(key, resources) : undefined;
}
