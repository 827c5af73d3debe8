/** The Kubernetes target's pods: pure builders (snapshots), reading pod status and events, the wait's verdict. */
import { readFileSync } from 'node:fs';
import type { CoreV1EventList, V1Pod } from '@kubernetes/client-node';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import {
  buildNamespace,
  buildPod,
  buildRunPods,
  podResources,
} from '../../src/targets/kubernetes/pod-spec.js';
import {
  isPodReady,
  lastEventFor,
  pendingState,
  podFailure,
  unschedulableReason,
} from '../../src/targets/kubernetes/pod-status.js';
import { judgeWait, type WaitState } from '../../src/targets/kubernetes/pod-wait.js';
import { planProfiles } from '../../src/targets/kubernetes/profiles.js';
import { parseTolerations } from '../../src/targets/kubernetes/tolerations.js';

function fixture<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/kubernetes/${file}`, import.meta.url), 'utf8')) as T;
}

const POD_STATES = fixture<Record<string, V1Pod>>('pod-states.json');
const EVENTS = fixture<CoreV1EventList>('events.json').items;
const podIn = (state: string): V1Pod => {
  const pod = POD_STATES[state];
  if (pod === undefined) throw new Error(`no pod state ${state}`);
  return pod;
};

const PROFILES = planProfiles(defaultSuite().scenarios);
const [, C32, C1] = PROFILES;
const BASE = {
  runId: 'r1a2b3c4',
  namespace: 'netperf-gate-r1a2b3c4',
  image: DEFAULT_IMAGE,
  tolerations: parseTolerations(['dedicated=perf:NoSchedule']),
};
const NODES = {
  client: { name: 'worker-a', hostname: 'worker-a' },
  server: { name: 'worker-b', hostname: 'worker-b' },
};

describe('pod builders', () => {
  it('builds the run namespace with restricted Pod Security, privileged only for host networking', () => {
    expect(buildNamespace('r1a2b3c4', 'netperf-gate-r1a2b3c4', false)).toMatchSnapshot();
    expect(buildNamespace('r1', 'n', true).metadata?.labels?.['pod-security.kubernetes.io/enforce']).toBe(
      'privileged',
    );
  });

  it('builds a Guaranteed 32-core netserver pod pinned to the server node', () => {
    if (C32 === undefined) throw new Error('no c32 profile');
    expect(
      buildPod({ ...BASE, profile: C32, role: 'server', network: 'pod', node: NODES.server }),
    ).toMatchSnapshot();
  });

  it('builds a client pod that sleeps until netperf is exec-ed in it', () => {
    if (C1 === undefined) throw new Error('no c1 profile');
    expect(
      buildPod({ ...BASE, profile: C1, role: 'client', network: 'pod', node: NODES.client }),
    ).toMatchSnapshot();
  });

  it('builds host-network netservers on a port of their own per profile, small and Burstable whatever its size', () => {
    if (C32 === undefined) throw new Error('no c32 profile');
    const node = { name: 'worker-b', hostname: undefined };
    expect(buildPod({ ...BASE, profile: C32, role: 'server', network: 'host', node })).toMatchSnapshot();
  });

  it('asks requests = limits for sized profiles and no CPU limit for unlimited ones', () => {
    expect(PROFILES.map((profile) => podResources(profile))).toEqual([
      { requests: { cpu: '100m', memory: '1Gi' }, limits: { memory: '1Gi' } },
      { requests: { cpu: '32', memory: '1Gi' }, limits: { cpu: '32', memory: '1Gi' } },
      { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
    ]);
  });

  it('asks 0.1 CPU and no CPU limit for host-network reference pods whatever the profile (Burstable)', () => {
    const reference = { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '1Gi' } };
    expect(PROFILES.map((profile) => podResources(profile, 'host'))).toEqual([
      reference,
      reference,
      reference,
    ]);
  });

  it('builds a server and a client per profile, servers on the server node, twice with the reference', () => {
    const pods = buildRunPods(BASE, PROFILES, NODES, true);
    expect(
      pods.map((pod) => `${pod.metadata?.name}@${pod.spec?.nodeSelector?.['kubernetes.io/hostname']}`),
    ).toEqual([
      'npg-r1a2b3c4-srv-any@worker-b',
      'npg-r1a2b3c4-cli-any@worker-a',
      'npg-r1a2b3c4-srv-c32@worker-b',
      'npg-r1a2b3c4-cli-c32@worker-a',
      'npg-r1a2b3c4-srv-c1@worker-b',
      'npg-r1a2b3c4-cli-c1@worker-a',
      'npg-r1a2b3c4-hsrv-any@worker-b',
      'npg-r1a2b3c4-hcli-any@worker-a',
      'npg-r1a2b3c4-hsrv-c32@worker-b',
      'npg-r1a2b3c4-hcli-c32@worker-a',
      'npg-r1a2b3c4-hsrv-c1@worker-b',
      'npg-r1a2b3c4-hcli-c1@worker-a',
    ]);
    expect(buildRunPods(BASE, PROFILES, NODES, false)).toHaveLength(6);
  });
});

describe('pod status', () => {
  it.each([
    [
      'image-pull-backoff',
      'image',
      'ImagePullBackOff: Back-off pulling image "quay.io/cilium/network-perf:nope"',
    ],
    ['crash-loop', 'container', 'CrashLoopBackOff: back-off 40s restarting failed container=netserver'],
    [
      'exited',
      'container',
      'Error: container netserver exited with code 127 (exec: "netserver": executable file',
    ],
    ['out-of-cpu', 'rejected', "OutOfcpu: Pod was rejected: Node didn't have enough resource: cpu"],
  ])('%s is a failure (%s)', (state, trouble, reason) => {
    const failure = podFailure(podIn(state));
    expect(failure?.trouble).toBe(trouble);
    expect(failure?.reason).toContain(reason);
  });

  it.each(['unschedulable', 'container-creating', 'running-not-ready', 'running-ready'])(
    '%s is no failure (yet)',
    (state) => {
      expect(podFailure(podIn(state))).toBeUndefined();
    },
  );

  it('is Ready only when Running with the Ready condition True', () => {
    expect(isPodReady(podIn('running-ready'))).toBe(true);
    expect(isPodReady(podIn('running-not-ready'))).toBe(false);
    expect(isPodReady(podIn('container-creating'))).toBe(false);
  });

  it.each([
    ['unschedulable', 'Unschedulable: 0/3 nodes are available: 1 node(s) had untolerated taint'],
    ['container-creating', 'ContainerCreating'],
    ['running-not-ready', 'Running, not Ready (netserver not accepting connections yet)'],
  ])('says where a %s pod stands', (state, text) => {
    expect(pendingState(podIn(state))).toContain(text);
  });

  it('reads the scheduler reason only from an Unschedulable PodScheduled condition', () => {
    expect(unschedulableReason(podIn('unschedulable'))).toContain('2 Insufficient cpu');
    expect(unschedulableReason(podIn('container-creating'))).toBeUndefined();
  });

  it("quotes a pod's latest event", () => {
    expect(lastEventFor(EVENTS, 'npg-r1a2b3c4-srv-c1')).toBe(
      'BackOff: Back-off pulling image "quay.io/cilium/network-perf:nope"',
    );
    expect(lastEventFor(EVENTS, 'npg-r1a2b3c4-srv-c32')).toMatch(
      /^FailedScheduling: 0\/3 nodes are available/,
    );
    expect(lastEventFor(EVENTS, 'no-such-pod')).toBeUndefined();
  });
});

describe('the wait verdict', () => {
  const bounds = { readyMs: 300_000, unschedulableMs: 60_000 };
  const named = (pod: V1Pod, name: string): V1Pod => ({ ...pod, metadata: { ...pod.metadata, name } });
  const stateOf = (pods: V1Pod[]): WaitState => ({
    pods: new Map(pods.map((pod) => [pod.metadata?.name ?? '', pod])),
    unschedulableSince: new Map(),
    startedMs: 0,
  });

  it('is ready when every pod is Ready, and waits while one is not', () => {
    const ready = [named(podIn('running-ready'), 'a'), named(podIn('running-ready'), 'b')];
    expect(judgeWait(['a', 'b'], stateOf(ready), 1_000, bounds)).toEqual({ ready: true });
    const oneCreating = [ready[0] as V1Pod, named(podIn('container-creating'), 'b')];
    expect(judgeWait(['a', 'b'], stateOf(oneCreating), 1_000, bounds)).toBeUndefined();
  });

  it('stops at once on a pod that cannot start', () => {
    const pods = [named(podIn('running-ready'), 'a'), named(podIn('image-pull-backoff'), 'b')];
    expect(judgeWait(['a', 'b'], stateOf(pods), 1_000, bounds)).toMatchObject({
      stuck: 'b',
      problem: { trouble: 'image' },
    });
  });

  it('gives an unschedulable pod its own, shorter bound, counted from when it was first seen so', () => {
    const state = stateOf([named(podIn('unschedulable'), 'a')]);
    expect(judgeWait(['a'], state, 10_000, bounds)).toBeUndefined();
    expect(judgeWait(['a'], state, 69_999, bounds)).toBeUndefined();
    expect(judgeWait(['a'], state, 70_000, bounds)).toMatchObject({
      stuck: 'a',
      problem: {
        trouble: 'unschedulable',
        reason: expect.stringMatching(/^stayed Pending for 60 s: Unschedulable: 0\/3/),
      },
    });
  });

  it('ends when the pods are not Ready within the bound, saying where the late one stands', () => {
    const state = stateOf([named(podIn('running-not-ready'), 'a')]);
    expect(judgeWait(['a', 'b'], state, 300_000, bounds)).toEqual({
      stuck: 'a',
      problem: {
        trouble: 'slow',
        reason: 'not Ready within 300 s: Running, not Ready (netserver not accepting connections yet)',
      },
    });
  });
});
