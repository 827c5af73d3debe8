/**
 * The results fixtures (fixtures/results/*.json) as specs: medians and per-sample spread of realistic
 * runs. fixtures/results/README.md says what each one is for; fixtures.test.ts keeps the files equal
 * to these specs (UPDATE_RESULT_FIXTURES=1 rewrites them).
 */
import type { Environment } from '../../src/results/schema.js';
import type { ResultsSpec, ScenarioSpec } from './fixture-factory.js';

const IMAGE =
  'quay.io/cilium/network-perf:3.21-1782913202-88c270c@sha256:c115a00b80bbf4ff49857dd545f0c40025f226d79051b2c8fdab3e8b938c7f92';

function bareMetal(kernel: string): Environment {
  const node = (name: string) => ({
    name,
    kernel,
    cpuModel: 'AMD EPYC 7443P 24-Core Processor',
    cpuCount: 48,
    details: { nic: 'mlx5_core, 100 Gbit/s' },
  });
  return {
    netperfVersion: '2.7.0',
    client: node('bm-node-a'),
    server: node('bm-node-b'),
    details: { 'kubernetes version': 'v1.31.2', cni: 'cilium 1.16.3' },
  };
}

const steady = [0.994, 1.003, 0.998, 1.006, 1.001];
const noisy = [0.955, 1.04, 0.985, 1.025, 0.97];
/** A run that swung ±15 %: too wide to show a drop beyond 5 % or to rule out one of 15 %. */
const erratic = [0.84, 1.14, 0.93, 1.1, 0.88];
const cpuWobble = [0.97, 1.02, 1.0, 1.035, 0.985];
/** Two cores busy with netperf and netserver: CPU sits just under 100%. */
const saturated = [0.99, 1.0, 0.995, 1.02, 0.985];

const baselineScenarios: ScenarioSpec[] = [
  {
    name: 'tcp_stream_1',
    median: { rate: 41.6, clientCpuPct: 3.1, serverCpuPct: 4.4, retransmits: 12 },
    spread: steady,
    cpuSpread: cpuWobble,
  },
  {
    name: 'tcp_stream_32',
    median: { rate: 91.3, clientCpuPct: 38.5, serverCpuPct: 51.2, retransmits: 840 },
    spread: steady,
    cpuSpread: cpuWobble,
  },
  {
    name: 'tcp_rr_1cpu',
    median: { rate: 47_800, clientCpuPct: 2.6, serverCpuPct: 2.7, latencyUs: { p50: 19, p90: 22, p99: 30 } },
    spread: steady,
    cpuSpread: cpuWobble,
  },
  {
    name: 'tcp_rr_32cpu',
    median: {
      rate: 1_102_000,
      clientCpuPct: 61,
      serverCpuPct: 63.5,
      latencyUs: { p50: 26, p90: 33, p99: 51 },
    },
    spread: steady,
    cpuSpread: cpuWobble,
  },
];

function withMedian(
  spec: ScenarioSpec,
  median: Partial<ScenarioSpec['median']>,
  spread?: number[],
): ScenarioSpec {
  return { ...spec, median: { ...spec.median, ...median }, spread: spread ?? spec.spread };
}

const [stream1, stream32, rr1, rr32] = baselineScenarios as [
  ScenarioSpec,
  ScenarioSpec,
  ScenarioSpec,
  ScenarioSpec,
];

/** Every fixture, by file name (without .json). */
export const RESULT_FIXTURES: Record<string, ResultsSpec> = {
  /** The default-branch run every current fixture is compared with. */
  baseline: {
    kind: 'kubernetes',
    targetSettings: { image: IMAGE },
    environment: bareMetal('6.8.0-45-generic'),
    startedAt: '2026-11-20T03:00:00.000Z',
    scenarios: baselineScenarios,
  },
  /** A pull request: 1-process TCP_RR regressed, 32-stream client CPU improved, 32-process TCP_RR unsure. */
  'current-mixed': {
    kind: 'kubernetes',
    targetSettings: { image: IMAGE },
    environment: bareMetal('6.8.0-45-generic'),
    startedAt: '2026-11-26T09:30:00.000Z',
    scenarios: [
      withMedian(stream1, { rate: 41.8 }),
      withMedian(stream32, { rate: 91.4, clientCpuPct: 31.2, serverCpuPct: 50.6 }),
      withMedian(rr1, { rate: 42_100, latencyUs: { p50: 21.6, p90: 25, p99: 34 } }),
      withMedian(rr32, { rate: 1_000_000 }, erratic),
    ],
  },
  /** Same figures within noise on a newer kernel; 32-process TCP_RR not run this time. */
  'current-kernel-upgrade': {
    kind: 'kubernetes',
    targetSettings: { image: IMAGE },
    environment: bareMetal('6.11.0-9-generic'),
    startedAt: '2026-11-27T09:30:00.000Z',
    scenarios: [
      withMedian(stream1, { rate: 41.9 }),
      withMedian(stream32, { rate: 91.2 }),
      withMedian(rr1, { rate: 48_100 }),
    ],
  },
  /** A first run on the local target (two network namespaces on a 2-core machine): no baseline yet. */
  'first-run-local': {
    kind: 'local',
    targetSettings: {},
    environment: {
      netperfVersion: '2.7.0',
      client: localNode('npg-cli'),
      server: localNode('npg-srv'),
      details: {},
    },
    startedAt: '2026-11-26T07:00:00.000Z',
    scenarios: [
      {
        name: 'tcp_stream_1',
        median: { rate: 6.6, clientCpuPct: 98, serverCpuPct: 98, retransmits: 0 },
        spread: noisy,
        cpuSpread: saturated,
      },
      {
        name: 'tcp_rr_1cpu',
        median: {
          rate: 50_700,
          clientCpuPct: 97.5,
          serverCpuPct: 97,
          latencyUs: { p50: 18, p90: 25, p99: 40 },
        },
        spread: noisy,
        cpuSpread: saturated,
      },
    ],
  },
  'cilium-v1.13-node-to-node': cilium(
    'node-to-node baseline (host network)',
    [41.7, 91.5, 47_900, 1_105_000],
  ),
  'cilium-v1.13-ebpf-host-routing': cilium('Cilium eBPF host-routing', [42.3, 91.2, 45_300, 968_000]),
};

function localNode(name: string): Environment['client'] {
  return {
    name,
    kernel: '6.18.44-fc-v782',
    cpuModel: 'Intel(R) Xeon(R) Processor',
    cpuCount: 2,
    details: {},
  };
}

/**
 * Cilium's published v1.13 medians (docs: operations/performance/benchmark) for one configuration.
 * Cilium publishes medians only: the five samples are a synthetic ±0.7% spread whose median is exactly
 * the published figure. No CPU or latency figures: Cilium charts them, but publishes no numbers.
 */
function cilium(configuration: string, [stream1Gbps, stream32Gbps, rr1Tps, rr32Tps]: number[]): ResultsSpec {
  const published = [0.996, 1.004, 1.0, 1.007, 0.993];
  const node = (name: string) => ({
    name,
    kernel: 'not recorded',
    cpuModel: 'not recorded',
    cpuCount: 0,
    details: { nic: '100 Gbit/s, back-to-back' },
  });
  const scenario = (name: string, rate = 0): ScenarioSpec => ({ name, median: { rate }, spread: published });
  return {
    kind: 'kubernetes',
    targetSettings: { source: 'Cilium v1.13 docs, operations/performance/benchmark; synthetic samples' },
    environment: {
      netperfVersion: 'not recorded',
      client: node('bare-metal-1'),
      server: node('bare-metal-2'),
      details: { configuration },
    },
    startedAt: '2023-02-15T00:00:00.000Z',
    scenarios: [
      scenario('tcp_stream_1', stream1Gbps),
      scenario('tcp_stream_32', stream32Gbps),
      scenario('tcp_rr_1cpu', rr1Tps),
      scenario('tcp_rr_32cpu', rr32Tps),
    ],
  };
}
