// Screenshots for the README: $PERFGATE_SHOTS is "FILE=PATH", the page of the server at PATH
// saved as the PNG FILE, at a laptop's size in the light theme. A history page is shot once its
// chart is drawn (with $PERFGATE_BASELINES points), the mouse at $PERFGATE_HOVER ("X,Y" as
// fractions of the plot's width and height) so that its tooltip shows.
'use strict';

const assert = require('node:assert/strict');
const { base, main } = require('./browser.cjs');

main(async (page) => {
  const shot = process.env.PERFGATE_SHOTS || '';
  const equals = shot.indexOf('=');
  assert.ok(equals > 0, `PERFGATE_SHOTS is not FILE=PATH: ${shot}`);
  const [file, path] = [shot.slice(0, equals), shot.slice(equals + 1)];
  await page.goto(base + path);
  if (await page.locator('#history-chart').count()) {
    await page.waitForSelector('#history-chart[data-points]');
    assert.equal(await page.locator('#history-chart').getAttribute('data-points'),
                 process.env.PERFGATE_BASELINES);
    const [x, y] = (process.env.PERFGATE_HOVER || '1,0.5').split(',').map(Number);
    const box = await page.locator('#history-chart .u-over').boundingBox();
    await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
    await page.waitForSelector('#chart-tip:not([hidden])');
    console.log(`tooltip: ${(await page.locator('#chart-tip').innerText()).replace(/\n/g, ' | ')}`);
  }
  await page.screenshot({ path: file });
  console.log(`saved ${file}`);
}, 90000, { viewport: { width: 1280, height: 800 }, colorScheme: 'light', deviceScaleFactor: 1 });
