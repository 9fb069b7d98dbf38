// Every page of the web UI loads, runs its scripts and polls without a console error, and
// fetches nothing from outside the server: the paths in $PERFGATE_PAGES, comma-separated.
'use strict';

const assert = require('node:assert/strict');
const { base, main } = require('./browser.cjs');

main(async (page) => {
  const paths = (process.env.PERFGATE_PAGES || '').split(',').filter(Boolean);
  assert.ok(paths.length > 0, 'PERFGATE_PAGES names no page');
  for (const path of paths) {
    const response = await page.goto(base + path);
    assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
    assert.ok((await page.title()).endsWith('· perfgate'), `${path} has no title`);
    if (await page.locator('#log-text').count()) {
      // A job's page: its log arrives through the API.
      await page.waitForFunction(() => document.getElementById('log-text').textContent.length > 0);
    }
    // Every page polls the API at once: its first answers have been handled by now.
    await page.waitForLoadState('networkidle');
    console.log(`loaded ${path}`);
  }
});
