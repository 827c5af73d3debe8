import type { ExportRequest, ReportSettings } from '../config/report-config.js';
import { toBencherMetricFormat, toGithubActionBenchmark } from '../report/export-benchmark.js';
import { toCsv } from '../report/export-csv.js';
import { renderHtmlReport } from '../report/html-report.js';
import { renderMarkdownReport } from '../report/markdown-report.js';
import type { ReportInput } from '../report/report-input.js';
import type { Results } from '../results/schema.js';
import type { Files } from '../util/files.js';

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** github-action-benchmark takes one direction per file: `x.json` → `x.bigger-is-better.json` and `x.smaller-is-better.json`. */
export function directionPaths(path: string): { bigger: string; smaller: string } {
  const base = path.endsWith('.json') ? path.slice(0, -'.json'.length) : path;
  return { bigger: `${base}.bigger-is-better.json`, smaller: `${base}.smaller-is-better.json` };
}

async function writeExport(request: ExportRequest, results: Results, files: Files): Promise<string[]> {
  switch (request.kind) {
    case 'github-action-benchmark': {
      const { biggerIsBetter, smallerIsBetter } = toGithubActionBenchmark(results);
      const paths = directionPaths(request.path);
      await files.writeText(paths.bigger, json(biggerIsBetter));
      await files.writeText(paths.smaller, json(smallerIsBetter));
      return [paths.bigger, paths.smaller];
    }
    case 'bencher':
      await files.writeText(request.path, json(toBencherMetricFormat(results)));
      return [request.path];
    case 'csv':
      await files.writeText(request.path, toCsv(results));
      return [request.path];
  }
}

/** Writes report.md and report.html into the report folder (when set) and every export; returns the paths written. */
export async function writeReports(
  input: ReportInput,
  settings: ReportSettings,
  files: Files,
): Promise<string[]> {
  const written: string[] = [];
  if (settings.reportDir !== undefined) {
    const markdown = `${settings.reportDir}/report.md`;
    const html = `${settings.reportDir}/report.html`;
    await files.writeText(markdown, renderMarkdownReport(input));
    await files.writeText(html, renderHtmlReport(input));
    written.push(markdown, html);
  }
  for (const request of settings.exports) written.push(...(await writeExport(request, input.current, files)));
  return written;
}
