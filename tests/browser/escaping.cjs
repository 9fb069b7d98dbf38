// Text from outside (a commit message, a series label from Prometheus, a query parameter)
// is shown as written and never runs: the job of $PERFGATE_JOB measured a commit whose
// message and series labels hold <script> elements that would set window.__pwned, and so did
// the base of the comparison at $PERFGATE_COMPARE and the history at $PERFGATE_HISTORY.
'use strict';

const assert = require('node:assert/strict');
const { base, jobId, main } = require('./browser.cjs');

async function checkNothingRan(page, where) {
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', `a script ran: ${where}`);
  const foreign = await page.evaluate(() =>
    Array.from(document.scripts)
      .map((script) => script.getAttribute('src') || script.textContent)
      .filter((source) => !source.startsWith('/assets/')),
  );
  assert.deepEqual(foreign, [], `scripts that are not the server's own: ${where}`);
}

main(async (page) => {
  const job = jobId();
  await page.goto(`${base}/jobs/${job}`);
  const text = await page.locator('main').innerText();
  assert.ok(text.includes('notes <script>window.__pwned = 1</script> & more'),
            'the commit message is not shown as written');
  assert.ok(text.includes('note="<script>window.__pwned = 2</script>"'),
            `the series label is not shown as written:\n${text}`);
  await checkNothingRan(page, 'the job page');

  await page.goto(`${base}/jobs/${job}/comparison`);
  assert.ok((await page.locator('main').innerText()).includes('<script>window.__pwned = 2</script>'));
  await checkNothingRan(page, 'the comparison page');

  await page.goto(base + process.env.PERFGATE_COMPARE);
  const compared = await page.locator('main').innerText();
  assert.ok(compared.includes('notes <script>window.__pwned = 1</script> & more'),
            `the base's commit message is not shown as written:\n${compared}`);
  assert.ok(compared.includes('note="<script>window.__pwned = 2</script>"'),
            'the series label is not shown as written on the compare page');
  await checkNothingRan(page, 'the compare page');

  await page.goto(base + process.env.PERFGATE_HISTORY);
  assert.ok((await page.locator('#latest').innerText()).includes('<script>window.__pwned = 2</script>'));
  await page.waitForSelector('#history-chart[data-points]');
  assert.ok((await page.locator('#history-chart .u-legend').innerText())
    .includes('<script>window.__pwned = 2</script>'), 'the chart\'s legend is not as written');
  // The oldest point, at the left end, is the commit whose message holds a <script>.
  const box = await page.locator('#history-chart .u-over').boundingBox();
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.waitForSelector('#chart-tip:not([hidden])');
  const tip = await page.locator('#chart-tip').innerText();
  assert.ok(tip.includes('notes <script>window.__pwned = 1</script> & more'), `tooltip: ${tip}`);
  await checkNothingRan(page, 'the history page');

  // A query parameter is shown back in an attribute.
  const branch = '"><script>window.__pwned = 3</script>';
  await page.goto(`${base}/?branch=${encodeURIComponent(branch)}`);
  assert.equal(await page.locator('input[name="branch"]').inputValue(), branch);
  await checkNothingRan(page, 'the queue filtered by a hostile branch');
});
