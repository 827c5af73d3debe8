import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseResults, serializeResults } from '../../src/results/read.js';
import { buildFixture } from './fixture-factory.js';
import { RESULT_FIXTURES } from './fixture-specs.js';

const DIRECTORY = new URL('../../fixtures/results/', import.meta.url);
/** Set to rewrite fixtures/results/*.json from fixture-specs.ts (review the diff before committing). */
const UPDATE = process.env.UPDATE_RESULT_FIXTURES === '1';

describe('results fixtures', () => {
  it.each(Object.keys(RESULT_FIXTURES))(
    '%s.json is what its spec builds and a valid results file',
    (name) => {
      const spec = RESULT_FIXTURES[name];
      if (spec === undefined) throw new Error(`no spec for ${name}`);
      const file = new URL(`${name}.json`, DIRECTORY);
      const built = serializeResults(buildFixture(spec));
      if (UPDATE) writeFileSync(file, built);
      const text = readFileSync(file, 'utf8');
      expect(text).toBe(built);
      expect(parseResults(text, `${name}.json`).schemaVersion).toBe(1);
    },
  );

  it('has a spec for every results file in the directory', () => {
    const files = readdirSync(DIRECTORY).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(
      Object.keys(RESULT_FIXTURES)
        .map((n) => `${n}.json`)
        .sort(),
    );
  });
});
