/**
 * What the simulator does about placement like a real cluster: required node affinity, CPU already
 * requested on nodes (held by kube-system pods, as DaemonSets hold it), a tainted control-plane node,
 * zone labels, and the flags that set them up. The live part needs root.
 */

import { waitUntil } from './helpers/wait-until.js';
import { optionsFromArgs, USAGE } from './kube-sim/cli.js';
import { type KubeSim, startKubeSim } from './kube-sim/index.js';
import { requirementHolds } from './kube-sim/node-affinity.js';
import { buildNode, controlPlaneNode } from './kube-sim/nodes.js';
import { admitPod } from './kube-sim/pod-admission.js';
import { schedule } from './kube-sim/scheduler.js';
import { POD_WAIT_MS } from './kube-sim/test-helpers.js';
import type { PodObject } from './kube-sim/types.js';

const NOT_MATCHED = "node(s) didn't match Pod's node affinity/selector";

function podWith(affinityTerms: unknown[] | undefined, cpu = '1'): PodObject {
  return admitPod(
    {
      metadata: { name: 'p' },
      spec: {
        containers: [{ name: 'c', image: 'i', resources: { requests: { cpu } } }],
        ...(affinityTerms === undefined
          ? {}
          : {
              affinity: {
                nodeAffinity: {
                  requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: affinityTerms },
                },
              },
            }),
      },
    },
    'default',
  );
}

describe('required node affinity', () => {
  it.each([
    ['In', ['a', 'b'], 'a', true],
    ['In', ['a'], undefined, false],
    ['NotIn', ['a'], 'b', true],
    ['NotIn', ['a'], undefined, true],
    ['NotIn', ['a'], 'a', false],
    ['Exists', [], '', true],
    ['Exists', [], undefined, false],
    ['DoesNotExist', [], undefined, true],
    ['DoesNotExist', [], 'x', false],
    ['Gt', ['8'], '16', true],
    ['Gt', ['8'], '8', false],
    ['Gt', ['8'], 'many', false],
    ['Lt', ['8'], '4', true],
    ['Lt', ['8'], undefined, false],
  ] as const)('%s %j against %j: %s', (operator, values, value, expected) => {
    expect(requirementHolds({ key: 'k', operator, values: [...values] }, value)).toBe(expected);
  });

  const zoned = (i: number, zone: string) => ({ node: buildNode(i, { zone }), requestedMilli: 0 });
  const nodes = [zoned(1, 'a'), zoned(2, 'b')];

  it('places a pod only on a node one of its terms matches (fields by metadata.name, labels by expressions)', () => {
    const byName = [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['sim-node-2'] }] }];
    expect(schedule(podWith(byName), nodes)).toEqual({ nodeName: 'sim-node-2' });
    const byZone = [
      { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['x'] }] },
      { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'NotIn', values: ['a'] }] },
    ];
    expect(schedule(podWith(byZone), nodes)).toEqual({ nodeName: 'sim-node-2' });
  });

  it('says no node matched in the scheduler wording, ANDing the expressions of a term', () => {
    const both = [
      {
        matchExpressions: [
          { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['a'] },
          { key: 'kubernetes.io/hostname', operator: 'In', values: ['sim-node-2'] },
        ],
      },
    ];
    expect(schedule(podWith(both), nodes)).toEqual({
      message: `0/2 nodes are available: 2 ${NOT_MATCHED}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.`,
    });
  });

  it('checks taints before affinity and CPU, as the default Filter plugins run', () => {
    const cp = { node: buildNode(3, controlPlaneNode('64')), requestedMilli: 0 };
    const full = { node: buildNode(1, { cpu: '32' }), requestedMilli: 1_000 };
    const result = schedule(podWith(undefined, '32'), [cp, full]);
    expect(result).toEqual({
      message: expect.stringMatching(
        /^0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}\./,
      ),
    });
  });
});

describe('kube-sim flags for placement', () => {
  it('sets CPU already requested, zones and a control-plane node per node', () => {
    const options = optionsFromArgs([
      '--nodes',
      '3',
      '--requested-cpu',
      '1,0,2500m',
      '--zones',
      'a,a,b',
      '--node-cpu',
      '32',
      '--control-plane',
    ]);
    expect(options.nodes).toEqual([
      { cpu: '32', requestedCpu: '1', zone: 'a' },
      { cpu: '32', zone: 'a' },
      { cpu: '32', requestedCpu: '2500m', zone: 'b' },
    ]);
    expect(options.controlPlane).toBe(true);
    expect(optionsFromArgs(['--requested-cpu', '500m']).nodes).toEqual([
      { requestedCpu: '500m' },
      { requestedCpu: '500m' },
    ]);
  });

  it.each([
    [
      ['--requested-cpu', '1,2,3'],
      "Invalid --requested-cpu '1,2,3': expected one value or 2 (one per node).",
    ],
    [['--requested-cpu', 'lots'], "Invalid --requested-cpu 'lots': 'lots' is not a valid value."],
    [['--zones', 'a,'], "Invalid --zones 'a,': '' is not a valid value."],
  ])('refuses %j', (args, message) => {
    expect(() => optionsFromArgs(args)).toThrow(message);
  });

  it('documents them in --help', () => {
    for (const flag of ['--requested-cpu C[,C...]', '--zones Z[,Z...]', '--control-plane'])
      expect(USAGE).toContain(flag);
  });
});

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('kube-sim placement tests skipped: they need root to create network namespaces');
const describeAsRoot = asRoot ? describe : describe.skip;

// biome-ignore lint/suspicious/noExplicitAny: the tests read loose JSON
type Json = Record<string, any>;

describeAsRoot('a simulated cluster with system pods and a control plane', () => {
  let sim: KubeSim;

  async function get(path: string): Promise<Json> {
    const response = await fetch(`${sim.url}${path}`);
    return (await response.json()) as Json;
  }

  beforeAll(async () => {
    sim = await startKubeSim({
      nodes: [
        { cpu: '32', requestedCpu: '1', zone: 'a' },
        { cpu: '32', zone: 'b' },
      ],
      controlPlane: true,
      log: () => {},
    });
  }, 60_000);

  afterAll(async () => {
    await sim?.close();
  });

  it('serves the control-plane node labelled and tainted like kubeadm, and zone labels', async () => {
    expect(sim.nodeNames).toEqual(['sim-control-plane', 'sim-node-1', 'sim-node-2']);
    const nodes = (await get('/api/v1/nodes')).items as Json[];
    const [cp, first, second] = nodes;
    expect(cp?.metadata.labels).toHaveProperty(['node-role.kubernetes.io/control-plane'], '');
    expect(cp?.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(first?.metadata.labels['topology.kubernetes.io/zone']).toBe('a');
    expect(second?.metadata.labels['topology.kubernetes.io/zone']).toBe('b');
  });

  it('holds requested CPU with a Running kube-system pod that a cluster-wide list shows', async () => {
    const path = '/api/v1/pods?fieldSelector=status.phase%21%3DSucceeded%2Cstatus.phase%21%3DFailed';
    let pods: Json[] = [];
    await waitUntil(
      async () => {
        pods = (await get(path)).items as Json[];
        return pods.some((pod) => pod.status.phase === 'Running');
      },
      POD_WAIT_MS,
      'the reserving pod to run',
      () => JSON.stringify(pods.map((pod) => pod.status.phase)),
    );
    expect(pods.map((pod) => [pod.metadata.namespace, pod.metadata.name, pod.spec.nodeName])).toEqual([
      ['kube-system', 'sim-reserved-sim-node-1', 'sim-node-1'],
    ]);
    expect(pods[0]?.spec.containers[0].resources.requests).toEqual({ cpu: '1' });
  });

  it('leaves a pod that needs the whole node Pending there, and places it where the CPU is free', async () => {
    const create = (name: string, node: string) =>
      fetch(`${sim.url}/api/v1/namespaces/default/pods`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          metadata: { name },
          spec: {
            terminationGracePeriodSeconds: 0,
            affinity: {
              nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                  nodeSelectorTerms: [
                    { matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] },
                  ],
                },
              },
            },
            containers: [
              { name: 'c', image: 'i', command: ['sleep', '60'], resources: { requests: { cpu: '32' } } },
            ],
          },
        }),
      });
    expect((await create('big-1', 'sim-node-1')).status).toBe(201);
    expect((await create('big-2', 'sim-node-2')).status).toBe(201);
    let seen: Json = {};
    await waitUntil(
      async () => {
        seen = await get('/api/v1/namespaces/default/pods');
        const byName = new Map((seen.items as Json[]).map((pod) => [pod.metadata.name, pod]));
        const stuck = byName.get('big-1')?.status.conditions?.find((c: Json) => c.type === 'PodScheduled');
        return stuck?.status === 'False' && byName.get('big-2')?.spec.nodeName === 'sim-node-2';
      },
      POD_WAIT_MS,
      'big-1 unschedulable and big-2 bound',
      () => JSON.stringify(seen.items?.map((pod: Json) => [pod.metadata.name, pod.status.conditions])),
    );
    const big1 = (seen.items as Json[]).find((pod) => pod.metadata.name === 'big-1');
    expect(big1?.status.conditions.find((c: Json) => c.type === 'PodScheduled').message).toBe(
      `0/3 nodes are available: 1 Insufficient cpu, 1 ${NOT_MATCHED}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
    );
    for (const name of ['big-1', 'big-2'])
      await fetch(`${sim.url}/api/v1/namespaces/default/pods/${name}?gracePeriodSeconds=0`, {
        method: 'DELETE',
      });
  });
});
