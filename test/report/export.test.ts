import { metricDirection } from '../../src/metrics/names.js';
import { toBencherMetricFormat, toGithubActionBenchmark } from '../../src/report/export-benchmark.js';
import { CSV_HEADER, csvField, toCsv } from '../../src/report/export-csv.js';
import { formatMetric } from '../../src/report/format.js';
import { around, resultsWith, scenarioWith } from '../helpers/results-builder.js';
import { loadResults } from './report-cases.js';

const cilium = loadResults('cilium-v1.13-ebpf-host-routing');
const baseline = loadResults('baseline');

describe('github-action-benchmark export', () => {
  it('splits metrics by direction into the two custom tools', () => {
    const { biggerIsBetter, smallerIsBetter } = toGithubActionBenchmark(baseline);
    expect(biggerIsBetter.map((e) => e.name)).toEqual([
      'tcp_stream_1/throughput_gbps',
      'tcp_stream_32/throughput_gbps',
      'tcp_rr_1cpu/transactions_per_sec',
      'tcp_rr_32cpu/transactions_per_sec',
    ]);
    for (const entry of smallerIsBetter) {
      const metric = entry.name.split('/')[1] as Parameters<typeof metricDirection>[0];
      expect(metricDirection(metric)).toBe('lower-is-better');
    }
    expect(smallerIsBetter).toHaveLength(4 * 4 + 2 * 3 + 2);
  });

  it("writes Cilium's published medians as they read in the reports", () => {
    expect(toGithubActionBenchmark(cilium)).toMatchSnapshot();
  });

  it('gives each entry exactly the fields the action reads, with the median rounded as reports show it', () => {
    const entry = toGithubActionBenchmark(baseline).biggerIsBetter[2];
    const aggregate = baseline.scenarios[2]?.aggregates.transactions_per_sec;
    if (entry === undefined || aggregate === undefined) throw new Error('fixture changed');
    expect(Object.keys(entry).sort()).toEqual(['extra', 'name', 'range', 'unit', 'value']);
    expect(entry.value).toBe(
      Number(formatMetric('transactions_per_sec', aggregate.median).replaceAll(',', '')),
    );
    expect(entry.unit).toBe('trans/s');
    expect(entry.range).toBe(`± ${formatMetric('transactions_per_sec', aggregate.stddev)}`);
    expect(entry.extra).toMatch(/^median of 5 samples; min [\d,]+, max [\d,]+ trans\/s; TCP_RR x1$/);
  });

  it('leaves out the range of a single sample, which has no spread', () => {
    const one = resultsWith([scenarioWith('tcp_stream_1', around('throughput_gbps', 9.4, 1))]);
    expect(toGithubActionBenchmark(one).biggerIsBetter).toEqual([
      {
        name: 'tcp_stream_1/throughput_gbps',
        unit: 'Gbit/s',
        value: 9.4,
        extra: 'median of 1 samples; min 9.4, max 9.4 Gbit/s; TCP_STREAM x1',
      },
    ]);
  });

  it('produces JSON arrays the action can parse', () => {
    const { biggerIsBetter } = toGithubActionBenchmark(cilium);
    const parsed = JSON.parse(JSON.stringify(biggerIsBetter)) as unknown[];
    expect(Array.isArray(parsed)).toBe(true);
  });
});

describe('Bencher Metric Format export', () => {
  it('has one benchmark per scenario and one measure per metric with min and max as bounds', () => {
    expect(toBencherMetricFormat(cilium)).toMatchSnapshot();
  });

  it('uses lower-case kebab-case measure slugs of at most 64 characters', () => {
    for (const measures of Object.values(toBencherMetricFormat(baseline))) {
      for (const slug of Object.keys(measures)) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const slug of Object.keys(measures)) expect(slug.length).toBeLessThanOrEqual(64);
    }
  });

  it('keeps value within its bounds', () => {
    for (const measures of Object.values(toBencherMetricFormat(baseline))) {
      for (const { value, lower_value, upper_value } of Object.values(measures)) {
        expect(lower_value).toBeLessThanOrEqual(value);
        expect(upper_value).toBeGreaterThanOrEqual(value);
      }
    }
  });
});

describe('CSV export', () => {
  it('writes a header and one row per scenario and metric', () => {
    const csv = toCsv(cilium);
    expect(csv).toMatchSnapshot();
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 4 + 1);
  });

  it('ends every record with CRLF and quotes fields that need it (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(
      toCsv(baseline)
        .split('\r\n')
        .every((line) => !line.includes('\n')),
    ).toBe(true);
  });

  it('rounds as the reports do and leaves CV empty for a single sample', () => {
    const one = resultsWith([scenarioWith('tcp_rr_1cpu', [{ transactions_per_sec: 47_912.6 }])]);
    expect(toCsv(one).split('\r\n')[1]).toBe(
      'tcp_rr_1cpu/transactions_per_sec,tcp_rr_1cpu,TCP_RR,1,1,transactions_per_sec,trans/s,higher-is-better,1,47913,47913,47913,47913,0,',
    );
  });
});
