import type { ResultsComparison } from '../compare/compare-results.js';
import type { Results } from '../results/schema.js';
import { levelShiftLine } from './history-text.js';
import { htmlTable, scenarioSection, verdictMarkup } from './html-scenario.js';
import { REPORT_CSS } from './html-style.js';
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
import { element, escapeXml, textElement } from './svg-markup.js';

/**
 * Forbids the page to load or run anything: a second guarantee, enforced by the browser, that the
 * report opens offline and runs no script whatever ends up in it.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The `<head>` content every page of ours shares: charset, viewport, the policy, title and the CSS. */
export function htmlHead(title: string): string {
  return [
    element('meta', { charset: 'utf-8' }),
    element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    element('meta', { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }),
    textElement('title', {}, title),
    element('style', {}, REPORT_CSS),
  ].join('');
}

function runDescription(label: string, results: Results): string {
  const { environment, target } = results;
  return `${label}: ${target.kind} run started ${results.startedAt}, nodes ${environment.client.name} → ${environment.server.name}`;
}

function banner(input: ReportInput): string {
  const title = input.title ?? DEFAULT_REPORT_TITLE;
  const word = verdictLabel(input.verdict);
  const detail = input.comparison
    ? verdictDetail(input.comparison)
    : 'nothing to compare with; these results can become the baseline';
  const shift = input.history?.shift;
  const runs = [
    shift ? levelShiftLine(shift, input.comparison?.baselineRuns) : '',
    input.baseline ? runDescription(shift ? 'Latest baseline run' : 'Baseline', input.baseline) : '',
    runDescription('Current', input.current),
  ];
  return element(
    'header',
    { class: `banner banner-${input.verdict}`, role: 'status' },
    [
      element('h1', {}, `${escapeXml(title)}: ${textElement('span', { class: 'word' }, word)}`),
      textElement('p', {}, `${word}: ${detail}.`),
      ...(input.comparison ? gateMethodLines(input.comparison) : []).map((line) =>
        textElement('p', {}, line),
      ),
      ...runs.filter((run) => run !== '').map((run) => textElement('p', { class: 'muted' }, run)),
    ].join(''),
  );
}

function overview(views: readonly ScenarioView[]): string {
  const rows = views.flatMap(({ comparison }) => {
    if (comparison === undefined) return [];
    const metric = overviewMetric(comparison);
    if (metric === undefined) return [];
    const cells = comparisonCells(metric);
    const link = element(
      'a',
      { href: `#scenario-${comparison.name}` },
      textElement('code', {}, comparison.name),
    );
    const figures = [cells.baseline, cells.current, cells.change, cells.interval].map(escapeXml);
    return [[link, textElement('code', {}, metric.metric), ...figures, verdictMarkup(metric)]];
  });
  if (rows.length === 0) return '';
  const headers = ['scenario', 'headline', 'baseline', 'current', 'change', '90% interval', 'verdict'];
  return htmlTable(headers, rows, { className: 'figures' });
}

function notCompared(comparison: ResultsComparison | undefined): string {
  if (comparison === undefined || comparison.skipped.length === 0) return '';
  const items = comparison.skipped.map((s) =>
    element('li', {}, `${textElement('code', {}, s.name)}: ${escapeXml(s.reason)}`),
  );
  return element('section', {}, textElement('h2', {}, 'Not compared') + element('ul', {}, items.join('')));
}

interface EnvironmentRow {
  cells: string[];
  differs: boolean;
}

function environmentRows(input: ReportInput): EnvironmentRow[] {
  const current = new Map(environmentFacts(input.current));
  const baseline = new Map(input.baseline ? environmentFacts(input.baseline) : []);
  const differing = new Set(input.comparison?.environment.map((d) => d.field));
  const fields = [...new Set([...current.keys(), ...baseline.keys()])];
  return fields.map((field) => {
    const differs = differing.has(field);
    const cells = [escapeXml(field)];
    if (input.baseline) cells.push(escapeXml(baseline.get(field) ?? '(none)'));
    cells.push(escapeXml(current.get(field) ?? '(none)'));
    if (input.baseline) cells.push(differs ? textElement('strong', {}, 'differs') : '');
    return { cells, differs };
  });
}

function environmentSummary(comparison: ResultsComparison | undefined): string {
  if (comparison === undefined) return '';
  const count = comparison.environment.length;
  if (count === 0) return 'Same environment as the baseline.';
  const effect = comparison.environmentFails ? '; this fails the gate' : '';
  const facts = count === 1 ? '1 fact differs' : `${count} facts differ`;
  return `${facts} from the baseline (policy: ${comparison.environmentPolicy}${effect}).`;
}

function environmentSection(input: ReportInput): string {
  const headers = input.baseline ? ['field', 'baseline', 'current', ''] : ['field', 'current'];
  const rows = environmentRows(input);
  const rowClass = (row: number) => (rows[row]?.differs ? 'differs' : undefined);
  const table = htmlTable(
    headers,
    rows.map((row) => row.cells),
    { className: 'environment', rowClass },
  );
  const summary = environmentSummary(input.comparison);
  const intro = summary === '' ? '' : textElement('p', {}, summary);
  return element('section', { id: 'environment' }, textElement('h2', {}, 'Environment') + intro + table);
}

function reproduceSection(commands: readonly string[]): string {
  if (commands.length === 0) return '';
  const code = textElement('code', {}, commands.join('\n'));
  return element(
    'section',
    { id: 'reproduce' },
    textElement('h2', {}, 'How to reproduce locally') + element('pre', {}, code),
  );
}

/**
 * The node-to-node (host-network) reference section: the pod/host ratio per scenario (how much the
 * pod network costs, as Cilium's "node-to-node baseline"); html-charts.ts adds its bars to the charts.
 */
function referenceSection(input: ReportInput): string {
  const rows = referenceRows(input.current);
  if (rows.length === 0) return '';
  return element(
    'section',
    { id: 'reference' },
    textElement('h2', {}, 'Node-to-node reference (host network)') +
      htmlTable(
        REFERENCE_HEADERS,
        rows.map((row) => row.map(escapeXml)),
      ),
  );
}

/**
 * The report as ONE self-contained HTML file: inline CSS and inline SVG, no script, nothing loaded
 * (a Content-Security-Policy forbids it too), so it opens offline from an artifact. The verdict comes
 * first, then an overview, then per scenario the headline chart (bars = medians, dots = samples,
 * whisker = 90% interval, shaded = threshold band), client/server CPU and latency charts and the table
 * of every metric; then what was not compared, the environment with its differences and the commands
 * that reproduce the run. Pure and deterministic: same input, same bytes.
 */
export function renderHtmlReport(input: ReportInput): string {
  const title = `${input.title ?? DEFAULT_REPORT_TITLE}: ${verdictLabel(input.verdict)}`;
  const views = scenarioViews(input);
  const head = htmlHead(title);
  const body = [
    banner(input),
    overview(views),
    ...views.map(scenarioSection),
    referenceSection(input),
    notCompared(input.comparison),
    environmentSection(input),
    reproduceSection(input.reproduce),
    element('footer', { class: 'muted' }, textElement('p', {}, METHOD_NOTE)),
  ].join('\n');
  return `<!doctype html>\n<html lang="en">\n<head>${head}</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
