/** The Kubernetes target's API edge: error reading, retries (fake clock), exec status, kubeconfig, fingerprint. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiException, type V1Namespace, type V1NodeList, type V1PodList } from '@kubernetes/client-node';
import { buildFanOutArgv } from '../../src/netperf/fan-out.js';
import { describeApiFailure, readApiFailure } from '../../src/targets/kubernetes/api-errors.js';
import { explainApiError, loadKubeConfig } from '../../src/targets/kubernetes/connection.js';
import { describeCommand } from '../../src/targets/kubernetes/exec.js';
import { execEndFromStatus } from '../../src/targets/kubernetes/exec-status.js';
import {
  buildKubernetesFingerprint,
  cpuModelFromLabels,
  detectCni,
} from '../../src/targets/kubernetes/fingerprint.js';
import {
  describeReference,
  podSecurityForbids,
  podSecurityRefusal,
} from '../../src/targets/kubernetes/reference.js';
import {
  API_RETRY_POLICY,
  isRetryable,
  retryDelayMs,
  withRetry,
} from '../../src/targets/kubernetes/retry.js';
import { InfraError, UsageError } from '../../src/util/errors.js';

function fixture<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/kubernetes/${file}`, import.meta.url), 'utf8')) as T;
}

function apiException(code: number, reason: string, message: string, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code });
  return new ApiException(code, 'Unknown API Status Code!', body, headers);
}

function fetchFailed(code: string): Error {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error(`connect ${code} 10.0.0.1:6443`), { code }),
  });
}

describe('reading API failures', () => {
  it('reads the Status an ApiException carries', () => {
    const failure = readApiFailure(
      apiException(403, 'Forbidden', 'pods is forbidden: User "ci" cannot create resource "pods"'),
    );
    expect(failure).toEqual({
      status: 403,
      reason: 'Forbidden',
      message: 'pods is forbidden: User "ci" cannot create resource "pods"',
    });
    expect(describeApiFailure(failure)).toBe(
      '403 Forbidden: pods is forbidden: User "ci" cannot create resource "pods"',
    );
  });

  it('reads Retry-After of a 429', () => {
    expect(
      readApiFailure(apiException(429, 'TooManyRequests', 'slow down', { 'retry-after': '2' }))
        .retryAfterSeconds,
    ).toBe(2);
  });

  it("reads undici's network error code", () => {
    expect(readApiFailure(fetchFailed('ECONNREFUSED'))).toEqual({
      networkCode: 'ECONNREFUSED',
      message: 'fetch failed: connect ECONNREFUSED 10.0.0.1:6443',
    });
    expect(
      readApiFailure(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))
        .networkCode,
    ).toBe('TimeoutError');
  });

  it('turns failures into one-line errors naming the server and what to check', () => {
    const server = 'https://10.0.0.1:6443';
    expect(explainApiError('listing nodes', fetchFailed('ECONNREFUSED'), server).message).toBe(
      "Cannot reach the Kubernetes API at https://10.0.0.1:6443 while listing nodes (ECONNREFUSED: fetch failed: connect ECONNREFUSED 10.0.0.1:6443): check the kubeconfig's server address, that this machine can reach it (network, VPN, firewall) and that the cluster is up",
    );
    const forbidden = explainApiError('creating pods', apiException(403, 'Forbidden', 'no'), server);
    expect(forbidden).toBeInstanceOf(InfraError);
    expect(forbidden.message).toContain('grant it with deploy/rbac/namespace-per-run.yaml');
    expect(explainApiError('x', new Error('y'), 'http://localhost:8080').message).toContain(
      'no kubeconfig was found',
    );
  });
});

describe('retries', () => {
  const random = () => 0.5;
  it.each([
    [{ status: 500, message: '' }, true],
    [{ status: 503, message: '' }, true],
    [{ status: 429, message: '' }, true],
    [{ status: 501, message: '' }, false],
    [{ status: 404, message: '' }, false],
    [{ status: 409, message: '' }, false],
    [{ networkCode: 'ECONNRESET', message: '' }, true],
    [{ networkCode: 'ENOTFOUND', message: '' }, false],
    [{ message: 'something else' }, false],
  ])('%j is retryable: %s', (failure, expected) => {
    expect(isRetryable(failure)).toBe(expected);
  });

  it('backs off exponentially with jitter, honours Retry-After up to a ceiling, and gives up', () => {
    const failure = { status: 500, message: '' };
    expect([1, 2, 3].map((attempt) => retryDelayMs(failure, attempt, API_RETRY_POLICY, random))).toEqual([
      188, 375, 750,
    ]);
    expect(retryDelayMs(failure, 1, API_RETRY_POLICY, () => 0)).toBe(125);
    expect(retryDelayMs(failure, 4, API_RETRY_POLICY, random)).toBeUndefined();
    expect(retryDelayMs({ ...failure, retryAfterSeconds: 3 }, 1, API_RETRY_POLICY, random)).toBe(3_000);
    expect(retryDelayMs({ ...failure, retryAfterSeconds: 3600 }, 1, API_RETRY_POLICY, random)).toBe(10_000);
  });

  it('retries transient failures on a fake clock and returns the first success', async () => {
    const slept: number[] = [];
    const failures = [
      apiException(500, 'InternalError', 'etcd'),
      apiException(429, 'TooManyRequests', 'busy', { 'retry-after': '1' }),
    ];
    let calls = 0;
    const call = async () => {
      calls += 1;
      const failure = failures.shift();
      if (failure) throw failure;
      return 'ok';
    };
    const result = await withRetry(call, { random, sleep: async (ms) => void slept.push(ms) });
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(slept).toEqual([188, 1_000]);
  });

  it('does not retry a failure that will not pass, and stops after the last attempt', async () => {
    const slept: number[] = [];
    const sleep = async (ms: number) => void slept.push(ms);
    const notFound = apiException(404, 'NotFound', 'gone');
    await expect(withRetry(async () => Promise.reject(notFound), { sleep })).rejects.toBe(notFound);
    expect(slept).toEqual([]);
    const reset = fetchFailed('ECONNRESET');
    let calls = 0;
    const call = async () => {
      calls += 1;
      throw reset;
    };
    await expect(withRetry(call, { sleep, random })).rejects.toBe(reset);
    expect(calls).toBe(API_RETRY_POLICY.maxAttempts);
  });
});

describe('exec status (channel 3)', () => {
  it.each([
    [{ metadata: {}, status: 'Success' }, { exitCode: 0 }],
    [
      {
        metadata: {},
        status: 'Failure',
        message:
          'command terminated with non-zero exit code: error executing command [netperf -H x], exit code 2',
        reason: 'NonZeroExitCode',
        details: { causes: [{ reason: 'ExitCode', message: '2' }] },
      },
      { exitCode: 2 },
    ],
    [
      {
        metadata: {},
        status: 'Failure',
        message:
          'Internal error occurred: error executing command in container: failed to exec in container: OCI runtime exec failed: exec: "netperf": executable file not found in $PATH: unknown',
        reason: 'InternalError',
        code: 500,
      },
      {
        failure:
          'Internal error occurred: error executing command in container: failed to exec in container: OCI runtime exec failed: exec: "netperf": executable file not found in $PATH: unknown',
      },
    ],
    [
      { status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [] } },
      { failure: 'NonZeroExitCode' },
    ],
  ])('reads %j', (status, end) => {
    expect(execEndFromStatus(status)).toEqual(end);
  });
});

describe('commands in exec messages', () => {
  it('names the fan-out script by what it runs, other commands as they are', () => {
    const fanOut = buildFanOutArgv(32, ['netperf', '-H', '10.0.0.1', '-t', 'TCP_RR']);
    expect(describeCommand(fanOut)).toEqual({
      program: 'netperf',
      text: '32 × netperf -H 10.0.0.1 -t TCP_RR',
    });
    expect(describeCommand(['netperf', '-V'])).toEqual({ program: 'netperf', text: 'netperf -V' });
  });
});

describe('kubeconfig', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'npg-kubeconfig-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const kubeconfig = (contexts: string[]) =>
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{name: c, cluster: {server: "https://10.0.0.1:6443", insecure-skip-tls-verify: true}}]',
      'users: [{name: u, user: {token: t}}]',
      `contexts: [${contexts.map((name) => `{name: ${name}, context: {cluster: c, user: u}}`).join(', ')}]`,
      `current-context: ${contexts[0]}`,
    ].join('\n');

  it('switches to the context asked for', () => {
    const file = join(dir, 'two');
    writeFileSync(file, kubeconfig(['prod', 'perf']));
    expect(loadKubeConfig({ kubeconfigPath: file, context: 'perf' }).getCurrentContext()).toBe('perf');
  });

  it('lists the contexts there are when the one asked for is unknown', () => {
    const file = join(dir, 'one');
    writeFileSync(file, kubeconfig(['prod', 'perf']));
    expect(() => loadKubeConfig({ kubeconfigPath: file, context: 'lab' })).toThrow(
      new UsageError("Unknown --context 'lab'. Contexts in the kubeconfig: prod, perf."),
    );
  });

  it('says which kubeconfig file could not be loaded', () => {
    expect(() => loadKubeConfig({ kubeconfigPath: join(dir, 'missing') })).toThrow(
      /^Cannot load '.*missing': .*ENOENT/,
    );
  });
});

describe('fingerprint', () => {
  const nodes = fixture<V1NodeList>('nodes-bare-metal.json').items;
  const node = (name: string) => nodes.find((candidate) => candidate.metadata?.name === name) ?? {};

  it("detects the CNI from its agent pods, not the operator's", () => {
    expect(detectCni(fixture<V1PodList>('pods-kube-system-cilium.json').items)).toEqual({
      name: 'cilium',
      image:
        'quay.io/cilium/cilium:v1.16.4@sha256:d55ec38938854133e06739b1af237932b9c4dd4e75e9b7b2ca3acc72540a44bf',
    });
    expect(detectCni([])).toBeUndefined();
  });

  it('reads the CPU model from Node Feature Discovery labels, else says unknown', () => {
    expect(cpuModelFromLabels(node('worker-a').metadata?.labels)).toBe('AMD family 25 model 17');
    expect(cpuModelFromLabels(node('perf-1').metadata?.labels)).toBe('unknown');
  });

  it('records both nodes, the server version, the CNI, the image and the reference', () => {
    const fingerprint = buildKubernetesFingerprint({
      client: node('worker-a'),
      server: node('perf-1'),
      serverVersion: 'v1.32.3',
      cni: { name: 'cilium', image: 'quay.io/cilium/cilium:v1.16.4' },
      image: 'img',
      netperfVersion: '2.7.0',
      reference: 'off: turned off (--no-reference)',
    });
    expect(fingerprint).toEqual({
      netperfVersion: '2.7.0',
      client: {
        name: 'worker-a',
        kernel: '6.8.0-48-generic',
        cpuModel: 'AMD family 25 model 17',
        cpuCount: 64,
        details: {
          osImage: 'Ubuntu 24.04.1 LTS',
          kubeletVersion: 'v1.32.3',
          containerRuntimeVersion: 'containerd://1.7.22',
          architecture: 'amd64',
          allocatableCpu: '63.5',
        },
      },
      server: expect.objectContaining({ name: 'perf-1', kernel: '6.12.9-1', cpuCount: 96 }),
      details: {
        kubernetesVersion: 'v1.32.3',
        cni: 'cilium',
        cniImage: 'quay.io/cilium/cilium:v1.16.4',
        image: 'img',
        reference: 'off: turned off (--no-reference)',
      },
    });
  });
});

describe('the node-to-node reference and Pod Security', () => {
  const labelled = (level?: string): V1Namespace => ({
    metadata: {
      name: 'perf',
      labels: level === undefined ? {} : { 'pod-security.kubernetes.io/enforce': level },
    },
  });

  it.each([
    [undefined, undefined],
    ['privileged', undefined],
    ['baseline', 'namespace perf enforces Pod Security "baseline", which forbids host network'],
    ['restricted', 'namespace perf enforces Pod Security "restricted", which forbids host network'],
  ])('reads enforce level %j of a given namespace as %j', (level, why) => {
    expect(podSecurityForbids(labelled(level))).toBe(why);
  });

  it('tells a Pod Security refusal from other failures of a create', () => {
    const violation =
      'pods "npg-r1-hsrv-c1" is forbidden: violates PodSecurity "restricted:latest": host namespaces (hostNetwork=true), hostPort (container "netserver" uses hostPort 12866)';
    expect(podSecurityRefusal(apiException(403, 'Forbidden', violation))).toBe(
      'violates PodSecurity "restricted:latest": host namespaces (hostNetwork=true), hostPort (container "netserver" uses hostPort 12866)',
    );
    const rbac =
      'pods is forbidden: User "ci" cannot create resource "pods" in API group "" in the namespace "perf"';
    expect(podSecurityRefusal(apiException(403, 'Forbidden', rbac))).toBeUndefined();
    expect(podSecurityRefusal(apiException(422, 'Invalid', 'violates PodSecurity'))).toBeUndefined();
    expect(podSecurityRefusal(fetchFailed('ECONNRESET'))).toBeUndefined();
  });

  it('describes where the reference ran for the fingerprint, or why it is off', () => {
    expect(describeReference({ on: true })).toBe(
      'host-network pods, 100m CPU requested, no limit (Burstable): shared CPU pool',
    );
    expect(describeReference({ on: false, why: 'turned off (--no-reference)' })).toBe(
      'off: turned off (--no-reference)',
    );
  });
});
