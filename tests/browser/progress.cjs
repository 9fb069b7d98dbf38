// The queue page follows a running job by itself: the job of $PERFGATE_JOB appears among the
// running ones and its progress bar moves on through its windows, without a reload.
'use strict';

const assert = require('node:assert/strict');
const { base, jobId, main } = require('./browser.cjs');

main(async (page) => {
  const job = jobId();
  await page.goto(`${base}/`);
  await page.evaluate(() => { window.samePage = true; });
  const seen = [];
  const phases = new Set();
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline && seen.length < 3) {
    const row = await page.evaluate((id) => {
      const found = document.querySelector(`#running tr[data-job="${id}"]`);
      if (!found) return null;
      return { value: found.querySelector('progress').value,
               phase: found.querySelector('[data-phase]').textContent };
    }, job);
    if (row) {
      phases.add(row.phase);
      if (row.value > 0 && (seen.length === 0 || row.value > seen[seen.length - 1])) {
        seen.push(row.value);
      }
    }
    await page.waitForTimeout(200);
  }
  console.log(`progress seen: ${seen.join(', ')}; phases: ${Array.from(phases).join(', ')}`);
  assert.ok(seen.length >= 3, `the progress did not move on: ${seen.join(', ')}`);
  assert.ok(Array.from(phases).some((phase) => phase.includes('window')),
            `no window among the phases shown: ${Array.from(phases).join(', ')}`);
  assert.equal(await page.evaluate(() => window.samePage), true, 'the page was reloaded');
});
