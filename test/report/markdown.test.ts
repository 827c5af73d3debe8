import { compareResults } from '../../src/compare/compare-results.js';
import { formatMetric } from '../../src/report/format.js';
import { mermaidBarChart } from '../../src/report/markdown-mermaid.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { code, escapeMarkdown, fencedBlock } from '../../src/report/markdown-text.js';
import type { ReportInput } from '../../src/report/report-input.js';
import { around, resultsWith, scenarioWith } from '../helpers/results-builder.js';
import { reportCases } from './report-cases.js';

const cases = Object.entries(reportCases());

/** The lines of every ```mermaid block. */
function mermaidBlocks(markdown: string): string[][] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => (m[1] ?? '').split('\n'));
}

/** xychart-beta as Mermaid documents it: header, quoted title, category x axis, ranged y axis, bar data. */
const MERMAID_LINE = [
  /^xychart-beta$/,
  /^ {4}title "[^"\n]*"$/,
  /^ {4}x-axis \["[^"\n]*"(, "[^"\n]*")*\]$/,
  /^ {4}y-axis "[^"\n]*" 0 --> \d+(\.\d+)?$/,
  /^ {4}bar \[-?\d+(\.\d+)?(, -?\d+(\.\d+)?)*\]$/,
];

/** A line chart (the trends): the same header, a y range that need not start at zero, one or more lines. */
const MERMAID_LINE_CHART = [
  ...MERMAID_LINE.slice(0, 3),
  /^ {4}y-axis "[^"\n]*" \d+(\.\d+)? --> \d+(\.\d+)?$/,
];
const LINE_DATA = /^ {4}line \[-?\d+(\.\d+)?(, -?\d+(\.\d+)?)*\]$/;

/** Checks one Mermaid block against the grammar of its kind (bar chart or line chart). */
function expectMermaidGrammar(block: string[]): void {
  if (!block.some((line) => line.startsWith('    line '))) {
    expect(block).toHaveLength(MERMAID_LINE.length);
    for (const [i, line] of block.entries()) expect(line).toMatch(MERMAID_LINE[i] ?? /^$/);
    return;
  }
  const labels = (block[2]?.match(/"[^"]*"/g) ?? []).length;
  for (const [i, line] of block.entries()) {
    const pattern = MERMAID_LINE_CHART[i];
    if (pattern) expect(line).toMatch(pattern);
    else {
      expect(line).toMatch(LINE_DATA);
      expect(line.split(',')).toHaveLength(labels);
    }
  }
}

describe('markdown report', () => {
  it.each(cases)('%s', (_name, input) => {
    expect(renderMarkdownReport(input)).toMatchSnapshot();
  });

  it.each(cases)('%s: renders byte-identical every time', (_name, input) => {
    expect(renderMarkdownReport(input)).toBe(renderMarkdownReport(structuredClone(input)));
  });

  it.each(cases)('%s: says the verdict first, in words', (_name, input) => {
    const [heading, , summary] = renderMarkdownReport(input).split('\n');
    const word = {
      pass: 'PASS',
      regression: 'REGRESSION',
      inconclusive: 'INCONCLUSIVE',
      'no-baseline': 'NO BASELINE',
    }[input.verdict];
    expect(heading).toMatch(new RegExp(`^## .*: ${word}$`));
    expect(summary?.startsWith(`**${word}**`)).toBe(true);
  });

  it.each(cases)('%s: every Mermaid chart follows the xychart-beta grammar', (_name, input) => {
    for (const block of mermaidBlocks(renderMarkdownReport(input))) expectMermaidGrammar(block);
  });

  it('charts the headline metric of every compared scenario with the figures of its table', () => {
    const input = reportCases()['regression, improvement and inconclusive'];
    if (input?.comparison === undefined) throw new Error('case without comparison');
    const markdown = renderMarkdownReport(input);
    const blocks = mermaidBlocks(markdown);
    expect(blocks).toHaveLength(input.comparison.scenarios.length);
    for (const scenario of input.comparison.scenarios) {
      const metric = scenario.metrics.find(
        (m) => m.metric === (scenario.test === 'TCP_RR' ? 'transactions_per_sec' : 'throughput_gbps'),
      );
      if (metric === undefined) throw new Error(`no headline metric in ${scenario.name}`);
      const [base, current] = [metric.baselineMedian, metric.currentMedian].map((v) =>
        formatMetric(metric.metric, v),
      );
      expect(markdown).toContain(
        `| \`${metric.metric}\` (${metric.metric === 'throughput_gbps' ? 'Gbit/s' : 'trans/s'}) | ${base} | ${current} |`,
      );
      const bars = blocks.find((b) => b[1]?.includes(scenario.name))?.[4];
      expect(bars).toBe(`    bar [${base?.replaceAll(',', '')}, ${current?.replaceAll(',', '')}]`);
    }
  });

  it('lists what was not compared and the environment differences with their policy', () => {
    const markdown = renderMarkdownReport(
      reportCases()['environment difference under policy fail'] ?? ({} as never),
    );
    expect(markdown).toContain('- `tcp_rr_32cpu`: in the baseline only (not run now)');
    expect(markdown).toContain('(policy: fail; this fails the gate)');
    expect(markdown).toContain('| client kernel | 6.8.0-45-generic | 6.11.0-9-generic |');
  });

  it('keeps notes with pipes and markup inside their table cell or list item', () => {
    const base = resultsWith([scenarioWith('tcp_stream_1', around('throughput_gbps', 10))]);
    const current = resultsWith([scenarioWith('tcp_stream_1', around('throughput_gbps', 10))]);
    current.environment.details = { 'cni | mode': '<b>cilium</b> *native*' };
    const comparison = compareResults([base], current, { thresholds: {}, environmentPolicy: 'warn' });
    const markdown = renderMarkdownReport({
      current,
      baseline: base,
      comparison,
      verdict: 'pass',
      reproduce: ['echo "```"'],
    });
    expect(markdown).toContain('| cni \\| mode | (none) | &lt;b&gt;cilium&lt;/b&gt; \\*native\\* |');
    expect(markdown).toContain('````sh\necho "```"\n````');
  });
});

describe('markdown building blocks', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['<script>', '&lt;script&gt;'],
    ['two\nlines', 'two lines'],
    ['_x_ *y* `z` [l](u) #', '\\_x\\_ \\*y\\* \\`z\\` \\[l\\](u) \\#'],
  ])('escapes %j as %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('fences inline code longer than any backtick run in it', () => {
    expect(code('tcp_rr_1cpu')).toBe('`tcp_rr_1cpu`');
    expect(code('a`b')).toBe('``a`b``');
  });

  it('fences a block longer than any fence inside it', () => {
    expect(fencedBlock('x', 'sh')).toBe('```sh\nx\n```');
  });

  it('writes a bar chart with rounded values and a y axis from zero to a round maximum', () => {
    const chart = mermaidBarChart('t "quoted"', 'transactions_per_sec', 'trans/s', [
      { label: 'baseline', value: 1_105_000.4 },
      { label: 'current', value: 968_000.6 },
    ]);
    expect(chart).toBe(
      [
        '```mermaid',
        'xychart-beta',
        `    title "t 'quoted'"`,
        '    x-axis ["baseline", "current"]',
        '    y-axis "trans/s" 0 --> 1250000',
        '    bar [1105000, 968001]',
        '```',
      ].join('\n'),
    );
  });
});

describe('trends in the reports', () => {
  const input: ReportInput = reportCases()['a baseline history with a level shift'] ?? ({} as never);

  it('says where the level shift happened and that the baseline is the runs since it', () => {
    const markdown = renderMarkdownReport(input);
    expect(markdown).toMatch(
      /Level shift: -1\d\.\d% rate\\_ratio of tcp\\_rr\\_1cpu from run 4711, commit [0-9a-f]{7}; the baseline is the 5 runs since it\./,
    );
    expect(markdown).toContain('Latest baseline run:');
    expect(markdown).not.toMatch(/^Baseline:/m);
  });

  it('draws a line chart per compared scenario: the history by commit, this run last, the new level marked', () => {
    const markdown = renderMarkdownReport(input);
    const lines = mermaidBlocks(markdown).filter((b) => b.some((l) => l.startsWith('    line ')));
    expect(lines).toHaveLength(2);
    for (const block of lines) {
      const labels = block[2]?.match(/"[^"]*"/g) ?? [];
      expect(labels).toHaveLength(13);
      expect(labels.at(-1)).toBe('"this run"');
      expect(labels[7]).toMatch(/^"▶ [0-9a-f]{7}"$/);
    }
    expect(markdown).toContain('This run: ');
  });

  it('shows no trend without a history of two runs or more', () => {
    const one = { ...input, history: { runs: input.history?.runs.slice(0, 1) ?? [] } };
    expect(renderMarkdownReport(one)).not.toContain('Trend of');
    const { history: _dropped, ...none } = input;
    expect(renderMarkdownReport(none)).not.toContain('Trend of');
  });
});
