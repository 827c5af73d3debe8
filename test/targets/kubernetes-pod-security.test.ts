/**
 * Our pods against Pod Security, checked before anything is created: the netperf pods pass `restricted`
 * (so a given namespace enforcing it is fine), the host-network reference pods pass neither `baseline`
 * nor `restricted`, and a pod that would not pass is named with the plugin's words. The simulator's
 * PodSecurity admission (which stands for the API server's) agrees on every pod.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import { podSecurityGaps, restrictingLevel } from '../../src/targets/kubernetes/pod-security-check.js';
import { buildRunPods } from '../../src/targets/kubernetes/pod-spec.js';
import { planProfiles } from '../../src/targets/kubernetes/profiles.js';
import { namespaceObject } from '../kube-sim/cluster.js';
import { admitPod } from '../kube-sim/pod-admission.js';
import { enforcePodSecurity } from '../kube-sim/pod-security.js';
import type { NamespaceObject } from '../kube-sim/types.js';

const node = { name: 'worker-a', hostname: undefined };
const base = { runId: 'r1', namespace: 'perf', image: DEFAULT_IMAGE, tolerations: [] };
const pods = buildRunPods(base, planProfiles(defaultSuite().scenarios), { client: node, server: node }, true);
const podNetwork = pods.filter((pod) => pod.spec?.hostNetwork !== true);
const hostNetwork = pods.filter((pod) => pod.spec?.hostNetwork === true);

function namespaceAt(level: string): NamespaceObject {
  return namespaceObject('perf', { 'pod-security.kubernetes.io/enforce': level });
}

/** Whether the simulator's PodSecurity admission admits the pod at `level`. */
function simulatorAdmits(pod: V1Pod, level: string): boolean {
  try {
    enforcePodSecurity(admitPod(structuredClone(pod) as Record<string, unknown>, 'perf'), namespaceAt(level));
    return true;
  } catch {
    return false;
  }
}

/** A netserver pod as if built to run as root, with escalation allowed. */
function asRoot(pod: V1Pod): V1Pod {
  const copy = structuredClone(pod);
  const [container] = copy.spec?.containers ?? [];
  if (copy.spec === undefined || container === undefined) throw new Error('no container');
  copy.spec.securityContext = { runAsUser: 0 };
  container.securityContext = { capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } };
  return copy;
}

describe('Pod Security of our own pods', () => {
  it('reads the enforce label as the plugin does (absent or privileged: no restriction; unknown: restricted)', () => {
    expect([undefined, 'privileged', 'baseline', 'restricted', 'strict'].map(restrictingLevel)).toEqual([
      undefined,
      undefined,
      'baseline',
      'restricted',
      'restricted',
    ]);
  });

  it('builds netperf pods that pass restricted, as the simulated API server agrees', () => {
    expect(podNetwork.length).toBeGreaterThan(0);
    for (const pod of podNetwork) {
      expect(podSecurityGaps(pod, 'restricted')).toEqual([]);
      expect(simulatorAdmits(pod, 'restricted')).toBe(true);
    }
  });

  it('builds host-network reference pods that only privileged admits', () => {
    for (const pod of hostNetwork) {
      const listens = (pod.spec?.containers[0]?.ports ?? []).length > 0; // the netserver; the client has no port
      const gaps = ['host namespaces (hostNetwork=true)', ...(listens ? ['hostPort'] : [])];
      expect(podSecurityGaps(pod, 'baseline')).toEqual(gaps);
      expect(simulatorAdmits(pod, 'baseline')).toBe(false);
      expect(simulatorAdmits(pod, 'privileged')).toBe(true);
    }
  });

  it('names what a pod that would not pass restricted lacks', () => {
    const [server] = podNetwork;
    if (server === undefined) throw new Error('no pod');
    expect(podSecurityGaps(asRoot(server), 'restricted')).toEqual([
      'allowPrivilegeEscalation != false',
      'runAsNonRoot != true',
      'runAsUser=0',
    ]);
    expect(podSecurityGaps(asRoot(server), 'baseline')).toEqual([]);
    expect(simulatorAdmits(asRoot(server), 'restricted')).toBe(false);
  });
});
