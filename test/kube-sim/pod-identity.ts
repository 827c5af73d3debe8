/**
 * Who a container's processes run as, as the kubelet and runtime decide it: the container's
 * `securityContext` over the pod's; the image's user otherwise. The image is ignored here, so its user is
 * root (uid 0, gid 0): "an image running as root" is what a pod without `runAsUser` gets, and
 * `runAsNonRoot: true` then stops the container with the kubelet's CreateContainerConfigError.
 */
import type { RunAs } from './processes.js';
import type { PodObject } from './types.js';

interface IdentityContext {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
}

/** The user a pod's (first) container runs as; undefined = the image's user (root here). */
export function runAsOf(pod: PodObject): RunAs | undefined {
  const podContext = (pod.spec.securityContext ?? {}) as IdentityContext;
  const own = (pod.spec.containers[0]?.securityContext ?? {}) as IdentityContext;
  const uid = own.runAsUser ?? podContext.runAsUser;
  const gid = own.runAsGroup ?? podContext.runAsGroup;
  if (uid === undefined && gid === undefined) return undefined;
  return { uid: uid ?? 0, gid: gid ?? 0 };
}

/**
 * The kubelet's refusal to start a container whose `runAsNonRoot` it cannot honour (the message
 * `kuberuntime` writes into CreateContainerConfigError), or undefined when it may start.
 */
export function nonRootRefusal(pod: PodObject): string | undefined {
  const podContext = (pod.spec.securityContext ?? {}) as IdentityContext;
  const container = pod.spec.containers[0];
  const own = (container?.securityContext ?? {}) as IdentityContext;
  if ((own.runAsNonRoot ?? podContext.runAsNonRoot) !== true) return undefined;
  const where = `(pod: "${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})", container: ${container?.name ?? ''})`;
  const uid = own.runAsUser ?? podContext.runAsUser;
  if (uid === undefined) return `container has runAsNonRoot and image will run as root ${where}`;
  return uid === 0 ? `container's runAsUser breaks non-root policy ${where}` : undefined;
}
