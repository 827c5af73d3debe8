/**
 * Container and exec processes: the real command run inside a network namespace (`nsenter --net=`),
 * pinned to the pod's CPUs (`taskset -c`), in its own process group so it can be signalled as a whole.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';

/** PATH the containers get when the pod sets none. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** What to run and where. */
export interface SpawnSpec {
  netns: string;
  /** CPUs to pin to; undefined = no pinning. */
  cpus?: number[];
  /** User and group to run as (the pod's `runAsUser`/`runAsGroup`); undefined = root, the image default here. */
  user?: RunAs;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  /** Whether stdin is a pipe (exec with stdin) or closed. */
  stdin: boolean;
}

/** The identity a container's processes run as. */
export interface RunAs {
  uid: number;
  gid: number;
}

/** `setpriv` in front of the command when it runs as another user (groups cleared, as runc does). */
function identityArgv(user: RunAs | undefined): string[] {
  if (user === undefined) return [];
  return ['setpriv', `--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--'];
}

/** Starts `argv` in the namespace; the child leads its own process group. */
export function spawnInNamespace(spec: SpawnSpec): ChildProcess {
  const pin = spec.cpus ? ['taskset', '-c', spec.cpus.join(',')] : [];
  const argv = [...identityArgv(spec.user), ...pin, ...spec.argv];
  return spawn('nsenter', [`--net=/run/netns/${spec.netns}`, '--', ...argv], {
    detached: true,
    cwd: spec.cwd,
    env: spec.env,
    stdio: [spec.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
}

/** Sends a signal to a process group; false when it is already gone. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** The file `command` names, searched in `pathVar` like execvp; undefined when there is none. */
export function findExecutable(command: string, pathVar: string): string | undefined {
  const candidates = command.includes('/')
    ? [command]
    : pathVar.split(':').map((dir) => join(dir || '.', command));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next directory
    }
  }
  return undefined;
}

/** The environment of a container: PATH, HOSTNAME, and the pod's `env` values (valueFrom is not supported). */
export function containerEnv(
  hostname: string,
  env: { name: string; value?: string }[] | undefined,
  tmpDir: string,
): Record<string, string> {
  const result: Record<string, string> = {
    PATH: DEFAULT_PATH,
    HOSTNAME: hostname,
    HOME: '/root',
    TMPDIR: tmpDir,
  };
  for (const entry of env ?? []) result[entry.name] = entry.value ?? '';
  return result;
}
