// What every browser test shares: Debian's Chromium, driven by playwright-core, on a fresh
// profile that is removed afterwards, against the `perfgate serve` at $PERFGATE_URL; and the
// problems a page must never have: console errors, uncaught exceptions, failed requests and
// requests to anywhere but the server.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const base = process.env.PERFGATE_URL;

// The flags keep Chromium off the network (this machine has none besides loopback) and away
// from its first-run and sync machinery.
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function withPage(run, timeoutMs, contextOptions) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'perfgate-chromium-'));
  const problems = [];
  let context;
  // A bound on the whole test, whatever it waits for; the test runner kills what is left.
  const timer = setTimeout(() => {
    console.error(`the browser test did not finish within ${timeoutMs} ms`);
    process.exit(2);
  }, timeoutMs);
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: chromiumFlags,
      ...contextOptions,
    });
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(30000);
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith(`${base}/`)) {
        problems.push(`a request outside the server: ${request.url()}`);
      }
    });
    page.on('requestfailed', (request) => {
      // A poll still in flight when the page navigates away is aborted, not failed.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
        problems.push(`request failed: ${request.url()}: ${request.failure()?.errorText}`);
      }
    });
    await run(page);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  } finally {
    clearTimeout(timer);
    if (context) await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

// Runs `test(page)` in a fresh browser (with playwright's `contextOptions`: viewport, colour
// scheme...); exit status 0 when it passed, else 1 with why.
function main(test, timeoutMs = 90000, contextOptions = {}) {
  if (!base) {
    console.error('PERFGATE_URL is not set: run the browser tests through integration_browser');
    process.exit(2);
  }
  withPage(test, timeoutMs, contextOptions).then(
    () => console.log('passed'),
    (error) => {
      console.error(error.stack || String(error));
      process.exitCode = 1;
    },
  );
}

// The job id the test was given in $PERFGATE_JOB.
function jobId() {
  const id = Number(process.env.PERFGATE_JOB);
  if (!Number.isInteger(id) || id <= 0) throw new Error('PERFGATE_JOB is not a job id');
  return id;
}

module.exports = { base, main, jobId };
