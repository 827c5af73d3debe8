/**
 * What a real cluster refuses and the simulator used to forgive, on the target's side: each 403 named
 * for what refused it (table over real Status bodies), the service-account race retried, a kubelet's
 * admission refusal given its own hint, chained CNIs, cleanup's safe default age and a hung exec upgrade.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { ApiException, KubeConfig, type V1Pod, type V1PodList } from '@kubernetes/client-node';
import { parseCommandLine } from '../../src/cli/program.js';
import { readApiFailure } from '../../src/targets/kubernetes/api-errors.js';
import { explainApiError } from '../../src/targets/kubernetes/connection.js';
import { execInPod } from '../../src/targets/kubernetes/exec.js';
import { buildKubernetesFingerprint, detectCni } from '../../src/targets/kubernetes/fingerprint.js';
import { podFailure, troubleHint } from '../../src/targets/kubernetes/pod-status.js';
import { readRefusal } from '../../src/targets/kubernetes/refusals.js';
import { withRetry } from '../../src/targets/kubernetes/retry.js';
import { InfraError } from '../../src/util/errors.js';

function fixture<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/kubernetes/${file}`, import.meta.url), 'utf8')) as T;
}

interface RefusalCase {
  refuser: string;
  status: { code: number; message: string };
  line: string;
}

const refusals = fixture<{ cases: RefusalCase[] }>('refusals.json').cases;
const refused = ({ status }: RefusalCase) =>
  new ApiException(status.code, 'Unknown API Status Code!', JSON.stringify(status), {});

describe('a refused request is named for what refused it', () => {
  it.each(refusals.map((c) => [c.refuser, c.status.message.slice(0, 60), c] as const))(
    '%s: %s…',
    (refuser, _message, refusal) => {
      expect(readRefusal(readApiFailure(refused(refusal)))?.kind).toBe(refuser);
      const error = explainApiError('creating pods in namespace perf', refused(refusal), 'https://k8s:6443');
      expect(error).toBeInstanceOf(InfraError);
      expect(error.message).toBe(refusal.line);
    },
  );

  it('gives the RBAC hint only where RBAC or an unknown 403 refused', () => {
    for (const refusal of refusals) {
      const { message } = explainApiError('creating pods', refused(refusal), 'https://k8s:6443');
      expect(message.includes('deploy/rbac')).toBe(['rbac', 'forbidden'].includes(refusal.refuser));
    }
  });

  it('leaves other failures alone', () => {
    const notFound = new ApiException(
      404,
      'x',
      JSON.stringify({ code: 404, message: 'pods "p" not found' }),
      {},
    );
    expect(readRefusal(readApiFailure(notFound))).toBeUndefined();
  });
});

describe('the service-account race', () => {
  const race = refused(refusals.find((c) => c.refuser === 'service-account') as RefusalCase);
  const rbac = refused(refusals.find((c) => c.refuser === 'rbac') as RefusalCase);

  async function attemptsUntilDone(
    failures: number,
    error: unknown,
  ): Promise<{ calls: number; ok: boolean }> {
    let calls = 0;
    const ok = await withRetry(
      async () => {
        calls += 1;
        if (calls <= failures) throw error;
        return true;
      },
      { sleep: async () => {}, random: () => 0.5 },
    ).catch(() => false);
    return { calls, ok };
  }

  it('is retried until the namespace has its default service account', async () => {
    expect(await attemptsUntilDone(5, race)).toEqual({ calls: 6, ok: true });
  });

  it('is retried for a bounded number of attempts only', async () => {
    expect(await attemptsUntilDone(100, race)).toEqual({ calls: 8, ok: false });
  });

  it('is not confused with RBAC, which is never retried', async () => {
    expect(await attemptsUntilDone(1, rbac)).toEqual({ calls: 1, ok: false });
  });
});

describe("a kubelet's admission refusal", () => {
  const rejected = (reason: string, message: string): V1Pod => ({
    metadata: { name: 'npg-r1-srv-c32' },
    status: { phase: 'Failed', reason, message },
  });

  it.each([
    ['SMTAlignmentError', 'SMT Alignment Error: requested 3 cpus not multiple cpus per core = 2'],
    [
      'UnexpectedAdmissionError',
      "Allocate failed due to can't allocate unhealthy devices, which is unexpected",
    ],
    ['TopologyAffinityError', 'Resources cannot be allocated with Topology locality'],
    [
      'OutOfcpu',
      "Pod was rejected: Node didn't have enough resource: cpu, requested: 32000, used: 1000, capacity: 32000",
    ],
  ])('%s is a refusal with its own hint, not a question about the image', (reason, message) => {
    const problem = podFailure(rejected(reason, message));
    expect(problem).toEqual({ trouble: 'rejected', reason: `${reason}: ${message}` });
    const hint = troubleHint('rejected', 'perf', 'npg-r1-srv-c32');
    expect(hint).toMatch(/^the node's kubelet refused the pod: check its CPU and topology manager policies/);
    expect(hint).not.toMatch(/in the image/);
  });
});

describe('CNI detection', () => {
  it('prefers the datapath owner when CNIs are chained, and records the other', () => {
    const cni = detectCni(fixture<V1PodList>('pods-kube-system-eks-cilium-chaining.json').items);
    expect(cni).toEqual({
      name: 'cilium',
      image: 'quay.io/cilium/cilium:v1.16.4',
      chainedWith: ['aws-vpc-cni'],
    });
    const fingerprint = buildKubernetesFingerprint({
      client: {},
      server: {},
      serverVersion: 'v1.31.3-eks',
      cni,
      image: 'img',
      netperfVersion: '2.7.0',
      reference: 'off: test',
    });
    expect(fingerprint.details).toMatchObject({ cni: 'cilium', cniChainedWith: 'aws-vpc-cni' });
  });
});

describe('cleanup --target kubernetes', () => {
  const parse = (...args: string[]) =>
    parseCommandLine(['cleanup', '--target', 'kubernetes', ...args], () => {});

  it('spares anything younger than an hour unless told otherwise', () => {
    expect(parse()).toMatchObject({ config: { olderThanMs: 3_600_000 } });
    expect(parse('--older-than', '0')).toMatchObject({ config: { olderThanMs: 0 } });
  });
});

describe('exec', () => {
  it('gives up on a WebSocket upgrade nobody answers, in one line', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const config = new KubeConfig();
    config.loadFromOptions({
      clusters: [{ name: 'c', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    try {
      const where = { namespace: 'perf', pod: 'npg-r1-cli-c1', container: 'netperf' };
      await expect(execInPod(config, where, ['true'], 60_000, 300)).rejects.toThrow(
        'the exec WebSocket upgrade to pod perf/npg-r1-cli-c1 got no answer within 0.3 s: check the API server and any proxy or load balancer in front of it (it must pass WebSocket upgrades), then run again',
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
