import {
  formatDuration,
  formatMetric,
  formatPercentChange,
  renderTextTable,
} from '../../src/report/format.js';

describe('figures', () => {
  it.each([
    ['throughput_gbps', 13.66982, '13.7'],
    ['throughput_gbps', 0.95312, '0.953'],
    ['throughput_gbps', 91.5, '91.5'],
    ['throughput_gbps', 1234.4, '1,234'],
    ['transactions_per_sec', 38064.792, '38,065'],
    ['transactions_per_sec', 1105000, '1,105,000'],
    ['latency_p99_us', 145, '145'],
    ['latency_p50_us', 25, '25'],
    ['latency_p50_us', 26.184, '26.2'],
    ['client_cpu_pct', 82.149, '82.1'],
    ['server_cpu_cost', 60.0987, '60.1'],
    ['retransmits', 226, '226'],
    ['retransmits', 0, '0'],
  ] as const)('%s %d reads %s', (metric, value, text) => {
    expect(formatMetric(metric, value)).toBe(text);
  });

  it.each([
    [3.24, '+3.2%'],
    [-12, '-12.0%'],
    [0.04, '0.0%'],
  ])('a change of %d%% reads %s', (pct, text) => {
    expect(formatPercentChange(pct)).toBe(text);
  });

  it.each([
    [4.4, '4 s'],
    [60, '1 min'],
    [200, '3 min 20 s'],
    [-3, '0 s'],
  ])('%d seconds read %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('aligns a table: names left, figures right', () => {
    expect(
      renderTextTable(
        ['name', 'Gbit/s'],
        [
          ['a', '1.5'],
          ['long_name', '13.7'],
        ],
      ),
    ).toBe(['name       Gbit/s', '---------  ------', 'a             1.5', 'long_name    13.7'].join('\n'));
  });
});
