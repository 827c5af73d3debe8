import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NetperfOutputError, parseNetperfOutput } from '../../src/netperf/parse.js';
import type { ProcessOutput } from '../../src/targets/target.js';

/** Message wording and parsing details, on real runs from fixtures/netperf and edits of them. */
const FIXTURES = fileURLToPath(new URL('../../fixtures/netperf/', import.meta.url));

function loadRun(name: string): ProcessOutput {
  const read = (file: string) => readFileSync(join(FIXTURES, name, file), 'utf8');
  const exit = read('exit-code.txt').trim();
  return {
    stdout: read('stdout.txt'),
    stderr: read('stderr.txt'),
    exitCode: exit === 'null' ? null : Number(exit),
  };
}

function parseError(output: ProcessOutput): NetperfOutputError {
  try {
    parseNetperfOutput(output);
  } catch (error) {
    if (error instanceof NetperfOutputError) return error;
    throw error;
  }
  throw new Error('expected parseNetperfOutput to throw');
}

test('a connection error quotes netperf and says the netserver is not reachable', () => {
  expect(parseError(loadRun('connection_refused')).message).toMatch(
    /^netperf could not reach the netserver \(exit code 255, it said "establish control: are you sure there is a netserver listening on 198\.18\.250\.1 at port 12871\?"\); check that netserver is running/,
  );
});

test('a killed run says a signal stopped it and that it printed nothing', () => {
  expect(parseError(loadRun('killed')).message).toMatch(
    /^netperf was killed by a signal .*it printed nothing/,
  );
});

test('an unknown test quotes the first line netperf printed with its exit code', () => {
  expect(parseError(loadRun('unknown_test')).message).toContain(
    'exit code 1 (it said "The test you requested (NOT_A_TEST) is unknown to this netperf.")',
  );
});

test('a failure that printed only on stderr quotes stderr', () => {
  const error = parseError({
    stdout: '',
    stderr: '\nsend_data: data send error: Broken pipe\n',
    exitCode: 1,
  });
  expect(error.message).toContain('it said "send_data: data send error: Broken pipe"');
});

test('a non-numeric value names its column and quotes it', () => {
  expect(parseError(loadRun('broken_non_numeric')).message).toContain('printed "fast" for "Throughput"');
  expect(parseError(loadRun('broken_blank_value')).message).toContain(
    'an empty value for "Transaction Rate Tran/s"',
  );
});

test('unknown units are quoted and the known ones listed', () => {
  expect(parseError(loadRun('broken_unknown_units')).message).toMatch(
    /"furlongs\/s"; check that no -f option asks for other units than 10\^0bits\/s, .*Trans\/s\.$/,
  );
});

test('a missing column names the header and the selector to add', () => {
  expect(parseError(loadRun('broken_missing_column')).message).toContain('no "Local CPU Util %" column');
  expect(parseError(loadRun('broken_missing_column')).message).toContain('includes LOCAL_CPU_UTIL');
});

test('garbage output is quoted without its control characters', () => {
  const error = parseError({ stdout: '\u0001\u0002 not netperf at all\n', stderr: '', exitCode: 0 });
  expect(error.message).toContain('(first line: "not netperf at all")');
});

test('a very long first line is shortened in the message', () => {
  const error = parseError({ stdout: `${'x'.repeat(500)}\n`, stderr: '', exitCode: 0 });
  expect(error.message).toContain(`"${'x'.repeat(160)}…"`);
});

/** A real run with its columns rearranged by `rearrange` (applied to header and row alike). */
function rearranged(name: string, rearrange: (fields: string[]) => string[]): ProcessOutput {
  const output = loadRun(name);
  const [banner, header, row] = output.stdout.split('\n');
  const fields = (line = '') => rearrange(line.split(','));
  return { ...output, stdout: `${banner}\n${fields(header).join(',')}\n${fields(row).join(',')}\n` };
}

test('maps columns by header name, not by position', () => {
  for (const name of ['tcp_stream', 'tcp_rr']) {
    expect(parseNetperfOutput(rearranged(name, (fields) => [...fields].reverse()))).toEqual(
      parseNetperfOutput(loadRun(name)),
    );
  }
});

test('reads a quoted field holding commas, like COMMAND_LINE, as one value', () => {
  const output = loadRun('tcp_rr');
  const [banner, header, row] = output.stdout.split('\n');
  const stdout = `${banner}\nCommand Line,${header}\n"netperf -t TCP_RR -- -o A,B ""x""",${row}\n`;
  expect(parseNetperfOutput({ ...output, stdout })).toEqual(parseNetperfOutput(output));
});

test('accepts CRLF line ends', () => {
  const output = loadRun('tcp_stream');
  expect(parseNetperfOutput({ ...output, stdout: output.stdout.replaceAll('\n', '\r\n') })).toEqual(
    parseNetperfOutput(output),
  );
});

test('a value short of the header is refused as truncated even with a line end', () => {
  const output = loadRun('tcp_stream');
  const lines = output.stdout.split('\n');
  const shortRow = (lines[2] ?? '').split(',').slice(0, -2).join(',');
  const cut = parseError({ ...output, stdout: `${lines[0]}\n${lines[1]}\n${shortRow}\n` });
  expect(cut.kind).toBe('truncated');
  expect(cut.message).toContain('(16 of 18 values)');
});
