/** The simulator's pure parts: selectors, fault specs, scheduling, quantities, WebSocket frames, protobuf, routes, logs. */

import { namespaceObject } from './kube-sim/cluster.js';
import { cpuSetOf, exclusiveCpusFor } from './kube-sim/cpu-manager.js';
import { checkFault, FaultBook, parseFaultSpec } from './kube-sim/faults.js';
import { LogBuffer } from './kube-sim/log-buffer.js';
import { buildNode, setNodeReady } from './kube-sim/nodes.js';
import { admitPod } from './kube-sim/pod-admission.js';
import { enforcePodSecurity } from './kube-sim/pod-security.js';
import { decodeProtobufObject } from './kube-sim/protobuf.js';
import { cpuMilli } from './kube-sim/quantity.js';
import { parseApiPath, verbOf } from './kube-sim/routes.js';
import { schedule } from './kube-sim/scheduler.js';
import { parseFieldSelector, parseLabelSelector } from './kube-sim/selectors.js';
import { ApiError } from './kube-sim/status.js';
import { humanAge } from './kube-sim/tables.js';
import type { KubeObject, PodObject } from './kube-sim/types.js';
import { acceptKey, decodeFrame, encodeFrame } from './kube-sim/websocket.js';

function labelled(labels: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', uid: 'u', resourceVersion: '1', creationTimestamp: '', labels },
  };
}

function pod(cpu?: string, tolerations: PodObject['spec']['tolerations'] = []): PodObject {
  const resources = cpu ? { limits: { cpu } } : undefined;
  const admitted = admitPod(
    { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'i', resources }], tolerations } },
    'ns',
  );
  return admitted;
}

describe('label and field selectors', () => {
  test.each([
    ['app=a', { app: 'a' }, true],
    ['app==a,tier!=db', { app: 'a', tier: 'web' }, true],
    ['app in (a, b)', { app: 'b' }, true],
    ['app notin (a,b)', { app: 'b' }, false],
    ['app', {}, false],
    ['!app', {}, true],
    ['', { any: 'x' }, true],
  ])('label selector %p on %p matches: %p', (selector, labels, expected) => {
    expect(parseLabelSelector(selector)(labelled(labels))).toBe(expected);
  });

  test('field selectors read dotted paths and reject unsupported fields with 400', () => {
    const object = { ...labelled({}), spec: { nodeName: 'n1' }, status: { phase: 'Running' } };
    expect(parseFieldSelector('spec.nodeName=n1,status.phase!=Failed', 'pods')(object)).toBe(true);
    expect(parseFieldSelector('metadata.name=q', 'pods')(object)).toBe(false);
    expect(() => parseFieldSelector('spec.image=x', 'pods')).toThrow('field label not supported: spec.image');
  });
});

describe('fault switches', () => {
  test('a spec string becomes a fault with defaults', () => {
    expect(parseFaultSpec('api-error:verb=create,resource=pods,code=500,times=2')).toEqual({
      kind: 'api-error',
      verb: 'create',
      resource: 'pods',
      code: 500,
      times: 2,
      retryAfterSeconds: 1,
      message: 'etcdserver: request timed out',
    });
    expect(parseFaultSpec('node-not-ready:node=sim-node-2')).toEqual({
      kind: 'node-not-ready',
      node: 'sim-node-2',
    });
  });

  test('a bad fault says which field is wrong', () => {
    expect(() => checkFault({ kind: 'exec-drop' })).toThrow(/afterMs/);
    expect(() => parseFaultSpec('pod-state:state=Sleepy')).toThrow(/state/);
  });

  test('a fault with times fires that many times, matching verb, resource and name globs', () => {
    const book = new FaultBook();
    book.add({ kind: 'api-error', verb: 'get', resource: 'pods', name: 'npg-*', code: 500, times: 2 });
    expect(book.takeApiError({ verb: 'get', resource: 'pods', name: 'other' })).toBeUndefined();
    expect(book.takeApiError({ verb: 'get', resource: 'pods', name: 'npg-1' })).toBeDefined();
    expect(book.takeApiError({ verb: 'get', resource: 'pods', name: 'npg-2' })).toBeDefined();
    expect(book.takeApiError({ verb: 'get', resource: 'pods', name: 'npg-3' })).toBeUndefined();
  });
});

describe('scheduling', () => {
  const tainted = buildNode(1, { taints: [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' }] });
  const small = buildNode(2, { cpu: '2' });

  test('picks the node with the least CPU requested among those that fit', () => {
    const result = schedule(pod('1'), [
      { node: buildNode(1, {}), requestedMilli: 4000 },
      { node: buildNode(2, {}), requestedMilli: 1000 },
    ]);
    expect(result).toEqual({ nodeName: 'sim-node-2' });
  });

  test('explains why no node fits, in the scheduler wording', () => {
    const result = schedule(pod('3'), [
      { node: tainted, requestedMilli: 0 },
      { node: small, requestedMilli: 0 },
    ]);
    expect(result).toEqual({
      message:
        '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {dedicated: infra}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    });
  });

  test('a NotReady node carries the not-ready taint that pods do not tolerate', () => {
    const node = buildNode(1, {});
    setNodeReady(node, false);
    expect(schedule(pod(), [{ node, requestedMilli: 0 }])).toEqual({
      message: expect.stringContaining('1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }'),
    });
  });
});

describe('pod admission', () => {
  test('defaults restart policy, grace period, tolerations, requests from limits and QoS', () => {
    const admitted = pod('2');
    expect(admitted.spec).toMatchObject({ restartPolicy: 'Always', terminationGracePeriodSeconds: 30 });
    expect(admitted.spec.containers[0]?.resources?.requests).toEqual({ cpu: '2' });
    expect(admitted.spec.tolerations?.map((t) => t.key)).toEqual([
      'node.kubernetes.io/not-ready',
      'node.kubernetes.io/unreachable',
    ]);
    expect(admitted.status).toEqual({ phase: 'Pending', qosClass: 'Burstable' });
  });

  test('an undecodable quantity is 400 BadRequest, as the API server decodes before validating', () => {
    const body = {
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: 'lots' } } }] },
    };
    expect(() => admitPod(body, 'ns')).toThrow(ApiError);
    expect(() => admitPod(body, 'ns')).toThrow(/quantities must match/);
  });
});

describe('pod security admission', () => {
  /** A pod as netperf-gate builds it (restricted-compliant), optionally on the host network. */
  function hardened(hostNetwork: boolean): PodObject {
    const securityContext = {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    };
    const container = { name: 'netserver', image: 'i', ports: [{ containerPort: 12866 }], securityContext };
    return admitPod({ metadata: { name: 'srv' }, spec: { hostNetwork, containers: [container] } }, 'ns');
  }
  const plain = () =>
    admitPod({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'i' }] } }, 'ns');
  const enforcing = (level?: string) =>
    namespaceObject('ns', level === undefined ? {} : { 'pod-security.kubernetes.io/enforce': level });
  const refusal = (pod: PodObject, level?: string) => {
    try {
      enforcePodSecurity(pod, enforcing(level));
      return undefined;
    } catch (error) {
      return (error as ApiError).status;
    }
  };

  test('defaults the host ports of a host-network pod to its container ports, as the API server does', () => {
    expect(hardened(true).spec.containers[0]?.ports).toEqual([{ containerPort: 12866, hostPort: 12866 }]);
    expect(hardened(false).spec.containers[0]?.ports).toEqual([{ containerPort: 12866 }]);
  });

  test.each([
    [undefined, true],
    ['privileged', true],
    ['baseline', false],
    ['restricted', false],
    ['nonsense', false],
  ])('enforce level %j admits a hardened host-network pod: %j', (level, admitted) => {
    expect(refusal(hardened(true), level) === undefined).toBe(admitted);
    expect(refusal(hardened(false), level)).toBeUndefined();
  });

  test("refuses with the PodSecurity plugin's 403, naming every violation", () => {
    expect(refusal(hardened(true), 'baseline')).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'pods "srv" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true), hostPort (container "netserver" uses hostPort 12866)',
      reason: 'Forbidden',
      details: { name: 'srv', kind: 'pods' },
      code: 403,
    });
    expect(refusal(plain(), 'baseline')).toBeUndefined();
    expect(refusal(plain(), 'restricted')?.message).toBe(
      'pods "p" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });
});

describe('quantities and CPU pinning', () => {
  test.each([
    ['500m', 500],
    ['2', 2000],
    ['1.5', 1500],
    ['0.1', 100],
  ])('%s is %d millicores', (text, milli) => {
    expect(cpuMilli(text)).toBe(milli);
  });

  test('exclusive cores are that many cores, capped at the machine, starting at a core per node', () => {
    expect(cpuSetOf(1, 1, 4)).toEqual([0]);
    expect(cpuSetOf(1, 2, 4)).toEqual([1]);
    expect(cpuSetOf(32, 2, 2)).toEqual([0, 1]);
  });

  const sized = (cpu: string, memoryLimit = '1Gi') =>
    ({
      metadata: { name: 'p', namespace: 'n', uid: 'u' },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'i',
            resources: { requests: { cpu, memory: '1Gi' }, limits: { cpu, memory: memoryLimit } },
          },
        ],
      },
    }) as unknown as Parameters<typeof exclusiveCpusFor>[0];

  test('only the static CPU manager pins, and only Guaranteed pods with whole CPUs', () => {
    expect(exclusiveCpusFor(sized('2'), 'static', 1, 4)).toEqual([0, 1]);
    expect(exclusiveCpusFor(sized('2'), 'none', 1, 4)).toBeUndefined();
    expect(exclusiveCpusFor(sized('1500m'), 'static', 1, 4)).toBeUndefined();
    expect(exclusiveCpusFor(sized('2', '2Gi'), 'static', 1, 4)).toBeUndefined();
  });
});

describe('wire helpers', () => {
  test('the WebSocket accept key is the one RFC 6455 gives for its sample key', () => {
    expect(acceptKey('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  test('frames round-trip, including masked client frames and 16-bit lengths', () => {
    const payload = Buffer.alloc(300, 7);
    const frame = decodeFrame(encodeFrame(0x2, payload));
    expect(frame).toMatchObject({ fin: true, opcode: 2, size: 304 });
    expect(frame?.payload.equals(payload)).toBe(true);
    const mask = [1, 2, 3, 4];
    const masked = Buffer.from([0x82, 0x80 | 3, ...mask, 0x41 ^ 1, 0x42 ^ 2, 0x43 ^ 3]);
    expect(decodeFrame(masked)?.payload.toString()).toBe('ABC');
    expect(decodeFrame(masked.subarray(0, 5))).toBeUndefined();
  });

  test('a protobuf Namespace (as kubectl create namespace sends it) decodes to name and labels', () => {
    const field = (n: number, bytes: Buffer) =>
      Buffer.concat([Buffer.from([(n << 3) | 2, bytes.length]), bytes]);
    const label = field(11, Buffer.concat([field(1, Buffer.from('team')), field(2, Buffer.from('perf'))]));
    const meta = field(1, Buffer.concat([field(1, Buffer.from('t1')), label]));
    const typeMeta = field(
      1,
      Buffer.concat([field(1, Buffer.from('v1')), field(2, Buffer.from('Namespace'))]),
    );
    const body = Buffer.concat([Buffer.from('k8s\0'), typeMeta, field(2, meta)]);
    expect(decodeProtobufObject(body)).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 't1', labels: { team: 'perf' } },
    });
  });

  test('paths and methods map to resource, namespace, name, subresource and verb', () => {
    expect(parseApiPath('/api/v1/namespaces/ns/pods/p/exec')).toEqual({
      resource: 'pods',
      namespace: 'ns',
      name: 'p',
      subresource: 'exec',
    });
    expect(parseApiPath('/api/v1/namespaces/ns')).toEqual({ resource: 'namespaces', name: 'ns' });
    expect(parseApiPath('/api/v1/nodes')).toEqual({ resource: 'nodes' });
    expect(verbOf('GET', { resource: 'pods' }, true)).toBe('watch');
    expect(verbOf('DELETE', { resource: 'pods', name: 'p' }, false)).toBe('delete');
  });

  test('ages print like kubectl', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(humanAge('2026-01-01T11:59:30Z', now)).toBe('30s');
    expect(humanAge('2026-01-01T11:55:30Z', now)).toBe('4m30s');
    expect(humanAge('2026-01-01T09:00:00Z', now)).toBe('3h');
    expect(humanAge('2025-12-29T12:00:00Z', now)).toBe('3d');
  });

  test('the log keeps lines with timestamps and answers tailLines', () => {
    const log = new LogBuffer();
    log.append('a\nb');
    log.append('c\nd\n');
    expect(log.read({})).toBe('a\nbc\nd\n');
    expect(log.read({ tailLines: 1 })).toBe('d\n');
    expect(log.read({ timestamps: true })).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z a\n/);
  });
});
