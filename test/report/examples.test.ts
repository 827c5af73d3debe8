import { readFileSync, writeFileSync } from 'node:fs';
import { renderHtmlReport } from '../../src/report/html-report.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { reportCases } from './report-cases.js';

const DIRECTORY = new URL('../../fixtures/reports/', import.meta.url);
/** Set to rewrite the example reports after a deliberate change (review them in a browser first). */
const UPDATE = process.env.UPDATE_REPORT_EXAMPLES === '1';

/** Example reports kept in the repository to open in a browser or a markdown viewer. */
const EXAMPLES: Record<string, string> = {
  'cilium-v1.13': 'Cilium v1.13: node-to-node vs eBPF host-routing',
  'regression-improvement-inconclusive': 'regression, improvement and inconclusive',
  'baseline-history-level-shift': 'a baseline history with a level shift',
};

describe('example reports in fixtures/reports', () => {
  it.each(Object.entries(EXAMPLES))('%s.html and %s.md are what the renderers write', (file, caseName) => {
    const input = reportCases()[caseName];
    if (input === undefined) throw new Error(`no report case ${caseName}`);
    for (const [extension, text] of [
      ['html', renderHtmlReport(input)],
      ['md', renderMarkdownReport(input)],
    ] as const) {
      const url = new URL(`${file}.${extension}`, DIRECTORY);
      if (UPDATE) writeFileSync(url, text);
      expect(readFileSync(url, 'utf8')).toBe(text);
    }
  });
});
