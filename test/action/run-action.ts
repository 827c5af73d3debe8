/**
 * Runs the built action (dist/action/index.js) the way the runner does: inputs as INPUT_<NAME>
 * variables (upper-cased, dashes kept), GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files,
 * RUNNER_TEMP; the post step gets the saved state back as STATE_<name>.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundle action.yml runs (found from this file, whatever the working directory). */
export const ACTION_ENTRY = fileURLToPath(new URL('../../dist/action/index.js', import.meta.url));

/**
 * `NPG_ACTION_FROM_SOURCE=1`: run src/action/index.ts through Node's type stripping instead of the
 * bundle, to try a change before dist/ is rebuilt (the same entry, inputs and files; only the bundling
 * differs).
 */
const SOURCE_ENTRY = [
  '--experimental-transform-types',
  '--no-warnings',
  '--import',
  fileURLToPath(new URL('../../scripts/ts-resolve.ts', import.meta.url)),
  fileURLToPath(new URL('../../src/action/index.ts', import.meta.url)),
];

/** What `node` is given to run the action. */
function entryArgs(): string[] {
  return process.env.NPG_ACTION_FROM_SOURCE === '1' ? SOURCE_ENTRY : [ACTION_ENTRY];
}
/** Bound for one step (a local run of one short scenario takes seconds). */
export const STEP_TIMEOUT_MS = 150_000;

/** What a step left. */
export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

/** How to run a step. */
export interface StepOptions {
  /** Working directory (the workspace). */
  workspace: string;
  inputs?: Record<string, string>;
  /** More environment (GITHUB_* of a simulated run …). */
  env?: Record<string, string>;
  /** Saved state of the main step: makes this the post step. */
  state?: Record<string, string>;
  /**
   * Kills the step with SIGKILL (like a runner whose job was cancelled hard) once this turns true; gets
   * the step's pid (the local target names its network namespaces after it).
   */
  killWhen?: (pid: number) => Promise<boolean>;
}

/** How often `killWhen` is asked. */
const KILL_POLL_INTERVAL_MS = 200;

/** Asks `condition` until it holds or the child ends, then kills the child. */
function killWhen(child: ReturnType<typeof spawn>, condition: (pid: number) => Promise<boolean>): void {
  const poll = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (await condition(child.pid ?? 0)) child.kill('SIGKILL');
    else setTimeout(poll, KILL_POLL_INTERVAL_MS);
  };
  void poll();
}

/** Parses the runner's `name<<delimiter` file format (outputs and state). */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (match === null) continue;
    const [, name, delimiter] = match;
    const end = lines.indexOf(delimiter ?? '', i + 1);
    values[name ?? ''] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return values;
}

/** The environment of this test process without anything a real runner may have set. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(GITHUB_|ACTIONS_|INPUT_|RUNNER_|STATE_)/.test(key)),
  );
}

/** Runs one step of the built action and collects what it wrote. */
export async function runActionStep(options: StepOptions): Promise<StepResult> {
  const files = mkdtempSync(join(options.workspace, '.runner-'));
  const temp = join(files, 'temp');
  mkdirSync(temp);
  const paths = {
    output: join(files, 'output'),
    state: join(files, 'state'),
    summary: join(files, 'summary'),
  };
  for (const path of Object.values(paths)) writeFileSync(path, '');
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    GITHUB_OUTPUT: paths.output,
    GITHUB_STATE: paths.state,
    GITHUB_STEP_SUMMARY: paths.summary,
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_TEMP: temp,
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    env[`INPUT_${name.toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  const child = spawn(process.execPath, entryArgs(), { cwd: options.workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
  if (options.killWhen !== undefined) killWhen(child, options.killWhen);
  const code = await new Promise<number | null>((done) => child.on('close', (exitCode) => done(exitCode)));
  clearTimeout(timer);
  return {
    code,
    stdout,
    stderr,
    outputs: parseCommandFile(readFileSync(paths.output, 'utf8')),
    state: parseCommandFile(readFileSync(paths.state, 'utf8')),
    summary: readFileSync(paths.summary, 'utf8'),
  };
}

/** Annotations (`::error title=…::message`) the step printed. */
export function annotations(stdout: string, level: 'error' | 'warning' | 'notice'): string[] {
  return stdout.split('\n').filter((line) => line.startsWith(`::${level}`));
}
