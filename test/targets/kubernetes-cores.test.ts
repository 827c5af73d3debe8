/**
 * What the Kubernetes target reads about its pods on a real cluster, pure: exclusive cores (qosClass and
 * Cpus_allowed_list), the pod address of the chosen IP family, and a netserver probed at start-up only.
 */
import { readFileSync } from 'node:fs';
import type { V1Pod } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { diffEnvironments } from '../../src/compare/environment.js';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import { LIMITS } from '../../src/suite/schema.js';
import {
  allowedCpusFromStatus,
  countCpuList,
  describePinning,
  type PodCpus,
  pinningWarning,
} from '../../src/targets/kubernetes/cpu-pinning.js';
import { pickPodAddress } from '../../src/targets/kubernetes/pod-address.js';
import { buildPod, NETPERF_DATA_PORTS } from '../../src/targets/kubernetes/pod-spec.js';
import { NETSERVER_PORT, planProfiles } from '../../src/targets/kubernetes/profiles.js';
import { UsageError } from '../../src/util/errors.js';
import { resultsWith } from '../helpers/results-builder.js';

const [ANY, C32, C1] = planProfiles(defaultSuite().scenarios);
if (ANY === undefined || C32 === undefined || C1 === undefined) throw new Error('default suite changed');

const pod = (role: PodCpus['role'], qosClass: string, allowedCpus: number | undefined): PodCpus => ({
  role,
  pod: `npg-r1-${role === 'server' ? 'srv' : 'cli'}-c1`,
  qosClass,
  allowedCpus,
});

describe('exclusive cores', () => {
  test.each([
    ['0', 1],
    ['0-3', 4],
    ['0-3,8,10-11', 7],
    ['bad', undefined],
  ])('Cpus_allowed_list %s names %s CPUs', (list, count) => {
    expect(countCpuList(list)).toBe(count);
  });

  test('reads Cpus_allowed_list from a /proc/self/status text', () => {
    const status = 'Name:\tcat\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\nMems_allowed_list:\t0\n';
    expect(allowedCpusFromStatus(status)).toBe(2);
    expect(allowedCpusFromStatus('Name:\tcat\n')).toBeUndefined();
  });

  test('Guaranteed pods with as many CPUs as requested have exclusive cores: no warning', () => {
    const pods = [pod('server', 'Guaranteed', 1), pod('client', 'Guaranteed', 1)];
    expect(pinningWarning(C1, pods)).toBeUndefined();
    expect(describePinning(C1, pods)).toBe(
      'c1: server Guaranteed 1 CPUs allowed, client Guaranteed 1 CPUs allowed of 1 requested (exclusive cores)',
    );
  });

  test('more CPUs allowed than requested (CPU manager none) warns in one line and is recorded as shared', () => {
    const pods = [pod('server', 'Guaranteed', 64), pod('client', 'Guaranteed', 1)];
    expect(pinningWarning(C1, pods)).toBe(
      'kubernetes: the pods of tcp_rr_1cpu did not get exclusive cores: server pod npg-r1-srv-c1 may run on 64 CPUs for 1 requested (the kubelet\'s CPU manager policy is not static). Their results are not comparable with runs on exclusive cores (see README: "Exclusive cores").',
    );
    expect(describePinning(C1, pods)).toMatch(/\(shared cores\)$/);
  });

  test('a Burstable pod (a sidecar without limits) is named as such', () => {
    const warning = pinningWarning(C1, [pod('server', 'Guaranteed', 1), pod('client', 'Burstable', 64)]);
    expect(warning).toContain(
      'client pod npg-r1-cli-c1 is Burstable, not Guaranteed (did a webhook inject a sidecar without CPU limits?)',
    );
  });

  test('the unlimited profile shares cores by design: recorded, never warned', () => {
    const pods = [pod('server', 'Burstable', 64), pod('client', 'Burstable', 64)];
    expect(pinningWarning(ANY, pods)).toBeUndefined();
    expect(describePinning(ANY, pods)).toBe(
      'any: server Burstable 64 CPUs allowed, client Burstable 64 CPUs allowed (not limited: shared cores)',
    );
  });
});

test('the environment diff shows a baseline on exclusive cores against a run on shared ones', () => {
  const on = (cpuPinning: string) => {
    const results = resultsWith([]);
    return { ...results, environment: { ...results.environment, details: { cpuPinning } } };
  };
  const exclusive = describePinning(C1, [pod('server', 'Guaranteed', 1), pod('client', 'Guaranteed', 1)]);
  const shared = describePinning(C1, [pod('server', 'Guaranteed', 64), pod('client', 'Guaranteed', 64)]);
  expect(diffEnvironments(on(exclusive), on(shared))).toEqual([
    { field: 'cpuPinning', baseline: exclusive, current: shared },
  ]);
});

describe('pod address of an IP family', () => {
  const withIps = (...ips: string[]): V1Pod => ({
    metadata: { name: 'srv' },
    status: { podIP: ips[0], podIPs: ips.map((ip) => ({ ip })) },
  });

  test("without --ip-family the cluster's first family is used", () => {
    expect(pickPodAddress(withIps('2001:2:0:65::2', '198.19.101.2'), undefined)).toBe('2001:2:0:65::2');
    expect(pickPodAddress(withIps('198.19.101.2', '2001:2:0:65::2'), undefined)).toBe('198.19.101.2');
  });

  test('on a dual-stack cluster --ip-family picks that family whatever the order', () => {
    expect(pickPodAddress(withIps('2001:2:0:65::2', '198.19.101.2'), 'ipv4')).toBe('198.19.101.2');
    expect(pickPodAddress(withIps('198.19.101.2', '2001:2:0:65::2'), 'ipv6')).toBe('2001:2:0:65::2');
  });

  test('a family the cluster does not have is a one-line usage error', () => {
    const pick = () => pickPodAddress(withIps('198.19.101.2'), 'ipv6');
    expect(pick).toThrow(UsageError);
    expect(pick).toThrow(
      '--ip-family ipv6: pod srv has no IPv6 address (podIPs: 198.19.101.2); the cluster is ipv4-only, so use --ip-family ipv4 or leave it out',
    );
  });

  test('a pod without an IP yet has no address', () => {
    expect(pickPodAddress({ status: {} }, undefined)).toBeUndefined();
  });
});

describe('netserver pod', () => {
  const server = buildPod({
    runId: 'r1a2b3c4',
    namespace: 'ns',
    image: DEFAULT_IMAGE,
    tolerations: [],
    profile: C1,
    role: 'server',
    network: 'pod',
    node: { name: 'worker-b', hostname: 'worker-b' },
  });
  const container = server.spec?.containers[0];

  test('is probed at start-up only: a tcpSocket startup probe on its port, no readiness probe', () => {
    expect(container?.startupProbe?.tcpSocket?.port).toBe(12865);
    expect(container?.readinessProbe).toBeUndefined();
    expect(container?.livenessProbe).toBeUndefined();
  });

  test('listens on both IP families (no -4 or -6)', () => {
    expect(container?.command).toEqual(['netserver', '-D', '-p', '12865']);
  });

  test('has a data port for every instance a scenario may run', () => {
    expect(NETPERF_DATA_PORTS).toEqual({ first: 42424, count: LIMITS.concurrency.max });
  });

  test('deploy/network-policy.yaml allows exactly the control port and the data ports, both ways', () => {
    const text = readFileSync(new URL('../../deploy/network-policy.yaml', import.meta.url), 'utf8');
    type Rule = { ports: { protocol: string; port: number; endPort?: number }[] };
    type Policy = { spec: { ingress?: Rule[]; egress?: Rule[] } };
    const policies = parseAllDocuments(text).map((doc) => doc.toJSON() as Policy);
    const last = NETPERF_DATA_PORTS.first + NETPERF_DATA_PORTS.count - 1;
    const expected = [
      { protocol: 'TCP', port: NETSERVER_PORT },
      { protocol: 'TCP', port: NETPERF_DATA_PORTS.first, endPort: last },
    ];
    const rules = policies.flatMap((policy) => [
      ...(policy.spec.ingress ?? []),
      ...(policy.spec.egress ?? []),
    ]);
    expect(rules).toHaveLength(2);
    for (const rule of rules) expect(rule.ports).toEqual(expected);
  });
});
