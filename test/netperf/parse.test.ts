import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  NetperfOutputError,
  type NetperfOutputErrorKind,
  parseNetperfOutput,
} from '../../src/netperf/parse.js';
import type { ProcessOutput } from '../../src/targets/target.js';
import { EXIT_INFRA, InfraError } from '../../src/util/errors.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/netperf/', import.meta.url));

/** Every directory under fixtures/netperf holding one captured (or derived) run. */
function fixtureRuns(dir = FIXTURES, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      return existsSync(join(dir, name, 'stdout.txt')) ? [name] : fixtureRuns(dir, name);
    })
    .sort();
}

function loadRun(name: string): ProcessOutput {
  const read = (file: string) => readFileSync(join(FIXTURES, name, file), 'utf8');
  const exit = read('exit-code.txt').trim();
  return {
    stdout: read('stdout.txt'),
    stderr: read('stderr.txt'),
    exitCode: exit === 'null' ? null : Number(exit),
  };
}

function parseError(output: ProcessOutput): NetperfOutputError {
  try {
    parseNetperfOutput(output);
  } catch (error) {
    if (error instanceof NetperfOutputError) return error;
    throw error;
  }
  throw new Error('expected parseNetperfOutput to throw');
}

/** Gbit/s per unit, written out independently of src/netperf/units.ts. */
const GBPS_PER_UNIT: Record<string, number> = {
  '10^0bits/s': 1 / 1_000_000_000,
  '10^3bits/s': 1 / 1_000_000,
  '10^6bits/s': 1 / 1000,
  '10^9bits/s': 1,
  'Bytes/s': 8 / 1_000_000_000,
  'KBytes/s': (8 * 1024) / 1_000_000_000,
  'MBytes/s': (8 * 1024 * 1024) / 1_000_000_000,
  'GBytes/s': (8 * 1024 * 1024 * 1024) / 1_000_000_000,
};

interface Good {
  units: string;
  /** Whether the run asked for CPU (-c -C). */
  cpu: boolean;
  /** Its -l in seconds. */
  seconds: number;
}
const stream = (units = '10^6bits/s', seconds = 2, cpu = true): Good => ({ units, cpu, seconds });
const rr = (cpu = true): Good => ({ units: 'Trans/s', cpu, seconds: 2 });

const GOOD: Record<string, Good> = {
  tcp_stream: stream(),
  tcp_stream_m16k: stream(),
  tcp_stream_no_cpu: stream('10^6bits/s', 2, false),
  tcp_stream_units_b: stream('10^0bits/s', 1),
  tcp_stream_units_k: stream('10^3bits/s', 1),
  tcp_stream_units_g: stream('10^9bits/s', 1),
  tcp_stream_units_B: stream('Bytes/s', 1),
  tcp_stream_units_K: stream('KBytes/s', 1),
  tcp_stream_units_M: stream('MBytes/s', 1),
  tcp_stream_units_G: stream('GBytes/s', 1),
  'tcp_stream_x4/instance-1': stream(),
  'tcp_stream_x4/instance-2': stream(),
  'tcp_stream_x4/instance-3': stream(),
  'tcp_stream_x4/instance-4': stream(),
  tcp_rr: rr(),
  tcp_rr_taskset: rr(),
  tcp_rr_no_cpu: rr(false),
  'tcp_rr_x4/instance-1': rr(),
  'tcp_rr_x4/instance-2': rr(),
  'tcp_rr_x4/instance-3': rr(),
  'tcp_rr_x4/instance-4': rr(),
};

const BROKEN: Record<string, NetperfOutputErrorKind> = {
  connection_refused: 'exit-status',
  unknown_test: 'exit-status',
  killed: 'exit-status',
  invalid_selector: 'column-count',
  tcp_rr_one_transaction: 'no-measurement',
  tcp_stream_one_byte: 'no-measurement',
  tcp_stream_no_header: 'no-header',
  broken_header_only: 'no-data',
  broken_cut_mid_row: 'truncated',
  broken_cut_last_value: 'truncated',
  broken_garbage: 'no-header',
  broken_empty: 'empty',
  broken_missing_column: 'missing-column',
  broken_non_numeric: 'bad-number',
  broken_blank_value: 'bad-number',
  broken_unknown_units: 'bad-units',
};

test('every fixture run has an expectation in this file and every expectation has a fixture', () => {
  expect(fixtureRuns()).toEqual([...Object.keys(GOOD), ...Object.keys(BROKEN)].sort());
});

describe.each(Object.entries(GOOD))('the real run %s', (name, good) => {
  const figures = parseNetperfOutput(loadRun(name));

  test(`parses to positive figures in ${good.units}`, () => {
    expect(figures.throughputUnits).toBe(good.units);
    expect(figures.elapsedSeconds).toBeGreaterThan(good.seconds - 0.1);
    expect(figures.elapsedSeconds).toBeLessThan(good.seconds + 0.2);
    expect(figures.localRetransmits).toBeGreaterThanOrEqual(0);
    expect(figures.remoteRetransmits).toBeGreaterThanOrEqual(0);
  });

  test(
    good.cpu ? 'reports client and server CPU as percentages' : 'leaves CPU out when netperf printed -1',
    () => {
      for (const cpuPct of [figures.localCpuPct, figures.remoteCpuPct]) {
        if (good.cpu) {
          expect(cpuPct).toBeGreaterThan(0);
          expect(cpuPct).toBeLessThanOrEqual(100);
        } else {
          expect(cpuPct).toBeNull();
        }
      }
    },
  );

  if (good.units === 'Trans/s') {
    test('gives transactions/s and ordered latency percentiles, no Gbit/s', () => {
      expect(figures.throughputGbps).toBeNull();
      expect(figures.transactionsPerSec).toBeGreaterThan(1000);
      expect(figures.latencyP50Us).toBeGreaterThan(0);
      expect(figures.latencyP90Us).toBeGreaterThanOrEqual(figures.latencyP50Us ?? Number.NaN);
      expect(figures.latencyP99Us).toBeGreaterThanOrEqual(figures.latencyP90Us ?? Number.NaN);
      expect(figures.latencyMeanUs).toBeGreaterThan(0);
    });
  } else {
    test('converts the printed throughput to Gbit/s and gives no transactions or latency', () => {
      const row = loadRun(name).stdout.trim().split('\n').at(-1) ?? '';
      const printed = Number(row.split(',')[0]);
      expect(figures.throughputGbps).toBeCloseTo(printed * (GBPS_PER_UNIT[good.units] ?? Number.NaN), 9);
      expect(figures.throughputGbps).toBeGreaterThan(0.5);
      expect(figures.throughputGbps).toBeLessThan(100);
      expect(figures.transactionsPerSec).toBeNull();
      expect(figures.latencyP50Us).toBeNull();
    });
  }
});

describe.each(Object.entries(BROKEN))('the run %s', (name, kind) => {
  const output = loadRun(name);
  const error = parseError(output);

  test(`is refused as ${kind} with a one-line message`, () => {
    expect(error.kind).toBe(kind);
    expect(error.message).not.toContain('\n');
    expect(error.message).toMatch(/^netperf.*; check .+\.$/);
  });

  test('is an infrastructure error that keeps the raw output', () => {
    expect(error).toBeInstanceOf(InfraError);
    expect(error.exitCode).toBe(EXIT_INFRA);
    expect(error.stdout).toBe(output.stdout);
    expect(error.stderr).toBe(output.stderr);
    expect(error.processExitCode).toBe(output.exitCode);
  });
});
