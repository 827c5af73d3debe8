/** `netperf-gate cleanup --target kubernetes` without a cluster: ages, the sweep over a fake API, the flags. */
import type { V1Namespace, V1Pod } from '@kubernetes/client-node';
import { parseCommandLine } from '../../src/cli/program.js';
import { formatAge, parseAge } from '../../src/targets/kubernetes/age.js';
import type { KubeApi } from '../../src/targets/kubernetes/kube-api.js';
import {
  MANAGED_NAMESPACE_SELECTOR,
  MANAGED_POD_SELECTOR,
  sweepLeftoverRuns,
} from '../../src/targets/kubernetes/sweep.js';
import { UsageError } from '../../src/util/errors.js';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000);

function namespace(name: string, minutesOld: number, runId: string, terminating = false): V1Namespace {
  return {
    metadata: {
      name,
      creationTimestamp: ago(minutesOld),
      labels: { 'netperf-gate/run-id': runId },
      ...(terminating ? { deletionTimestamp: ago(0) } : {}),
    },
  };
}

function pod(name: string, minutesOld: number, runId: string): V1Pod {
  return { metadata: { name, creationTimestamp: ago(minutesOld), labels: { 'netperf-gate/run-id': runId } } };
}

/** Just what the sweep calls; deleted objects are gone at once. */
function fakeApi(namespaces: V1Namespace[], pods: V1Pod[]) {
  const calls: string[] = [];
  const api = {
    server: 'https://fake:6443',
    listNamespaces: async (selector: string) => {
      calls.push(`list namespaces ${selector}`);
      return namespaces;
    },
    listPods: async (ns: string, selector?: string) => {
      calls.push(`list pods ${ns} ${selector}`);
      return { pods, resourceVersion: '1' };
    },
    deleteNamespace: async (name: string) => void calls.push(`delete namespace ${name}`),
    readNamespace: async () => undefined,
    deletePod: async (ns: string, name: string) => void calls.push(`delete pod ${ns}/${name}`),
    readPod: async () => undefined,
  } as Partial<KubeApi> as KubeApi;
  return { api, calls };
}

describe('--older-than', () => {
  it.each([
    ['0', 0],
    ['45s', 45_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['1d', 86_400_000],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseAge(text)).toBe(ms);
  });

  it.each(['', '30', '2 hours', '-1h', 'h', '30m!'])('refuses %j saying what it expects', (text) => {
    expect(() => parseAge(text)).toThrow(
      new UsageError(
        `Invalid --older-than '${text}'. Expected a duration such as 30m, 2h or 1d (units s, m, h, d), or 0 for any age.`,
      ),
    );
  });

  it.each([
    [12_000, '12 s'],
    [120_000, '2 min'],
    [3_600_000, '1 h'],
    [7_500_000, '2 h 5 min'],
    [100 * 3_600_000, '4 d 4 h'],
  ])('writes %d ms as %j', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});

describe('the cluster sweep', () => {
  it('deletes our namespaces and, in a given namespace, our pods per run, older than asked; one line each', async () => {
    const { api, calls } = fakeApi(
      [
        namespace('netperf-gate-rold', 180, 'rold'),
        namespace('netperf-gate-rnew', 5, 'rnew'),
        namespace('netperf-gate-rgoing', 300, 'rgoing', true),
      ],
      [pod('npg-ra-srv-c1', 90, 'ra'), pod('npg-ra-cli-c1', 95, 'ra'), pod('npg-rb-srv-c1', 1, 'rb')],
    );
    const log: string[] = [];
    const outcome = await sweepLeftoverRuns(api, {
      olderThanMs: 3_600_000,
      namespace: 'shared',
      log: (line) => log.push(line),
      now: () => NOW,
    });
    expect(calls).toEqual([
      `list namespaces ${MANAGED_NAMESPACE_SELECTOR}`,
      `list pods shared ${MANAGED_POD_SELECTOR}`,
      'delete namespace netperf-gate-rold',
      'delete pod shared/npg-ra-srv-c1',
      'delete pod shared/npg-ra-cli-c1',
    ]);
    expect(log).toEqual([
      'cleanup: deleted namespace netperf-gate-rold (run rold, 3 h old)',
      'cleanup: deleted pods npg-ra-srv-c1, npg-ra-cli-c1 in namespace shared (run ra, 1 h 35 min old)',
    ]);
    expect(outcome.failed).toBe(0);
    expect(outcome.deleted.map((resources) => resources.runId)).toEqual(['rold', 'ra']);
  });

  it('with age 0 takes everything of ours, and says when there is nothing', async () => {
    const { api, calls } = fakeApi([namespace('netperf-gate-rnew', 0, 'rnew')], []);
    await sweepLeftoverRuns(api, { olderThanMs: 0, log: () => {}, now: () => NOW });
    expect(calls).toContain('delete namespace netperf-gate-rnew');
    const log: string[] = [];
    await sweepLeftoverRuns(fakeApi([], []).api, { olderThanMs: 0, log: (line) => log.push(line) });
    expect(log).toEqual(['cleanup: no netperf-gate leftovers in the cluster']);
  });

  it('sweeps only the given namespace when it may not list namespaces (least-privilege RBAC)', async () => {
    const { api, calls } = fakeApi([], [pod('npg-ra-srv-c1', 90, 'ra')]);
    const forbidden = Object.assign(new Error('Forbidden'), { code: 403, body: '{"reason":"Forbidden"}' });
    api.listNamespaces = async () => {
      throw forbidden;
    };
    const log: string[] = [];
    await sweepLeftoverRuns(api, {
      olderThanMs: 0,
      namespace: 'perf',
      log: (line) => log.push(line),
      now: () => NOW,
    });
    expect(calls).toContain('delete pod perf/npg-ra-srv-c1');
    expect(log[0]).toBe(
      'cleanup: not allowed to list namespaces at https://fake:6443; only pods in perf are swept',
    );
    await expect(sweepLeftoverRuns(api, { olderThanMs: 0, log: () => {} })).rejects.toThrow(
      /refused listing namespaces .*grant it with deploy\/rbac\/namespace-per-run.yaml/,
    );
  });

  it('counts a delete the API refuses, logging one line, and goes on with the others', async () => {
    const { api } = fakeApi(
      [namespace('netperf-gate-ra', 10, 'ra'), namespace('netperf-gate-rb', 10, 'rb')],
      [],
    );
    api.deleteNamespace = async (name) => {
      if (name === 'netperf-gate-ra') throw Object.assign(new Error('forbidden'), { code: 403 });
    };
    const log: string[] = [];
    const outcome = await sweepLeftoverRuns(api, {
      olderThanMs: 0,
      log: (line) => log.push(line),
      now: () => NOW,
    });
    expect(outcome.failed).toBe(1);
    expect(log).toEqual([
      expect.stringMatching(
        /^cleanup: could not delete namespace netperf-gate-ra at https:\/\/fake:6443: .*; delete it with kubectl$/,
      ),
      'cleanup: deleted namespace netperf-gate-rb (run rb, 10 min old)',
    ]);
  });
});

describe('cleanup flags', () => {
  const parse = (...args: string[]) => parseCommandLine(['cleanup', ...args], () => {});

  it('sweeps the local target by default', () => {
    expect(parse()).toEqual({
      command: 'cleanup',
      config: { target: 'local', olderThanMs: 3_600_000, debug: false },
    });
  });

  it('takes the Kubernetes connection, a namespace and an age', () => {
    const args = ['--target', 'kubernetes', '--kubeconfig', 'kc.yaml', '--context', 'perf'];
    expect(parse(...args, '--namespace', 'shared', '--older-than', '2h')).toEqual({
      command: 'cleanup',
      config: {
        target: 'kubernetes',
        kubeconfigPath: 'kc.yaml',
        context: 'perf',
        namespace: 'shared',
        olderThanMs: 7_200_000,
        debug: false,
      },
    });
  });

  it('refuses Kubernetes flags for the local sweep and a bad age', () => {
    expect(() => parse('--older-than', '1h')).toThrow(
      '--older-than is for cleanup --target kubernetes. Add --target kubernetes, or leave it out.',
    );
    expect(() => parse('--target', 'kubernetes', '--older-than', 'soon')).toThrow(UsageError);
  });
});
