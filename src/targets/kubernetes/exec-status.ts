/**
 * The exit of an exec'd command, from the Status object the API server sends on channel 3 when the
 * command ends: pure. `Success` → 0; `Failure` with reason `NonZeroExitCode` → the code in
 * `details.causes[{reason: 'ExitCode', message: '2'}]`; any other Failure means the command did not run.
 */
import type { V1Status } from '@kubernetes/client-node';

/** How an exec ended: with an exit code, or without running (e.g. executable not found). */
export type ExecEnd = { exitCode: number } | { failure: string };

/** Reads the channel-3 Status of an exec. */
export function execEndFromStatus(status: V1Status): ExecEnd {
  if (status.status === 'Success') return { exitCode: 0 };
  if (status.reason === 'NonZeroExitCode') {
    const cause = status.details?.causes?.find((candidate) => candidate.reason === 'ExitCode');
    const exitCode = Number(cause?.message);
    if (Number.isInteger(exitCode)) return { exitCode };
  }
  return {
    failure: status.message?.split('\n')[0]?.trim() || status.reason || 'exec failed without a message',
  };
}
