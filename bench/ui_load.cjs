// Loads pages of the `perfgate serve` at $PERFGATE_URL in Chromium (the browser tests'
// set-up, tests/browser/browser.cjs) and prints, per page, one line of milliseconds:
//
//   node ui_load.cjs LOADS PATH [READY_SELECTOR] ...
//   -> "PATH ttfb=a,b,c full=x,y,z"
//
// Each page is loaded LOADS times after one unmeasured load (the browser's cache then holds
// the hashed assets, as it would for anyone who opened the UI before). ttfb is the navigation's
// responseStart; full is when the page is usable: its load event, or with READY_SELECTOR
// ("-" for none) once that element exists (a chart is drawn after its data arrived).
'use strict';

const { base, main } = require('../tests/browser/browser.cjs');

const [loads, ...specs] = process.argv.slice(2);

main(async (page) => {
  for (let i = 0; i < specs.length; i += 2) {
    const path = specs[i];
    const ready = specs[i + 1] && specs[i + 1] !== '-' ? specs[i + 1] : null;
    const ttfb = [];
    const full = [];
    for (let n = 0; n <= Number(loads); ++n) {
      await page.goto(`${base}${path}`, { waitUntil: 'load' });
      if (ready) await page.waitForSelector(ready, { state: 'attached' });
      const timing = await page.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0];
        return { ttfb: navigation.responseStart, load: navigation.loadEventEnd, now: performance.now() };
      });
      if (n === 0) continue;
      ttfb.push(timing.ttfb.toFixed(1));
      full.push((ready ? timing.now : timing.load).toFixed(1));
    }
    console.log(`${path} ttfb=${ttfb.join(',')} full=${full.join(',')}`);
  }
}, 300000);
