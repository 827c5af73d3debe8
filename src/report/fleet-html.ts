/**
 * The fleet's HTML report: one self-contained page in the house style (htmlHead's CSS and policy, no
 * script, nothing loaded): the verdict, the ranking table (also the text fallback of the heatmaps), the
 * named outliers, pairs and baseline changes, per scenario a client × server heatmap, the settings.
 * Pure and deterministic: same input, same bytes.
 */
import type { FleetAnalysis, NodeRank } from '../fleet/analysis.js';
import type { FleetResults } from '../results/fleet-schema.js';
import { MAX_HEATMAP_NODES, renderHeatmap } from './fleet-heatmap.js';
import { type FleetMatrix, fleetMatrix, matrixFit, matrixScenarios } from './fleet-matrix.js';
import {
  changeSentence,
  failingNodes,
  fleetSettings,
  fleetSummaryLine,
  nodeOutlierSentence,
  nodeVerdict,
  nothingMeasured,
  outlierLists,
  pairOutlierSentence,
  type RankColumn,
  rankColumns,
  rankingNotes,
  sideFigure,
  signedWhole,
} from './fleet-text.js';
import { formatMetric } from './format.js';
import { htmlHead } from './html-report.js';
import { htmlTable } from './html-scenario.js';
import { FLEET_CSS } from './html-style.js';
import { element, escapeXml, textElement } from './svg-markup.js';

const METHOD_NOTE =
  'Per scenario and metric, log value = overall + client effect + server effect + residual (median polish over the measured pairs). A node is named slow when its effect is beyond robust z 3.5 and at least 10 % from the fleet median; a pair when its residual is.';

/** The verdict's word and the banner's class: slow nodes, none, or nothing measured. */
function verdictOf(analysis: FleetAnalysis): { word: string; banner: string } {
  if (failingNodes(analysis).length > 0) return { word: 'SLOW NODES', banner: 'regression' };
  if (nothingMeasured(analysis)) return { word: 'NOTHING MEASURED', banner: 'inconclusive' };
  return { word: 'NO SLOW NODE', banner: 'pass' };
}

function banner(results: FleetResults, analysis: FleetAnalysis): string {
  const { word, banner: kind } = verdictOf(analysis);
  return element(
    'header',
    { class: `banner banner-${kind}`, role: 'status' },
    element('h1', {}, `netperf-gate fleet: ${textElement('span', { class: 'word' }, word)}`) +
      textElement('p', {}, fleetSummaryLine(results, analysis)),
  );
}

const th = (text: string, attributes: Record<string, string | number> = {}) =>
  element('th', { scope: 'col', ...attributes }, text);

/** Three header rows: scenarios over their fits, fits over their sides, client and server. */
function rankingHead(columns: readonly RankColumn[]): string {
  const scenarios = [...new Set(columns.map((c) => c.scenario))];
  const span = (s: string) => 2 * columns.filter((c) => c.scenario === s).length;
  const top = [
    th('node', { rowspan: 3 }),
    th('worst %', { rowspan: 3 }),
    ...scenarios.map((s) => th(textElement('code', {}, s), { scope: 'colgroup', colspan: span(s) })),
    th('verdict', { rowspan: 3 }),
  ];
  const fits = columns.map((c) =>
    th(escapeXml(`${c.label}${c.allFromCells ? ' (cells)' : ''}`), { scope: 'colgroup', colspan: 2 }),
  );
  const sides = columns.flatMap(() => [th('client'), th('server')]);
  return element('thead', {}, [top, fits, sides].map((cells) => element('tr', {}, cells.join(''))).join(''));
}

function rankingRow(rank: NodeRank, columns: readonly RankColumn[]): string {
  const verdict = nodeVerdict(rank);
  const figures = columns.flatMap((c) =>
    (['client', 'server'] as const).map((side) => element('td', {}, escapeXml(sideFigure(rank, c, side)))),
  );
  const verdictClass = verdict === 'ok' ? 'verdict' : 'verdict verdict-regression';
  return element(
    'tr',
    { class: rank.named || rank.slower ? 'named' : undefined },
    element('th', { scope: 'row' }, escapeXml(rank.node)) +
      element('td', {}, escapeXml(signedWhole(rank.worstPct))) +
      figures.join('') +
      element('td', {}, textElement('span', { class: verdictClass }, verdict)),
  );
}

/** The ranking as a table (named nodes' rows highlighted), with its notes. */
function rankingTable(analysis: FleetAnalysis): string {
  const columns = rankColumns(analysis);
  const body = element('tbody', {}, analysis.ranking.map((rank) => rankingRow(rank, columns)).join(''));
  const notes = rankingNotes(columns).map((n) => textElement('p', { class: 'muted' }, n));
  const table = element('table', { class: 'figures ranking' }, rankingHead(columns) + body);
  // Many scenarios make a wide table: it scrolls inside its box instead of widening the page.
  return element('div', { class: 'table-scroll' }, table) + notes.join('');
}

function list(title: string, sentences: readonly string[]): string {
  if (sentences.length === 0) return '';
  const items = sentences.map((s) => textElement('li', {}, s)).join('');
  return textElement('h3', {}, title) + element('ul', { class: 'reasons' }, items);
}

function findings(analysis: FleetAnalysis): string {
  const lists = outlierLists(analysis);
  const changes = analysis.changes;
  const parts = [
    list('Slow nodes', lists.slowNodes.map(nodeOutlierSentence)),
    list('Fast nodes (not failing)', lists.fastNodes.map(nodeOutlierSentence)),
    list('Outlier pairs', lists.pairs.map(pairOutlierSentence)),
    changes === undefined
      ? ''
      : changes.length === 0
        ? textElement('p', {}, 'Against the baseline fleet: no node got slower.')
        : list('Slower than the baseline fleet', changes.map(changeSentence)),
  ].join('');
  const body = parts === '' ? textElement('p', {}, 'No outlier node or pair.') : parts;
  return element('section', { id: 'findings' }, textElement('h2', {}, 'Outliers') + body);
}

function heatmapDescription(matrix: FleetMatrix): string {
  const rows = [...matrix.namedRows].map((n) => `${n} as client (row)`);
  const columns = [...matrix.namedColumns].map((n) => `${n} as server (column)`);
  const named = [...rows, ...columns];
  const outliers = [...matrix.cells.values()]
    .filter((c) => c.outlier !== undefined)
    .map((c) => `${c.client} → ${c.server}`);
  return [
    `Each cell is one pair's ${matrix.metric} vs the fleet median of ${formatMetric(matrix.metric, matrix.fleetMedian)}, coloured warm when slower and cool when faster.`,
    named.length > 0 ? `Named slow: ${named.join(', ')}.` : 'No node named slow.',
    outliers.length > 0 ? `Outlier pairs: ${outliers.join(', ')}.` : '',
  ]
    .filter((t) => t !== '')
    .join(' ');
}

function scenarioSection(results: FleetResults, analysis: FleetAnalysis, scenario: string): string {
  const fit = matrixFit(analysis, scenario);
  const heading = element('h2', {}, `${textElement('code', {}, scenario)} client × server`);
  if (fit === undefined) return '';
  const matrix = fleetMatrix(results, analysis, fit);
  const description = heatmapDescription(matrix);
  const svg = renderHeatmap(matrix, `heatmap-${scenario}`, description);
  const body =
    svg === undefined
      ? textElement(
          'p',
          { class: 'muted' },
          `${matrix.nodes.length} nodes: no heatmap above ${MAX_HEATMAP_NODES} nodes (its cells would be too small to read); the ranking and the outliers above name the nodes, and the results file has every pair.`,
        )
      : element('figure', { class: 'heatmap' }, svg + textElement('figcaption', {}, description));
  return element('section', { id: `scenario-${scenario}`, class: 'scenario' }, heading + body);
}

/** The fleet report as one self-contained HTML file. */
export function renderFleetHtml(results: FleetResults, analysis: FleetAnalysis): string {
  const failing = failingNodes(analysis);
  const title = `netperf-gate fleet: ${failing.length > 0 ? `slow ${failing.join(', ')}` : verdictOf(analysis).word.toLowerCase()}`;
  const head = htmlHead(title) + element('style', {}, FLEET_CSS);
  const settings = fleetSettings(results).map(([label, value]) => [escapeXml(label), escapeXml(value)]);
  const body = [
    banner(results, analysis),
    element(
      'section',
      { id: 'ranking' },
      textElement('h2', {}, 'Ranking, slowest first') + rankingTable(analysis),
    ),
    findings(analysis),
    ...matrixScenarios(analysis).map((s) => scenarioSection(results, analysis, s)),
    element(
      'section',
      { id: 'settings' },
      textElement('h2', {}, 'Settings') +
        htmlTable(['setting', 'value'], settings, { className: 'environment' }),
    ),
    element('footer', { class: 'muted' }, textElement('p', {}, METHOD_NOTE)),
  ].join('\n');
  return `<!doctype html>\n<html lang="en">\n<head>${head}</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
