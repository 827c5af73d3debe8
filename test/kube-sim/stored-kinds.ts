/**
 * Kinds the simulator keeps as they come and only reads back: ServiceAccounts (core/v1) and the RBAC
 * kinds (rbac.authorization.k8s.io/v1). The RBAC policy of an RBAC-enforcing simulator is what these
 * stored objects say; a controller gives every namespace its `default` ServiceAccount, as
 * kube-controller-manager's serviceaccount controller does, and removes a deleted namespace's objects.
 */

import type { AccessControl } from './access.js';
import { ensureTokens } from './access.js';
import { newUid, timestamp } from './meta.js';
import { policyFromDocuments } from './rbac-manifests.js';
import type { ObjectStore } from './store.js';
import type { KubeObject, ResourceName } from './types.js';

/** One kind stored as it came. */
export interface StoredKind {
  resource: ResourceName;
  kind: string;
  /** `v1` or `rbac.authorization.k8s.io/v1`. */
  apiVersion: string;
  namespaced: boolean;
}

const RBAC_V1 = 'rbac.authorization.k8s.io/v1';

/** The stored kinds by `group/resource` (core group: empty). */
export const STORED_KINDS: Record<string, StoredKind> = {
  '/serviceaccounts': {
    resource: 'serviceaccounts',
    kind: 'ServiceAccount',
    apiVersion: 'v1',
    namespaced: true,
  },
  'rbac.authorization.k8s.io/roles': {
    resource: 'roles',
    kind: 'Role',
    apiVersion: RBAC_V1,
    namespaced: true,
  },
  'rbac.authorization.k8s.io/rolebindings': {
    resource: 'rolebindings',
    kind: 'RoleBinding',
    apiVersion: RBAC_V1,
    namespaced: true,
  },
  'rbac.authorization.k8s.io/clusterroles': {
    resource: 'clusterroles',
    kind: 'ClusterRole',
    apiVersion: RBAC_V1,
    namespaced: false,
  },
  'rbac.authorization.k8s.io/clusterrolebindings': {
    resource: 'clusterrolebindings',
    kind: 'ClusterRoleBinding',
    apiVersion: RBAC_V1,
    namespaced: false,
  },
};

/** The stored kind a route addresses, if any. */
export function storedKindOf(group: string | undefined, resource: string): StoredKind | undefined {
  return STORED_KINDS[`${group ?? ''}/${resource}`];
}

/** The stored kind of a manifest document's `kind`, if any. */
function kindNamed(kind: unknown): StoredKind | undefined {
  return Object.values(STORED_KINDS).find((k) => k.kind === kind);
}

/** The name of the ServiceAccount every namespace gets. */
export const DEFAULT_SERVICE_ACCOUNT = 'default';

/** Whether a ServiceAccount exists (what ServiceAccount admission checks before it admits a pod). */
export function serviceAccountExists(store: ObjectStore, namespace: string, name: string): boolean {
  return store.get('serviceaccounts', namespace, name) !== undefined;
}

/** A ServiceAccount object as the controller creates it. */
export function serviceAccountObject(namespace: string, name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace, uid: newUid(), resourceVersion: '', creationTimestamp: timestamp() },
  };
}

/** Every stored RBAC object and ServiceAccount, as documents. */
function storedDocuments(store: ObjectStore): Record<string, unknown>[] {
  return Object.values(STORED_KINDS).flatMap((kind) => store.list(kind.resource));
}

/** Makes the access control's policy (and tokens) what the stored objects say. */
export function syncPolicy(access: AccessControl | undefined, store: ObjectStore): void {
  if (!access) return;
  const policy = policyFromDocuments(storedDocuments(store), (index) => `stored object ${index + 1}`);
  access.policy = { ...policy, namespaces: access.policy.namespaces };
  ensureTokens(access);
}

/**
 * Replaces the stored RBAC objects with the manifests' documents (ServiceAccounts are added, never
 * removed); Namespace documents are the caller's.
 */
export function storeManifestObjects(store: ObjectStore, documents: Record<string, unknown>[]): void {
  for (const kind of Object.values(STORED_KINDS)) {
    if (kind.resource === 'serviceaccounts') continue;
    for (const object of store.list(kind.resource))
      store.remove(kind.resource, object.metadata.namespace, object.metadata.name);
  }
  for (const document of documents) {
    const kind = kindNamed(document.kind);
    if (!kind) continue;
    const meta = (document.metadata ?? {}) as Record<string, unknown>;
    const name = String(meta.name);
    const namespace = kind.namespaced ? String(meta.namespace ?? 'default') : undefined;
    if (store.get(kind.resource, namespace, name)) continue;
    const metadata: Record<string, unknown> = {
      ...meta,
      name,
      uid: newUid(),
      resourceVersion: '',
      creationTimestamp: timestamp(),
    };
    if (namespace !== undefined) metadata.namespace = namespace;
    store.create(kind.resource, { ...document, apiVersion: kind.apiVersion, metadata } as KubeObject);
  }
}

function removeNamespaced(store: ObjectStore, namespace: string): void {
  for (const kind of Object.values(STORED_KINDS)) {
    if (!kind.namespaced) continue;
    for (const object of store.list(kind.resource, namespace))
      store.remove(kind.resource, namespace, object.metadata.name);
  }
}

function addDefaultAccount(store: ObjectStore, namespace: string): void {
  const exists = store.get('namespaces', undefined, namespace);
  if (!exists || store.get('serviceaccounts', namespace, DEFAULT_SERVICE_ACCOUNT)) return;
  store.create('serviceaccounts', serviceAccountObject(namespace, DEFAULT_SERVICE_ACCOUNT));
}

/**
 * Starts the controller: `default` ServiceAccounts for the namespaces there are now and, soon after it
 * appears, for every new one; a deleted namespace's ServiceAccounts, Roles and RoleBindings go with it.
 * `onChange` runs after each of its writes. Returns the function that stops it.
 */
export function startServiceAccountController(store: ObjectStore, onChange: () => void): () => void {
  for (const namespace of store.list('namespaces')) addDefaultAccount(store, namespace.metadata.name);
  onChange();
  return store.subscribe((change) => {
    if (change.resource !== 'namespaces') return;
    const name = change.object.metadata.name;
    if (change.type === 'ADDED')
      setImmediate(() => {
        addDefaultAccount(store, name);
        onChange();
      });
    if (change.type === 'DELETED')
      setImmediate(() => {
        removeNamespaced(store, name);
        onChange();
      });
  });
}
