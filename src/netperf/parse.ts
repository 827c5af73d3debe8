import type { ProcessOutput } from '../util/process.js';
import { NETPERF_COLUMN_NAMES, REQUIRED_SELECTORS, type RequiredSelector } from './columns.js';
import { splitCsvLine } from './csv.js';
import { exitStatusError, firstMessageLine, NetperfOutputError, quoteLine } from './errors.js';
import { KNOWN_UNITS, TRANSACTION_UNITS, toGbps } from './units.js';

export { NetperfOutputError, type NetperfOutputErrorKind } from './errors.js';

/** One netperf instance's figures, in our units. `null` means netperf could not measure it. */
export interface NetperfFigures {
  /** THROUGHPUT_UNITS as netperf printed it, e.g. `10^6bits/s` or `Trans/s`. */
  throughputUnits: string;
  /** Bit or byte rate converted to Gbit/s; null for a transaction rate (TCP_RR). */
  throughputGbps: number | null;
  /** Transactions per second; null for a bit or byte rate (TCP_STREAM). */
  transactionsPerSec: number | null;
  /**
   * Transaction latency percentiles and mean in µs; null for streams, where netperf's figures time
   * single send() calls and must not be mistaken for round trips.
   */
  latencyP50Us: number | null;
  latencyP90Us: number | null;
  latencyP99Us: number | null;
  latencyMeanUs: number | null;
  /** Client (local) and server (remote) CPU utilisation in %; netperf prints -1 when not measured. */
  localCpuPct: number | null;
  remoteCpuPct: number | null;
  /** TCP retransmissions on the client (local) and server (remote) side; -1 from netperf is null. */
  localRetransmits: number | null;
  remoteRetransmits: number | null;
  /** How long netperf measured, in seconds. */
  elapsedSeconds: number;
}

/** netperf's data row keyed by the header's column names. */
type OmniRow = ReadonlyMap<string, string | undefined>;

const KNOWN_NAMES = new Set<string>(Object.values(NETPERF_COLUMN_NAMES));

/** A header holds at least two names we know; a banner or an error line holds none. */
function isHeader(line: string): boolean {
  return splitCsvLine(line).filter((field) => KNOWN_NAMES.has(field.trim())).length >= 2;
}

function fail(kind: NetperfOutputError['kind'], message: string, output: ProcessOutput): never {
  throw new NetperfOutputError(kind, message, output);
}

function findHeader(output: ProcessOutput, lines: string[]): string {
  const header = lines.find(isHeader);
  if (header !== undefined) return header;
  const line = firstMessageLine(output);
  if (line === undefined) {
    fail(
      'empty',
      'netperf exited 0 but printed nothing; check that the netperf binary on the client works (netperf -V).',
      output,
    );
  }
  return fail(
    'no-header',
    `netperf printed no omni CSV header (first line: ${quoteLine(line)}); check that it ran with -P 1 and an -o selector list.`,
    output,
  );
}

/** Finds the header and the data row after it, checks that the row is whole, and pairs them up. */
function readRow(output: ProcessOutput): OmniRow {
  const lines = output.stdout.split('\n').map((line) => line.replace(/\r$/, ''));
  const header = findHeader(output, lines);
  const afterHeader = lines.slice(lines.indexOf(header) + 1);
  const row = afterHeader.find((line) => line.trim() !== '');
  if (row === undefined) {
    fail(
      'no-data',
      'netperf printed its CSV header but no data row; check whether the run was stopped early.',
      output,
    );
  }
  const names = splitCsvLine(header).map((name) => name.trim());
  const values = splitCsvLine(row);
  // A whole row ends with a newline, so something (if only '') always follows it in the split.
  const lineEnded = afterHeader.indexOf(row) < afterHeader.length - 1;
  if (values.length < names.length || !lineEnded) {
    const cut = lineEnded ? `${values.length} of ${names.length} values` : 'no line end';
    fail(
      'truncated',
      `netperf's data row is cut short (${cut}); check whether the run was stopped early or its output was cut.`,
      output,
    );
  }
  if (values.length > names.length) {
    fail(
      'column-count',
      `netperf printed ${values.length} values under ${names.length} column names; an -o selector is probably unknown to this netperf (it drops those from the header only); check the selector list.`,
      output,
    );
  }
  return new Map(names.map((name, i) => [name, values[i]]));
}

function column(row: OmniRow, selector: RequiredSelector, output: ProcessOutput): string {
  const value = row.get(NETPERF_COLUMN_NAMES[selector]);
  if (value === undefined) {
    fail(
      'missing-column',
      `netperf's output has no "${NETPERF_COLUMN_NAMES[selector]}" column; check that the -o list includes ${selector}.`,
      output,
    );
  }
  return value;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function numberIn(row: OmniRow, selector: RequiredSelector, output: ProcessOutput): number {
  const raw = column(row, selector, output);
  const text = raw.trim();
  if (!NUMBER.test(text)) {
    const shown = text === '' ? 'an empty value' : quoteLine(raw);
    fail(
      'bad-number',
      `netperf printed ${shown} for "${NETPERF_COLUMN_NAMES[selector]}" where a number belongs; check that the client runs netperf 2.7.0.`,
      output,
    );
  }
  return Number(text);
}

/** netperf prints -1 for a figure it could not measure (e.g. CPU without -c/-C). */
function measured(value: number): number | null {
  return value < 0 ? null : value;
}

function rates(
  row: OmniRow,
  output: ProcessOutput,
): Pick<NetperfFigures, 'throughputUnits' | 'throughputGbps' | 'transactionsPerSec'> {
  const throughputUnits = column(row, 'THROUGHPUT_UNITS', output).trim();
  const throughput = numberIn(row, 'THROUGHPUT', output);
  if (throughputUnits === TRANSACTION_UNITS) {
    // TRANSACTION_RATE carries three decimals where THROUGHPUT has two.
    return {
      throughputUnits,
      throughputGbps: null,
      transactionsPerSec: numberIn(row, 'TRANSACTION_RATE', output),
    };
  }
  const throughputGbps = toGbps(throughput, throughputUnits);
  if (throughputGbps === undefined) {
    fail(
      'bad-units',
      `netperf reported throughput in unknown units ${quoteLine(throughputUnits)}; check that no -f option asks for other units than ${KNOWN_UNITS.join(', ')}.`,
      output,
    );
  }
  return { throughputUnits, throughputGbps, transactionsPerSec: null };
}

function latencies(
  row: OmniRow,
  output: ProcessOutput,
  isTransactions: boolean,
): Pick<NetperfFigures, 'latencyP50Us' | 'latencyP90Us' | 'latencyP99Us' | 'latencyMeanUs'> {
  const read = (selector: RequiredSelector) => (isTransactions ? numberIn(row, selector, output) : null);
  return {
    latencyP50Us: read('P50_LATENCY'),
    latencyP90Us: read('P90_LATENCY'),
    latencyP99Us: read('P99_LATENCY'),
    latencyMeanUs: read('MEAN_LATENCY'),
  };
}

/**
 * Turns one netperf omni run (`-P 1 -- -o SELECTORS`) into figures. Columns are found by their
 * human header names, so selector order does not matter. Throws NetperfOutputError, with a one-line
 * message and the raw output, for a failed run and for anything that is not a whole, sane result.
 */
export function parseNetperfOutput(output: ProcessOutput): NetperfFigures {
  if (output.exitCode !== 0) throw exitStatusError(output);
  const row = readRow(output);
  for (const selector of REQUIRED_SELECTORS) column(row, selector, output);
  const rateFigures = rates(row, output);
  const elapsedSeconds = numberIn(row, 'ELAPSED_TIME', output);
  if (elapsedSeconds <= 0) {
    fail(
      'no-measurement',
      `netperf measured for ${elapsedSeconds} s, too short to give figures; check its -l (a negative -l counts bytes or transactions, not seconds).`,
      output,
    );
  }
  return {
    ...rateFigures,
    ...latencies(row, output, rateFigures.transactionsPerSec !== null),
    localCpuPct: measured(numberIn(row, 'LOCAL_CPU_UTIL', output)),
    remoteCpuPct: measured(numberIn(row, 'REMOTE_CPU_UTIL', output)),
    localRetransmits: measured(numberIn(row, 'LOCAL_TRANSPORT_RETRANS', output)),
    remoteRetransmits: measured(numberIn(row, 'REMOTE_TRANSPORT_RETRANS', output)),
    elapsedSeconds,
  };
}
