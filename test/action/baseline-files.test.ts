/** A baseline file of a newer schemaVersion is left out with a warning, never a hard error. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withoutNewerSchema } from '../../src/action/baseline-files.js';

const folder = mkdtempSync(join(tmpdir(), 'npg-baseline-files-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(path: string, schemaVersion: number): string {
  writeFileSync(path, JSON.stringify({ schemaVersion }));
  return path;
}

describe('withoutNewerSchema', () => {
  it('keeps the paths as given when no file is newer', async () => {
    const file = write(join(folder, 'v1.json'), 1);
    expect(await withoutNewerSchema([file, join(folder, 'missing.json')], () => {})).toBeUndefined();
  });

  it('leaves out newer files of a folder with one warning each, and keeps the rest', async () => {
    const runs = join(folder, 'runs');
    mkdirSync(runs);
    const old = write(join(runs, 'a.json'), 1);
    write(join(runs, 'b.json'), 2);
    const warnings: string[] = [];
    expect(await withoutNewerSchema([runs], (line) => warnings.push(line))).toEqual({ kept: [old], left: 1 });
    expect(warnings).toEqual([
      `baseline file ${join(runs, 'b.json')} has schemaVersion 2, newer than this netperf-gate understands (1); left out (upgrade the action to use it)`,
    ]);
  });

  it('leaves nothing when the only file is newer (the action then says no-baseline)', async () => {
    const file = write(join(folder, 'v9.json'), 9);
    expect(await withoutNewerSchema([file], () => {})).toEqual({ kept: [], left: 1 });
  });
});
