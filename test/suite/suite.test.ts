import { readFileSync } from 'node:fs';
import { defaultSuite } from '../../src/suite/default-suite.js';
import { parseSuite } from '../../src/suite/load.js';
import { parseScenarioList, selectScenarios } from '../../src/suite/select.js';
import { UsageError } from '../../src/util/errors.js';

function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('the default suite', () => {
  it('is Cilium’s four scenarios with their concurrency and CPU sizes', () => {
    const summary = defaultSuite().scenarios.map((s) => [s.name, s.test, s.concurrency, s.cpus]);
    expect(summary).toEqual([
      ['tcp_stream_1', 'TCP_STREAM', 1, null],
      ['tcp_stream_32', 'TCP_STREAM', 32, 32],
      ['tcp_rr_1cpu', 'TCP_RR', 1, 1],
      ['tcp_rr_32cpu', 'TCP_RR', 32, 32],
    ]);
  });
});

describe('a suite file', () => {
  it('fills scenario fields from the defaults block and netperf conventions', () => {
    const suite = parseSuite(readFileSync('fixtures/suites/small.yml', 'utf8'), 'small.yml');
    expect(suite.scenarios).toEqual([
      {
        name: 'stream_4',
        test: 'TCP_STREAM',
        concurrency: 4,
        cpus: 2,
        sendSizeBytes: 16384,
        requestSizeBytes: 1,
        responseSizeBytes: 1,
        durationSeconds: 2,
        samples: 3,
      },
      {
        name: 'rr_1cpu',
        test: 'TCP_RR',
        concurrency: 1,
        cpus: 1,
        sendSizeBytes: null,
        requestSizeBytes: 64,
        responseSizeBytes: 1024,
        durationSeconds: 2,
        samples: 5,
      },
    ]);
  });

  it('is read as JSON too', () => {
    const suite = parseSuite('{"scenarios":[{"name":"a","test":"TCP_RR"}]}', 'a.json');
    expect(suite.scenarios[0]?.cpus).toBeNull();
  });

  it.each([
    [
      'scenarios: [{name: a, test: UDP_RR}]',
      'bad.yml: scenarios[0].test: expected one of "TCP_STREAM", "TCP_RR", got "UDP_RR"',
    ],
    [
      'scenarios: [{name: a, test: TCP_RR, concurrency: 0}]',
      'bad.yml: scenarios[0].concurrency: must be at least 1, got 0',
    ],
    [
      'scenarios: [{name: a, test: TCP_RR, cpus: 1.5}]',
      'bad.yml: scenarios[0].cpus: expected a whole number, got 1.5',
    ],
    [
      'scenarios: [{name: a, test: TCP_RR, samples: 1000}]',
      'bad.yml: scenarios[0].samples: must be at most 100, got 1000',
    ],
    ['scenarios: [{name: a, test: TCP_RR, colour: red}]', 'bad.yml: scenarios[0]: unknown field "colour"'],
    ['scenarios: [{test: TCP_RR}]', 'bad.yml: scenarios[0].name: is required (string)'],
    ['scenarios: []', 'bad.yml: scenarios: must be at least 1, got []'],
    ['scenarios: [{name: "A b", test: TCP_RR}]', 'bad.yml: scenarios[0].name: expected lower-case letters'],
    [
      'defaults: {durationSeconds: -1}\nscenarios: [{name: a, test: TCP_RR}]',
      'bad.yml: defaults.durationSeconds: must be at least 1, got -1',
    ],
    [
      'scenarios: [{name: a, test: TCP_RR}, {name: a, test: TCP_STREAM}]',
      'bad.yml: scenario name "a" appears twice',
    ],
    ['scenarios: [{name: a', 'bad.yml: not valid YAML'],
    [
      'schemaVersion: 2\nscenarios: [{name: a, test: TCP_RR}]',
      'bad.yml: schemaVersion: expected one of 1, got 2',
    ],
  ])('refuses %j with a one-line error naming the field', (text, expected) => {
    const error = errorOf(() => parseSuite(text, 'bad.yml'));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain(expected);
    expect(error.message).not.toContain('\n');
  });
});

describe('selecting scenarios', () => {
  it('keeps the named scenarios in the order given and applies --samples and --duration', () => {
    const suite = selectScenarios(defaultSuite(), {
      scenarioNames: ['tcp_rr_1cpu', 'tcp_stream_1'],
      samples: 2,
      durationSeconds: 3,
    });
    expect(suite.scenarios.map((s) => [s.name, s.samples, s.durationSeconds])).toEqual([
      ['tcp_rr_1cpu', 2, 3],
      ['tcp_stream_1', 2, 3],
    ]);
  });

  it('names the known scenarios when one is unknown', () => {
    expect(() => selectScenarios(defaultSuite(), { scenarioNames: ['tcp_udp'] })).toThrow(
      'unknown scenario "tcp_udp"; known: tcp_stream_1, tcp_stream_32, tcp_rr_1cpu, tcp_rr_32cpu',
    );
  });

  it.each([
    [{ samples: 0 }, '--samples must be a whole number from 1 to 100, got 0'],
    [{ durationSeconds: 4000 }, '--duration must be a whole number from 1 to 3600, got 4000'],
  ])('refuses out-of-range overrides %j', (overrides, message) => {
    expect(() => selectScenarios(defaultSuite(), overrides)).toThrow(message);
  });

  it('splits a comma list and drops blanks', () => {
    expect(parseScenarioList(' a, ,b,')).toEqual(['a', 'b']);
  });
});
