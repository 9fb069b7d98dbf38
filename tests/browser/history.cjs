// The history page's chart ($PERFGATE_HISTORY) has a point per succeeded baseline job
// ($PERFGATE_BASELINES), whatever its x axis; dragging and double-clicking zoom; the tooltip of
// the newest point shows its commit, subject, time and value, and a click on it opens its job.
'use strict';

const assert = require('node:assert/strict');
const { base, main } = require('./browser.cjs');

main(async (page) => {
  const expected = Number(process.env.PERFGATE_BASELINES);
  assert.ok(expected > 0, 'PERFGATE_BASELINES is not a count');
  await page.goto(base + process.env.PERFGATE_HISTORY);
  await page.waitForSelector('#history-chart[data-points]');
  assert.equal(Number(await page.locator('#history-chart').getAttribute('data-points')), expected);
  const legend = await page.locator('#history-chart .u-legend .u-series').count();
  console.log(`${expected} points, ${legend - 1} series in the legend`);
  assert.ok(legend >= 2, 'no series in the legend');

  // A drag zooms and a double click resets the zoom: neither opens a job.
  const box = await page.locator('#history-chart .u-over').boundingBox();
  const middle = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.2, middle);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, middle, { steps: 5 });
  await page.mouse.up();
  await page.mouse.dblclick(box.x + box.width / 2, middle);
  await page.waitForTimeout(600);
  assert.equal(page.url(), base + process.env.PERFGATE_HISTORY, 'a drag or double click opened a job');

  // The newest point is at the right end of the plot.
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
  await page.waitForSelector('#chart-tip:not([hidden])');
  const tip = await page.locator('#chart-tip').innerText();
  console.log(`tooltip: ${tip.replace(/\n/g, ' | ')}`);
  assert.match(tip, /^[0-9a-f]{7} every request does 300% more work/);
  assert.match(tip, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · /);
  assert.match(tip, /: \d[\d.]* (s|ms|µs)/);
  const job = tip.match(/baseline job #(\d+)/)[1];
  await Promise.all([page.waitForURL(`${base}/jobs/${job}`),
                     page.mouse.click(box.x + box.width - 1, box.y + box.height / 2)]);

  await page.goBack();
  await page.waitForSelector('#history-chart[data-points]');
  await page.check('.chart-tools input[value="time"]');
  await page.waitForSelector('#history-chart .u-over');
  assert.equal(Number(await page.locator('#history-chart').getAttribute('data-points')), expected);
});
