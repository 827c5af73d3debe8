/**
 * Every row of the bad-input catalogue through the built CLI: one line that says what was wrong and what
 * to do, the documented exit code, no stack trace, and nothing left behind.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAD_INPUTS, type BadInput } from './bad-inputs.catalogue.js';

const CLI = join(process.cwd(), 'dist/cli/index.js');
const folder = mkdtempSync(join(tmpdir(), 'npg-bad-'));
chmodSync(folder, 0o755);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function which(program: string): string {
  return execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim();
}

function pathWithOnly(programs: string[]): string {
  const bin = mkdtempSync(join(folder, 'bin-'));
  for (const program of programs) symlinkSync(which(program), join(bin, program));
  return bin;
}

function resolveArgs(row: BadInput, dir: string): string[] {
  for (const [name, text] of Object.entries(row.files ?? {})) writeFileSync(join(dir, name), text);
  return row.args.map((arg) => (/^<(\w+)>$/.test(arg) ? join(dir, arg.slice(1, -1)) : arg));
}

function leftovers(): string {
  const namespaces = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  const processes = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' });
  return [...namespaces.split('\n'), ...processes.split('\n')]
    .filter((line) => /^npg-\d+-(cli|srv)/.test(line) || /netserver -D -4 -L 198\.18\.0\.2/.test(line))
    .join('\n');
}

const asRoot = process.getuid?.() === 0;

describe('bad inputs', () => {
  const before = asRoot ? leftovers() : '';

  it.each(BAD_INPUTS.map((row) => [row.what, row] as const))(
    '%s',
    (_what, row) => {
      if ((row.uid !== undefined || row.onlyPrograms) && !asRoot) return;
      const dir = mkdtempSync(join(folder, 'row-'));
      chmodSync(dir, 0o777);
      const env: NodeJS.ProcessEnv = { ...process.env, ACTIONS_STEP_DEBUG: '' };
      if (row.onlyPrograms) env.PATH = pathWithOnly(row.onlyPrograms);
      const result = spawnSync(process.execPath, [CLI, ...resolveArgs(row, dir)], {
        encoding: 'utf8',
        env,
        cwd: dir,
        ...(row.uid !== undefined ? { uid: row.uid, gid: row.uid } : {}),
      });
      expect(result.stderr).toContain(row.message);
      expect(result.status).toBe(row.exitCode);
      const lines = result.stderr.trim().split('\n');
      // Usage errors from the argument parser print the usage text first; ours are one line.
      if (!row.message.startsWith('Usage'))
        expect(lines.filter((l) => l.startsWith('netperf-gate:'))).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      if (asRoot) expect(leftovers()).toBe(before);
    },
    30_000,
  );

  it('are all listed in docs/errors.md with their exit codes', () => {
    const doc = readFileSync('docs/errors.md', 'utf8');
    for (const row of BAD_INPUTS) {
      expect(doc).toContain(`| ${row.what} |`);
      expect(doc).toMatch(
        new RegExp(`\\| ${row.what.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')} \\|.*\\| ${row.exitCode} \\|`),
      );
    }
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(25);
  });
});
