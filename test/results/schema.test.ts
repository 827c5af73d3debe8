import { readFileSync } from 'node:fs';
import { parseResults, serializeResults } from '../../src/results/read.js';
import { resultsJsonSchema } from '../../src/results/schema.js';
import { UsageError } from '../../src/util/errors.js';
import { TOOL_VERSION } from '../../src/version.js';
import { around, resultsWith, scenarioWith } from '../helpers/results-builder.js';

describe('results files', () => {
  const results = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000))]);

  it('read back what was written', () => {
    expect(parseResults(serializeResults(results), 'r.json')).toEqual(results);
  });

  it.each([
    ['not json', 'r.json: not valid JSON; pass a results file written by "netperf-gate run --out"'],
    ['{"hello": 1}', 'r.json: no schemaVersion; pass a results file written by "netperf-gate run --out"'],
    [
      '{"schemaVersion": 9}',
      'r.json: schemaVersion 9 is newer than this netperf-gate understands (1); upgrade netperf-gate',
    ],
    ['{"schemaVersion": 0}', 'r.json: schemaVersion 0 is not supported (expected 1)'],
  ])('refuse %s with one line that says what to do', (text, message) => {
    expect(() => parseResults(text, 'r.json')).toThrow(new UsageError(message));
  });

  it('name the first bad field of a damaged file', () => {
    const damaged = JSON.parse(serializeResults(results));
    damaged.scenarios[0].samples[0].metrics.transactions_per_sec = 'fast';
    expect(() => parseResults(JSON.stringify(damaged), 'r.json')).toThrow(
      'r.json: scenarios[0].samples[0].metrics.transactions_per_sec: expected number, got "fast"',
    );
  });

  it('match the committed JSON Schema (regenerate with: npm run build && npm run --silent cli -- schema > schema/results.schema.json)', () => {
    const committed = JSON.parse(readFileSync('schema/results.schema.json', 'utf8'));
    expect(committed).toEqual(resultsJsonSchema());
  });

  it('carry the version package.json declares', () => {
    expect(TOOL_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
