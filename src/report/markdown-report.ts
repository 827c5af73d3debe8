import type { ResultsComparison } from '../compare/compare-results.js';
import type { Results } from '../results/schema.js';
import { levelShiftLine } from './history-text.js';
import { comparedScenarioMarkdown, currentScenarioMarkdown, verdictCell } from './markdown-scenario.js';
import { code, escapeMarkdown, fencedBlock, markdownTable } from './markdown-text.js';
import {
  comparisonCells,
  DEFAULT_REPORT_TITLE,
  environmentFacts,
  gateMethodLines,
  METHOD_NOTE,
  overviewMetric,
  REFERENCE_HEADERS,
  type ReportInput,
  referenceRows,
  type ScenarioView,
  scenarioViews,
  verdictDetail,
  verdictLabel,
} from './report-input.js';

function runLine(label: string, results: Results): string {
  const { environment, target } = results;
  const nodes = `${environment.client.name} → ${environment.server.name}`;
  return `${label}: ${escapeMarkdown(target.kind)} run started ${results.startedAt}, nodes ${escapeMarkdown(nodes)}`;
}

/** The first lines: the verdict in words, the counts behind it, and which runs were compared. */
function verdictBlock(input: ReportInput): string {
  const title = `## ${escapeMarkdown(input.title ?? DEFAULT_REPORT_TITLE)}: ${verdictLabel(input.verdict)}`;
  const { comparison } = input;
  if (comparison === undefined) {
    const summary = `**${verdictLabel(input.verdict)}**: nothing to compare with; these results can become the baseline.`;
    return [title, summary, runLine('Current', input.current)].join('\n\n');
  }
  const summary = [
    `**${verdictLabel(input.verdict)}**: ${verdictDetail(comparison)}.`,
    ...gateMethodLines(comparison).map(escapeMarkdown),
  ].join('  \n');
  const shift = input.history?.shift;
  const runs = [
    shift ? escapeMarkdown(levelShiftLine(shift, input.comparison?.baselineRuns)) : undefined,
    input.baseline ? runLine(shift ? 'Latest baseline run' : 'Baseline', input.baseline) : undefined,
    runLine('Current', input.current),
  ];
  return [title, summary, runs.filter((r) => r !== undefined).join('  \n')].join('\n\n');
}

/** One row per compared scenario: its headline figure and its worst verdict, for a glance. */
function overview(views: readonly ScenarioView[]): string | undefined {
  const rows = views.flatMap(({ comparison }) => {
    if (comparison === undefined) return [];
    const metric = overviewMetric(comparison);
    const gated = comparison.metrics.filter((m) => m.gated);
    const count = (verdict: string) => gated.filter((m) => m.verdict === verdict).length;
    const cells = metric ? comparisonCells(metric) : undefined;
    return [
      [
        code(comparison.name),
        metric ? code(metric.metric) : '—',
        cells?.baseline ?? '—',
        cells?.current ?? '—',
        cells?.change ?? '—',
        metric ? verdictCell(metric) : '—',
        `${count('regression')} / ${count('improvement')} / ${count('inconclusive')}`,
      ],
    ];
  });
  if (rows.length === 0) return undefined;
  return markdownTable(
    [
      'scenario',
      'headline',
      'baseline',
      'current',
      'change',
      'verdict',
      'regressed / improved / inconclusive',
    ],
    ['left', 'left', 'right', 'right', 'right', 'left', 'right'],
    rows,
  );
}

function notCompared(comparison: ResultsComparison | undefined): string | undefined {
  if (comparison === undefined || comparison.skipped.length === 0) return undefined;
  const items = comparison.skipped.map((s) => `- ${code(s.name)}: ${escapeMarkdown(s.reason)}`);
  return ['### Not compared', ...items].join('\n');
}

function environmentSection(input: ReportInput): string {
  const parts = ['### Environment'];
  const differences = input.comparison?.environment ?? [];
  if (input.comparison && differences.length > 0) {
    const policy = input.comparison.environmentPolicy;
    const effect = input.comparison.environmentFails ? 'this fails the gate' : 'shown, not failing the gate';
    parts.push(`The environment differs from the baseline's (policy: ${policy}; ${effect}):`);
    const rows = differences.map((d) => [
      escapeMarkdown(d.field),
      escapeMarkdown(d.baseline),
      escapeMarkdown(d.current),
    ]);
    parts.push(markdownTable(['differs', 'baseline', 'current'], ['left', 'left', 'left'], rows));
  } else if (input.comparison) {
    parts.push('Same environment as the baseline.');
  }
  const facts = environmentFacts(input.current).map(([field, value]) => [
    escapeMarkdown(field),
    escapeMarkdown(value),
  ]);
  const table = markdownTable(['field', 'current'], ['left', 'left'], facts);
  parts.push(`<details><summary>Current environment</summary>\n\n${table}\n\n</details>`);
  return parts.join('\n\n');
}

function referenceSection(results: Results): string | undefined {
  const rows = referenceRows(results);
  if (rows.length === 0) return undefined;
  const table = markdownTable(
    [...REFERENCE_HEADERS],
    ['left', 'left', 'right', 'right', 'right'],
    rows.map((row) => row.map(escapeMarkdown)),
  );
  return ['### Node-to-node reference (host network)', table].join('\n\n');
}

function reproduceSection(commands: readonly string[]): string | undefined {
  if (commands.length === 0) return undefined;
  return ['### How to reproduce locally', fencedBlock(commands.join('\n'), 'sh')].join('\n\n');
}

function scenarioSection(view: ScenarioView): string {
  return view.comparison
    ? comparedScenarioMarkdown(view.comparison, view.result, view.trend)
    : currentScenarioMarkdown(view);
}

/**
 * The job summary (GitHub-flavoured markdown): the verdict with its counts first, an overview row per
 * scenario, then per scenario the table of every metric (unit, baseline, current, change, 90% interval,
 * p, threshold, verdict), a Mermaid chart of the headline metric and the reasons; then what was not
 * compared, the environment and its differences, and the commands that reproduce the run. Without a
 * comparison it shows the current results alone. Pure and deterministic: same input, same bytes.
 */
export function renderMarkdownReport(input: ReportInput): string {
  const views = scenarioViews(input);
  const parts = [
    verdictBlock(input),
    overview(views),
    ...views.map(scenarioSection),
    referenceSection(input.current),
    notCompared(input.comparison),
    environmentSection(input),
    reproduceSection(input.reproduce),
    `<sub>${escapeMarkdown(METHOD_NOTE)}</sub>`,
  ];
  return `${parts.filter((part) => part !== undefined).join('\n\n')}\n`;
}
