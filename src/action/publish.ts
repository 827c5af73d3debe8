/** What the main step leaves behind: report files, step outputs, annotations and the job summary. */
import { copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import type { ResultsComparison } from '../compare/compare-results.js';
import type { ExportRequest } from '../config/report-config.js';
import { renderMarkdownReport } from '../report/markdown-report.js';
import type { ReportInput } from '../report/report-input.js';
import { writeReports } from '../run/write-reports.js';
import { createFiles } from '../util/files.js';
import { Outputs, ReportFiles } from './constants.js';
import { type ActionVerdict, annotationsFor, summaryLine, verdictCounts } from './outcome-text.js';

/** The files of one run in report-dir. */
export interface ReportPaths {
  results: string;
  markdown: string;
  html: string;
  /** Copy of the baseline that was used, when there was one. */
  baseline?: string;
}

/** The markdown report with the line saying where the baseline came from after its verdict block. */
export function markdownWithNote(markdown: string, note: string): string {
  const lines = markdown.split('\n');
  const firstBlank = lines.findIndex((line, index) => index > 0 && line.trim() === '');
  const secondBlank = lines.findIndex((line, index) => index > firstBlank && line.trim() === '');
  if (firstBlank < 0 || secondBlank < 0) return `${markdown.trimEnd()}\n\n${note}\n`;
  return [...lines.slice(0, secondBlank), '', note, ...lines.slice(secondBlank)].join('\n');
}

/**
 * Writes report.md and report.html next to results.json through the CLI's own report writer, and a
 * copy of the baseline that was used; returns the paths.
 */
export async function writeReportFiles(
  reportDir: string,
  input: ReportInput,
  baselinePath: string | undefined,
  exports: ExportRequest[] = [],
): Promise<ReportPaths> {
  await writeReports(input, { reportDir, exports }, createFiles());
  const paths: ReportPaths = {
    results: join(reportDir, ReportFiles.Results),
    markdown: join(reportDir, ReportFiles.Markdown),
    html: join(reportDir, ReportFiles.Html),
  };
  if (input.baseline !== undefined && baselinePath !== undefined) {
    paths.baseline = join(reportDir, ReportFiles.Baseline);
    if (resolve(baselinePath) !== resolve(paths.baseline)) await copyFile(baselinePath, paths.baseline);
  }
  return paths;
}

/** The job summary: the markdown report with the line saying where the baseline came from. */
export function summaryMarkdown(input: ReportInput, baselineNote: string): string {
  return markdownWithNote(renderMarkdownReport(input), baselineNote);
}

/** Sets every output; paths are empty strings when the run ended before writing them. */
export function setOutputs(
  verdict: ActionVerdict,
  comparison: ResultsComparison | undefined,
  summary: string,
  paths?: ReportPaths,
): void {
  const counts = verdictCounts(comparison);
  core.setOutput(Outputs.Verdict, verdict);
  core.setOutput(Outputs.Regressions, counts.regressions);
  core.setOutput(Outputs.Improvements, counts.improvements);
  core.setOutput(Outputs.ResultsPath, paths?.results ?? '');
  core.setOutput(Outputs.ReportPath, paths?.html ?? '');
  core.setOutput(Outputs.Summary, summary);
}

/** An error annotation per regression (a warning when the step passes), a notice per improvement. */
export function annotate(comparison: ResultsComparison | undefined, stepFails: boolean): void {
  for (const annotation of annotationsFor(comparison, stepFails)) {
    const properties = { title: annotation.title };
    if (annotation.level === 'error') core.error(annotation.message, properties);
    else if (annotation.level === 'warning') core.warning(annotation.message, properties);
    else core.notice(annotation.message, properties);
  }
}

/** Appends to the job summary when the runner provides one (GITHUB_STEP_SUMMARY). */
export async function writeJobSummary(markdown: string, hasStepSummary: boolean): Promise<void> {
  if (!hasStepSummary) {
    core.info('GITHUB_STEP_SUMMARY is not set: the report is only in report-dir');
    return;
  }
  await core.summary.addRaw(markdown, true).write();
}

/** Outputs and job summary for a run that failed: verdict `error` and the one-line reason. */
export async function publishError(message: string, hasStepSummary: boolean): Promise<string> {
  const summary = summaryLine('error', undefined, message);
  setOutputs('error', undefined, summary);
  await writeJobSummary(`## netperf-gate: ERROR\n\n${message}\n`, hasStepSummary).catch(() => undefined);
  return summary;
}
