/** report-dir is emptied before a run; the workspace itself (or above it) is refused. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyReportDir } from '../../src/action/report-dir.js';
import { UsageError } from '../../src/util/errors.js';

const workspace = mkdtempSync(join(tmpdir(), 'npg-report-dir-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('emptyReportDir', () => {
  it("removes an earlier run's files and folders, and creates a missing folder", async () => {
    const folder = join(workspace, 'report');
    mkdirSync(join(folder, 'raw', 'tcp_rr'), { recursive: true });
    writeFileSync(join(folder, 'baseline.json'), '{}');
    await emptyReportDir('report', workspace);
    expect(readdirSync(folder)).toEqual([]);
    await emptyReportDir('new/nested', workspace);
    expect(existsSync(join(workspace, 'new', 'nested'))).toBe(true);
  });

  it('refuses a baseline file inside it rather than delete it', async () => {
    mkdirSync(join(workspace, 'out'), { recursive: true });
    writeFileSync(join(workspace, 'out', 'base.json'), '{}');
    await expect(emptyReportDir('out', workspace, 'out/base.json')).rejects.toThrow(
      'input baseline "out/base.json" is inside report-dir "out", which is emptied before each run; keep the baseline elsewhere',
    );
    expect(existsSync(join(workspace, 'out', 'base.json'))).toBe(true);
  });

  it.each(['.', './', '..', '/', workspace])(
    'refuses %j (the workspace, above it, or the root)',
    async (dir) => {
      writeFileSync(join(workspace, 'keep.txt'), 'checkout');
      const emptying = emptyReportDir(dir, workspace);
      await expect(emptying).rejects.toBeInstanceOf(UsageError);
      await expect(emptying).rejects.toThrow(/^input report-dir ".*" is the workspace or a folder above it/);
      expect(existsSync(join(workspace, 'keep.txt'))).toBe(true);
    },
  );
});
