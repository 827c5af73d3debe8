import { InfraError } from '../util/errors.js';
import type { ProcessOutput } from '../util/process.js';

/** What was wrong with a netperf run's output; tests and callers branch on it. */
export type NetperfOutputErrorKind =
  /** netperf exited non-zero or was killed by a signal. */
  | 'exit-status'
  /** netperf exited 0 but printed nothing at all. */
  | 'empty'
  /** No line looks like netperf's omni CSV header. */
  | 'no-header'
  /** The header is there but no data row follows it. */
  | 'no-data'
  /** The data row is cut short: fewer values than names, or no line end. */
  | 'truncated'
  /** More values than column names: netperf dropped an unknown selector from the header only. */
  | 'column-count'
  /** A column the parser needs is not in the header. */
  | 'missing-column'
  /** A value where a number belongs is not a number. */
  | 'bad-number'
  /** THROUGHPUT_UNITS is not one netperf's `-f` can print. */
  | 'bad-units'
  /** netperf measured for no time at all, so its rates mean nothing. */
  | 'no-measurement';

/**
 * netperf's output could not be turned into figures. An infrastructure error (exit code 3): the
 * network or the tool failed, not the code under test. Keeps the raw output for the debug log.
 */
export class NetperfOutputError extends InfraError {
  readonly kind: NetperfOutputErrorKind;
  readonly stdout: string;
  readonly stderr: string;
  /** How netperf ended (`exitCode` is the CLI exit code every InfraError carries). */
  readonly processExitCode: number | null;

  constructor(kind: NetperfOutputErrorKind, message: string, output: ProcessOutput) {
    super(message);
    this.kind = kind;
    this.stdout = output.stdout;
    this.stderr = output.stderr;
    this.processExitCode = output.exitCode;
  }
}

const QUOTE_MAX_CHARS = 160;

/**
 * One printable line of netperf's output, shortened, for quoting inside a one-line message.
 * Control characters are dropped so garbage output cannot break the line.
 */
export function quoteLine(line: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point.
  const printable = line.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const short = printable.length > QUOTE_MAX_CHARS ? `${printable.slice(0, QUOTE_MAX_CHARS)}…` : printable;
  return `"${short}"`;
}

/** The first non-blank line of stderr, else of stdout: where netperf says what went wrong. */
export function firstMessageLine(output: ProcessOutput): string | undefined {
  for (const text of [output.stderr, output.stdout]) {
    const line = text.split('\n').find((candidate) => candidate.trim() !== '');
    if (line !== undefined) return line;
  }
  return undefined;
}

/** The error for a run that did not end with exit code 0, worded for the usual causes. */
export function exitStatusError(output: ProcessOutput): NetperfOutputError {
  const line = firstMessageLine(output);
  const said = line === undefined ? 'it printed nothing' : `it said ${quoteLine(line)}`;
  if (output.exitCode === null) {
    return new NetperfOutputError(
      'exit-status',
      `netperf was killed by a signal before it finished (${said}); check for a timeout or an ` +
        'out-of-memory kill on the client.',
      output,
    );
  }
  // netperf prints this on stdout when the control connection to netserver fails.
  if (line !== undefined && /establish[ _]control|netserver listening/.test(line)) {
    return new NetperfOutputError(
      'exit-status',
      `netperf could not reach the netserver (exit code ${output.exitCode}, ${said}); check that netserver ` +
        'is running on the server and that its address and port are reachable from the client.',
      output,
    );
  }
  return new NetperfOutputError(
    'exit-status',
    `netperf failed with exit code ${output.exitCode} (${said}); check the netperf arguments and that ` +
      'netperf 2.7.0 works on the client.',
    output,
  );
}
