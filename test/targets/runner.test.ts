/**
 * The runner (src/run/measure.ts) as targets see it: useProfile before each scenario in the suite's
 * order, the node-to-node reference after the pod samples, once per scenario per session; the results
 * that come out (schema, pod/host ratio) and the settings recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_IMAGE, type RunConfig } from '../../src/config/run-config.js';
import { buildResults } from '../../src/results/build.js';
import { parseResults, serializeResults } from '../../src/results/read.js';
import { referenceRatio } from '../../src/results/reference.js';
import { resultsSchema } from '../../src/results/schema.js';
import { measureSuite, pairOrder } from '../../src/run/measure.js';
import { targetSettings } from '../../src/run/session.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import type { Scenario } from '../../src/suite/model.js';
import { createTarget } from '../../src/targets/create.js';
import type { NetperfPair, ProcessOutput, Target } from '../../src/targets/target.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/netperf/', import.meta.url));

/** A real captured netperf run (fixtures/netperf/NAME). */
function captured(name: string): ProcessOutput {
  const read = (file: string) => readFileSync(join(FIXTURES, name, file), 'utf8');
  return { stdout: read('stdout.txt'), stderr: read('stderr.txt'), exitCode: Number(read('exit-code.txt')) };
}

const OUTPUTS = { TCP_STREAM: captured('tcp_stream'), TCP_RR: captured('tcp_rr') };
const SUITE = defaultSuite().scenarios.map((s) => ({ ...s, samples: 2, durationSeconds: 1 }));

/** A pair that answers with captured runs and writes down what it was asked, into `calls`. */
function fakePair(name: string, calls: string[]): NetperfPair {
  return {
    endpoint: (scenario) => {
      calls.push(`${name} endpoint ${scenario.name}`);
      return { host: name === 'pod' ? '10.0.0.1' : '192.0.2.1', port: 12865 };
    },
    runNetperf: async (scenario, argvs) => {
      calls.push(`${name} netperf ${scenario.name} ×${argvs.length}`);
      return argvs.map(() => OUTPUTS[scenario.test]);
    },
  };
}

function fakeTarget(calls: string[], options: { reference?: boolean; profiles?: boolean } = {}): Target {
  return {
    kind: 'kubernetes',
    ...fakePair('pod', calls),
    ...(options.profiles === false
      ? {}
      : { useProfile: async (scenario: Scenario) => void calls.push(`useProfile ${scenario.name}`) }),
    ...(options.reference ? { reference: fakePair('host', calls) } : {}),
    prepare: async () => {},
    fingerprint: async () => {
      throw new Error('not asked');
    },
    cleanup: async () => {},
  };
}

function deps(target: Target, progress: string[] = []) {
  let clockMs = 0;
  return {
    target,
    now: () => {
      clockMs += 500; // each sample takes 0.5 s
      return new Date(clockMs);
    },
    progress: (line: string) => progress.push(line),
  };
}

function fakeResults(scenarios: Awaited<ReturnType<typeof measureSuite>>) {
  const environment = {
    netperfVersion: '2.7.0',
    client: { name: 'a', kernel: 'k', cpuModel: 'c', cpuCount: 1, details: {} },
    server: { name: 'b', kernel: 'k', cpuModel: 'c', cpuCount: 1, details: {} },
    details: {},
  };
  return buildResults({
    startedAt: new Date(),
    finishedAt: new Date(),
    target: { kind: 'kubernetes', settings: {} },
    environment,
    scenarios,
  });
}

describe('the runner and the target', () => {
  it('switches the profile before each scenario, in the order given, then takes its samples', async () => {
    const calls: string[] = [];
    await measureSuite(SUITE, deps(fakeTarget(calls)));
    const expected = SUITE.flatMap((s) => [
      `useProfile ${s.name}`,
      ...[1, 2].flatMap(() => [`pod endpoint ${s.name}`, `pod netperf ${s.name} ×${s.concurrency}`]),
    ]);
    expect(calls).toEqual(expected);
  });

  it("switches for every scenario of a later call too (the gate's extra rounds on some scenarios)", async () => {
    const calls: string[] = [];
    const target = fakeTarget(calls);
    await measureSuite(SUITE, deps(target));
    calls.length = 0;
    const again = [SUITE[3], SUITE[1]].filter((s): s is Scenario => s !== undefined);
    await measureSuite(again, deps(target));
    expect(calls.filter((call) => call.startsWith('useProfile'))).toEqual([
      'useProfile tcp_rr_32cpu',
      'useProfile tcp_stream_32',
    ]);
  });

  it('measures a target without useProfile (local) as before', async () => {
    const calls: string[] = [];
    const results = await measureSuite(SUITE.slice(0, 1), deps(fakeTarget(calls, { profiles: false })));
    expect(results[0]?.samples).toHaveLength(2);
    expect(calls.some((call) => call.startsWith('useProfile'))).toBe(false);
  });

  it('measures every sample as a reference/pod pair in A B B A order and stores both, aligned', async () => {
    const calls: string[] = [];
    const progress: string[] = [];
    const results = await measureSuite(
      SUITE.slice(2, 3),
      deps(fakeTarget(calls, { reference: true }), progress),
    );
    expect(calls).toEqual([
      'useProfile tcp_rr_1cpu',
      ...['host', 'pod', 'pod', 'host'].flatMap((path) => [
        `${path} endpoint tcp_rr_1cpu`,
        `${path} netperf tcp_rr_1cpu ×1`,
      ]),
    ]);
    expect(progress.map((line) => line.split(':')[0])).toEqual([
      '[1/1 tcp_rr_1cpu] reference 1/2',
      '[1/1 tcp_rr_1cpu] pod 1/2',
      '[1/1 tcp_rr_1cpu] pod 2/2',
      '[1/1 tcp_rr_1cpu] reference 2/2',
    ]);
    expect(progress[3]).toMatch(/· done$/);
    const [result] = results;
    expect(result?.reference?.samples.map((s) => s.index)).toEqual([0, 1]);
    expect(result?.samples.map((s) => s.index)).toEqual([0, 1]);
    expect(result?.reference?.aggregates.transactions_per_sec?.n).toBe(2);
    expect(referenceRatio(result ?? fail())).toEqual({
      metric: 'transactions_per_sec',
      podMedian: result?.aggregates.transactions_per_sec?.median,
      hostMedian: result?.reference?.aggregates.transactions_per_sec?.median,
      ratio: 1,
    });
  });

  it('puts the reference first in even pairs and the pod path first in odd ones', () => {
    expect([0, 1, 2, 3].map((i) => pairOrder(i).join(' '))).toEqual([
      'reference pod',
      'pod reference',
      'reference pod',
      'pod reference',
    ]);
  });
});

describe('results with a reference', () => {
  it('validate and read back; files without one stay valid (schemaVersion 1)', async () => {
    const scenarios = await measureSuite(SUITE.slice(0, 1), deps(fakeTarget([], { reference: true })));
    const results = fakeResults(scenarios);
    expect(results.schemaVersion).toBe(1);
    const read = parseResults(serializeResults(results), 'test');
    expect(read.scenarios[0]?.reference?.samples).toHaveLength(2);
    const { reference: _dropped, ...without } = scenarios[0] ?? fail();
    expect(resultsSchema.safeParse({ ...results, scenarios: [without] }).success).toBe(true);
    const bad = { ...results, scenarios: [{ ...without, reference: { samples: [] } }] };
    expect(resultsSchema.safeParse(bad).success).toBe(false);
  });

  it('give the pod/host ratio of the headline metric: throughput for streams', async () => {
    const [result] = await measureSuite(SUITE.slice(0, 1), deps(fakeTarget([], { reference: true })));
    if (result === undefined || result.reference === undefined) return fail();
    result.reference.aggregates.throughput_gbps = {
      ...(result.aggregates.throughput_gbps ?? fail()),
      median: 20,
    };
    const pod = result.aggregates.throughput_gbps?.median ?? fail();
    expect(referenceRatio(result)).toEqual({
      metric: 'throughput_gbps',
      podMedian: pod,
      hostMedian: 20,
      ratio: pod / 20,
    });
    expect(referenceRatio({ ...result, reference: undefined })).toBeUndefined();
    result.reference.aggregates.throughput_gbps.median = 0;
    expect(referenceRatio(result)).toBeUndefined();
  });
});

describe('target settings in the results', () => {
  const base: RunConfig = {
    target: 'kubernetes',
    local: { qdisc: 'netem delay 1ms' },
    kubernetes: { tolerations: [], image: DEFAULT_IMAGE, hostNetworkReference: false },
    reference: false,
    outPath: 'out.json',
    debug: false,
  };

  it('records the Kubernetes settings, what was left to the defaults included, and no local ones', () => {
    expect(targetSettings(base)).toEqual({
      kubeconfig: 'default (KUBECONFIG, ~/.kube/config or in-cluster)',
      kubeContext: 'current',
      kubeNamespace: 'one per run',
      kubeClientNode: 'chosen',
      kubeServerNode: 'chosen',
      kubeImage: DEFAULT_IMAGE,
      kubeHostNetworkReference: 'off',
    });
  });

  it('records what was given: the kubeconfig path (never its content), context, namespace, nodes, selector, tolerations', () => {
    const given: RunConfig = {
      ...base,
      kubernetes: {
        kubeconfigPath: '/tmp/kc.yaml',
        context: 'perf',
        namespace: 'bench',
        clientNode: 'a',
        serverNode: ' ',
        nodeSelector: 'perf=true',
        tolerations: ['dedicated=perf:NoSchedule', 'gpu'],
        image: 'img:1',
        hostNetworkReference: true,
      },
    };
    expect(targetSettings(given)).toEqual({
      kubeconfig: '/tmp/kc.yaml',
      kubeContext: 'perf',
      kubeNamespace: 'given: bench',
      kubeClientNode: 'a',
      kubeServerNode: 'chosen',
      kubeImage: 'img:1',
      kubeHostNetworkReference: 'on',
      kubeNodeSelector: 'perf=true',
      kubeTolerations: 'dedicated=perf:NoSchedule, gpu',
    });
  });

  it('records the local what-ifs for the local target', () => {
    expect(targetSettings({ ...base, target: 'local' })).toEqual({ localQdisc: 'netem delay 1ms' });
  });

  it('gives the local target a reference path unless --no-reference', async () => {
    const logged: string[] = [];
    const withReference = await createTarget({ ...base, target: 'local', reference: true }, (l) =>
      logged.push(l),
    );
    expect(withReference.reference).toBeDefined();
    const without = await createTarget({ ...base, target: 'local', reference: false }, (l) => logged.push(l));
    expect(without.reference).toBeUndefined();
    expect(without.useProfile).toBeUndefined();
    expect(logged).toEqual([]);
  });
});

function fail(): never {
  throw new Error('missing');
}
