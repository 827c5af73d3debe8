import { UsageError } from '../util/errors.js';

/** Formats `--export KIND=FILE` can write. */
export const EXPORT_KINDS = ['github-action-benchmark', 'bencher', 'csv'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** One `--export KIND=FILE`. */
export interface ExportRequest {
  kind: ExportKind;
  path: string;
}

/** Where the reports and exports of a command go. */
export interface ReportSettings {
  /** Folder for report.md and report.html (compare and gate). */
  reportDir?: string;
  exports: ExportRequest[];
}

/** `github-action-benchmark=out/bench.json` → {kind, path}; a UsageError names the kinds. */
export function parseExport(value: string): ExportRequest {
  const at = value.indexOf('=');
  const kind = EXPORT_KINDS.find((k) => k === value.slice(0, at));
  const path = value.slice(at + 1).trim();
  if (at < 0 || kind === undefined || path === '') {
    throw new UsageError(
      `--export must be KIND=FILE with KIND one of ${EXPORT_KINDS.join(', ')}, got "${value}"`,
    );
  }
  return { kind, path };
}
