import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { evaluate, launchChromium, openPage } from './chromium.js';

it('shots', async () => {
  const b = launchChromium();
  for (const i of [0, 1, 3, 4]) {
    const s = await openPage(b.devTools);
    await b.devTools.send('Page.enable', {}, s);
    await b.devTools.send(
      'Emulation.setDeviceMetricsOverride',
      { width: 1200, height: 1000, deviceScaleFactor: 1, mobile: false },
      s,
    );
    const loaded = b.devTools.waitForEvent('Page.loadEventFired', s, 20000);
    await b.devTools.send('Page.navigate', { url: pathToFileURL(`/tmp/npg-out/${i}.html`).href }, s);
    await loaded;
    const h = await evaluate<number>(b.devTools, s, 'document.documentElement.scrollHeight');
    for (let part = 0; part * 1800 < h; part++) {
      const r = await b.devTools.send<{ data: string }>(
        'Page.captureScreenshot',
        {
          format: 'png',
          captureBeyondViewport: true,
          clip: { x: 0, y: part * 1800, width: 1200, height: Math.min(1800, h - part * 1800), scale: 1 },
        },
        s,
      );
      writeFileSync(`/tmp/npg-out/full-${i}-${part}.png`, Buffer.from(r.data, 'base64'));
    }
  }
  await b.close();
}, 60000);
