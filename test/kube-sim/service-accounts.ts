/**
 * The ServiceAccount admission plugin, as far as the race it causes: a pod is refused while its
 * namespace's `default` ServiceAccount does not exist yet. In a real cluster the ServiceAccount
 * controller creates `default` a moment after the namespace, so a pod created right after its namespace
 * may meet `pods "p" is forbidden: error looking up service account ns/default: serviceaccount "default"
 * not found`. Here the controller (stored-kinds.ts) creates `default` on the next tick, and a `sa-missing`
 * fault makes the race happen on purpose: for its next `times` pods, or until the namespace is `forMs`
 * old. A pod naming any ServiceAccount that is not stored is refused the same way, as the plugin does.
 */
import type { FaultBook } from './faults.js';
import { forbidden } from './status.js';
import type { ObjectStore } from './store.js';
import { serviceAccountExists } from './stored-kinds.js';
import type { NamespaceObject, PodObject } from './types.js';

/** Throws the plugin's 403 when the pod's service account is (held) missing. */
export function admitServiceAccount(
  pod: PodObject,
  namespaceObject: NamespaceObject,
  faults: FaultBook,
  store: ObjectStore,
): void {
  const namespace = pod.metadata.namespace ?? '';
  const account = String(pod.spec.serviceAccountName ?? 'default');
  // creationTimestamp has whole seconds, as the API server's: the age is known to a second.
  const ageMs = Date.now() - Date.parse(namespaceObject.metadata.creationTimestamp);
  const held = account === 'default' && faults.takeServiceAccountMissing(namespace, ageMs);
  if (!held && serviceAccountExists(store, namespace, account)) return;
  throw forbidden(
    'pods',
    pod.metadata.name,
    `error looking up service account ${namespace}/${account}: serviceaccount "${account}" not found`,
  );
}
