/**
 * The pure parts of kube-sim's API strictness: PATCH bodies (JSON patch, merge patch, strategic merge
 * patch), boolean query flags as Go's strconv.ParseBool reads them, group routes, the access reviews'
 * rules and the OpenAPI v3 documents kubectl reads before `apply`.
 */
import { boolParam } from './kube-sim/http.js';
import { openApiDocument } from './kube-sim/openapi.js';
import { applyPatch, jsonPatch, mergePatch, patchTypeOf, strategicMergePatch } from './kube-sim/patch.js';
import { authorize, rulesFor, serviceAccountUser } from './kube-sim/rbac.js';
import { parseRbacManifests } from './kube-sim/rbac-manifests.js';
import { parseApiPath } from './kube-sim/routes.js';
import { ApiError } from './kube-sim/status.js';

function statusOf(run: () => unknown): { code: number; reason: string; message: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const { code, reason, message } = error.status;
    return { code, reason, message };
  }
}

describe('boolean query flags are read as Go strconv.ParseBool reads them', () => {
  test.each(['1', 't', 'T', 'TRUE', 'true', 'True'])('%s is true', (value) => {
    expect(boolParam(new URL(`http://x/?follow=${value}`), 'follow')).toBe(true);
  });
  test.each(['0', 'f', 'F', 'FALSE', 'false', 'False', ''])('"%s" is false', (value) => {
    expect(boolParam(new URL(`http://x/?follow=${value}`), 'follow')).toBe(false);
  });
  test('a missing flag is false', () => {
    expect(boolParam(new URL('http://x/'), 'follow')).toBe(false);
  });
  test.each(['yes', 'tRuE', 'on', '2'])('%s is a 400 BadRequest naming the flag', (value) => {
    expect(statusOf(() => boolParam(new URL(`http://x/?watch=${value}`), 'watch'))).toEqual({
      code: 400,
      reason: 'BadRequest',
      message: `invalid value for watch: strconv.ParseBool: parsing "${value}": invalid syntax`,
    });
  });
});

describe('patches', () => {
  const pod = {
    metadata: { name: 'p', labels: { a: '1', b: '2' } },
    spec: { containers: [{ name: 'main', image: 'x', env: [{ name: 'E', value: '1' }] }] },
  };

  test('a merge patch merges objects, null removes a key, lists are replaced', () => {
    expect(mergePatch(pod, { metadata: { labels: { a: null, c: '3' } } })).toEqual({
      ...pod,
      metadata: { name: 'p', labels: { b: '2', c: '3' } },
    });
    expect(mergePatch({ l: [1, 2] }, { l: [3] })).toEqual({ l: [3] });
  });

  test('a strategic merge patch merges lists of named objects by name and drops $-directives', () => {
    const patched = strategicMergePatch(pod, {
      $setElementOrder: [],
      spec: { containers: [{ name: 'main', image: 'y' }] },
    });
    expect(patched).toEqual({
      ...pod,
      spec: { containers: [{ name: 'main', image: 'y', env: [{ name: 'E', value: '1' }] }] },
    });
  });

  test('a strategic merge patch removes a named element with $patch: delete', () => {
    const two = { spec: { containers: [{ name: 'a' }, { name: 'b' }] } };
    expect(strategicMergePatch(two, { spec: { containers: [{ name: 'a', $patch: 'delete' }] } })).toEqual({
      spec: { containers: [{ name: 'b' }] },
    });
  });

  test('a JSON patch adds, replaces, removes, moves, copies and tests, with ~1 for a slash in a key', () => {
    const result = jsonPatch(pod, [
      { op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'n' },
      { op: 'replace', path: '/spec/containers/0/image', value: 'z' },
      { op: 'remove', path: '/metadata/labels/b' },
      { op: 'copy', from: '/metadata/labels/a', path: '/metadata/labels/d' },
      { op: 'move', from: '/metadata/labels/d', path: '/metadata/labels/e' },
      { op: 'add', path: '/spec/containers/0/env/-', value: { name: 'F' } },
      { op: 'test', path: '/metadata/name', value: 'p' },
    ]);
    expect(result).toEqual({
      metadata: { name: 'p', labels: { a: '1', 'app.kubernetes.io/name': 'n', e: '1' } },
      spec: { containers: [{ name: 'main', image: 'z', env: [{ name: 'E', value: '1' }, { name: 'F' }] }] },
    });
  });

  test('a JSON patch on a missing path, or a failed test, is 422; the original is untouched', () => {
    expect(statusOf(() => jsonPatch(pod, [{ op: 'replace', path: '/spec/nope/x', value: 1 }]))?.code).toBe(
      422,
    );
    expect(statusOf(() => jsonPatch(pod, [{ op: 'test', path: '/metadata/name', value: 'q' }]))?.code).toBe(
      422,
    );
    expect(pod.metadata.labels).toEqual({ a: '1', b: '2' });
  });

  test.each([
    ['application/json-patch+json', 'json'],
    ['application/merge-patch+json', 'merge'],
    ['application/strategic-merge-patch+json; charset=utf-8', 'strategic'],
    ['application/apply-patch+yaml', 'apply'],
  ])('%s is a %s patch', (contentType, type) => {
    expect(patchTypeOf(contentType)).toBe(type);
  });

  test('another content type is 415 UnsupportedMediaType listing the accepted ones', () => {
    const status = statusOf(() => patchTypeOf('application/json'));
    expect(status).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' });
    expect(status?.message).toContain('application/json-patch+json, application/merge-patch+json');
  });

  test('an apply patch is read as a merge of the whole object', () => {
    expect(applyPatch({ a: 1, b: { c: 2 } }, 'apply', { b: { d: 3 } })).toEqual({ a: 1, b: { c: 2, d: 3 } });
  });
});

describe('group routes', () => {
  test.each([
    [
      '/apis/rbac.authorization.k8s.io/v1/namespaces/x/roles/r',
      { group: 'rbac.authorization.k8s.io', resource: 'roles', namespace: 'x', name: 'r' },
    ],
    [
      '/apis/rbac.authorization.k8s.io/v1/clusterroles',
      { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
    ],
    [
      '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      { group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' },
    ],
    [
      '/api/v1/namespaces/x/serviceaccounts/default',
      { resource: 'serviceaccounts', namespace: 'x', name: 'default' },
    ],
  ])('%s', (path, route) => {
    expect(parseApiPath(path)).toEqual(route);
  });

  test('a group the simulator does not serve is no route', () => {
    expect(parseApiPath('/apis/apps/v1/namespaces/x/deployments')).toBeUndefined();
  });
});

describe('what RBAC answers a review with', () => {
  const policy = parseRbacManifests(`
kind: Role
apiVersion: rbac.authorization.k8s.io/v1
metadata: { name: runner, namespace: ci }
rules: [{ apiGroups: [""], resources: [pods], verbs: [create, get] }]
---
kind: RoleBinding
apiVersion: rbac.authorization.k8s.io/v1
metadata: { name: runner, namespace: ci }
roleRef: { kind: Role, name: runner, apiGroup: rbac.authorization.k8s.io }
subjects: [{ kind: ServiceAccount, name: gate }]
`);
  const gate = serviceAccountUser('ci', 'gate');

  test('an allowed request names the binding, role and subject that allowed it, as the RBAC authorizer does', () => {
    expect(
      authorize(policy, { user: gate, verb: 'create', apiGroup: '', resource: 'pods', namespace: 'ci' }),
    ).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "runner/ci" of Role "runner" to ServiceAccount "gate/ci"',
    });
  });

  test('the rules of a user are those of the roles bound to it in the namespace', () => {
    expect(rulesFor(policy, gate, 'ci').map((r) => r.verbs)).toEqual([['create', 'get']]);
    expect(rulesFor(policy, gate, 'other')).toEqual([]);
  });
});

describe('OpenAPI v3 for kubectl', () => {
  test('the root lists the core and each served group version', () => {
    const root = openApiDocument('/openapi/v3') as { paths: Record<string, unknown> };
    expect(Object.keys(root.paths)).toEqual([
      'api/v1',
      'apis/rbac.authorization.k8s.io/v1',
      'apis/authorization.k8s.io/v1',
    ]);
  });

  test('a group document has the PATCH operation with fieldValidation and the kind of each patchable resource', () => {
    const doc = openApiDocument('/openapi/v3/apis/rbac.authorization.k8s.io/v1') as {
      paths: Record<
        string,
        { patch: { parameters: { name: string }[]; 'x-kubernetes-group-version-kind': unknown } }
      >;
    };
    const role = doc.paths['/apis/rbac.authorization.k8s.io/v1/namespaces/{namespace}/roles/{name}'];
    expect(role?.patch['x-kubernetes-group-version-kind']).toEqual({
      group: 'rbac.authorization.k8s.io',
      version: 'v1',
      kind: 'Role',
    });
    expect(role?.patch.parameters.map((p) => p.name)).toContain('fieldValidation');
  });
});
