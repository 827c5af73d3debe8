/**
 * Child processes as argument arrays (never shell strings), behind a small interface tests can swap.
 *
 * DESIGN lists @actions/exec for this job; we use node:child_process directly because it hands back a
 * ChildProcess for long-running programs (netserver), which @actions/exec's promise-only API does not,
 * and because the CLI runs outside Actions too.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { InfraError } from './errors.js';
import { formatArgv } from './shell.js';

/** What one process printed and how it ended. */
export interface ProcessOutput {
  stdout: string;
  stderr: string;
  /** Exit code, or null when it was killed by a signal. */
  exitCode: number | null;
}

export { formatArgv };

/** Bound for a short command (`ip`, `tc`, `ss`) when the caller gives none. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;
/** Output kept per stream; netperf and iproute2 print a few lines, so more means something ran wild. */
export const MAX_CAPTURED_OUTPUT_CHARS = 1_000_000;
/**
 * Once a process has exited, how long its pipes may stay open. A setup command that leaves a daemon
 * running (`sh -c 'foo &'`) passes the pipes on to it; without this bound we would wait for the daemon.
 */
export const PIPE_DRAIN_AFTER_EXIT_MS = 1_000;

/** How to install a program the local target runs, in Debian terms. */
const INSTALL_HINTS: Readonly<Record<string, string>> = {
  netperf:
    "netperf is in Debian's non-free section: add non-free to the apt sources, then `apt-get install netperf`",
  netserver:
    "netserver comes with netperf, in Debian's non-free section: add non-free to the apt sources, then `apt-get install netperf`",
  ip: 'install it with `apt-get install iproute2`',
  tc: 'install it with `apt-get install iproute2`',
  ss: 'install it with `apt-get install iproute2`',
  taskset: 'install it with `apt-get install util-linux`',
  sysctl: 'install it with `apt-get install procps`',
  nft: 'install it with `apt-get install nftables`',
};

/** One line saying which program is missing and how to get it. */
export function missingProgramMessage(program: string): string {
  const hint = INSTALL_HINTS[program] ?? 'install it or put it on PATH';
  return `${program} was not found on PATH: ${hint}`;
}

/** Options for a command that runs to completion. */
export interface RunOptions {
  /** The command is killed (SIGKILL) and the call rejects after this long. */
  timeoutMs?: number;
  /** Variables added to (or replacing ones in) this process's environment, for this command only. */
  env?: Readonly<Record<string, string>>;
}

/** A long-running process (netserver). */
export interface ProcessHandle {
  /** Process id; undefined when the program could not be started. */
  readonly pid: number | undefined;
  /** Sends a signal (default SIGKILL); does nothing once the process has ended. */
  kill(signal?: NodeJS.Signals): void;
  /** Resolves with what it printed when it ends; rejects with an InfraError when it could not start. */
  readonly exited: Promise<ProcessOutput>;
}

/** Runs programs; created by {@link createCommandRunner}, replaced by fakes in tests. */
export interface CommandRunner {
  /** Runs `argv` to completion; rejects with an InfraError when it is missing or exceeds its timeout. */
  run(argv: readonly string[], options?: RunOptions): Promise<ProcessOutput>;
  /** Starts `argv` and returns at once. */
  start(argv: readonly string[]): ProcessHandle;
  /** Runs `argv` synchronously: for exit handlers only, where nothing asynchronous runs any more. */
  runSync(argv: readonly string[], options?: RunOptions): ProcessOutput;
}

/** The first non-empty line of stderr, else of stdout, else the exit status: what to quote in an error. */
export function firstOutputLine(output: ProcessOutput): string {
  for (const text of [output.stderr, output.stdout]) {
    const line = text.split('\n').find((candidate) => candidate.trim() !== '');
    if (line !== undefined) return line.trim();
  }
  return output.exitCode === null ? 'killed by a signal' : `exit code ${output.exitCode}`;
}

function splitArgv(argv: readonly string[]): [string, string[]] {
  const [program, ...args] = argv;
  if (program === undefined) throw new Error('empty command line');
  return [program, args];
}

function spawnError(program: string, error: NodeJS.ErrnoException): InfraError {
  if (error.code === 'ENOENT') return new InfraError(missingProgramMessage(program));
  return new InfraError(`could not start ${program}: ${error.message}`);
}

/** Collects stdout/stderr of a child and settles once it has ended and its pipes are closed. */
function collect(child: ChildProcess, program: string): Promise<ProcessOutput> {
  const output = { stdout: '', stderr: '' };
  for (const name of ['stdout', 'stderr'] as const) {
    child[name]?.setEncoding('utf8');
    child[name]?.on('data', (chunk: string) => {
      if (output[name].length < MAX_CAPTURED_OUTPUT_CHARS) output[name] += chunk;
    });
  }
  child.once('exit', () => {
    const timer = setTimeout(() => {
      child.stdout?.destroy();
      child.stderr?.destroy();
    }, PIPE_DRAIN_AFTER_EXIT_MS);
    child.once('close', () => clearTimeout(timer));
  });
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(spawnError(program, error)));
    child.once('close', (exitCode) => resolve({ ...output, exitCode: exitCode ?? child.exitCode }));
  });
}

/** This process's environment plus `extra`; undefined (inherit as is) when there is nothing extra. */
function environmentWith(extra: RunOptions['env']): NodeJS.ProcessEnv | undefined {
  return extra === undefined ? undefined : { ...process.env, ...extra };
}

function spawnPiped(program: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess {
  return spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
}

async function runAsync(argv: readonly string[], options: RunOptions = {}): Promise<ProcessOutput> {
  const [program, args] = splitArgv(argv);
  const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const child = spawnPiped(program, args, environmentWith(options.env));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  try {
    const output = await collect(child, program);
    if (timedOut) {
      throw new InfraError(
        `\`${formatArgv(argv)}\` did not finish within ${timeoutMs / 1000} s and was killed: check that it runs by hand`,
      );
    }
    return output;
  } finally {
    clearTimeout(timer);
  }
}

function startProcess(argv: readonly string[]): ProcessHandle {
  const [program, args] = splitArgv(argv);
  const child = spawnPiped(program, args);
  const exited = collect(child, program);
  // Marks the rejection as handled for callers that never await `exited`; those that do still see it.
  exited.catch(() => undefined);
  return {
    pid: child.pid,
    kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    exited,
  };
}

function runSynchronously(argv: readonly string[], options: RunOptions = {}): ProcessOutput {
  const [program, args] = splitArgv(argv);
  const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const result = spawnSync(program, args, {
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    env: environmentWith(options.env),
  });
  const error = result.error as NodeJS.ErrnoException | undefined;
  if (error?.code === 'ETIMEDOUT') {
    throw new InfraError(
      `\`${formatArgv(argv)}\` did not finish within ${timeoutMs / 1000} s and was killed`,
    );
  }
  if (error !== undefined) throw spawnError(program, error);
  return { stdout: result.stdout ?? '', stderr: result.stderr ?? '', exitCode: result.status };
}

/** The real runner, on node:child_process. */
export function createCommandRunner(): CommandRunner {
  return { run: runAsync, start: startProcess, runSync: runSynchronously };
}
