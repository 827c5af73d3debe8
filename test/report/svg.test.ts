import { type BarChart, chartId, renderBarChart } from '../../src/report/svg-bar-chart.js';
import { renderChangeChart, tickLabel } from '../../src/report/svg-change-chart.js';
import { coordinate, element, escapeXml } from '../../src/report/svg-markup.js';
import { niceScale } from '../../src/report/svg-scale.js';

describe('nice scales', () => {
  it.each([
    [42.3, 50, [0, 10, 20, 30, 40, 50]],
    [91.5, 100, [0, 20, 40, 60, 80, 100]],
    [1_105_000, 1_250_000, [0, 250_000, 500_000, 750_000, 1_000_000, 1_250_000]],
    [4.4, 5, [0, 1, 2, 3, 4, 5]],
    [0.3, 0.3, [0, 0.1, 0.2, 0.3]],
    [0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [Number.NaN, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
  ])('%d fits on 0 … %d', (value, max, ticks) => {
    expect(niceScale(value)).toEqual({ max, ticks });
  });
});

describe('SVG markup', () => {
  it('escapes text and attributes', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(element('rect', { x: 1.23456, y: undefined, fill: 'a"b' })).toBe(
      '<rect x="1.23" fill="a&quot;b"/>',
    );
    expect(element('g', {}, '')).toBe('<g></g>');
  });

  it('writes coordinates with at most two decimals and no negative zero', () => {
    expect([coordinate(1 / 3), coordinate(-0.001), coordinate(12)]).toEqual(['0.33', '0', '12']);
  });

  it('builds ids from any scenario name', () => {
    expect(chartId('tcp rr/1', 'cpu')).toBe('tcp_rr_1-cpu');
  });
});

const chart: BarChart = {
  id: 'demo',
  title: 'demo: throughput',
  unit: 'Gbit/s',
  format: (v) => v.toFixed(1),
  groups: [
    {
      label: '',
      bars: [
        { series: 'baseline', value: 40, samples: [39, 40, 41] },
        { series: 'current', value: 30, samples: [29, 30, 31], interval: { low: 28, high: 32 } },
      ],
    },
  ],
  band: { low: 38, high: 42, centre: 40, label: 'baseline median ±5% (threshold)' },
};

describe('bar chart', () => {
  const svg = renderBarChart(chart);

  it('is an accessible image with a title and a description of its data', () => {
    expect(svg).toMatch(/^<svg class="chart-bars" role="img" aria-labelledby="demo-title demo-desc"/);
    expect(svg).toContain('<title id="demo-title">demo: throughput</title>');
    expect(svg).toContain(
      '<desc id="demo-desc">baseline: median 40.0 Gbit/s over 3 samples; current: median 30.0 Gbit/s over 3 samples, 90% interval 28.0 to 32.0</desc>',
    );
  });

  it('draws a bar per series, a dot per sample, one whisker and the band', () => {
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(2);
    expect(svg.match(/<circle class="sample"/g)).toHaveLength(6);
    expect(svg.match(/<g class="whisker">/g)).toHaveLength(1);
    expect(svg.match(/<rect class="band"/g)).toHaveLength(1);
    expect(svg).toContain('>40.0 Gbit/s</text>');
  });

  it('scales bars from zero: 40 of a 50 axis is 80% of the plot', () => {
    const widths = [...svg.matchAll(/<rect class="bar" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(widths).toEqual([336, 252]);
  });

  it('leaves out a whisker whose bounds are not finite', () => {
    const unbounded: BarChart = {
      ...chart,
      groups: [
        {
          label: '',
          bars: [
            {
              series: 'current',
              value: 3,
              samples: [3],
              interval: { low: 1, high: Number.POSITIVE_INFINITY },
            },
          ],
        },
      ],
    };
    expect(renderBarChart(unbounded)).not.toContain('class="whisker"');
  });
});

describe('change chart', () => {
  it('draws a band per gated metric, a whisker and a marker shaped by verdict', () => {
    const svg = renderChangeChart({
      id: 'c',
      title: 'c: change',
      rows: [
        {
          label: 'transactions_per_sec',
          changePct: -12,
          lowPct: -13,
          highPct: -11,
          thresholdPct: 5,
          verdict: 'regression',
          verdictText: 'REGRESSION',
        },
        {
          label: 'retransmits',
          changePct: 0,
          lowPct: -1,
          highPct: 1,
          thresholdPct: undefined,
          verdict: 'unchanged',
          verdictText: 'unchanged (not gated)',
        },
      ],
    });
    expect(svg.match(/<rect class="band"/g)).toHaveLength(1);
    expect(svg.match(/class="whisker"/g)).toHaveLength(2);
    expect(svg).toContain('<g class="change change-regression">');
    expect(svg).toContain(
      '<desc id="c-desc">transactions_per_sec: -12.0%, threshold ±5%, REGRESSION; retransmits: 0.0%, not gated, unchanged (not gated)</desc>',
    );
  });

  it('is empty without rows', () => {
    expect(renderChangeChart({ id: 'x', title: 'x', rows: [] })).toBe('');
  });
});

describe('change chart axis labels', () => {
  it('are as short as the round ticks allow, so neighbours do not run into each other', () => {
    expect([-150, -100, -50, 0, 50, 2.5].map(tickLabel)).toEqual([
      '-150%',
      '-100%',
      '-50%',
      '0',
      '+50%',
      '+2.5%',
    ]);
  });

  it('label a ±150 % axis "-150%" … "+150%" (seen overlapping as "-150.0%-100.0%" in a real run)', () => {
    const svg = renderChangeChart({
      id: 'wide',
      title: 'wide',
      rows: [
        {
          label: 'rate_ratio',
          changePct: -140,
          lowPct: -145,
          highPct: -120,
          thresholdPct: 5,
          verdict: 'regression',
          verdictText: 'REGRESSION',
        },
      ],
    });
    const labels = [...svg.matchAll(/<text x="[\d.]+" y="[\d.]+" text-anchor="middle">([^<]*)<\/text>/g)].map(
      (m) => m[1],
    );
    expect(labels.filter((text) => /^(0|[+-][\d.]+%)$/.test(text ?? ''))).toEqual([
      '-150%',
      '-100%',
      '-50%',
      '0',
      '+50%',
      '+100%',
      '+150%',
    ]);
  });
});
