/**
 * The fleet report in a real browser: headless Debian Chromium opens the written file (file://,
 * offline), through the same DevTools helper as the single-run report's browser test. We check what a
 * person would see: one heatmap per scenario laid out with a real size, a drawn cell per ordered pair
 * and the diagonal, labels inside the heatmap and apart, nothing requested, and the slow node's row
 * in the warm colour on a screenshot.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HEATMAP_COLOURS } from '../../src/report/fleet-heatmap-style.js';
import { renderFleetHtml } from '../../src/report/fleet-html.js';
import { fleetFixture, SIX_NODES_SLOW_CLIENT } from '../helpers/fleet-fixture.js';
import { type Browser, evaluate, launchChromium, openPage, PAGE_LOAD_TIMEOUT_MS } from './chromium.js';
import { countColour, decodePng } from './png.js';

/** Starting Chromium and rendering two pages on a 2-core machine: seconds; bounded generously. */
const BROWSER_HOOK_TIMEOUT_MS = 120_000;

interface HeatmapMeasure {
  title: string;
  width: number;
  height: number;
  top: number;
  left: number;
  /** Drawn size of every off-diagonal cell (measured or hatched). */
  cellSizes: number[];
  selfCells: number;
  namedRows: number;
  /** Labels whose box leaves the heatmap's box (px). */
  labelsOutside: number;
  /** Pairs of row labels, or of column labels, whose boxes overlap. */
  labelOverlaps: number;
}

interface PageMeasure {
  scripts: number;
  heatmaps: HeatmapMeasure[];
  banner: string;
  scrollWidth: number;
  viewportWidth: number;
}

const MEASURE = `(() => {
  const overlaps = (rects) => {
    let count = 0;
    for (const [i, a] of rects.entries())
      for (const b of rects.slice(i + 1))
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) count += 1;
    return count;
  };
  const heatmaps = [...document.querySelectorAll('svg.chart-heatmap')].map((svg) => {
    const box = svg.getBoundingClientRect();
    const rects = (selector) => [...svg.querySelectorAll(selector)].map((e) => e.getBoundingClientRect());
    const labels = rects('text.row-label, text.column-label');
    return {
      title: svg.querySelector('title')?.textContent ?? '',
      width: box.width, height: box.height, top: box.top + scrollY, left: box.left,
      cellSizes: rects('rect.cell').map((r) => Math.min(r.width, r.height)),
      selfCells: svg.querySelectorAll('rect.self').length,
      namedRows: svg.querySelectorAll('rect.named-row').length,
      labelsOutside: labels.filter((r) => r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5).length,
      labelOverlaps: overlaps(rects('text.row-label')) + overlaps(rects('text.column-label')),
    };
  });
  return {
    scripts: document.scripts.length,
    heatmaps,
    banner: document.querySelector('header.banner')?.innerText ?? '',
    scrollWidth: document.documentElement.scrollWidth,
    viewportWidth: innerWidth,
  };
})()`;

interface Visit {
  measure: PageMeasure;
  requested: string[];
  errors: string[];
  firstHeatmap: Buffer;
}

async function visit(browser: Browser, directory: string, name: string, html: string): Promise<Visit> {
  const file = join(directory, `${name}.html`);
  writeFileSync(file, html);
  const { devTools } = browser;
  const sessionId = await openPage(devTools);
  const requested: string[] = [];
  const errors: string[] = [];
  const stop = devTools.onEvent((m) => {
    const params = m.params as { request?: { url: string }; entry?: { level: string; text: string } };
    if (m.sessionId !== sessionId) return;
    if (m.method === 'Network.requestWillBeSent' && params.request) requested.push(params.request.url);
    if (m.method === 'Log.entryAdded' && params.entry?.level === 'error') errors.push(params.entry.text);
  });
  for (const domain of ['Page.enable', 'Network.enable', 'Log.enable'])
    await devTools.send(domain, {}, sessionId);
  await devTools.send(
    'Emulation.setDeviceMetricsOverride',
    { width: 1200, height: 2000, deviceScaleFactor: 1, mobile: false },
    sessionId,
  );
  const loaded = devTools.waitForEvent('Page.loadEventFired', sessionId, PAGE_LOAD_TIMEOUT_MS);
  await devTools.send('Page.navigate', { url: pathToFileURL(file).href }, sessionId);
  await loaded;
  const measure = await evaluate<PageMeasure>(devTools, sessionId, MEASURE);
  const map = measure.heatmaps[0];
  const clip = map && { x: map.left, y: map.top, width: map.width, height: map.height, scale: 1 };
  const shot = await devTools.send<{ data: string }>(
    'Page.captureScreenshot',
    { format: 'png', clip, captureBeyondViewport: true },
    sessionId,
  );
  stop();
  return { measure, requested, errors, firstHeatmap: Buffer.from(shot.data, 'base64') };
}

/** GKE-style node names: a long shared prefix, the distinctive part at the end. */
const GKE_NODES = Array.from(
  { length: 12 },
  (_, i) => `gke-prod-europe-west1-default-pool-8c1e7a2b-${(1000 + i * 37).toString(36)}`,
);

const CASES = {
  'six nodes, plan all, node-4 slow as client': { spec: SIX_NODES_SLOW_CLIENT, nodes: 6, scenarios: 2 },
  '32 nodes, random:3, node-17 slow as server': {
    spec: {
      nodes: 32,
      plan: { kind: 'random', pairsPerNode: 3 },
      samples: 1,
      scenarios: ['tcp_rr_1cpu'],
      server: { 'node-17': 0.6 },
    },
    nodes: 32,
    scenarios: 1,
  },
  '12 long Kubernetes node names, plan all': {
    spec: {
      nodes: 12,
      names: GKE_NODES,
      samples: 1,
      scenarios: ['tcp_stream_1'],
      client: { [GKE_NODES[2] as string]: 0.6 },
    },
    nodes: 12,
    scenarios: 1,
  },
  'eight nodes, the four default scenarios (a wide ranking table)': {
    spec: {
      nodes: 8,
      samples: 1,
      scenarios: ['tcp_stream_1', 'tcp_stream_32', 'tcp_rr_1cpu', 'tcp_rr_32cpu'],
      server: { 'node-7': 0.7 },
    },
    nodes: 8,
    scenarios: 4,
  },
} as const;
const names = Object.keys(CASES) as (keyof typeof CASES)[];

describe('the fleet HTML report in headless Chromium', () => {
  let browser: Browser;
  let directory: string;
  const visits = new Map<string, Visit>();

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'npg-fleet-report-'));
    browser = launchChromium();
    for (const [i, name] of names.entries()) {
      const { results, analysis } = fleetFixture(CASES[name].spec);
      visits.set(name, await visit(browser, directory, `fleet-${i}`, renderFleetHtml(results, analysis)));
    }
  }, BROWSER_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  }, BROWSER_HOOK_TIMEOUT_MS);

  const get = (name: string): Visit => {
    const found = visits.get(name);
    if (found === undefined) throw new Error(`${name} was not visited`);
    return found;
  };

  it.each(names)('%s: loads nothing but the file itself, logs no error, fits the window', (name) => {
    const { requested, errors, measure } = get(name);
    expect(requested).toEqual([expect.stringMatching(/^file:\/\//)]);
    expect(errors).toEqual([]);
    expect(measure.scripts).toBe(0);
    expect(measure.scrollWidth).toBeLessThanOrEqual(measure.viewportWidth);
    expect(measure.banner).toContain('SLOW NODES');
  });

  it.each(names)(
    '%s: draws a heatmap per scenario with a visible cell per ordered pair and the diagonal',
    (name) => {
      const { measure } = get(name);
      const { nodes, scenarios } = CASES[name];
      expect(measure.heatmaps).toHaveLength(scenarios);
      for (const map of measure.heatmaps) {
        expect(map.title).toMatch(/client × server/);
        expect(map.width).toBeGreaterThan(300);
        expect(map.height).toBeGreaterThan(200);
        expect(map.cellSizes).toHaveLength(nodes * (nodes - 1));
        for (const size of map.cellSizes) expect(size).toBeGreaterThanOrEqual(10);
        expect(map.selfCells).toBe(nodes);
        expect(map.labelsOutside).toBe(0);
        expect(map.labelOverlaps).toBe(0);
      }
    },
  );

  it('frames the slow client row and paints its cells in the warmest colour', () => {
    const { measure, firstHeatmap } = get('six nodes, plan all, node-4 slow as client');
    expect(measure.heatmaps.map((m) => m.namedRows)).toEqual([1, 1]);
    const image = decodePng(firstHeatmap);
    // Five cells of about 40 × 40 px in the slow class: thousands of pixels, not a stray edge.
    expect(countColour(image, HEATMAP_COLOURS[0])).toBeGreaterThan(3000);
    expect(countColour(image, HEATMAP_COLOURS[4])).toBeGreaterThan(3000);
  });
});
