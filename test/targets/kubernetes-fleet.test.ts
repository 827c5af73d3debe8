/** The Kubernetes fleet's pure parts: which nodes it takes and why, and the pods it builds. */
import type { V1Node } from '@kubernetes/client-node';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import {
  chooseFleetNodes,
  describeFleetCpuNeed,
  fleetCpuNeedMillis,
} from '../../src/targets/kubernetes/fleet-nodes.js';
import { buildFleetPods, fleetPodName } from '../../src/targets/kubernetes/fleet-pods.js';
import { settleBounded } from '../../src/targets/kubernetes/fleet-start.js';
import type { NodeChoiceInput } from '../../src/targets/kubernetes/node-choice.js';
import { planProfiles } from '../../src/targets/kubernetes/profiles.js';
import { parseTolerations } from '../../src/targets/kubernetes/tolerations.js';

/** A Ready worker with `cpu` allocatable. */
function node(name: string, cpu = '32', extra: Partial<V1Node['spec']> = {}): V1Node {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name } },
    spec: { ...extra },
    status: { allocatable: { cpu }, conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

const controlPlane: V1Node = {
  ...node('cp-1', '8'),
  metadata: { name: 'cp-1', labels: { 'node-role.kubernetes.io/control-plane': '' } },
};

function input(nodes: V1Node[], overrides: Partial<NodeChoiceInput> = {}): NodeChoiceInput {
  return {
    nodes,
    selector: [],
    tolerations: [],
    needMillis: 2_200,
    needText: '2.2 CPUs',
    requestedMillis: new Map([['w-busy', 31_000]]),
    ...overrides,
  };
}

const names = (nodes: readonly V1Node[]) => nodes.map((n) => n.metadata?.name);

describe('fleet node choice', () => {
  it('takes every eligible node by name and names each one left out with its reason', () => {
    const nodes = [
      node('w-4'),
      node('w-busy'),
      controlPlane,
      node('w-1'),
      node('w-tainted', '32', { taints: [{ key: 'gpu', effect: 'NoSchedule' }] }),
      node('w-2'),
    ];
    const choice = chooseFleetNodes(input(nodes));
    expect(names(choice.nodes)).toEqual(['w-1', 'w-2', 'w-4']);
    expect(choice.excluded).toEqual([
      'not chosen: cp-1 (control-plane node: add --allow-control-plane to use it)',
      'not chosen: w-busy (1 free of 32 allocatable < 2.2 needed)',
      'not chosen: w-tainted (taint gpu:NoSchedule not tolerated: add --toleration gpu:NoSchedule)',
    ]);
    expect(choice.why).toContain('fleet of 3 nodes: w-1, w-2, w-4');
  });

  it('takes the first N by name when asked for fewer, and says how many were eligible', () => {
    const choice = chooseFleetNodes(input([node('d'), node('c'), node('b'), node('a')]), 2);
    expect(names(choice.nodes)).toEqual(['a', 'b']);
    expect(choice.why).toContain('the first 2 of 4 eligible');
  });

  it('orders names naturally: node-2 before node-10', () => {
    const choice = chooseFleetNodes(input([node('node-10'), node('node-2'), node('node-1')]));
    expect(names(choice.nodes)).toEqual(['node-1', 'node-2', 'node-10']);
  });

  it('says in one line why each node was left out when fewer than two are eligible', () => {
    const nodes = [node('w-1'), node('w-busy'), controlPlane];
    expect(() => chooseFleetNodes(input(nodes))).toThrow(
      'A fleet needs at least 2 eligible nodes, each with 2.2 CPUs free; of the 3: cp-1 (control-plane node: add --allow-control-plane to use it), w-1 (ok), w-busy (1 free of 32 allocatable < 2.2 needed).',
    );
  });

  it('tolerates what --toleration tolerates and takes the control plane when allowed', () => {
    const tainted = node('w-tainted', '32', { taints: [{ key: 'gpu', effect: 'NoSchedule' }] });
    const choice = chooseFleetNodes(
      input([tainted, controlPlane], { tolerations: parseTolerations(['gpu']), allowControlPlane: true }),
    );
    expect(names(choice.nodes)).toEqual(['cp-1', 'w-tainted']);
  });

  it('refuses a node count below two', () => {
    expect(() => chooseFleetNodes(input([node('a'), node('b')]), 1)).toThrow(
      'Invalid --nodes 1. Expected a whole number ≥ 2.',
    );
  });
});

describe('fleet CPU need', () => {
  it('is every CPU size’s server and client at once, plus the two reference pods', () => {
    const profiles = planProfiles(defaultSuite().scenarios); // not limited, 32, 1
    expect(fleetCpuNeedMillis(profiles, false)).toBe(2 * (100 + 32_000 + 1_000));
    expect(fleetCpuNeedMillis(profiles, true)).toBe(2 * (100 + 32_000 + 1_000) + 200);
    expect(describeFleetCpuNeed(profiles, true)).toBe(
      '66.4 CPUs (a server and a client pod of each CPU size: not limited, 32, 1, all at once, plus 0.2 for the host-network reference pods)',
    );
  });
});

describe('fleet pods', () => {
  const base = {
    runId: 'r1a2b3c4',
    namespace: 'netperf-gate-r1a2b3c4',
    image: DEFAULT_IMAGE,
    tolerations: [],
  };
  const nodes = [
    { name: 'node-a', hostname: 'node-a' },
    { name: 'node-b', hostname: undefined },
  ];
  const profiles = planProfiles(defaultSuite().scenarios.filter((s) => s.name === 'tcp_rr_1cpu'));

  it('builds per node a server and a client per CPU size, and one host-network pair per node', () => {
    const { pods, referencePods } = buildFleetPods(base, profiles, nodes, true);
    expect(pods.map((pod) => pod.metadata?.name)).toEqual([
      'npg-r1a2b3c4-n0-srv-c1',
      'npg-r1a2b3c4-n0-cli-c1',
      'npg-r1a2b3c4-n1-srv-c1',
      'npg-r1a2b3c4-n1-cli-c1',
    ]);
    expect(referencePods.map((pod) => pod.metadata?.name)).toEqual([
      'npg-r1a2b3c4-n0-hsrv-ref',
      'npg-r1a2b3c4-n0-hcli-ref',
      'npg-r1a2b3c4-n1-hsrv-ref',
      'npg-r1a2b3c4-n1-hcli-ref',
    ]);
    expect([pods[2], referencePods[0]]).toMatchSnapshot();
  });

  it('builds no reference pods when the reference is off', () => {
    expect(buildFleetPods(base, profiles, nodes, false).referencePods).toEqual([]);
  });

  it('names pods within the 63 characters of a DNS label whatever the node is called', () => {
    expect(fleetPodName('r123456789012345', 99, 'client', 'c32', 'host').length).toBeLessThanOrEqual(63);
  });
});

describe('bounded creates', () => {
  it('keeps at most the bound in flight and returns every outcome in order', async () => {
    let inFlight = 0;
    let most = 0;
    const outcomes = await settleBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resume) => setImmediate(resume));
      inFlight -= 1;
      if (n === 4) throw new Error('four');
      return n * 10;
    });
    expect(most).toBe(3);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : String(o.reason)))).toEqual([
      10,
      20,
      30,
      'Error: four',
      50,
      60,
      70,
    ]);
  });
});
