/**
 * kube-sim's RBAC: rule evaluation and bindings as the API server's RBAC authorizer does them, its
 * Forbidden Status bodies, manifests and tokens (the HTTP front: test/targets/kubernetes-rbac.integration.test.ts).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import {
  ADMIN_TOKEN,
  ANONYMOUS_USER,
  authenticate,
  authorizeRequest,
  createAccessControl,
  requestAttributes,
} from './kube-sim/access.js';
import {
  authorize,
  forbiddenError,
  type RequestAttributes,
  ruleAllows,
  serviceAccountUser,
  userNamed,
} from './kube-sim/rbac.js';
import { type PolicyRule, parseRbacManifests } from './kube-sim/rbac-manifests.js';
import { parseApiPath } from './kube-sim/routes.js';
import { ApiError } from './kube-sim/status.js';

const CI = serviceAccountUser('ci', 'gate');

/** A rule from `'verb,verb resource,resource'` (core group), plus other fields. */
function rule(text: string, fields: Partial<PolicyRule> = {}): PolicyRule {
  const [verbs = '', resources = ''] = text.split(' ');
  return {
    apiGroups: [''],
    resources: resources.split(','),
    verbs: verbs.split(','),
    resourceNames: [],
    nonResourceURLs: [],
    ...fields,
  };
}

function request(fields: Partial<RequestAttributes>): RequestAttributes {
  return { user: CI, verb: 'get', apiGroup: '', resource: 'pods', namespace: 'x', ...fields };
}

function deployManifest(file: string): string {
  return readFileSync(new URL(`../deploy/rbac/${file}`, import.meta.url), 'utf8');
}

describe('one rule against one request', () => {
  const named = { resourceNames: ['a'] };
  test.each<[string, PolicyRule, Partial<RequestAttributes>, boolean]>([
    ['exact verb and resource', rule('get pods'), {}, true],
    ['another verb', rule('list pods'), {}, false],
    ['verb *', rule('* pods'), { verb: 'delete' }, true],
    ['resource * (subresources too)', rule('get *'), { subresource: 'exec' }, true],
    ['apiGroups * covers core', rule('get pods', { apiGroups: ['*'] }), {}, true],
    ['another group', rule('get pods', { apiGroups: ['apps'] }), {}, false],
    ['a core rule, an apps request', rule('get pods'), { apiGroup: 'apps' }, false],
    ['no apiGroups', rule('get pods', { apiGroups: [] }), {}, false],
    ['pods does not cover pods/exec', rule('get pods'), { subresource: 'exec' }, false],
    ['pods/exec does not cover pods', rule('get pods/exec'), {}, false],
    ['pods/exec', rule('create pods/exec'), { verb: 'create', subresource: 'exec' }, true],
    ['*/exec covers any exec', rule('get */exec'), { subresource: 'exec' }, true],
    ['*/exec is not */log', rule('get */exec'), { subresource: 'log' }, false],
    ['pods/* is no wildcard', rule('get pods/*'), { subresource: 'exec' }, false],
    ['a named object listed', rule('get pods', named), { name: 'a' }, true],
    ['a named object not listed', rule('get pods', named), { name: 'b' }, false],
    ['resourceNames never cover a create', rule('create pods', named), { verb: 'create' }, false],
  ])('%s', (_, given, attributes, allowed) => {
    expect(ruleAllows(given, request(attributes))).toBe(allowed);
  });
});

describe('bindings', () => {
  const policy = parseRbacManifests(
    readFileSync(new URL('./kube-sim/fixtures/rbac-bindings.yaml', import.meta.url), 'utf8'),
  );
  const alice = userNamed('alice');
  const inA = serviceAccountUser('a', 'gate');
  const dev = { name: 'dev', groups: ['devs'] };
  const nodesList = { verb: 'list', resource: 'nodes' };

  test.each<[string, Partial<RequestAttributes>, boolean]>([
    ['a RoleBinding grants its Role in its namespace', { user: inA, namespace: 'a' }, true],
    ['… and nowhere else', { user: inA, namespace: 'b' }, false],
    ['… nor cluster-wide', { user: inA, namespace: undefined }, false],
    ['… to the ServiceAccount of its namespace, not of another', { namespace: 'a' }, false],
    ['a ClusterRoleBinding to a group grants cluster-wide', { ...nodesList, namespace: undefined }, true],
    ['… and in every namespace', { ...nodesList, namespace: 'z' }, true],
    [
      'a RoleBinding to a ClusterRole grants in its namespace',
      { user: alice, ...nodesList, namespace: 'b' },
      true,
    ],
    ['… but not cluster-wide', { user: alice, ...nodesList, namespace: undefined }, false],
    ['a RoleBinding refers to a Role of its own namespace only', { user: dev, namespace: 'c' }, false],
    [
      'a ServiceAccount subject without namespace in a ClusterRoleBinding matches nobody',
      { user: serviceAccountUser('default', 'x'), ...nodesList, namespace: undefined },
      false,
    ],
    [
      'system:masters may do anything',
      { user: { name: 'root', groups: ['system:masters'] }, verb: 'delete', resource: 'nodes' },
      true,
    ],
    ['system:anonymous may do nothing', { user: ANONYMOUS_USER, namespace: 'a' }, false],
  ])('%s', (_, attributes, allowed) => {
    expect(authorize(policy, request(attributes)).allowed).toBe(allowed);
  });

  it('says which bound role is missing when it denies', () => {
    expect(authorize(policy, request({ namespace: 'ci' }))).toEqual({
      allowed: false,
      reason: 'RBAC: role.rbac.authorization.k8s.io "missing" not found',
    });
    expect(forbiddenError(request({ namespace: 'ci' }), 'RBAC: x').status.message).toBe(
      'pods is forbidden: User "system:serviceaccount:ci:gate" cannot get resource "pods" in API group "" in the namespace "ci": RBAC: x',
    );
  });
});

describe('the Forbidden Status', () => {
  const status = (message: string, details: object) => ({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Forbidden',
    details,
    code: 403,
  });
  test.each<[Partial<RequestAttributes>, string, object]>([
    [
      { verb: 'create' },
      'pods is forbidden: User "system:serviceaccount:ci:gate" cannot create resource "pods" in API group "" in the namespace "x"',
      { kind: 'pods' },
    ],
    [
      { verb: 'list', resource: 'namespaces', namespace: undefined },
      'namespaces is forbidden: User "system:serviceaccount:ci:gate" cannot list resource "namespaces" in API group "" at the cluster scope',
      { kind: 'namespaces' },
    ],
    [
      { name: 'p', subresource: 'exec' },
      'pods "p" is forbidden: User "system:serviceaccount:ci:gate" cannot get resource "pods/exec" in API group "" in the namespace "x"',
      { name: 'p', kind: 'pods' },
    ],
  ])('%o', (attributes, message, details) => {
    const error = forbiddenError(request(attributes), '');
    expect(JSON.parse(JSON.stringify(error.status))).toEqual(status(message, details));
  });
});

describe('manifests', () => {
  it('reads the namespace-per-run manifests', () => {
    const policy = parseRbacManifests(deployManifest('namespace-per-run.yaml'));
    expect(policy.serviceAccounts).toEqual([{ namespace: 'netperf-gate', name: 'netperf-gate' }]);
    expect(policy.namespaces.map((ns) => ns.name)).toEqual(['netperf-gate']);
    expect(policy.clusterRoles.map((role) => role.name)).toEqual(['netperf-gate']);
    expect(policy.clusterRoleBindings[0]?.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'netperf-gate', namespace: 'netperf-gate' },
    ]);
  });

  it('reads the existing-namespace manifests: a Role in the namespace and a node-reading ClusterRole', () => {
    const policy = parseRbacManifests(deployManifest('existing-namespace.yaml'));
    expect(policy.roles.map((role) => `${role.namespace}/${role.name}`)).toEqual([
      'netperf-gate/netperf-gate',
    ]);
    expect(policy.roleBindings.map((b) => `${b.namespace}/${b.roleRef.kind}/${b.roleRef.name}`)).toEqual([
      'netperf-gate/Role/netperf-gate',
    ]);
    expect(policy.clusterRoles.map((role) => role.name)).toEqual(['netperf-gate-nodes']);
  });

  test.each([
    ['kind: Secret\nmetadata: {name: s}', /document 1 is a Secret/],
    [
      'kind: Namespace\nmetadata: {name: n}\n---\nkind: Role\nmetadata: {name: r}\nrules: [{resources: [pods]}]',
      /document 2: rules.0.verbs/,
    ],
    [
      'kind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {kind: Role, name: r}',
      /a ClusterRoleBinding can only refer to a ClusterRole/,
    ],
    ['kind: ClusterRole\nmetadata: {name: r}\naggregationRule: {}', /aggregationRule is not supported/],
  ])('refuses %j in one line', (text, error) => {
    expect(() => parseRbacManifests(text)).toThrow(error);
  });

  it('puts a namespaced document without namespace in default, as kubectl apply does', () => {
    const policy = parseRbacManifests('kind: Role\nmetadata: {name: r}\nrules: []\n---\n');
    expect(policy.roles).toEqual([{ namespace: 'default', name: 'r', rules: [] }]);
  });
});

describe('requests, tokens and exec', () => {
  test.each<[string, string, string, Partial<RequestAttributes>]>([
    [
      'a namespace is in itself',
      'get',
      '/api/v1/namespaces/n',
      { resource: 'namespaces', namespace: 'n', name: 'n' },
    ],
    ['creating a namespace is cluster-wide', 'create', '/api/v1/namespaces', { resource: 'namespaces' }],
    ['a list across namespaces is cluster-wide', 'list', '/api/v1/pods', {}],
    [
      'a watch by name names it',
      'watch',
      '/api/v1/namespaces/x/pods?fieldSelector=metadata.name%3Dp',
      { namespace: 'x', name: 'p' },
    ],
    ['exec', 'get', '/api/v1/namespaces/x/pods/p/exec', { namespace: 'x', name: 'p', subresource: 'exec' }],
  ])('%s', (_, verb, path, expected) => {
    const url = new URL(`http://sim${path}`);
    const route = parseApiPath(url.pathname) ?? { resource: '?' };
    expect(requestAttributes(CI, verb, route, url)).toEqual({
      ...request({ verb, namespace: undefined }),
      ...expected,
    });
  });

  const manifests = readFileSync(new URL('./kube-sim/fixtures/rbac-exec-get.yaml', import.meta.url), 'utf8');
  const exec = { resource: 'pods', namespace: 'ci', name: 'p', subresource: 'exec' };
  const attempt = (execCreateCheck: boolean, method: string) => () =>
    authorizeRequest(createAccessControl({ manifests, execCreateCheck }), CI, {
      method,
      verb: 'create',
      route: exec,
      url: new URL('http://sim/'),
    });

  it('authorizes the exec WebSocket upgrade as get, and also as create from Kubernetes 1.35', () => {
    expect(attempt(false, 'GET')).not.toThrow();
    expect(attempt(true, 'GET')).toThrow(
      'pods "p" is forbidden: User "system:serviceaccount:ci:gate" cannot create resource "pods/exec" in API group "" in the namespace "ci"',
    );
    expect(attempt(false, 'POST')).toThrow(/cannot create resource "pods\/exec"/);
  });

  it('gives the kubeconfig the first ServiceAccount by default, or the user named, each with a token', () => {
    const access = createAccessControl({ manifests });
    expect(access.kubeconfigUser.name).toBe('system:serviceaccount:ci:gate');
    expect(access.users.get(access.kubeconfigUser.token)).toEqual(CI);
    const named = createAccessControl({ manifests, user: 'alice', tokens: { t0: 'bob' } });
    expect(named.users.get(named.kubeconfigUser.token)).toEqual(userNamed('alice'));
    expect(named.users.get('t0')).toEqual(userNamed('bob'));
    expect(() => createAccessControl({ manifests: '' })).toThrow(/name the kubeconfig user/);
  });

  it('authenticates by bearer token: known, none (anonymous) or unknown (401)', () => {
    const access = createAccessControl({ manifests });
    const req = (authorization?: string) =>
      ({ headers: authorization ? { authorization } : {} }) as IncomingMessage;
    expect(authenticate(access, req(`Bearer ${access.kubeconfigUser.token}`))).toEqual(CI);
    expect(authenticate(access, req(`Bearer ${ADMIN_TOKEN}`)).groups).toContain('system:masters');
    expect(authenticate(access, req())).toEqual(ANONYMOUS_USER);
    expect(() => authenticate(access, req('Bearer nope'))).toThrow(ApiError);
    expect(() => authenticate(access, req('Bearer nope'))).toThrow('Unauthorized');
  });
});
