/**
 * Every row of the bad-input catalogue through the built CLI: one line that says what was wrong and what
 * to do, the documented exit code, no stack trace, and nothing left behind.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  constants,
  copyFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newProcessTag, processesTagged } from '../helpers/tagged-processes.js';
import { BAD_INPUTS, type BadInput } from './bad-inputs.catalogue.js';

const CLI = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));
const ERRORS_DOC = fileURLToPath(new URL('../../docs/errors.md', import.meta.url));
/** World-readable (0755), so rows run as another user can reach their files and the copied CLI. */
const folder = mkdtempSync(join(tmpdir(), 'npg-bad-'));
chmodSync(folder, 0o755);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** How to start the built CLI: the Node binary and the bundle's entry file. */
interface CliCommand {
  node: string;
  cli: string;
}

let cliForAnyUser: CliCommand | undefined;

/**
 * The built CLI and the Node binary running this test, copied into `folder` with modes any user can
 * read and run. A row run as another user (nobody) cannot reach them where they are: the clone — and
 * with it node_modules/node, which npm puts first on PATH — may sit in a private folder (under /root,
 * or a `mktemp -d` one). Copied once, on first use; the bytes are those of dist/cli.
 */
function builtCliForAnyUser(): CliCommand {
  if (cliForAnyUser !== undefined) return cliForAnyUser;
  const runtime = mkdtempSync(join(folder, 'runtime-'));
  chmodSync(runtime, 0o755);
  const bundle = join(runtime, 'cli');
  cpSync(dirname(CLI), bundle, { recursive: true });
  for (const entry of readdirSync(bundle, { recursive: true, withFileTypes: true }))
    chmodSync(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  chmodSync(bundle, 0o755);
  const node = join(runtime, 'node');
  copyFileSync(process.execPath, node, constants.COPYFILE_FICLONE);
  chmodSync(node, 0o755);
  cliForAnyUser = { node, cli: join(bundle, basename(CLI)) };
  return cliForAnyUser;
}

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

/**
 * What one row's run left: its network namespaces (named after the CLI's pid) and any process still
 * carrying the row's tag. Scoped to the row, so other netperf-gate runs on the machine do not count.
 */
function leftovers(pid: number | undefined, tag: string): string[] {
  const namespaces = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.startsWith(`npg-${pid}-`));
  const tagged = processesTagged(tag).map((p) => `process ${p.pid}: ${p.args}`);
  return [...namespaces, ...tagged];
}

const asRoot = process.getuid?.() === 0;

describe('bad inputs', () => {
  it.each(BAD_INPUTS.map((row) => [row.what, row] as const))(
    '%s',
    (_what, row) => {
      if ((row.uid !== undefined || row.onlyPrograms) && !asRoot) return;
      const dir = mkdtempSync(join(folder, 'row-'));
      chmodSync(dir, 0o777);
      // Every process started for the row carries the tag (children inherit the environment).
      const { tag, env: tagEnv } = newProcessTag();
      const env: NodeJS.ProcessEnv = { ...process.env, ACTIONS_STEP_DEBUG: '', ...tagEnv };
      if (row.onlyPrograms) env.PATH = pathWithOnly(row.onlyPrograms);
      const { node, cli } =
        row.uid === undefined ? { node: process.execPath, cli: CLI } : builtCliForAnyUser();
      const result = spawnSync(node, [cli, ...resolveArgs(row, dir)], {
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
      if (asRoot) expect(leftovers(result.pid, tag)).toEqual([]);
    },
    30_000,
  );

  it('are all listed in docs/errors.md with their exit codes', () => {
    const doc = readFileSync(ERRORS_DOC, 'utf8');
    for (const row of BAD_INPUTS) {
      expect(doc).toContain(`| ${row.what} |`);
      expect(doc).toMatch(
        new RegExp(`\\| ${row.what.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')} \\|.*\\| ${row.exitCode} \\|`),
      );
    }
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(25);
  });
});
