// Save-to-reload latency of `safeduty serve`, as a reader sees it: a headless Chromium shows a
// post's page; the post's file is edited on disk; the time runs until the page shows the edit
// (the live-reload script polls, then swaps the page's new body in). Run by bench/run:
//   node bench/reload.mjs BASE_URL PAGE_PATH POST_FILE SERVE_LOG EDITS
// Before each edit it waits until the server's log says the previous edit's second pass (the
// search index) is done, so that each edit meets an idle server. Prints one JSON line: the
// times, and how many edits were swapped in (the others reloaded the page).
import { readFileSync, writeFileSync } from 'node:fs';
import { open } from '../tests/e2e/chromium.mjs';

const [base, pagePath, postFile, serveLog, edits] = process.argv.slice(2);
const secondPasses = () => readFileSync(serveLog, 'utf8').split('\n').filter((l) => l.startsWith('search index updated')).length;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const { browser, page } = await open();
const original = readFileSync(postFile, 'utf8');
const times = [];
let swapped = 0;
try {
  for (let n = 0; n < Number(edits); n++) {
    const mark = `（浏览器第${n + 1}次修订）`;
    await page.goto(base + pagePath, { waitUntil: 'load' });
    await page.evaluate(() => { window.benchMark = true; });
    const passes = secondPasses();
    const started = performance.now();
    writeFileSync(postFile, original.replace(/^(scope: ".*?)"$/m, `$1${mark}"`));
    await page.waitForFunction((m) => document.body.innerText.includes(m), mark, { polling: 'raf', timeout: 60000 });
    times.push(performance.now() - started);
    if (await page.evaluate(() => window.benchMark === true)) swapped++;
    while (secondPasses() <= passes) await sleep(100);
  }
} finally {
  writeFileSync(postFile, original);
  await browser.close();
}
console.log(JSON.stringify({ times, swapped }));
