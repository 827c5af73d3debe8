/** Exit codes of the CLI and the action (README documents them). */
export const EXIT_OK = 0;
export const EXIT_REGRESSION = 1;
export const EXIT_USAGE = 2;
export const EXIT_INFRA = 3;
export const EXIT_INTERRUPTED_SIGINT = 130;
export const EXIT_INTERRUPTED_SIGTERM = 143;

/** A bad flag, suite, thresholds or results file: the user can fix it. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = EXIT_USAGE;
}

/** Something in the environment failed: a missing tool, a network namespace, netperf, the cluster. Exit code 3. */
export class InfraError extends Error {
  override readonly name = 'InfraError';
  readonly exitCode = EXIT_INFRA;
}

/** One line for people: the message of an Error, or the value itself. */
export function formatError(error: unknown): string {
  if (error instanceof Error) {
    const line = error.message.split('\n')[0] ?? '';
    return line.trim() === '' ? error.name : line.trim();
  }
  return String(error);
}

/** Exit code for an error that ended a command: its own for ours, 3 for anything unexpected. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT_USAGE;
  return EXIT_INFRA;
}
