import { renderHtmlReport } from '../../src/report/html-report.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { structureProblems } from './html-structure.js';
import { reportCases } from './report-cases.js';

const cases = Object.entries(reportCases());

describe('HTML report', () => {
  it.each(cases)('%s', (_name, input) => {
    expect(renderHtmlReport(input)).toMatchSnapshot();
  });

  it.each(cases)('%s: renders byte-identical every time', (_name, input) => {
    expect(renderHtmlReport(input)).toBe(renderHtmlReport(structuredClone(input)));
  });

  it.each(cases)('%s: runs no script and loads nothing', (_name, input) => {
    const html = renderHtmlReport(input);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|audio|video|source)\b/i);
    expect(html).not.toMatch(/\b(src|href|xlink:href|action|poster)\s*=\s*"(?!#)/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).toContain(
      'content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:"',
    );
  });

  it.each(cases)('%s: is well-formed, with unique ids and accessible charts', (_name, input) => {
    const html = renderHtmlReport(input);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(structureProblems(html)).toEqual([]);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const svgs = [...html.matchAll(/<svg [^>]*>([\s\S]*?)<\/svg>/g)];
    expect(svgs.length).toBeGreaterThan(0);
    for (const [svg = '', body = ''] of svgs) {
      expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="([^" ]+)-title \1-desc"/);
      expect(body).toMatch(/^<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/);
    }
  });

  it.each(cases)('%s: puts the verdict first', (_name, input) => {
    const html = renderHtmlReport(input);
    const word = {
      pass: 'PASS',
      regression: 'REGRESSION',
      inconclusive: 'INCONCLUSIVE',
      'no-baseline': 'NO BASELINE',
    }[input.verdict];
    const body = html.slice(html.indexOf('<body>'));
    expect(body).toMatch(
      new RegExp(
        `^<body>\\n<header class="banner banner-${input.verdict}" role="status"><h1>[^<]*: <span class="word">${word}</span>`,
      ),
    );
  });

  it('shows every figure of the markdown tables with the same digits', () => {
    const input = reportCases()['regression, improvement and inconclusive'];
    if (input === undefined) throw new Error('missing case');
    const html = renderHtmlReport(input);
    const rows = renderMarkdownReport(input)
      .split('\n')
      .filter((line) => /^\| `[a-z_0-9]+` \(/.test(line));
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      const figures = row.split(' | ').slice(1, 7);
      const htmlRow = figures.map((f) => `<td>${f.replace(/</g, '&lt;')}</td>`).join('');
      expect(html).toContain(htmlRow);
    }
  });

  it('escapes text from the results and the caller', () => {
    const input = reportCases()['missing baseline'];
    if (input === undefined) throw new Error('missing case');
    const html = renderHtmlReport({
      ...input,
      title: '<script>alert(1)</script>',
      reproduce: ['a && b < c'],
    });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<pre><code>a &amp;&amp; b &lt; c</code></pre>');
    expect(html).not.toMatch(/<script/i);
  });

  it('draws the threshold band and the whisker from the comparison', () => {
    const html = renderHtmlReport(
      reportCases()['Cilium v1.13: node-to-node vs eBPF host-routing'] ?? ({} as never),
    );
    const rr32 = html.slice(html.indexOf('id="scenario-tcp_rr_32cpu"'));
    expect(rr32).toContain('shaded: baseline median ±5% (threshold)');
    expect(rr32).toContain('current: median 968,000 trans/s over 5 samples, 90% interval');
    expect(rr32).toMatch(/<g class="whisker">/);
  });
});

describe('trends in the HTML report', () => {
  it('draws a trend chart per compared scenario and names the level shift in the banner', () => {
    const input = reportCases()['a baseline history with a level shift'] ?? ({} as never);
    const html = renderHtmlReport(input);
    expect(html.match(/<svg class="chart-trend"/g)).toHaveLength(2);
    expect(html).toMatch(
      /Level shift: -1\d\.\d% rate_ratio of tcp_rr_1cpu from run 4711, commit [0-9a-f]{7}; the baseline is the 5 runs since it\./,
    );
    expect(html).toContain('new level');
    expect(html).toContain('this run');
  });

  it('draws no trend without a history', () => {
    const input = reportCases()['regression, improvement and inconclusive'] ?? ({} as never);
    expect(renderHtmlReport(input)).not.toContain('chart-trend');
  });
});
