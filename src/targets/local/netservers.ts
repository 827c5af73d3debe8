/**
 * One netserver per CPU profile in the server namespace, and the wait until each accepts connections.
 * Each listens on every address of the namespace, so the same process (with the same CPU pinning) serves
 * both the pod link and the reference link; netperf opens its data connection to the address it was
 * given with -H, so a test's control and data connections take the same link.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { formatError, InfraError } from '../../util/errors.js';
import { type CommandRunner, firstOutputLine, formatArgv, type ProcessHandle } from '../../util/process.js';
import { type CpuProfile, formatCpuList } from './cpu-profiles.js';
import { type LocalNames, NETSERVER_LISTEN_ADDRESS } from './names.js';

/** How long a netserver may take to listen on its port. */
export const NETSERVER_READY_TIMEOUT_MS = 10_000;
/** Pause between two looks at the listening sockets. */
export const NETSERVER_READY_POLL_MS = 50;
/** Bound for one `ss` look. */
export const SS_TIMEOUT_MS = 5_000;
/** How long a killed netserver may take to be reaped. */
export const NETSERVER_EXIT_TIMEOUT_MS = 5_000;

/** A started netserver. */
export interface RunningNetserver {
  profile: CpuProfile;
  argv: readonly string[];
  handle: ProcessHandle;
}

/** `ip netns exec NS [taskset -c LIST] PROGRAM ARGS…`: a program in a namespace, pinned when cores are given. */
export function inNamespace(
  namespace: string,
  cores: readonly number[] | null,
  command: readonly string[],
): string[] {
  const pin = cores === null ? [] : ['taskset', '-c', formatCpuList(cores)];
  return ['ip', 'netns', 'exec', namespace, ...pin, ...command];
}

/** Starts the profile's netserver in the foreground (`-D`) so its handle is the process itself. */
export function startNetserver(
  runner: CommandRunner,
  names: Pick<LocalNames, 'serverNamespace'>,
  profile: CpuProfile,
): RunningNetserver {
  const argv = inNamespace(names.serverNamespace, profile.serverCores, [
    'netserver',
    '-D',
    '-4',
    '-L',
    NETSERVER_LISTEN_ADDRESS,
    '-p',
    String(profile.port),
  ]);
  return { profile, argv, handle: runner.start(argv) };
}

async function isListening(runner: CommandRunner, namespace: string, port: number): Promise<boolean> {
  const argv = ['ss', '-N', namespace, '-H', '-l', '-t', '-n', 'sport', '=', `:${port}`];
  const output = await runner.run(argv, { timeoutMs: SS_TIMEOUT_MS });
  return output.exitCode === 0 && output.stdout.trim() !== '';
}

/**
 * Waits until the netserver listens on its port (seen with `ss` inside the server namespace), bounded by
 * {@link NETSERVER_READY_TIMEOUT_MS}; fails at once when it exits instead.
 */
export async function waitUntilListening(
  runner: CommandRunner,
  names: Pick<LocalNames, 'serverNamespace'>,
  netserver: RunningNetserver,
): Promise<void> {
  const { port } = netserver.profile;
  let ended: string | undefined;
  netserver.handle.exited.then(
    (output) => {
      ended = firstOutputLine(output);
    },
    (error: unknown) => {
      ended = formatError(error);
    },
  );
  const deadline = Date.now() + NETSERVER_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (ended !== undefined)
      throw new InfraError(`netserver on port ${port} exited before listening: ${ended}`);
    if (await isListening(runner, names.serverNamespace, port)) return;
    await sleep(NETSERVER_READY_POLL_MS);
  }
  throw new InfraError(
    `netserver did not listen on port ${port} in ${names.serverNamespace} within ${NETSERVER_READY_TIMEOUT_MS / 1000} s: try \`${formatArgv(netserver.argv)}\` by hand`,
  );
}

/** Kills a netserver and waits (bounded) until it has been reaped, so no handle keeps Node alive. */
export async function stopNetserver(netserver: RunningNetserver): Promise<void> {
  netserver.handle.kill('SIGKILL');
  const abort = new AbortController();
  const timeout = sleep(NETSERVER_EXIT_TIMEOUT_MS, 'timeout', { signal: abort.signal }).catch(
    () => 'aborted',
  );
  const exited = netserver.handle.exited.then(
    () => 'exited',
    () => 'exited',
  );
  const outcome = await Promise.race([exited, timeout]);
  abort.abort();
  if (outcome === 'timeout') {
    throw new InfraError(
      `netserver (pid ${netserver.handle.pid}) did not exit within ${NETSERVER_EXIT_TIMEOUT_MS / 1000} s of SIGKILL`,
    );
  }
}
