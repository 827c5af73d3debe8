/** The Kubernetes target's pure planning: tolerations, label selectors, CPU profiles and node choice. */
import { readFileSync } from 'node:fs';
import type { V1Node, V1NodeList } from '@kubernetes/client-node';
import { defaultSuite } from '../../src/suite/default-suite.js';
import type { Scenario } from '../../src/suite/model.js';
import { matchesSelector, parseLabelSelector } from '../../src/targets/kubernetes/label-selector.js';
import { checkRunId, namespaceFor, podName, runLabels } from '../../src/targets/kubernetes/names.js';
import {
  chooseNodes,
  type NodeChoiceInput,
  parseCpuMillis,
} from '../../src/targets/kubernetes/node-choice.js';
import {
  describeCpuNeed,
  nodeCpuNeedMillis,
  planProfiles,
  profileFor,
} from '../../src/targets/kubernetes/profiles.js';
import {
  blockingTaints,
  parseToleration,
  parseTolerations,
  toleratesTaint,
} from '../../src/targets/kubernetes/tolerations.js';
import { UsageError } from '../../src/util/errors.js';

function nodeList(file: string): V1Node[] {
  const url = new URL(`../../fixtures/kubernetes/${file}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as V1NodeList).items;
}

const BARE_METAL = nodeList('nodes-bare-metal.json');
const KIND = nodeList('nodes-kind.json');

function scenario(name: string, cpus: number | null): Scenario {
  return { ...(defaultSuite().scenarios[0] as Scenario), name, cpus };
}

describe('tolerations', () => {
  it.each([
    ['dedicated', { key: 'dedicated', operator: 'Exists' }],
    ['dedicated:Exists', { key: 'dedicated', operator: 'Exists' }],
    ['dedicated=perf', { key: 'dedicated', operator: 'Equal', value: 'perf' }],
    [
      'dedicated=perf:NoSchedule',
      { key: 'dedicated', operator: 'Equal', value: 'perf', effect: 'NoSchedule' },
    ],
    [
      'node-role.kubernetes.io/control-plane:NoSchedule',
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
    ],
    ['gpu=:NoExecute', { key: 'gpu', operator: 'Equal', value: '', effect: 'NoExecute' }],
    ['*', { operator: 'Exists' }],
  ])('parses %j', (text, toleration) => {
    expect(parseToleration(text)).toEqual(toleration);
  });

  it.each([
    ['dedicated=perf:NoScheduled', "unknown effect 'NoScheduled'"],
    ['=perf', "bad key ''"],
    ['-bad-key', "bad key '-bad-key'"],
    ['key=bad value', "bad value 'bad value'"],
  ])('rejects %j with a usage error saying what is wrong', (text, message) => {
    expect(() => parseToleration(text)).toThrow(UsageError);
    expect(() => parseToleration(text)).toThrow(message);
  });

  it.each([
    ['dedicated=perf:NoSchedule', { key: 'dedicated', value: 'perf', effect: 'NoSchedule' }, true],
    ['dedicated=perf:NoSchedule', { key: 'dedicated', value: 'other', effect: 'NoSchedule' }, false],
    ['dedicated=perf:NoExecute', { key: 'dedicated', value: 'perf', effect: 'NoSchedule' }, false],
    ['dedicated', { key: 'dedicated', value: 'anything', effect: 'NoExecute' }, true],
    ['*', { key: 'whatever', effect: 'NoExecute' }, true],
    ['other', { key: 'dedicated', value: 'perf', effect: 'NoSchedule' }, false],
  ] as const)('%j tolerating %j is %s', (text, taint, expected) => {
    expect(toleratesTaint(parseToleration(text), taint)).toBe(expected);
  });

  it('counts only NoSchedule and NoExecute taints as blocking', () => {
    const taints = [
      { key: 'a', effect: 'PreferNoSchedule' },
      { key: 'b', effect: 'NoSchedule' },
      { key: 'c', effect: 'NoExecute' },
    ];
    expect(blockingTaints(taints, parseTolerations(['c']))).toEqual([{ key: 'b', effect: 'NoSchedule' }]);
  });
});

describe('label selectors', () => {
  const labels = { perf: 'true', zone: 'a', 'kubernetes.io/arch': 'amd64' };
  it.each([
    ['', true],
    ['perf=true', true],
    ['perf==true', true],
    ['perf!=true', false],
    ['spot!=true', true],
    ['perf', true],
    ['!perf', false],
    ['!spot', true],
    ['zone in (a, b)', true],
    ['zone notin (a,b)', false],
    ['perf=true,zone in (b,c)', false],
    ['kubernetes.io/arch=amd64,!spot', true],
  ])('%j matches the labels: %s', (selector, expected) => {
    expect(matchesSelector(labels, parseLabelSelector(selector))).toBe(expected);
  });

  it('rejects what is no selector', () => {
    expect(() => parseLabelSelector('perf=true,zone in a')).toThrow("cannot read 'zone in a'");
  });
});

describe('names', () => {
  it('names the namespace, pods and labels after the run id', () => {
    expect(namespaceFor('r1a2b3c4')).toBe('netperf-gate-r1a2b3c4');
    expect(podName('r1a2b3c4', 'server', 'c32', 'pod')).toBe('npg-r1a2b3c4-srv-c32');
    expect(podName('r1a2b3c4', 'client', 'any', 'host')).toBe('npg-r1a2b3c4-hcli-any');
    expect(runLabels('r1')).toEqual({
      'app.kubernetes.io/name': 'netperf-gate',
      'app.kubernetes.io/managed-by': 'netperf-gate',
      'netperf-gate/run-id': 'r1',
    });
  });

  it.each(['Upper', '1starts-with-digit', 'has-dash', 'a'.repeat(17)])('refuses run id %j', (runId) => {
    expect(() => checkRunId(runId)).toThrow(UsageError);
  });
});

describe('CPU profiles', () => {
  it('makes one profile per distinct cpus value, in order of first use', () => {
    const profiles = planProfiles(defaultSuite().scenarios);
    expect(profiles.map((p) => [p.key, p.scenarioNames, p.hostNetworkPort])).toEqual([
      ['any', ['tcp_stream_1'], 12866],
      ['c32', ['tcp_stream_32', 'tcp_rr_32cpu'], 12867],
      ['c1', ['tcp_rr_1cpu'], 12868],
    ]);
    expect(profileFor(profiles, scenario('x', 32)).key).toBe('c32');
  });

  it('asks each node for the largest profile only (one at a time), plus 0.1 CPU for the host-network reference pod', () => {
    const profiles = planProfiles(defaultSuite().scenarios);
    expect(nodeCpuNeedMillis(profiles, false)).toBe(32_000);
    expect(nodeCpuNeedMillis(profiles, true)).toBe(32_100);
    expect(describeCpuNeed(profiles, false)).toBe(
      '32 CPUs (for tcp_stream_32, tcp_rr_32cpu; one CPU size at a time)',
    );
    expect(describeCpuNeed(profiles, true)).toBe(
      '32.1 CPUs (for tcp_stream_32, tcp_rr_32cpu; one CPU size at a time, plus 0.1 for the host-network reference pod)',
    );
    const small = planProfiles([scenario('a', null), scenario('b', 1)]);
    expect(nodeCpuNeedMillis(small, false)).toBe(1_000);
    expect(nodeCpuNeedMillis(planProfiles([scenario('a', null)]), false)).toBe(100);
    expect(nodeCpuNeedMillis(planProfiles([scenario('a', null)]), true)).toBe(200);
    expect(nodeCpuNeedMillis([], true)).toBe(0);
  });

  it.each([0, 1.5, -2])('refuses cpus %j', (cpus) => {
    expect(() => planProfiles([scenario('odd', cpus)])).toThrow('Invalid cpus');
  });
});

describe('CPU quantities', () => {
  it.each([
    ['64', 64_000],
    ['63500m', 63_500],
    ['0.5', 500],
    ['1k', 1_000_000],
    ['lots', Number.NaN],
    [undefined, Number.NaN],
  ])('%j is %d millicores', (quantity, millis) => {
    expect(parseCpuMillis(quantity)).toBe(millis);
  });
});

describe('node choice', () => {
  const base: NodeChoiceInput = {
    nodes: BARE_METAL,
    selector: [],
    tolerations: [],
    needMillis: 32_000,
    needText: '32 CPUs (…)',
  };
  const names = (input: NodeChoiceInput) => {
    const choice = chooseNodes(input);
    return [choice.client.metadata?.name, choice.server.metadata?.name];
  };

  it('picks the first two Ready, schedulable, untainted nodes with the CPU, by name', () => {
    expect(names(base)).toEqual(['worker-a', 'worker-b']);
    expect(chooseNodes(base).why).toBe(
      'client node worker-a, server node worker-b (first by name among Ready, schedulable worker nodes with tolerated taints and ≥ 32 allocatable CPUs)',
    );
  });

  it('takes tainted nodes once their taint is tolerated, and honours the selector', () => {
    const selector = parseLabelSelector('perf=true');
    expect(() => names({ ...base, selector, selectorText: 'perf=true' })).toThrow(
      "Need two Ready, schedulable nodes matching --node-selector 'perf=true'; of the 2 matching nodes: perf-1 (taint dedicated=perf:NoSchedule not tolerated: add --toleration dedicated=perf:NoSchedule), perf-2 (taint dedicated=perf:NoSchedule not tolerated: add --toleration dedicated=perf:NoSchedule).",
    );
    expect(
      names({ ...base, selector, tolerations: parseTolerations(['dedicated=perf:NoSchedule']) }),
    ).toEqual(['perf-1', 'perf-2']);
  });

  it('uses named nodes and chooses the other one', () => {
    expect(names({ ...base, clientNode: 'worker-b', serverNode: 'worker-a' })).toEqual([
      'worker-b',
      'worker-a',
    ]);
    expect(names({ ...base, serverNode: 'worker-a' })).toEqual(['worker-b', 'worker-a']);
    expect(chooseNodes({ ...base, serverNode: 'worker-a' }).why).toContain(
      'one given, the other first by name',
    );
  });

  it.each([
    [{ clientNode: 'worker-a', serverNode: 'worker-a' }, 'are both'],
    [{ clientNode: 'worker-z' }, "Unknown --client-node 'worker-z'. Nodes in the cluster: cp-1, worker-d"],
    [{ serverNode: 'worker-c' }, '--server-node worker-c cannot take the pods: cordoned'],
    [{ serverNode: 'worker-d' }, '--server-node worker-d cannot take the pods: NotReady'],
    [{ clientNode: 'cp-1' }, 'taint node-role.kubernetes.io/control-plane:NoSchedule not tolerated'],
  ])('refuses %j', (named, message) => {
    expect(() => chooseNodes({ ...base, ...named })).toThrow(UsageError);
    expect(() => chooseNodes({ ...base, ...named })).toThrow(message);
  });

  it('says before creating anything that the nodes lack CPU for the suite, naming them', () => {
    const input = { ...base, nodes: KIND, needText: '32 CPUs (for tcp_stream_32, tcp_rr_32cpu; …)' };
    expect(() => chooseNodes(input)).toThrow(
      'Each node needs 32 CPUs (for tcp_stream_32, tcp_rr_32cpu; …) allocatable (free CPU unknown); CPUs: kind-worker 8 allocatable, kind-worker2 8 allocatable. Use bigger nodes, free CPU on them or leave out the largest scenarios (--scenarios).',
    );
    expect(names({ ...input, needMillis: 1_100 })).toEqual(['kind-worker', 'kind-worker2']);
  });

  it('never puts client and server on one node when only one fits', () => {
    const oneWorker = KIND.filter((node) => node.metadata?.name !== 'kind-worker2');
    expect(() => chooseNodes({ ...base, nodes: oneWorker, needMillis: 1_000 })).toThrow(
      'Need two Ready, schedulable nodes; of the 2 nodes: kind-control-plane (control-plane node: add --allow-control-plane to use it), kind-worker (ok).',
    );
  });
});
