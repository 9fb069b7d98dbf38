// Cancel from a job's page: the running job of $PERFGATE_JOB, whose log the page follows, is
// cancelled with the API token typed into the page ($PERFGATE_API_TOKEN), which the page keeps
// in the tab and never shows.
'use strict';

const assert = require('node:assert/strict');
const { base, jobId, main } = require('./browser.cjs');

main(async (page) => {
  const job = jobId();
  const token = process.env.PERFGATE_API_TOKEN;
  await page.goto(`${base}/jobs/${job}`);
  const start = Date.now();
  const elapsed = () => `${((Date.now() - start) / 1000).toFixed(1)} s`;
  // In a load window: the runner stops at once there (while it waits for Prometheus' first
  // scrape it does not, and the test would wait out that wait).
  await page.waitForFunction(() => {
    const phase = document.querySelector('#summary[data-state="running"] [data-phase]');
    return phase && phase.textContent.includes('window');
  }, null, { timeout: 60000 });
  console.log(`in a window after ${elapsed()}`);
  // The log has followed the running job this far.
  await page.waitForFunction(() =>
    document.getElementById('log-text').textContent.includes('window 1/3 started'));
  const cancel = page.locator('#actions button[data-action="cancel"]');
  const status = page.locator('#actions .action-status');

  // Without a token the page asks for it and sends nothing.
  await cancel.click();
  await page.waitForFunction(() =>
    document.querySelector('#actions .action-status').textContent.includes('API token'));
  assert.equal(await page.locator('#token-panel').getAttribute('open'), '');

  await page.fill('#token-form input[name="token"]', token);
  await page.click('#token-form button[type="submit"]');
  await cancel.click();
  await page.waitForFunction(() =>
    document.querySelector('#actions .action-status').textContent.startsWith('Cancel'));
  console.log(`${await status.textContent()} (after ${elapsed()})`);
  await page.waitForSelector('#summary[data-state="cancelled"]', { timeout: 60000 });
  console.log(`cancelled after ${elapsed()}`);
  assert.ok(await page.locator('#actions button[data-action="retry"]').isVisible(),
            'a cancelled job offers no re-run');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('perfgate.api_token')), token);
  assert.ok(!(await page.content()).includes(token), 'the token is in the page');
});
