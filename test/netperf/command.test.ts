import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REQUIRED_SELECTORS } from '../../src/netperf/columns.js';
import { buildNetperfArgs, NETPERF_SELECTORS } from '../../src/netperf/command.js';
import type { Scenario } from '../../src/suite/model.js';
import { InfraError, UsageError } from '../../src/util/errors.js';

const endpoint = { host: '198.18.250.1', port: 12865 };

function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    name: 'tcp_stream_1',
    test: 'TCP_STREAM',
    concurrency: 1,
    cpus: null,
    sendSizeBytes: null,
    requestSizeBytes: 1,
    responseSizeBytes: 1,
    durationSeconds: 10,
    samples: 3,
    ...overrides,
  };
}

const SELECTORS = NETPERF_SELECTORS.join(',');
const COMMON = ['-H', '198.18.250.1', '-p', '12865'];

test('a stream runs TCP_STREAM for its duration with CPU, a header and our selectors', () => {
  expect(buildNetperfArgs(scenario(), endpoint)).toEqual([
    ...COMMON,
    ...['-t', 'TCP_STREAM', '-l', '10', '-c', '-C', '-P', '1', '--', '-o', SELECTORS],
  ]);
});

test('a stream with a send size passes it as the test-specific -m', () => {
  expect(buildNetperfArgs(scenario({ sendSizeBytes: 16384 }), endpoint).slice(-4)).toEqual([
    '-o',
    SELECTORS,
    '-m',
    '16384',
  ]);
});

test('a request/response scenario passes its sizes as -r REQ,RESP and never -m', () => {
  const argv = buildNetperfArgs(
    scenario({ test: 'TCP_RR', sendSizeBytes: 9000, requestSizeBytes: 64, responseSizeBytes: 1024 }),
    endpoint,
  );
  expect(argv.slice(4, 8)).toEqual(['-t', 'TCP_RR', '-l', '10']);
  expect(argv.slice(-2)).toEqual(['-r', '64,1024']);
  expect(argv).not.toContain('-m');
});

test('CPU measurement can be left out', () => {
  const argv = buildNetperfArgs(scenario(), endpoint, { measureCpu: false });
  expect(argv).not.toContain('-c');
  expect(argv).not.toContain('-C');
  expect(argv).toContain('-P');
});

test('test-specific options come after the -- separator', () => {
  const argv = buildNetperfArgs(scenario({ test: 'TCP_RR' }), endpoint);
  expect(argv.indexOf('--')).toBeLessThan(argv.indexOf('-o'));
  expect(argv.indexOf('--')).toBeLessThan(argv.indexOf('-r'));
});

test.each([
  [
    'a zero duration',
    { durationSeconds: 0 },
    /durationSeconds \(netperf -l\) must be a whole number of at least 1, got 0/,
  ],
  ['a fractional duration', { durationSeconds: 0.5 }, /got 0\.5/],
  ['a zero request size', { test: 'TCP_RR', requestSizeBytes: 0 } as const, /requestSizeBytes/],
  ['a fractional response size', { test: 'TCP_RR', responseSizeBytes: 1.5 } as const, /responseSizeBytes/],
  ['a negative send size', { sendSizeBytes: -1 }, /sendSizeBytes/],
])('refuses %s with a usage error naming the scenario', (_, overrides, message) => {
  const build = () => buildNetperfArgs(scenario(overrides), endpoint);
  expect(build).toThrow(UsageError);
  expect(build).toThrow(/^Scenario 'tcp_stream_1': /);
  expect(build).toThrow(message);
});

test.each([
  ['a host that netperf would read as an option', { host: '-v', port: 12865 }],
  ['an empty host', { host: '', port: 12865 }],
  ['port 0', { host: '198.18.250.1', port: 0 }],
  ['a port above 65535', { host: '198.18.250.1', port: 70000 }],
])('refuses %s as an infrastructure error', (_, badEndpoint) => {
  expect(() => buildNetperfArgs(scenario(), badEndpoint)).toThrow(InfraError);
  expect(() => buildNetperfArgs(scenario(), badEndpoint)).toThrow(/not a valid host and port/);
});

test('accepts host names and IPv6 addresses', () => {
  expect(buildNetperfArgs(scenario(), { host: 'netserver.npg.svc', port: 1 })[1]).toBe('netserver.npg.svc');
  expect(buildNetperfArgs(scenario(), { host: 'fd00::2', port: 65535 })[1]).toBe('fd00::2');
});

test('the selector list holds every column the parser needs and no COMMAND_LINE', () => {
  expect(NETPERF_SELECTORS).toEqual(expect.arrayContaining([...REQUIRED_SELECTORS]));
  expect(NETPERF_SELECTORS).not.toContain('COMMAND_LINE');
});

test('the fixtures were captured with the selector list netperf-gate sends', () => {
  const info = readFileSync(
    fileURLToPath(new URL('../../fixtures/netperf/capture-info.txt', import.meta.url)),
    'utf8',
  );
  expect(info).toContain(`selectors: ${SELECTORS}\n`);
  expect(info).toContain('netperf: Netperf version 2.7.0');
});

describe('fixed data ports', () => {
  const withPorts = { ...endpoint, dataPorts: { first: 42424, count: 32 } };

  test('each instance gets its own server-side data port as the test-specific -P ,PORT', () => {
    expect(buildNetperfArgs(scenario(), withPorts).slice(-2)).toEqual(['-P', ',42424']);
    expect(buildNetperfArgs(scenario({ test: 'TCP_RR' }), withPorts, { instance: 31 }).slice(-4)).toEqual([
      '-r',
      '1,1',
      '-P',
      ',42455',
    ]);
  });

  test('an instance beyond the range is refused in one line', () => {
    expect(() => buildNetperfArgs(scenario(), withPorts, { instance: 32 })).toThrow(
      'netperf instance 33 has no data port: the target allows 32 (42424–42455); lower the scenario',
    );
  });

  test('without fixed data ports netperf picks its own (the local target)', () => {
    expect(buildNetperfArgs(scenario(), endpoint, { instance: 5 })).toEqual(
      buildNetperfArgs(scenario(), endpoint),
    );
  });

  test('an IPv6 pod address is a valid host', () => {
    expect(buildNetperfArgs(scenario(), { ...endpoint, host: '2001:2:0:65::2' }).slice(0, 2)).toEqual([
      '-H',
      '2001:2:0:65::2',
    ]);
  });
});
