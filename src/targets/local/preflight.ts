/** Checks the local target makes before it creates anything: root, and every program it will run. */
import { InfraError } from '../../util/errors.js';
import type { CommandRunner } from '../../util/process.js';

/** Bound for one `PROGRAM -V` probe. */
export const PROGRAM_PROBE_TIMEOUT_MS = 10_000;

/** Programs every local run needs: namespaces and veth (`ip`), readiness (`ss`), affinity, netperf. */
export const REQUIRED_PROGRAMS: readonly string[] = ['ip', 'ss', 'taskset', 'netperf', 'netserver'];

/** What preflight looks at. */
export interface PreflightInput {
  runner: CommandRunner;
  /** Whether this process may create network namespaces (runs as uid 0). */
  isRoot: boolean;
  /** Programs to look for, e.g. {@link REQUIRED_PROGRAMS} plus `tc` when a qdisc is set. */
  programs: readonly string[];
}

/** True when the current process runs as root. */
export function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * Throws a one-line InfraError when the local target cannot work here: not root, or a program missing
 * (the message names the Debian package). Every program answers `-V`; its exit code does not matter,
 * only that it exists.
 */
export async function preflight({ runner, isRoot, programs }: PreflightInput): Promise<void> {
  if (!isRoot) {
    throw new InfraError(
      'the local target needs root to create network namespaces: run as root (sudo netperf-gate …) or use --target kubernetes',
    );
  }
  // Sequential on purpose: the first missing program is reported, in a stable order.
  for (const program of programs) {
    await runner.run([program, '-V'], { timeoutMs: PROGRAM_PROBE_TIMEOUT_MS });
  }
}
