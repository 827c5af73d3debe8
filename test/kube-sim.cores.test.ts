/**
 * What a real kubelet does that the simulator used to forgive: the CPU manager policy per node (only
 * `static` gives a Guaranteed pod exclusive cores), processes running as the pod's runAsUser, IPv6 and
 * dual-stack pod IPs in the cluster's family order, and startup probes that hold back Started and Ready.
 * Driven through client-node. Needs root (network namespaces).
 */
import { availableParallelism } from 'node:os';
import type * as k8s from '@kubernetes/client-node';
import { type KubeSim, startKubeSim } from './kube-sim/index.js';
import { type ClientNode, execInPod, podBody, waitForPod } from './kube-sim/test-helpers.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('kube-sim cores tests skipped: they need root to create network namespaces');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 60_000;
const NS = 'default';
const running = (pod: k8s.V1Pod) => pod.status?.phase === 'Running';
const ready = (pod: k8s.V1Pod) =>
  pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');

/** How many CPUs a `Cpus_allowed_list` such as `0-3,6` names. */
function countCpus(list: string): number {
  return list
    .split(',')
    .map((range) => range.split('-').map(Number))
    .reduce((sum, [from = 0, to = from]) => sum + to - from + 1, 0);
}

function allowedCpus(status: string): number {
  const list = /^Cpus_allowed_list:\s*(\S+)/m.exec(status)?.[1];
  if (list === undefined) throw new Error(`no Cpus_allowed_list in ${status}`);
  return countCpus(list);
}

/** A Guaranteed one-CPU pod on `nodeName` running as nobody. */
function nobodyPod(name: string, nodeName: string, command: string[]): k8s.V1Pod {
  const pod = podBody(name, command, { nodeName, cpu: '1' });
  return {
    ...pod,
    spec: {
      ...pod.spec,
      containers: pod.spec?.containers ?? [],
      securityContext: { runAsUser: 65534, runAsGroup: 65534, runAsNonRoot: true },
    },
  };
}

describeAsRoot('kube-sim kubelet strictness', () => {
  let client: ClientNode;
  let sim: KubeSim;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;

  beforeAll(async () => {
    client = await import('@kubernetes/client-node');
    sim = await startKubeSim({
      nodes: [{ cpuManager: 'none' }, { cpuManager: 'static' }],
      ipFamily: 'dual-ipv6-first',
      log: () => {},
    });
    kc = new client.KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    core = kc.makeApiClient(client.CoreV1Api);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await sim?.close();
  });

  test(
    'a Guaranteed 1-CPU pod gets one exclusive core under static and the shared pool under none, as runAsUser',
    async () => {
      await core.createNamespacedPod({
        namespace: NS,
        body: nobodyPod('shared', 'sim-node-1', ['sleep', '600']),
      });
      await core.createNamespacedPod({
        namespace: NS,
        body: nobodyPod('pinned', 'sim-node-2', ['sleep', '600']),
      });
      for (const name of ['shared', 'pinned']) await waitForPod(client, kc, NS, name, running);
      const read = (name: string) =>
        execInPod(client, kc, NS, name, ['sh', '-c', 'id -u; cat /proc/self/status']);
      const [shared, pinned] = await Promise.all([read('shared'), read('pinned')]);
      expect(pinned.stdout.split('\n')[0]).toBe('65534');
      expect(allowedCpus(pinned.stdout)).toBe(1);
      expect(allowedCpus(shared.stdout)).toBe(availableParallelism());
      const pod = await core.readNamespacedPod({ namespace: NS, name: 'pinned' });
      expect(pod.status?.qosClass).toBe('Guaranteed');
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'runAsNonRoot without runAsUser stops the container: the image runs as root',
    async () => {
      const body = podBody('as-root', ['sleep', '600'], { nodeName: 'sim-node-1' });
      body.spec = {
        ...body.spec,
        containers: body.spec?.containers ?? [],
        securityContext: { runAsNonRoot: true },
      };
      await core.createNamespacedPod({ namespace: NS, body });
      const pod = await waitForPod(
        client,
        kc,
        NS,
        'as-root',
        (p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CreateContainerConfigError',
      );
      expect(pod.status?.containerStatuses?.[0]?.state?.waiting?.message).toMatch(
        /^container has runAsNonRoot and image will run as root/,
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'dual-stack IPv6-first lists IPv6 first in podIPs, hostIPs and InternalIPs, and pods reach each other over IPv6',
    async () => {
      const node = await core.readNode({ name: 'sim-node-1' });
      const internal = node.status?.addresses?.filter((a) => a.type === 'InternalIP').map((a) => a.address);
      expect(internal).toEqual(['2001:2::b', '198.19.0.11']);
      const server = podBody('v6-server', ['netserver', '-D', '-p', '12865'], { nodeName: 'sim-node-1' });
      const clientPod = podBody('v6-client', ['sleep', '600'], { nodeName: 'sim-node-2' });
      await core.createNamespacedPod({ namespace: NS, body: server });
      await core.createNamespacedPod({ namespace: NS, body: clientPod });
      const up = await waitForPod(client, kc, NS, 'v6-server', running);
      await waitForPod(client, kc, NS, 'v6-client', running);
      const ips = up.status?.podIPs?.map((ip) => ip.ip) ?? [];
      expect(ips[0]).toMatch(/^2001:2:0:65::/);
      expect(ips[1]).toMatch(/^198\.19\.101\./);
      expect(up.status?.podIP).toBe(ips[0]);
      expect(up.status?.hostIPs?.map((ip) => ip.ip)).toEqual(['2001:2::b', '198.19.0.11']);
      const netperf = ['netperf', '-H', ips[0] ?? '', '-p', '12865', '-l', '1', '-t', 'TCP_RR', '-P', '0'];
      let result = await execInPod(client, kc, NS, 'v6-client', netperf);
      // netserver may still be starting: the pods have no probe here.
      for (let tries = 0; result.status?.status !== 'Success' && tries < 20; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        result = await execInPod(client, kc, NS, 'v6-client', netperf);
      }
      expect(result.status?.status).toBe('Success');
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a startup probe keeps the container not started and the pod not Ready until its port listens',
    async () => {
      const body = podBody('probed', ['sleep', '600'], { nodeName: 'sim-node-2' });
      const container = body.spec?.containers[0];
      if (container) container.startupProbe = { tcpSocket: { port: 12999 }, periodSeconds: 1 };
      await core.createNamespacedPod({ namespace: NS, body });
      const before = await waitForPod(client, kc, NS, 'probed', running);
      expect(before.status?.containerStatuses?.[0]?.started).toBe(false);
      expect(ready(before)).toBe(false);
      // Something starts listening: netserver in a session of its own outlives the exec. -w: the exec
      // ends only once netserver has forked its daemon, which is then out of the exec's process group.
      await execInPod(client, kc, NS, 'probed', ['setsid', '-f', '-w', 'netserver', '-p', '12999']);
      const after = await waitForPod(client, kc, NS, 'probed', (pod) => ready(pod) === true);
      expect(after.status?.containerStatuses?.[0]?.started).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('kube-sim command line', () => {
  test('--cpu-manager takes one policy for all nodes or one per node; --ip-family one of four', async () => {
    const { optionsFromArgs, USAGE } = await import('./kube-sim/cli.js');
    const policies = (args: string[]) =>
      (optionsFromArgs(args).nodes as { cpuManager?: string }[]).map((node) => node.cpuManager);
    expect(policies(['--nodes', '2', '--cpu-manager', 'none'])).toEqual(['none', 'none']);
    expect(policies(['--nodes', '2', '--cpu-manager', 'none,static'])).toEqual(['none', 'static']);
    expect(() => optionsFromArgs(['--cpu-manager', 'dynamic'])).toThrow(
      "Invalid --cpu-manager 'dynamic'. Expected none or static.",
    );
    expect(() => optionsFromArgs(['--nodes', '3', '--cpu-manager', 'none,static'])).toThrow(
      'Expected one policy or one per node (3).',
    );
    expect(optionsFromArgs(['--ip-family', 'dual-ipv6-first']).ipFamily).toBe('dual-ipv6-first');
    expect(() => optionsFromArgs(['--ip-family', 'v6'])).toThrow(
      "Invalid --ip-family 'v6'. Expected ipv4, ipv6, dual, dual-ipv6-first.",
    );
    expect(USAGE).toContain('--cpu-manager P[,P...]');
    expect(USAGE).toContain('--ip-family F');
  });
});
