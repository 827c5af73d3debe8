import { heatClass, shortLabels } from '../../src/report/fleet-heatmap-style.js';
import { renderFleetHtml } from '../../src/report/fleet-html.js';
import { fleetFixture, SIX_NODES_SLOW_CLIENT } from '../helpers/fleet-fixture.js';
import { structureProblems } from './html-structure.js';

const six = fleetFixture({ ...SIX_NODES_SLOW_CLIENT, link: { 'node-2>node-5': 0.5 } });
const ring = fleetFixture({
  nodes: 8,
  plan: { kind: 'ring' },
  client: { 'node-3': 0.5 },
  server: { 'node-3': 0.5 },
});
const wide = fleetFixture({
  nodes: 32,
  plan: { kind: 'random', pairsPerNode: 3 },
  samples: 1,
  scenarios: ['tcp_rr_1cpu'],
  server: { 'node-17': 0.6 },
});
const huge = fleetFixture({ nodes: 100, plan: { kind: 'ring' }, samples: 1, scenarios: ['tcp_rr_1cpu'] });

const cases = {
  'six nodes, all': six,
  'a ring of eight': ring,
  '32 nodes, random:3': wide,
  '100 nodes': huge,
};
const html = Object.fromEntries(
  Object.entries(cases).map(([name, f]) => [name, renderFleetHtml(f.results, f.analysis)]),
);
const page = (name: keyof typeof cases) => html[name] as string;

const heatmaps = (text: string) => [...text.matchAll(/<svg class="chart-heatmap"[^>]*>([\s\S]*?)<\/svg>/g)];

describe('renderFleetHtml', () => {
  it.each(Object.keys(cases))('%s: is well-formed, with unique ids, no script and nothing loaded', (name) => {
    const text = page(name as keyof typeof cases);
    expect(text.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(structureProblems(text)).toEqual([]);
    const ids = [...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(text).not.toMatch(/<script|<(link|img|iframe|object|embed)\b|\son\w+=/i);
    expect(text).not.toMatch(/\b(src|href)\s*=\s*"(?!#)/i);
  });

  it.each(Object.keys(cases))('%s: renders byte-identical every time', (name) => {
    const fixture = cases[name as keyof typeof cases];
    expect(renderFleetHtml(structuredClone(fixture.results), structuredClone(fixture.analysis))).toBe(
      page(name as keyof typeof cases),
    );
  });

  it('draws one accessible heatmap per scenario with a cell per ordered pair and the diagonal marked', () => {
    const maps = heatmaps(page('six nodes, all'));
    expect(maps).toHaveLength(2);
    for (const [svg = '', body = ''] of maps) {
      expect(svg).toMatch(/^<svg class="chart-heatmap" role="img" aria-labelledby="([^" ]+)-title \1-desc"/);
      expect(body).toMatch(/^<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/);
      expect(body.match(/class="cell measured"/g)).toHaveLength(30);
      expect(body.match(/class="self"/g)).toHaveLength(6);
      expect(body).not.toContain('class="cell unmeasured"');
      expect(body).toMatch(
        /<title>node-4 → node-1: rate_ratio 0\.4\d\d, -5\d\.\d% vs fleet median [\d.]+<\/title>/,
      );
    }
  });

  it("highlights the slow node's row, names it in bold, and outlines the slow link", () => {
    const [[, body = ''] = []] = heatmaps(page('six nodes, all'));
    expect(body.match(/class="named-row"/g)).toHaveLength(1);
    expect(body).not.toContain('class="named-column"');
    expect(body).toMatch(/<text class="row-label"[^>]*font-weight="bold"[^>]*><title>node-4<\/title>/);
    expect(body.match(/class="outlier-pair"/g)).toHaveLength(1);
    expect(body).toMatch(/<title>node-2 → node-5: [^<]*; an outlier pair \(slow\)<\/title>/);
    expect(page('six nodes, all')).toMatch(/<tr class="named"><th scope="row">node-4<\/th>/);
  });

  it('hatches the pairs a ring leaves out and marks its figures as (cells)', () => {
    const maps = heatmaps(page('a ring of eight'));
    expect(maps).toHaveLength(2);
    const [[, body = ''] = []] = maps;
    expect(body.match(/class="cell measured"/g)).toHaveLength(8);
    expect(body.match(/class="cell unmeasured"/g)).toHaveLength(8 * 7 - 8);
    expect(body).toMatch(/class="named-row"/);
    expect(body).toMatch(/class="named-column"/);
    expect(page('a ring of eight')).toContain('ratio (cells)');
  });

  it('draws 32 nodes with smaller cells and vertical column labels, and none above 40 nodes', () => {
    const [[svg = '', body = ''] = []] = heatmaps(page('32 nodes, random:3'));
    expect(body.match(/class="cell measured"/g)).toHaveLength(96);
    expect(body).toMatch(/rotate\(-90\)/);
    expect(Number(/ width="(\d+)"/.exec(svg)?.[1])).toBeLessThanOrEqual(660);
    expect(heatmaps(page('100 nodes'))).toHaveLength(0);
    expect(page('100 nodes')).toContain('100 nodes: no heatmap above 40 nodes');
  });
});

describe('heatmap scale and labels', () => {
  it.each([
    [-58, 0],
    [-25.1, 0],
    [-20, 1],
    [-10, 2],
    [-5, 3],
    [-3, 4],
    [0, 4],
    [3, 4],
    [5, 5],
    [30, 8],
  ])('%d %% falls in class %d', (pct, heat) => {
    expect(heatClass(pct)).toBe(heat);
  });

  it('shortens long node names to their distinctive end after dropping a shared domain', () => {
    const names = ['ip-10-0-1-17.eu-west-1.compute.internal', 'ip-10-0-2-201.eu-west-1.compute.internal'];
    expect(shortLabels(names)).toEqual(['ip-10-0-1-17', 'ip-10-0-2-201']);
    const pool = ['gke-main-default-pool-8c1e7a2b-x9kq', 'gke-main-default-pool-8c1e7a2b-b2lm'];
    expect(shortLabels(pool)).toEqual(['…x9kq', '…b2lm']);
    expect(shortLabels(['gke-main-default-pool-8c1e7a2b-x9kq', 'node-2'])).toEqual([
      '…8c1e7a2b-x9kq',
      'node-2',
    ]);
    expect(shortLabels(['pool-a-0123456789abcdef', 'pool-a-1'])).toEqual(['…3456789abcdef', 'pool-a-1']);
    expect(shortLabels(['node-1', 'node-2'])).toEqual(['node-1', 'node-2']);
  });
});
