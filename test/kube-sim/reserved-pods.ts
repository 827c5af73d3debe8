/**
 * CPU already requested on a node, as on a real cluster where DaemonSets (CNI agent, kube-proxy, log
 * shippers) and system pods hold part of every node's allocatable CPU: one real pod per node in
 * kube-system, bound to it, requesting that CPU and sleeping. Clients see it like any DaemonSet pod.
 */
import { admitPod } from './pod-admission.js';
import type { PodObject } from './types.js';

/** Namespace of the reserving pods. */
export const RESERVED_NAMESPACE = 'kube-system';

/** Name of the pod that holds a node's requested CPU. */
export function reservedPodName(node: string): string {
  return `sim-reserved-${node}`;
}

/** The pod requesting `cpu` on `node`, as the API server would store it (Pending until its kubelet runs it). */
export function reservedPod(node: string, cpu: string): PodObject {
  return admitPod(
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: reservedPodName(node),
        labels: { 'app.kubernetes.io/name': 'sim-reserved', 'app.kubernetes.io/managed-by': 'kube-sim' },
      },
      spec: {
        nodeName: node,
        containers: [
          {
            name: 'reserved',
            image: 'registry.k8s.io/pause:3.10',
            command: ['sleep', 'infinity'],
            resources: { requests: { cpu } },
          },
        ],
        // Like a DaemonSet's pods: tolerate every taint, go quickly.
        tolerations: [{ operator: 'Exists' }],
        terminationGracePeriodSeconds: 0,
      },
    },
    RESERVED_NAMESPACE,
  );
}
