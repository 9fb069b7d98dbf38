// The compare page of a real regression ($PERFGATE_COMPARE: a baseline of the quickstart
// against one of the commit whose requests do 300% more work): every endpoint's row is a
// regression, with its medians in their unit, change, interval, p and q, and the samples of
// both sides drawn; a click on a header sorts the rows by it, a second click reverses them.
'use strict';

const assert = require('node:assert/strict');
const { base, main } = require('./browser.cjs');

// The data-value of column `header` in each row, in the order shown.
async function columnValues(page, header) {
  return page.evaluate((name) => {
    const headers = Array.from(document.querySelectorAll('table.series thead th'));
    const index = headers.findIndex((th) => th.textContent.trim() === name);
    return Array.from(document.querySelectorAll('table.series tbody tr'),
                      (row) => Number(row.cells[index].dataset.value));
  }, header);
}

main(async (page) => {
  await page.goto(base + process.env.PERFGATE_COMPARE);
  const rows = page.locator('table.series tbody tr');
  const regressions = page.locator('table.series tbody tr.verdict-regression');
  console.log(`${await regressions.count()} of ${await rows.count()} series regressed`);
  assert.ok(await regressions.count() >= 1, 'no regression row');
  assert.match(await page.locator('.comparison .summary').innerText(), /^regression \d+ regression/);

  for (const row of await regressions.all()) {
    const cell = async (header) => row.locator(`td:nth-child(${await column(page, header)})`).innerText();
    const shown = {
      series: await cell('series'), base: await cell('base'), candidate: await cell('candidate'),
      change: await cell('change'), interval: await cell('interval'), p: await cell('p'),
      q: await cell('q'), verdict: await cell('verdict'),
    };
    console.log(JSON.stringify(shown));
    assert.match(shown.base, /^\d[\d.]* (s|ms|µs)$/);
    assert.match(shown.candidate, /^\d[\d.]* (s|ms|µs)$/);
    assert.match(shown.change, /^\+\d+\.\d%$/);
    assert.match(shown.interval, /^\[\+\d+\.\d%, \+\d+\.\d%\] \d+\.\d%$/);
    assert.match(shown.p, /^(<0\.001|0\.\d{3})$/);
    assert.match(shown.q, /^(<0\.001|0\.\d{3})$/);
    assert.equal(shown.verdict, 'regression');
    // Three windows a side, each a dot.
    assert.equal(await row.locator('svg.samples circle.base').count(), 3);
    assert.equal(await row.locator('svg.samples circle.candidate').count(), 3);
  }

  const sortBy = page.locator('table.series thead th', { hasText: 'change' }).locator('button.sort');
  await sortBy.click();
  const ascending = await columnValues(page, 'change');
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b), 'not sorted by change');
  await sortBy.click();
  const descending = await columnValues(page, 'change');
  assert.deepEqual(descending, [...ascending].reverse(), 'a second click did not reverse');
  assert.equal(await page.locator('table.series thead th[aria-sort="descending"]').innerText(),
               'change');
});

// The 1-based position of column `header`.
async function column(page, header) {
  return page.evaluate((name) => {
    const headers = Array.from(document.querySelectorAll('table.series thead th'));
    return headers.findIndex((th) => th.textContent.trim() === name) + 1;
  }, header);
}
