import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { costUnit } from '../../src/metrics/names.js';
import { type NetperfFigures, parseNetperfOutput } from '../../src/netperf/parse.js';
import { combineInstances } from '../../src/results/sample.js';
import { InfraError } from '../../src/util/errors.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/netperf/', import.meta.url));

/** Parses a real captured run from fixtures/netperf. */
function figuresOf(name: string): NetperfFigures {
  const read = (file: string) => readFileSync(join(FIXTURES, name, file), 'utf8');
  return parseNetperfOutput({
    stdout: read('stdout.txt'),
    stderr: read('stderr.txt'),
    exitCode: Number(read('exit-code.txt')),
  });
}

const fourStreams = [1, 2, 3, 4].map((i) => figuresOf(`tcp_stream_x4/instance-${i}`));
const fourRr = [1, 2, 3, 4].map((i) => figuresOf(`tcp_rr_x4/instance-${i}`));

const sum = (values: readonly (number | null)[]) =>
  values.reduce<number>((total, value) => total + (value ?? 0), 0);
const median = (values: readonly (number | null)[]) => {
  const sorted = values.map((value) => value ?? Number.NaN).sort((a, b) => a - b);
  return ((sorted[1] ?? 0) + (sorted[2] ?? 0)) / 2;
};

describe('four real concurrent TCP_STREAM instances', () => {
  const metrics = combineInstances('TCP_STREAM', fourStreams);

  test('sum their throughput', () => {
    expect(metrics.throughput_gbps).toBeCloseTo(sum(fourStreams.map((f) => f.throughputGbps)), 12);
  });

  test('take the node-wide CPU as the median, never the sum', () => {
    expect(metrics.client_cpu_pct).toBeCloseTo(median(fourStreams.map((f) => f.localCpuPct)), 12);
    expect(metrics.server_cpu_pct).toBeCloseTo(median(fourStreams.map((f) => f.remoteCpuPct)), 12);
    expect(metrics.client_cpu_pct).toBeLessThanOrEqual(100);
  });

  test('cost % CPU per 10 Gbit/s of the summed throughput', () => {
    const tens = (metrics.throughput_gbps ?? Number.NaN) / 10;
    expect(metrics.client_cpu_cost).toBeCloseTo((metrics.client_cpu_pct ?? Number.NaN) / tens, 12);
    expect(metrics.server_cpu_cost).toBeCloseTo((metrics.server_cpu_pct ?? Number.NaN) / tens, 12);
  });

  test('sum retransmissions of both sides and give no transactions or latency', () => {
    expect(metrics.retransmits).toBe(
      sum(fourStreams.flatMap((f) => [f.localRetransmits, f.remoteRetransmits])),
    );
    expect(Object.keys(metrics).sort()).toEqual([
      'client_cpu_cost',
      'client_cpu_pct',
      'retransmits',
      'server_cpu_cost',
      'server_cpu_pct',
      'throughput_gbps',
    ]);
  });
});

describe('four real concurrent TCP_RR instances', () => {
  const metrics = combineInstances('TCP_RR', fourRr);
  const rates = fourRr.map((f) => f.transactionsPerSec ?? Number.NaN);

  test('sum their transaction rates', () => {
    expect(metrics.transactions_per_sec).toBeCloseTo(sum(rates), 9);
  });

  test('weight each percentile by the transactions behind it', () => {
    const weighted = (pick: (f: NetperfFigures) => number | null) =>
      sum(fourRr.map((f, i) => (pick(f) ?? Number.NaN) * (rates[i] ?? Number.NaN))) / sum(rates);
    expect(metrics.latency_p50_us).toBeCloseTo(
      weighted((f) => f.latencyP50Us),
      9,
    );
    expect(metrics.latency_p90_us).toBeCloseTo(
      weighted((f) => f.latencyP90Us),
      9,
    );
    expect(metrics.latency_p99_us).toBeCloseTo(
      weighted((f) => f.latencyP99Us),
      9,
    );
    const p50s = fourRr.map((f) => f.latencyP50Us ?? Number.NaN);
    expect(metrics.latency_p50_us).toBeGreaterThanOrEqual(Math.min(...p50s));
    expect(metrics.latency_p50_us).toBeLessThanOrEqual(Math.max(...p50s));
  });

  test('cost % CPU per 100k transactions/s with the median CPU', () => {
    expect(metrics.client_cpu_pct).toBeCloseTo(median(fourRr.map((f) => f.localCpuPct)), 12);
    const hundredKs = (metrics.transactions_per_sec ?? Number.NaN) / 100_000;
    expect(metrics.client_cpu_cost).toBeCloseTo((metrics.client_cpu_pct ?? Number.NaN) / hundredKs, 12);
    expect(metrics.server_cpu_cost).toBeCloseTo((metrics.server_cpu_pct ?? Number.NaN) / hundredKs, 12);
  });
});

test('one TCP_RR instance keeps its own percentiles', () => {
  const single = figuresOf('tcp_rr');
  const metrics = combineInstances('TCP_RR', [single]);
  expect(metrics.transactions_per_sec).toBe(single.transactionsPerSec);
  expect(metrics.latency_p50_us).toBeCloseTo(single.latencyP50Us ?? Number.NaN, 9);
  expect(metrics.latency_p90_us).toBeCloseTo(single.latencyP90Us ?? Number.NaN, 9);
  expect(metrics.latency_p99_us).toBeCloseTo(single.latencyP99Us ?? Number.NaN, 9);
  expect(metrics.client_cpu_pct).toBe(single.localCpuPct);
});

test('an instance without a latency figure leaves that percentile out', () => {
  const [first, ...rest] = fourRr;
  const metrics = combineInstances('TCP_RR', [{ ...(first as NetperfFigures), latencyP99Us: null }, ...rest]);
  expect(metrics).not.toHaveProperty('latency_p99_us');
  expect(metrics).toHaveProperty('latency_p90_us');
});

test.each([
  ['TCP_STREAM', 'tcp_stream_no_cpu'],
  ['TCP_RR', 'tcp_rr_no_cpu'],
] as const)('%s without CPU measurement leaves every CPU metric out', (test, name) => {
  const metrics = combineInstances(test, [figuresOf(name)]);
  expect(Object.keys(metrics).filter((key) => key.includes('cpu'))).toEqual([]);
  expect(metrics.retransmits).toBeGreaterThanOrEqual(0);
});

test('an instance that could not measure CPU is left out of the median', () => {
  const [first, ...rest] = fourStreams;
  const withoutCpu = { ...(first as NetperfFigures), localCpuPct: null };
  const metrics = combineInstances('TCP_STREAM', [withoutCpu, ...rest]);
  const others = rest.map((f) => f.localCpuPct ?? Number.NaN).sort((a, b) => a - b);
  expect(metrics.client_cpu_pct).toBe(others[1]);
});

test('no throughput means CPU % but no cost, rather than an infinite one', () => {
  const idle = { ...figuresOf('tcp_stream'), throughputGbps: 0 };
  const metrics = combineInstances('TCP_STREAM', [idle]);
  expect(metrics.client_cpu_pct).toBe(idle.localCpuPct);
  expect(metrics).not.toHaveProperty('client_cpu_cost');
});

test('no transactions means no latency figures', () => {
  const idle = { ...figuresOf('tcp_rr'), transactionsPerSec: 0 };
  expect(Object.keys(combineInstances('TCP_RR', [idle]))).not.toContain('latency_p50_us');
});

test('retransmissions are left out when any instance could not count them', () => {
  const unknown = { ...(fourRr[0] as NetperfFigures), remoteRetransmits: null };
  expect(combineInstances('TCP_RR', [unknown, ...fourRr.slice(1)])).not.toHaveProperty('retransmits');
});

test('refuses a sample without instances', () => {
  expect(() => combineInstances('TCP_RR', [])).toThrow(InfraError);
  expect(() => combineInstances('TCP_RR', [])).toThrow(/^No netperf instance finished for a TCP_RR sample/);
});

test('refuses instances whose rate is not the one the test measures', () => {
  expect(() => combineInstances('TCP_STREAM', fourRr)).toThrow(
    /^netperf reported Trans\/s, Trans\/s, Trans\/s, Trans\/s for a TCP_STREAM run/,
  );
  expect(() => combineInstances('TCP_RR', [figuresOf('tcp_stream_units_g')])).toThrow(InfraError);
});

test('names the cost unit per test type', () => {
  expect(costUnit('TCP_STREAM')).toBe('% CPU per 10 Gbit/s');
  expect(costUnit('TCP_RR')).toBe('% CPU per 100k trans/s');
});
