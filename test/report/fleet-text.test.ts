import { analyseFleet } from '../../src/fleet/analysis.js';
import { renderFleetHtml } from '../../src/report/fleet-html.js';
import { renderFleetMarkdown } from '../../src/report/fleet-markdown.js';
import { renderFleetTerminal } from '../../src/report/fleet-terminal.js';
import { buildFleetResults, fleetFixture, SIX_NODES_SLOW_CLIENT } from '../helpers/fleet-fixture.js';

const ALL_SCENARIOS = ['tcp_stream_1', 'tcp_stream_32', 'tcp_rr_1cpu', 'tcp_rr_32cpu'];

const six = fleetFixture(SIX_NODES_SLOW_CLIENT);
const link = fleetFixture({ ...SIX_NODES_SLOW_CLIENT, client: {}, link: { 'node-2>node-5': 0.5 } });
const ring = fleetFixture({
  nodes: 8,
  plan: { kind: 'ring' },
  client: { 'node-3': 0.5 },
  server: { 'node-3': 0.5 },
});
const healthy = fleetFixture({ nodes: 6, samples: 2 });
const eight = fleetFixture(
  { nodes: 8, samples: 1, scenarios: ALL_SCENARIOS, server: { 'node-7': 0.7 } },
  { nodes: 8, samples: 1, scenarios: ALL_SCENARIOS },
);

/** The ranking table's rows: from the rule line to the first blank-ish note line. */
function rankingRows(text: string): string[][] {
  const lines = text.split('\n');
  const rule = lines.findIndex((l) => /^-+( +-+)+$/.test(l));
  const rows: string[][] = [];
  for (const line of lines.slice(rule + 1)) {
    if (!/^node-\d+ /.test(line)) break;
    rows.push(line.trim().split(/ {2,}/));
  }
  return rows;
}

describe('renderFleetTerminal', () => {
  it('ranks the slow node first as SLOW and every other node ok, slowest first', () => {
    const text = renderFleetTerminal(six.results, six.analysis);
    const rows = rankingRows(text);
    expect(rows).toHaveLength(6);
    expect(rows[0]?.[0]).toBe('node-4');
    expect(rows[0]?.at(-1)).toBe('SLOW');
    expect(rows.slice(1).map((r) => r.at(-1))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    const worst = rows.map((r) => Number(r[1]));
    expect(worst).toEqual([...worst].sort((a, b) => a - b));
    expect(worst[0]).toBeLessThan(-50);
    // node-4's client side about −58 % on every fit, its server side near the fleet.
    for (const figure of rows[0]?.slice(2, -1) ?? []) expect(figure).toMatch(/^-5[5-9]\/(-?\+?[0-5]|0)$/);
  });

  it('names the slow node in a sentence with its figure, the fleet median and z', () => {
    const text = renderFleetTerminal(six.results, six.analysis);
    expect(text).toMatch(
      /node-4 as client: tcp_stream_1 rate_ratio 0\.4\d\d, -5\d\.\d% vs fleet median (0\.9\d\d|1\.0\d\d) \(z -\d+\.\d\)/,
    );
    expect(text).toMatch(
      /node-4 as client: tcp_rr_1cpu transactions_per_sec [\d,]+, -5\d\.\d% vs fleet median [\d,]+/,
    );
    expect(text.trimEnd().split('\n').slice(-2)).toEqual([
      '6 nodes, plan all (seed 7), 30 pairs in 10 rounds (≤ 4 at once); slow: node-4',
      'Verdict: SLOW NODES (node-4)',
    ]);
  });

  it('names a slow link as an outlier pair, asks whether it is a link or port, and names no node', () => {
    const text = renderFleetTerminal(link.results, link.analysis);
    expect(link.analysis.named).toEqual([]);
    expect(text).toMatch(
      /pair node-2 → node-5: tcp_stream_1 rate_ratio 0\.\d+, -[45]\d\.\d% vs what its nodes predict, fleet median [\d.]+ \(z -\d+\.\d\): a link or port\?/,
    );
    expect(text).toContain('; no slow node');
  });

  it("marks a ring's figures as (cells) and names the node slow on both sides from its pairs", () => {
    const text = renderFleetTerminal(ring.results, ring.analysis);
    expect(text).toMatch(/ratio \(cells\) +rate \(cells\)/);
    expect(text).toContain("(cells): the median of the node's own pairs");
    expect(text).toMatch(
      /node-3 on both sides: tcp_stream_1 rate_ratio [\d.]+, -[45]\d\.\d% vs fleet median [\d.]+ \(z -\d+\.\d, from its pairs\)/,
    );
    expect(rankingRows(text)[0]?.[0]).toBe('node-3');
  });

  it('lists nodes slower than the baseline fleet and keeps the 8-fit ranking within 100 characters', () => {
    const text = renderFleetTerminal(eight.results, eight.analysis);
    expect(text).toContain('Slower than the baseline fleet:');
    expect(text).toMatch(
      /node-7 as server: tcp_rr_32cpu rate_ratio -[23]\d\.\d% relative to its fleet since the baseline/,
    );
    expect(rankingRows(text)[0]).toEqual(expect.arrayContaining(['node-7', 'SLOW, slower vs baseline']));
    const lines = text.split('\n');
    const table = lines.slice(
      1,
      lines.findIndex((l) => l.startsWith('Each figure')),
    );
    expect(table).toHaveLength(3 + 8);
    for (const line of table) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('marks the figures from cells with * where a column also has fitted effects', () => {
    // A ring of 6 plus two more pairs from node-1: only node-1's client side has enough cells for an effect.
    const all = fleetFixture({ nodes: 6, samples: 2 }).results;
    const ringPlus = new Set(['1>2', '2>3', '3>4', '4>5', '5>6', '6>1', '1>3', '1>4']);
    const results = {
      ...all,
      pairs: all.pairs.filter((p) => ringPlus.has(`${p.client.slice(5)}>${p.server.slice(5)}`)),
    };
    const text = renderFleetTerminal(results, analyseFleet(results));
    const row = (node: string) => rankingRows(text).find((r) => r[0] === node) ?? [];
    expect(
      row('node-1')
        .slice(2, -1)
        .every((f) => /^[-+]?\d+\/[-+]?\d+\*$/.test(f)),
    ).toBe(true);
    expect(
      row('node-2')
        .slice(2, -1)
        .every((f) => /^[-+]?\d+\*\/[-+]?\d+\*$/.test(f)),
    ).toBe(true);
    expect(text).toContain("*: the median of the node's own pairs");
  });

  it('says plainly when no node is slow', () => {
    const text = renderFleetTerminal(healthy.results, healthy.analysis);
    expect(rankingRows(text).map((r) => r.at(-1))).toEqual(Array(6).fill('ok'));
    expect(text).not.toContain('Slow nodes:');
    expect(text).toMatch(/; no slow node\nVerdict: PASS \(no node named slow\)\n$/);
  });
});

/** Cells of a GitHub table row, `| a | b |` → ['a', 'b']. */
const cellsOf = (row: string) => row.slice(2, -2).split(' | ');

function markdownTables(text: string): string[][] {
  return text
    .trimEnd()
    .split('\n\n')
    .flatMap((block) => {
      const lines = block.split('\n');
      return lines.every((l) => l.startsWith('| ')) && lines.length >= 2 ? [lines] : [];
    });
}

describe('renderFleetMarkdown', () => {
  it('heads with the slow node, or with a tick when there is none', () => {
    expect(renderFleetMarkdown(six.results, six.analysis).split('\n')[0]).toBe(
      '## netperf-gate fleet: ❌ slow: node-4',
    );
    expect(renderFleetMarkdown(healthy.results, healthy.analysis).split('\n')[0]).toBe(
      '## netperf-gate fleet: ✅ no slow node',
    );
    expect(renderFleetMarkdown(eight.results, { ...eight.analysis, named: [] }).split('\n')[0]).toBe(
      '## netperf-gate fleet: ❌ slower than the baseline fleet: node-7',
    );
  });

  it('has GitHub tables of one shape each: ranking, a client × server table per scenario, settings', () => {
    const text = renderFleetMarkdown(six.results, six.analysis);
    const tables = markdownTables(text);
    expect(tables).toHaveLength(4);
    for (const table of tables) {
      const width = cellsOf(table[0] as string).length;
      for (const row of table) expect(cellsOf(row)).toHaveLength(width);
      expect(cellsOf(table[1] as string).every((c) => /^(:---|---:)$/.test(c))).toBe(true);
    }
    const [ranking, matrix] = tables;
    expect(cellsOf(ranking?.[0] ?? '')).toEqual([
      'node',
      'worst %',
      '`tcp_stream_1` ratio',
      '`tcp_stream_1` rate',
      '`tcp_rr_1cpu` ratio',
      '`tcp_rr_1cpu` rate',
      'verdict',
    ]);
    expect(cellsOf(ranking?.[2] ?? '')[0]).toBe('**node-4**');
    expect(cellsOf(ranking?.[2] ?? '').at(-1)).toBe('**SLOW**');
    // 6 × 6 pairs with the header column: node-4's row bold, each of its pairs ~42 % of the median.
    expect(matrix).toHaveLength(2 + 6);
    const row4 = cellsOf(matrix?.[2 + 3] ?? '');
    expect(row4[0]).toBe('**node-4**');
    expect(row4[4]).toBe('—');
    for (const share of [...row4.slice(1, 4), ...row4.slice(5)]) expect(Number(share)).toBeLessThan(50);
    expect(text).toContain('| plan | all |');
    expect(text).toContain('| seed | 7 |');
  });

  it('lists the named outliers with their figures and the fleet median', () => {
    const text = renderFleetMarkdown(six.results, six.analysis);
    expect(text).toMatch(
      /### Slow nodes\n\n- node-4 as client: tcp\\_stream\\_1 throughput\\_gbps [\d.]+, -5\d\.\d% vs fleet median [\d.]+ \(z -\d/,
    );
  });

  it('leaves the pair table to the HTML report above 12 nodes', () => {
    const big = fleetFixture({
      nodes: 13,
      plan: { kind: 'random', pairsPerNode: 3 },
      samples: 1,
      scenarios: ['tcp_rr_1cpu'],
    });
    const text = renderFleetMarkdown(big.results, big.analysis);
    expect(text).toContain('13 nodes: too many for a table here (at most 12); the HTML report');
    expect(markdownTables(text)).toHaveLength(2);
  });
});

describe('a fleet where no pair was measured', () => {
  const results = { ...buildFleetResults({ nodes: 3, samples: 1 }), pairs: [] };
  const analysis = analyseFleet(results);

  it('says nothing was judged in every output instead of passing the fleet', () => {
    expect(renderFleetTerminal(results, analysis)).toMatch(
      /; no pair measured: nothing judged\nVerdict: NOTHING MEASURED\n$/,
    );
    expect(renderFleetMarkdown(results, analysis).split('\n')[0]).toBe(
      '## netperf-gate fleet: ⚠️ no pair measured',
    );
    expect(renderFleetHtml(results, analysis)).toContain(
      '<header class="banner banner-inconclusive" role="status"><h1>netperf-gate fleet: <span class="word">NOTHING MEASURED</span>',
    );
  });
});
