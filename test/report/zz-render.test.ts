import { writeFileSync } from 'node:fs';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { renderHtmlReport } from '../../src/report/html-report.js';
import { reportCases } from './report-cases.js';
it('writes', () => {
  let i = 0;
  for (const [name, input] of Object.entries(reportCases())) {
    writeFileSync(`/tmp/npg-out/${i}.md`, `<!-- ${name} -->\n${renderMarkdownReport(input)}`);
    writeFileSync(`/tmp/npg-out/${i++}.html`, renderHtmlReport(input));
  }
});
