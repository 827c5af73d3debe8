import { splitCsvLine } from '../../src/netperf/csv.js';
import { KNOWN_UNITS, TRANSACTION_UNITS, toGbps } from '../../src/netperf/units.js';

test.each([
  ['plain fields', 'a,b,c', ['a', 'b', 'c']],
  ['empty and blank fields, untrimmed', 'a,, ,b', ['a', '', ' ', 'b']],
  ['a quoted field with commas', '1,"netperf -o A,B",2', ['1', 'netperf -o A,B', '2']],
  ['a doubled quote inside quotes', '"say ""hi""",x', ['say "hi"', 'x']],
  ['an unterminated quote running to the line end', '1,"cut, mid', ['1', 'cut, mid']],
  ['an empty line', '', ['']],
])('splits %s', (_, line, fields) => {
  expect(splitCsvLine(line)).toEqual(fields);
});

test.each([
  ['10^0bits/s', 5e9, 5],
  ['10^3bits/s', 5e6, 5],
  ['10^6bits/s', 5000, 5],
  ['10^9bits/s', 5, 5],
  ['Bytes/s', 625_000_000, 5],
  ['KBytes/s', 1_000_000, 8.192],
  ['MBytes/s', 1000, 8.388608],
  ['GBytes/s', 1, 8.589934592],
])('converts %s to Gbit/s (bits decimal, bytes binary)', (units, value, gbps) => {
  expect(toGbps(value, units)).toBeCloseTo(gbps, 9);
});

test('gives no Gbit/s for transactions or units it does not know', () => {
  expect(toGbps(1000, TRANSACTION_UNITS)).toBeUndefined();
  expect(toGbps(1000, 'Mbits/s')).toBeUndefined();
  expect(KNOWN_UNITS).toContain(TRANSACTION_UNITS);
  expect(KNOWN_UNITS).toHaveLength(9);
});
