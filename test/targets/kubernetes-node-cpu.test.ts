/** CPU already requested on nodes: counted as the scheduler counts it, and read from the API. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { KubeConfig, type V1Pod, type V1PodList } from '@kubernetes/client-node';
import { createKubeApi } from '../../src/targets/kubernetes/client.js';
import type { KubeApi } from '../../src/targets/kubernetes/kube-api.js';
import { podCpuRequestMillis, requestedMillisByNode } from '../../src/targets/kubernetes/node-cpu.js';
import { REQUESTED_CPU_UNKNOWN, readRequestedCpu } from '../../src/targets/kubernetes/node-load.js';
import { kubeconfigText } from '../kube-sim/kubeconfig.js';

const KIND_PODS = (
  JSON.parse(
    readFileSync(new URL('../../fixtures/kubernetes/pods-all-namespaces-kind.json', import.meta.url), 'utf8'),
  ) as V1PodList
).items;

function pod(spec: V1Pod['spec'], phase = 'Running'): V1Pod {
  return { metadata: { name: 'p' }, spec, status: { phase } };
}

const cpu = (requests?: string, limits?: string) => ({
  resources: {
    ...(requests === undefined ? {} : { requests: { cpu: requests } }),
    ...(limits === undefined ? {} : { limits: { cpu: limits } }),
  },
});

describe('CPU requested on a node, counted as the scheduler counts it', () => {
  it.each([
    [
      'sums the containers',
      {
        containers: [
          { name: 'a', ...cpu('250m') },
          { name: 'b', ...cpu('1') },
        ],
      },
      1250,
    ],
    [
      'takes the limit when there is no request',
      { containers: [{ name: 'a', ...cpu(undefined, '2') }] },
      2000,
    ],
    ['counts nothing for a container with neither', { containers: [{ name: 'a' }] }, 0],
    [
      'takes the largest init container when it is larger than the containers',
      { containers: [{ name: 'a', ...cpu('500m') }], initContainers: [{ name: 'i', ...cpu('3') }] },
      3000,
    ],
    [
      'adds sidecars (init containers that keep running) to the containers and to later init steps',
      {
        containers: [{ name: 'a', ...cpu('1') }],
        initContainers: [
          { name: 'sidecar', restartPolicy: 'Always', ...cpu('500m') },
          { name: 'migrate', ...cpu('2') },
        ],
      },
      2500,
    ],
    ['adds the pod overhead', { containers: [{ name: 'a', ...cpu('1') }], overhead: { cpu: '250m' } }, 1250],
  ])('%s', (_, spec, millis) => {
    expect(podCpuRequestMillis(pod(spec as V1Pod['spec']))).toBe(millis);
  });

  it("sums each node's pods of every namespace, leaving out finished and unscheduled ones", () => {
    expect(Object.fromEntries(requestedMillisByNode(KIND_PODS))).toEqual({
      'kind-control-plane': 950,
      'kind-worker': 1600,
      'kind-worker2': 3100,
    });
  });
});

describe('reading what pods request', () => {
  const api = (listAllPods: KubeApi['listAllPods']) => ({ server: 'https://k:6443', listAllPods }) as KubeApi;

  it('lists non-terminal pods of every namespace', async () => {
    const selectors: string[] = [];
    const requested = await readRequestedCpu(
      api(async (fieldSelector) => {
        selectors.push(fieldSelector);
        return KIND_PODS;
      }),
      () => {},
    );
    expect(selectors).toEqual(['status.phase!=Succeeded,status.phase!=Failed']);
    expect(requested?.get('kind-worker')).toBe(1600);
  });

  it('falls back to allocatable CPU with one warning naming the rule to add when the list is forbidden', async () => {
    const log: string[] = [];
    const forbidden = Object.assign(new Error('HTTP-Code: 403'), {
      code: 403,
      body: JSON.stringify({
        kind: 'Status',
        reason: 'Forbidden',
        message:
          'pods is forbidden: User "system:serviceaccount:netperf-gate:netperf-gate" cannot list resource "pods" in API group "" at the cluster scope',
      }),
    });
    expect(
      await readRequestedCpu(
        api(() => Promise.reject(forbidden)),
        (line) => log.push(line),
      ),
    ).toBeUndefined();
    expect(log).toEqual([`kubernetes: ${REQUESTED_CPU_UNKNOWN}`]);
    expect(REQUESTED_CPU_UNKNOWN).toContain('grant list on pods at cluster scope');
  });

  it('fails on other errors, saying what it was doing', async () => {
    const broken = Object.assign(new Error('HTTP-Code: 500'), { code: 500, body: '{"message":"etcd down"}' });
    await expect(
      readRequestedCpu(
        api(() => Promise.reject(broken)),
        () => {},
      ),
    ).rejects.toThrow('while listing pods in all namespaces (CPU requested on the nodes) (500: etcd down)');
  });
});

describe('listing the pods of every namespace', () => {
  it('follows the continue token page by page, with the field selector on each page', async () => {
    const asked: string[] = [];
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      asked.push(`${url.pathname}?${url.searchParams.toString()}`);
      const first = !url.searchParams.has('continue');
      const page = {
        kind: 'PodList',
        apiVersion: 'v1',
        metadata: { resourceVersion: '7', ...(first ? { continue: 'page-2' } : {}) },
        items: [first ? KIND_PODS[0] : KIND_PODS[1]],
      };
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(page));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const config = new KubeConfig();
      config.loadFromString(kubeconfigText(`http://127.0.0.1:${port}`));
      const pods = await createKubeApi(config).listAllPods('status.phase!=Failed');
      expect(pods.map((each) => each.metadata?.name)).toEqual([
        KIND_PODS[0]?.metadata?.name,
        KIND_PODS[1]?.metadata?.name,
      ]);
      expect(asked).toEqual([
        '/api/v1/pods?fieldSelector=status.phase%21%3DFailed&limit=500',
        '/api/v1/pods?continue=page-2&fieldSelector=status.phase%21%3DFailed&limit=500',
      ]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
