// Every page of the web UI loads, runs its scripts and polls without a console error, and
// fetches nothing from outside the server: the paths in $PERFGATE_PAGES, comma-separated. A
// job's page shows its log and searches it.
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
      // A job's page: its log arrives through the API, and a search shows only the lines
      // that contain what is searched for.
      await page.waitForFunction(() => document.getElementById('log-text').textContent.length > 0);
      await page.fill('#log-search', 'WINDOW');
      const lines = (await page.locator('#log-text').textContent()).split('\n');
      assert.ok(lines.length > 1, `no window in the log of ${path}`);
      assert.ok(lines.every((line) => line.toLowerCase().includes('window')),
                `the search shows other lines: ${lines.join('\n')}`);
      assert.equal(await page.locator('#log-matches').textContent(),
                   `${lines.length} matching lines`);
    }
    // Every page polls the API at once: its first answers have been handled by now.
    await page.waitForLoadState('networkidle');
    console.log(`loaded ${path}`);
  }
});
