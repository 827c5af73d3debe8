/**
 * The HTML report in a real browser: headless Debian Chromium opens the written file (file://, offline)
 * and we check what a person would see: the charts laid out with real sizes, bars and dots drawn,
 * labels inside their charts, nothing requested from anywhere, and a screenshot that is not blank and
 * shows both series' colours.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderHtmlReport } from '../../src/report/html-report.js';
import type { ReportInput } from '../../src/report/report-input.js';
import { SERIES_COLOURS } from '../../src/report/svg-bar-chart.js';
import { type Browser, evaluate, launchChromium, openPage, PAGE_LOAD_TIMEOUT_MS } from './chromium.js';
import { countColour, decodePng, distinctColours } from './png.js';
import { reportCases } from './report-cases.js';

/** Starting Chromium and rendering two pages on a 2-core machine: seconds; bounded generously. */
const BROWSER_HOOK_TIMEOUT_MS = 120_000;

interface ChartMeasure {
  /** `chart-bars` or `chart-change`. */
  kind: string;
  title: string;
  width: number;
  height: number;
  viewBoxWidth: number;
  barWidths: number[];
  dots: number;
  /** Change charts: one row per metric, each whisker's drawn length. */
  changeRows: number;
  whiskerWidths: number[];
  /** Right edge of the widest text, in SVG units: must stay inside the viewBox. */
  textRight: number;
  /** Pairs of texts on one line whose boxes overlap (axis labels running into each other). */
  overlaps: number;
  /** Trend charts: dots of the runs. */
  trendDots: number;
  top: number;
  left: number;
}

interface PageMeasure {
  scripts: number;
  charts: ChartMeasure[];
  banner: string;
  scrollWidth: number;
  viewportWidth: number;
}

const MEASURE = `(() => {
  const charts = [...document.querySelectorAll('svg')].map((svg) => {
    const box = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll('text')].map((t) => t.getBBox());
    const texts = boxes.map((b) => b.x + b.width);
    let overlaps = 0;
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        if (Math.abs(a.y - b.y) < 1 && a.x < b.x + b.width && b.x < a.x + a.width) overlaps += 1;
    return {
      kind: svg.getAttribute('class') ?? '',
      title: svg.querySelector('title')?.textContent ?? '',
      width: box.width, height: box.height, top: box.top + scrollY, left: box.left,
      viewBoxWidth: svg.viewBox.baseVal.width,
      barWidths: [...svg.querySelectorAll('rect.bar')].map((r) => r.getBBox().width),
      dots: svg.querySelectorAll('circle.sample').length,
      changeRows: svg.querySelectorAll('g.change').length,
      whiskerWidths: [...svg.querySelectorAll('line.whisker')].map((l) => l.getBBox().width),
      textRight: Math.max(...texts),
      overlaps,
      trendDots: svg.getAttribute('class') === 'chart-trend' ? svg.querySelectorAll('circle').length : 0,
    };
  });
  return {
    scripts: document.scripts.length,
    charts,
    banner: document.querySelector('header.banner')?.innerText ?? '',
    scrollWidth: document.documentElement.scrollWidth,
    viewportWidth: innerWidth,
  };
})()`;

interface Visit {
  measure: PageMeasure;
  requested: string[];
  errors: string[];
  screenshot: Buffer;
  firstChart: Buffer;
}

async function visit(browser: Browser, directory: string, name: string, input: ReportInput): Promise<Visit> {
  const file = join(directory, `${name}.html`);
  writeFileSync(file, renderHtmlReport(input));
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
  const shot = (params: object) =>
    devTools.send<{ data: string }>('Page.captureScreenshot', { format: 'png', ...params }, sessionId);
  const screenshot = Buffer.from((await shot({})).data, 'base64');
  const chart = measure.charts.find((c) => c.kind === 'chart-bars');
  const clip = chart && { x: chart.left, y: chart.top, width: chart.width, height: chart.height, scale: 1 };
  const firstChart = Buffer.from((await shot({ clip, captureBeyondViewport: true })).data, 'base64');
  writeFileSync(join(directory, `${name}.png`), screenshot);
  stop();
  return { measure, requested, errors, screenshot, firstChart };
}

describe('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let directory: string;
  const visits = new Map<string, Visit>();
  const cases = reportCases();
  const names = [
    'regression, improvement and inconclusive',
    'missing baseline',
    'a baseline history with a level shift',
  ] as const;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'npg-report-'));
    browser = launchChromium();
    for (const [i, name] of names.entries()) {
      const input = cases[name];
      if (input === undefined) throw new Error(`no report case ${name}`);
      visits.set(name, await visit(browser, directory, `case-${i}`, input));
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

  it.each(names)('%s: loads nothing but the file itself and logs no error', (name) => {
    const { requested, errors, measure } = get(name);
    expect(requested.every((url) => url.startsWith('file://'))).toBe(true);
    expect(requested).toHaveLength(1);
    expect(errors).toEqual([]);
    expect(measure.scripts).toBe(0);
  });

  it('draws every bar chart with real size, bars and one dot per sample', () => {
    const bars = get('regression, improvement and inconclusive').measure.charts.filter(
      (c) => c.kind === 'chart-bars',
    );
    // 4 scenarios × (headline + CPU) + 2 TCP_RR latency charts.
    expect(bars).toHaveLength(10);
    for (const chart of bars) {
      expect(chart.title).not.toBe('');
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.height).toBeGreaterThan(80);
      expect(chart.barWidths.length).toBeGreaterThanOrEqual(2);
      for (const width of chart.barWidths) expect(width).toBeGreaterThan(10);
      expect(chart.dots).toBe(chart.barWidths.length * 5);
      // Labels were laid out with a real font (value labels sit right of the plot) and stay inside.
      expect(chart.textRight).toBeGreaterThan(chart.viewBoxWidth / 2);
      expect(chart.textRight).toBeLessThanOrEqual(chart.viewBoxWidth);
    }
  });

  it('draws a change chart per compared scenario with a row and a visible whisker per metric', () => {
    const { measure } = get('regression, improvement and inconclusive');
    const changes = measure.charts.filter((c) => c.kind === 'chart-change');
    const input = cases['regression, improvement and inconclusive'];
    const metricCounts = input?.comparison?.scenarios.map(
      (s) => s.metrics.filter((m) => m.threshold !== 'off').length,
    );
    expect(changes.map((c) => c.changeRows)).toEqual(metricCounts);
    for (const chart of changes) {
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.textRight).toBeLessThanOrEqual(chart.viewBoxWidth);
      expect(chart.whiskerWidths.filter((w) => w > 2).length).toBeGreaterThan(chart.changeRows / 2);
    }
  });

  it('draws a trend per compared scenario: a dot per history run, labels inside and apart', () => {
    const trends = get('a baseline history with a level shift').measure.charts.filter(
      (c) => c.kind === 'chart-trend',
    );
    expect(trends).toHaveLength(2);
    for (const chart of trends) {
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.trendDots).toBe(12);
      expect(chart.textRight).toBeLessThanOrEqual(chart.viewBoxWidth);
      expect(chart.overlaps).toBe(0);
    }
  });

  it.each(names)('%s: axis labels of change and trend charts do not run into each other', (name) => {
    for (const chart of get(name).measure.charts.filter((c) => c.kind !== 'chart-bars')) {
      expect(chart.overlaps).toBe(0);
    }
  });

  it.each(names)('%s: fits the window without horizontal scrolling and starts with the verdict', (name) => {
    const { measure } = get(name);
    expect(measure.scrollWidth).toBeLessThanOrEqual(measure.viewportWidth);
    expect(measure.banner).toMatch(/REGRESSION|INCONCLUSIVE|PASS|NO BASELINE/);
  });

  it('shows a non-blank page and both series in their colours', () => {
    const page = decodePng(get('regression, improvement and inconclusive').screenshot);
    expect([page.width, page.height]).toEqual([1200, 2000]);
    expect(distinctColours(page)).toBeGreaterThan(50);
    const chart = decodePng(get('regression, improvement and inconclusive').firstChart);
    expect(countColour(chart, SERIES_COLOURS.baseline ?? '')).toBeGreaterThan(1000);
    expect(countColour(chart, SERIES_COLOURS.current ?? '')).toBeGreaterThan(1000);
  });

  it('shows the current series alone when there is no baseline', () => {
    const chart = decodePng(get('missing baseline').firstChart);
    expect(countColour(chart, SERIES_COLOURS.current ?? '')).toBeGreaterThan(1000);
    expect(countColour(chart, SERIES_COLOURS.baseline ?? '')).toBe(0);
  });
});
