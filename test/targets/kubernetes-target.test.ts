/** The Kubernetes target's lifecycle over a fake API: what it creates, where, how it runs netperf and cleans up. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type {
  CoreV1Event,
  CoreV1EventList,
  V1Namespace,
  V1Node,
  V1NodeList,
  V1Pod,
} from '@kubernetes/client-node';
import { DEFAULT_IMAGE, type KubernetesSettings } from '../../src/config/run-config.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import type { KubeApi, PodWatchEvent } from '../../src/targets/kubernetes/kube-api.js';
import {
  createKubernetesTarget,
  type KubernetesTarget,
  normaliseSettings,
} from '../../src/targets/kubernetes/kubernetes-target.js';
import { InfraError, UsageError } from '../../src/util/errors.js';

function fixture<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/kubernetes/${file}`, import.meta.url), 'utf8')) as T;
}

const NODES = fixture<V1NodeList>('nodes-bare-metal.json').items;
const EVENTS = fixture<CoreV1EventList>('events.json').items;
const SCENARIOS = defaultSuite().scenarios;
const SETTINGS: KubernetesSettings = { tolerations: [], image: DEFAULT_IMAGE, hostNetworkReference: false };

type PodFate = 'ready' | 'image-pull-backoff' | 'unschedulable';

/** A 403 as client-node throws it: `ApiException` with the API server's Status as the body. */
function forbiddenError(message: string): Error {
  const body = JSON.stringify({ kind: 'Status', status: 'Failure', reason: 'Forbidden', message, code: 403 });
  return Object.assign(new Error('HTTP-Code: 403'), { code: 403, body });
}

/**
 * Runs the fan-out script (`sh -c SCRIPT NAME N netperf ARGS…`) for real with `echo ran netperf`
 * in place of netperf, as a client pod's shell would run it.
 */
async function runFanOutWithEcho(command: readonly string[]) {
  const argv = [...command.slice(1, 5), 'echo', 'ran', ...command.slice(5)];
  const { stdout, stderr } = await promisify(execFile)('sh', argv, { encoding: 'utf8' });
  return { stdout, stderr, exitCode: 0 };
}

/** An API server in memory: pods become Ready (or stuck) right after they are created. */
class FakeApi implements KubeApi {
  readonly server = 'https://fake:6443';
  readonly calls: string[] = [];
  readonly namespaces = new Map<string, V1Namespace>();
  readonly pods = new Map<string, V1Pod>();
  readonly execs: { pod: string; command: readonly string[] }[] = [];
  mostExecsAtOnce = 0;
  private execsRunning = 0;
  private readonly watchers = new Set<(event: PodWatchEvent) => void>();
  private nextIp = 10;
  constructor(
    private readonly nodes: V1Node[] = NODES,
    private readonly fate: (pod: string) => PodFate = () => 'ready',
    existing: (string | V1Namespace)[] = [],
  ) {
    for (const given of existing) {
      const namespace = typeof given === 'string' ? { metadata: { name: given } } : given;
      this.namespaces.set(namespace.metadata?.name ?? '', namespace);
    }
  }
  serverVersion = async () => 'v1.32.3';
  listNodes = async () => this.nodes;
  listAllPods = async () => [...this.pods.values()];
  createNamespace = async (body: V1Namespace) => {
    this.calls.push(`create namespace ${body.metadata?.name}`);
    this.namespaces.set(body.metadata?.name ?? '', body);
    return body;
  };
  readNamespace = async (name: string) => this.namespaces.get(name);
  listNamespaces = async () => [...this.namespaces.values()];
  deleteNamespace = async (name: string) => {
    this.calls.push(`delete namespace ${name}`);
    this.namespaces.delete(name);
    for (const key of [...this.pods.keys()]) if (key.startsWith(`${name}/`)) this.pods.delete(key);
  };
  createPod = async (namespace: string, body: V1Pod) => {
    if (!this.namespaces.has(namespace)) {
      throw Object.assign(new Error('Unknown API Status Code!'), {
        code: 404,
        body: '{"reason":"NotFound"}',
      });
    }
    const name = body.metadata?.name ?? '';
    this.calls.push(`create pod ${name}`);
    const level = this.namespaces.get(namespace)?.metadata?.labels?.['pod-security.kubernetes.io/enforce'];
    if (body.spec?.hostNetwork && (level === 'baseline' || level === 'restricted')) {
      throw forbiddenError(
        `pods "${name}" is forbidden: violates PodSecurity "${level}:latest": host namespaces (hostNetwork=true)`,
      );
    }
    const pod: V1Pod = { ...body, status: { phase: 'Pending' } };
    this.pods.set(`${namespace}/${name}`, pod);
    setImmediate(() => this.advance(namespace, pod));
    return pod;
  };
  readPod = async (namespace: string, name: string) => this.pods.get(`${namespace}/${name}`);
  listPods = async (namespace: string) => ({
    pods: [...this.pods.entries()].filter(([key]) => key.startsWith(`${namespace}/`)).map(([, pod]) => pod),
    resourceVersion: '100',
  });
  deletePod = async (namespace: string, name: string) => {
    this.calls.push(`delete pod ${name}`);
    this.pods.delete(`${namespace}/${name}`);
  };
  listEvents = async (): Promise<CoreV1Event[]> => EVENTS;
  watchPods = async (
    _ns: string,
    _selector: string,
    _rv: string | undefined,
    onEvent: (e: PodWatchEvent) => void,
  ) => {
    this.watchers.add(onEvent);
    return { stop: () => this.watchers.delete(onEvent) };
  };
  exec = async (namespace: string, pod: string, _container: string, command: readonly string[]) => {
    if (command[0] === 'cat') return this.procStatus(namespace, pod);
    this.execs.push({ pod, command });
    this.execsRunning += 1;
    this.mostExecsAtOnce = Math.max(this.mostExecsAtOnce, this.execsRunning);
    await new Promise((resume) => setTimeout(resume, 5));
    this.execsRunning -= 1;
    if (command[0] === 'sh') return runFanOutWithEcho(command);
    const stdout = command[1] === '-V' ? 'Netperf version 2.7.0\n' : `ran ${command.join(' ')}\n`;
    return { stdout, stderr: '', exitCode: 0 };
  };

  /** `/proc/self/status` as under the static CPU manager: a Guaranteed pod's own cores, others all 64. */
  private procStatus(namespace: string, pod: string) {
    const limit = this.pods.get(`${namespace}/${pod}`)?.spec?.containers[0]?.resources?.limits?.cpu;
    const cpus = limit === undefined ? '0-63' : limit === '1' ? '5' : `0-${Number(limit) - 1}`;
    return {
      stdout: `Name:\tcat\nCpus_allowed:\tffff\nCpus_allowed_list:\t${cpus}\n`,
      stderr: '',
      exitCode: 0,
    };
  }

  private advance(namespace: string, pod: V1Pod): void {
    const name = pod.metadata?.name ?? '';
    const status = this.statusFor(name, pod.spec?.hostNetwork === true);
    const limited = pod.spec?.containers[0]?.resources?.limits?.cpu !== undefined;
    const updated = { ...pod, status: { ...status, qosClass: limited ? 'Guaranteed' : 'Burstable' } };
    this.pods.set(`${namespace}/${name}`, updated);
    for (const watcher of this.watchers) watcher({ type: 'MODIFIED', object: updated });
  }

  private statusFor(name: string, hostNetwork: boolean): V1Pod['status'] {
    switch (this.fate(name)) {
      case 'unschedulable':
        return {
          phase: 'Pending',
          conditions: [
            {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message: '0/3 nodes are available: 2 Insufficient cpu.',
            },
          ],
        };
      case 'image-pull-backoff':
        return {
          phase: 'Pending',
          containerStatuses: [
            {
              name: 'netserver',
              image: 'x',
              imageID: '',
              ready: false,
              restartCount: 0,
              state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "x"' } },
            },
          ],
        };
      case 'ready':
        return {
          phase: 'Running',
          podIP: hostNetwork ? '10.0.0.12' : `10.244.0.${this.nextIp++}`,
          conditions: [{ type: 'Ready', status: 'True' }],
        };
    }
  }
}

function newTarget(
  api: FakeApi,
  settings: Partial<KubernetesSettings> = {},
  log: string[] = [],
): KubernetesTarget {
  return createKubernetesTarget(
    { ...SETTINGS, ...settings },
    {
      log: (line) => log.push(line),
      api,
      runId: 'r1a2b3c4',
      bounds: { readyMs: 5_000, unschedulableMs: 300 },
      cleanupWaitMs: 1_000,
    },
  );
}

function scenario(name: string) {
  const found = SCENARIOS.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no scenario ${name}`);
  return found;
}

describe('the Kubernetes target', () => {
  it("creates the namespace and the first scenario's pods only, on the two chosen nodes", async () => {
    const api = new FakeApi();
    const log: string[] = [];
    const target = newTarget(api, {}, log);
    await target.prepare(SCENARIOS);
    expect(api.calls).toEqual([
      'create namespace netperf-gate-r1a2b3c4',
      'create pod npg-r1a2b3c4-srv-any',
      'create pod npg-r1a2b3c4-cli-any',
    ]);
    const server = api.pods.get('netperf-gate-r1a2b3c4/npg-r1a2b3c4-srv-any');
    const client = api.pods.get('netperf-gate-r1a2b3c4/npg-r1a2b3c4-cli-any');
    expect(server?.spec?.nodeSelector).toEqual({ 'kubernetes.io/hostname': 'worker-b' });
    expect(client?.spec?.nodeSelector).toEqual({ 'kubernetes.io/hostname': 'worker-a' });
    expect(log[0]).toBe(
      'kubernetes: client node worker-a, server node worker-b (first by name among Ready, schedulable worker nodes with tolerated taints and ≥ 32 free CPUs)',
    );
    expect(log.filter((line) => line.includes('not chosen')).map((line) => line.split(' (')[0])).toEqual([
      'kubernetes: not chosen: cp-1',
      'kubernetes: not chosen: perf-1',
      'kubernetes: not chosen: perf-2',
      'kubernetes: not chosen: worker-c',
      'kubernetes: not chosen: worker-d',
    ]);
    expect(log[6]).toMatch(
      /^kubernetes: pods of cpus not limited \(tcp_stream_1\) Ready in namespace netperf-gate-r1a2b3c4 \(\d+\.\d s\)$/,
    );
    expect(target.createdResources()).toEqual({
      runId: 'r1a2b3c4',
      namespace: 'netperf-gate-r1a2b3c4',
      namespaceCreated: true,
      pods: ['npg-r1a2b3c4-srv-any', 'npg-r1a2b3c4-cli-any'],
    });
    await target.cleanup();
  });

  it("switches pods per scenario in the suite's order: the other profile's deleted first, the same one kept", async () => {
    const api = new FakeApi();
    const log: string[] = [];
    const target = newTarget(api, {}, log);
    await target.prepare(SCENARIOS);
    api.calls.length = 0;
    for (const each of [...SCENARIOS, scenario('tcp_rr_32cpu')]) await target.useProfile(each);
    const pair = (verb: string, key: string) =>
      ['srv', 'cli'].map((side) => `${verb} pod npg-r1a2b3c4-${side}-${key}`);
    expect(api.calls).toEqual([
      ...pair('delete', 'any'),
      ...pair('create', 'c32'),
      ...pair('delete', 'c32'),
      ...pair('create', 'c1'),
      ...pair('delete', 'c1'),
      ...pair('create', 'c32'),
    ]);
    expect([...api.pods.keys()].sort()).toEqual([
      'netperf-gate-r1a2b3c4/npg-r1a2b3c4-cli-c32',
      'netperf-gate-r1a2b3c4/npg-r1a2b3c4-srv-c32',
    ]);
    expect(target.createdResources().pods).toEqual(['npg-r1a2b3c4-srv-c32', 'npg-r1a2b3c4-cli-c32']);
    expect(log.at(-1)).toMatch(
      /^kubernetes: pods of cpus 32 \(tcp_stream_32, tcp_rr_32cpu\) Ready in namespace netperf-gate-r1a2b3c4 \(\d+\.\d s, after deleting those of cpus 1 \(tcp_rr_1cpu\)\)$/,
    );
    await target.cleanup();
  });

  it("stops with one line when the previous profile's pods do not go away", async () => {
    const api = new FakeApi();
    const target = newTarget(api);
    await target.prepare(SCENARIOS);
    api.deletePod = async () => {}; // accepted, never gone (a kubelet that does not answer)
    await expect(target.useProfile(scenario('tcp_stream_32'))).rejects.toThrow(
      new InfraError(
        "pods npg-r1a2b3c4-srv-any, npg-r1a2b3c4-cli-any in netperf-gate-r1a2b3c4 were still there 1 s after being deleted; check their nodes' kubelet (kubectl -n netperf-gate-r1a2b3c4 describe pod npg-r1a2b3c4-srv-any)",
      ),
    );
    await target.cleanup();
    expect(api.namespaces.size).toBe(0);
  });

  it('runs the whole suite on nodes with only the largest profile allocatable (32 CPUs, not 33.1), plus 0.1 for the reference', async () => {
    const withCpu = (cpu: string) =>
      NODES.map((node) => ({
        ...node,
        status: { ...node.status, allocatable: { ...node.status?.allocatable, cpu } },
      }));
    const target = newTarget(new FakeApi(withCpu('32')));
    await target.prepare(SCENARIOS);
    for (const each of SCENARIOS) await target.useProfile(each);
    await target.cleanup();
    const withReference = newTarget(new FakeApi(withCpu('32')), { hostNetworkReference: true });
    await expect(withReference.prepare(SCENARIOS)).rejects.toThrow(
      'Each node needs 32.1 CPUs (for tcp_stream_32, tcp_rr_32cpu; one CPU size at a time, plus 0.1 for the host-network reference pod) free; CPUs: worker-a 32 free of 32 allocatable',
    );
    const roomForReference = newTarget(new FakeApi(withCpu('32100m')), { hostNetworkReference: true });
    await roomForReference.prepare(SCENARIOS);
    for (const each of SCENARIOS) await roomForReference.useProfile(each);
    await roomForReference.cleanup();
  });

  it("hands out the profile's netserver and starts the netperf processes from one exec of the fan-out script", async () => {
    const api = new FakeApi();
    const target = newTarget(api);
    await target.prepare(SCENARIOS);
    expect(() => target.endpoint(scenario('tcp_rr_32cpu'))).toThrow(
      'the pods of cpus 32 (tcp_stream_32, tcp_rr_32cpu) do not exist now: call useProfile(tcp_rr_32cpu) first',
    );
    await target.useProfile(scenario('tcp_rr_32cpu'));
    const endpoint = target.endpoint(scenario('tcp_rr_32cpu'));
    expect(endpoint).toEqual({
      host: api.pods.get('netperf-gate-r1a2b3c4/npg-r1a2b3c4-srv-c32')?.status?.podIP,
      port: 12865,
      dataPorts: { first: 42424, count: 256 },
    });
    const outputs = await target.runNetperf(
      scenario('tcp_rr_32cpu'),
      Array.from({ length: 32 }, () => ['-H', endpoint.host]),
    );
    expect(api.execs).toHaveLength(1);
    expect(api.execs[0]?.command.slice(0, 2)).toEqual(['sh', '-c']);
    expect(api.execs[0]?.command.slice(3)).toEqual([
      'netperf-gate-fan-out',
      '32',
      'netperf',
      '-H',
      endpoint.host,
    ]);
    expect(outputs).toHaveLength(32);
    expect(outputs[31]).toEqual({ stdout: `ran netperf -H ${endpoint.host}\n`, stderr: '', exitCode: 0 });
    await target.runNetperf(scenario('tcp_rr_32cpu'), [['-H', endpoint.host]]);
    expect(api.execs[1]?.command).toEqual(['netperf', '-H', endpoint.host]);
    expect(new Set(api.execs.map((exec) => exec.pod))).toEqual(new Set(['npg-r1a2b3c4-cli-c32']));
    const fingerprint = await target.fingerprint();
    await target.fingerprint();
    expect(api.execs.filter((exec) => exec.command[1] === '-V')).toEqual([
      { pod: 'npg-r1a2b3c4-cli-c32', command: ['netperf', '-V'] },
    ]);
    expect(fingerprint.netperfVersion).toBe('2.7.0');
    expect([fingerprint.client.name, fingerprint.server.name]).toEqual(['worker-a', 'worker-b']);
    expect(fingerprint.details).toMatchObject({
      kubernetesVersion: 'v1.32.3',
      cni: 'unknown',
      image: DEFAULT_IMAGE,
      cpuPinning:
        'any: server Burstable 64 CPUs allowed, client Burstable 64 CPUs allowed (not limited: shared cores); c32: server Guaranteed 32 CPUs allowed, client Guaranteed 32 CPUs allowed of 32 requested (exclusive cores)',
    });
    await target.cleanup();
  });

  it('deletes its namespace on cleanup, once however often it is called', async () => {
    const api = new FakeApi();
    const target = newTarget(api);
    await target.prepare(SCENARIOS);
    await Promise.all([target.cleanup(), target.cleanup()]);
    await target.cleanup();
    expect(api.calls.filter((call) => call.startsWith('delete'))).toEqual([
      'delete namespace netperf-gate-r1a2b3c4',
    ]);
    expect(api.namespaces.has('netperf-gate-r1a2b3c4')).toBe(false);
    expect(target.createdResources()).toMatchObject({ namespaceCreated: false, pods: [] });
  });

  it('in a given namespace creates and deletes only its own pods', async () => {
    const api = new FakeApi(NODES, () => 'ready', ['perf']);
    const target = newTarget(api, { namespace: 'perf' });
    await target.prepare(SCENARIOS.slice(2, 3));
    await target.cleanup();
    expect(api.calls).toEqual([
      'create pod npg-r1a2b3c4-srv-c1',
      'create pod npg-r1a2b3c4-cli-c1',
      'delete pod npg-r1a2b3c4-srv-c1',
      'delete pod npg-r1a2b3c4-cli-c1',
    ]);
    expect(api.namespaces.has('perf')).toBe(true);
  });

  it('says so when the given namespace does not exist', async () => {
    const target = newTarget(new FakeApi(), { namespace: 'nope' });
    await expect(target.prepare(SCENARIOS.slice(2, 3))).rejects.toThrow(
      new UsageError(
        "Namespace 'nope' (--namespace) does not exist. Create it, or omit --namespace to get one per run.",
      ),
    );
  });

  it('refuses nodes without the CPU before creating anything', async () => {
    const api = new FakeApi(fixture<V1NodeList>('nodes-kind.json').items);
    await expect(newTarget(api).prepare(SCENARIOS)).rejects.toThrow(UsageError);
    expect(api.calls).toEqual([]);
  });

  it('fails with the reason and the last event of a pod that cannot start, then cleans up', async () => {
    const api = new FakeApi(NODES, (pod) => (pod.endsWith('srv-c1') ? 'image-pull-backoff' : 'ready'));
    const target = newTarget(api);
    await target.prepare(SCENARIOS);
    const failure = target.useProfile(scenario('tcp_rr_1cpu'));
    await expect(failure).rejects.toThrow(InfraError);
    await expect(failure).rejects.toThrow(
      'server pod netperf-gate-r1a2b3c4/npg-r1a2b3c4-srv-c1 (node worker-b) ImagePullBackOff: Back-off pulling image "x" (last event: BackOff: Back-off pulling image "quay.io/cilium/network-perf:nope"); check --image and that the nodes can pull it',
    );
    expect(target.createdResources().pods).toEqual(['npg-r1a2b3c4-srv-c1', 'npg-r1a2b3c4-cli-c1']);
    await target.cleanup();
    expect(api.namespaces.size).toBe(0);
    expect(api.calls.at(-1)).toBe('delete namespace netperf-gate-r1a2b3c4');
  });

  it("fails at prepare, and cleans up, when the first scenario's pods cannot start", async () => {
    const api = new FakeApi(NODES, (pod) => (pod.endsWith('srv-any') ? 'image-pull-backoff' : 'ready'));
    await expect(newTarget(api).prepare(SCENARIOS)).rejects.toThrow(
      /srv-any \(node worker-b\) ImagePullBackOff/,
    );
    expect(api.namespaces.size).toBe(0);
  });

  it('fails when a pod stays unschedulable beyond its bound', async () => {
    const api = new FakeApi(NODES, (pod) => (pod.endsWith('srv-c32') ? 'unschedulable' : 'ready'));
    await expect(newTarget(api).prepare(SCENARIOS.slice(1))).rejects.toThrow(
      /npg-r1a2b3c4-srv-c32 \(node worker-b\) stayed Pending for 0.3 s: Unschedulable: 0\/3 nodes are available: 2 Insufficient cpu\. \(last event: FailedScheduling: .*\); check the node's allocatable CPU/,
    );
    expect(api.namespaces.size).toBe(0);
  });

  it('runs the host-network reference on its own small Burstable pods and ports when asked, and only then', async () => {
    const api = new FakeApi();
    const target = newTarget(api, { hostNetworkReference: true });
    expect(target.reference).toBeDefined();
    await target.prepare(SCENARIOS.slice(2, 3));
    expect(
      api.namespaces.get('netperf-gate-r1a2b3c4')?.metadata?.labels?.['pod-security.kubernetes.io/enforce'],
    ).toBe('privileged');
    expect(api.calls.filter((call) => call.startsWith('create pod'))).toEqual([
      'create pod npg-r1a2b3c4-srv-c1',
      'create pod npg-r1a2b3c4-cli-c1',
      'create pod npg-r1a2b3c4-hsrv-c1',
      'create pod npg-r1a2b3c4-hcli-c1',
    ]);
    const hostServer = api.pods.get('netperf-gate-r1a2b3c4/npg-r1a2b3c4-hsrv-c1');
    expect(hostServer?.spec?.containers[0]?.resources).toEqual({
      requests: { cpu: '100m', memory: '64Mi' },
      limits: { memory: '1Gi' },
    });
    const referenceEndpoint = { host: '10.0.0.12', port: 12866, dataPorts: { first: 42424, count: 256 } };
    expect(target.referenceEndpoint(scenario('tcp_rr_1cpu'))).toEqual(referenceEndpoint);
    expect(target.reference?.endpoint(scenario('tcp_rr_1cpu'))).toEqual(referenceEndpoint);
    await target.runReferenceNetperf(scenario('tcp_rr_1cpu'), [['-H', '10.0.0.12']]);
    expect(api.execs.map((exec) => exec.pod)).toEqual(['npg-r1a2b3c4-hcli-c1']);
    expect((await target.fingerprint()).details.reference).toBe(
      'host-network pods, 100m CPU requested, no limit (Burstable): shared CPU pool',
    );
    await target.cleanup();
    const off = newTarget(new FakeApi());
    expect(() => off.referenceEndpoint(scenario('tcp_rr_1cpu'))).toThrow(
      'the host-network reference was not prepared: it is off: turned off (--no-reference)',
    );
    expect(off.reference).toBeUndefined();
  });

  it('in a given namespace that enforces restricted, creates no host-network pods and says so in one line', async () => {
    const perf = {
      metadata: { name: 'perf', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
    };
    const api = new FakeApi(NODES, () => 'ready', [perf]);
    const log: string[] = [];
    const target = newTarget(api, { namespace: 'perf', hostNetworkReference: true }, log);
    await target.prepare(SCENARIOS.slice(2, 3));
    expect(target.reference).toBeUndefined();
    expect(api.calls).toEqual(['create pod npg-r1a2b3c4-srv-c1', 'create pod npg-r1a2b3c4-cli-c1']);
    const why = 'namespace perf enforces Pod Security "restricted", which forbids host network';
    expect(log.filter((line) => line.includes('reference'))).toEqual([
      `kubernetes: the node-to-node reference is off: ${why}; gating on raw metrics only (low confidence). Label the namespace pod-security.kubernetes.io/enforce=privileged or pass --no-reference to silence this.`,
    ]);
    // The reference's 0.1 CPU is not asked of the nodes.
    expect(log.find((line) => line.includes('client node'))).toMatch(/≥ 1 free CPUs\)$/);
    expect((await target.fingerprint()).details.reference).toBe(`off: ${why}`);
    await target.cleanup();
  });

  it('in a given namespace it may not read, tries the reference and drops it when Pod Security refuses it', async () => {
    const perf = { metadata: { name: 'perf', labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } } };
    const api = new FakeApi(NODES, () => 'ready', [perf]);
    api.readNamespace = async () => {
      throw forbiddenError('namespaces "perf" is forbidden: User "ci" cannot get resource "namespaces"');
    };
    const log: string[] = [];
    const target = newTarget(api, { namespace: 'perf', hostNetworkReference: true }, log);
    await target.prepare([scenario('tcp_rr_1cpu'), scenario('tcp_rr_32cpu')]);
    expect(target.reference).toBeUndefined();
    expect(api.calls).toEqual([
      'create pod npg-r1a2b3c4-srv-c1',
      'create pod npg-r1a2b3c4-cli-c1',
      'create pod npg-r1a2b3c4-hsrv-c1',
      'create pod npg-r1a2b3c4-hcli-c1',
      'delete pod npg-r1a2b3c4-hsrv-c1',
      'delete pod npg-r1a2b3c4-hcli-c1',
    ]);
    const why =
      'namespace perf refused the host-network pods: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true)';
    expect(log.filter((line) => line.includes('reference is off'))).toEqual([
      expect.stringContaining(`reference is off: ${why}; gating on raw metrics only`),
    ]);
    expect(target.createdResources().pods).toEqual(['npg-r1a2b3c4-srv-c1', 'npg-r1a2b3c4-cli-c1']);
    await target.useProfile(scenario('tcp_rr_32cpu'));
    expect(api.calls.slice(-2)).toEqual([
      'create pod npg-r1a2b3c4-srv-c32',
      'create pod npg-r1a2b3c4-cli-c32',
    ]);
    expect((await target.fingerprint()).details.reference).toBe(`off: ${why}`);
    await target.cleanup();
    expect([...api.pods.keys()]).toEqual([]);
  });

  it('in a given namespace that allows host network (privileged or no label), keeps the reference', async () => {
    const privileged = {
      metadata: { name: 'perf', labels: { 'pod-security.kubernetes.io/enforce': 'privileged' } },
    };
    for (const given of [privileged, 'perf']) {
      const api = new FakeApi(NODES, () => 'ready', [given]);
      const target = newTarget(api, { namespace: 'perf', hostNetworkReference: true });
      await target.prepare(SCENARIOS.slice(2, 3));
      expect(target.reference).toBeDefined();
      expect(api.calls).toContain('create pod npg-r1a2b3c4-hcli-c1');
      await target.cleanup();
    }
  });

  it('fails, and cleans up, when a reference pod is refused for another reason than Pod Security', async () => {
    const api = new FakeApi();
    const createPod = api.createPod;
    api.createPod = async (namespace, body) => {
      if (body.spec?.hostNetwork) throw forbiddenError('pods is forbidden: exceeded quota: compute');
      return createPod(namespace, body);
    };
    const target = newTarget(api, { hostNetworkReference: true });
    await expect(target.prepare(SCENARIOS.slice(2, 3))).rejects.toThrow(
      /^ResourceQuota "compute" at .* refused creating pods in namespace netperf-gate-r1a2b3c4 \(exceeded quota: compute\): raise the quota/,
    );
    expect(api.namespaces.size).toBe(0);
  });

  it('takes blank settings (unset action inputs) as not given', () => {
    const blank = {
      ...SETTINGS,
      namespace: ' ',
      clientNode: '',
      nodeSelector: ' perf=true ',
      tolerations: ['', ' a '],
    };
    expect(normaliseSettings(blank)).toEqual({ ...SETTINGS, nodeSelector: 'perf=true', tolerations: ['a'] });
  });
});
