// The preview's live reload, in real headless Chromium: an edit to content shows in the open
// page without a reload (its new body is swapped in, the reader keeps their place); errors show
// on top of the page and go when fixed; a changed style sheet, or a page with scripts of its
// own, is reloaded. Run by tests/browser.rs against `safeduty serve` on a copy of the example
// content; SAFEDUTY_URL is the site's address, SAFEDUTY_CONTENT the content folder it edits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { open } from './chromium.mjs';

const base = process.env.SAFEDUTY_URL;
const content = process.env.SAFEDUTY_CONTENT;
const post = () => join(content, 'institutions/wsq-tuke/posts/dean.yaml');
let browser;
let page;
const errors = [];

before(async () => {
  assert.ok(base && content, 'SAFEDUTY_URL and SAFEDUTY_CONTENT are set');
  ({ browser, page } = await open());
  page.on('pageerror', (e) => errors.push(e.message));
});

after(async () => { await browser?.close(); });

/** Writes `text` in place of the post's scope line (the file is written, not replaced). */
function setScope(text) {
  const yaml = readFileSync(post(), 'utf8');
  const edited = yaml.replace(/^scope: .*$/m, `scope: ${text}`);
  assert.notEqual(edited, yaml, 'the post has a one-line scope');
  writeFileSync(post(), edited);
}

/** Opens the dean's card and marks the document: a reload loses the mark, a swap keeps it. */
async function openCard() {
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.goto(`${base}institutions/wsq-tuke/posts/dean.html`);
  await page.evaluate(() => { window.safedutyMark = 'same document'; });
}

const shown = (text) => page.waitForFunction((t) => document.body.innerText.includes(t), text, { timeout: 20000 });
const mark = () => page.evaluate(() => window.safedutyMark);

test('an edit shows in the open page without a reload, at the same place', async () => {
  await openCard();
  await page.evaluate(() => window.scrollTo(0, 300));
  const title = await page.title();
  setScope('对全院安全生产工作全面负责（第一次修订）。');
  await shown('（第一次修订）');
  assert.equal(await mark(), 'same document', 'the page was swapped, not reloaded');
  assert.equal(await page.evaluate(() => window.scrollY), 300, 'the reader keeps their place');
  assert.equal(await page.title(), title);
  // The style sheet still applies to the new body.
  const masthead = await page.evaluate(() => getComputedStyle(document.querySelector('.masthead')).display);
  assert.notEqual(masthead, 'inline', 'styled');
  // And the next edit shows too (the script keeps polling after a swap).
  setScope('对全院安全生产工作全面负责（第二次修订）。');
  await shown('（第二次修订）');
  assert.equal(await mark(), 'same document');
  assert.deepEqual(errors, []);
});

test('an error shows on top of the page, and goes when it is fixed', async () => {
  await openCard();
  const yaml = readFileSync(post(), 'utf8');
  writeFileSync(post(), yaml.replace(/^scope: /m, 'scoep: '));
  const overlay = page.locator('#safeduty-error');
  await overlay.waitFor({ timeout: 20000 });
  const said = await overlay.innerText();
  assert.match(said, /dean\.yaml:\d+:\d+/, said);
  assert.match(said, /scoep/, said);
  writeFileSync(post(), yaml);
  await overlay.waitFor({ state: 'detached', timeout: 20000 });
  assert.equal(await mark(), 'same document');
});

test('a changed style sheet reloads the page', async () => {
  await openCard();
  const css = readFileSync(new URL('../../themes/default/static/style.css', import.meta.url), 'utf8');
  mkdirSync(join(content, 'theme/static'), { recursive: true });
  writeFileSync(join(content, 'theme/static/style.css'), `${css}\nbody { outline: 3px solid rgb(1, 2, 3); }\n`);
  await page.waitForFunction(() => getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)', null,
    { timeout: 20000 });
  assert.equal(await mark(), undefined, 'reloaded');
});

test('a page with scripts of its own is reloaded', async () => {
  await page.goto(`${base}search.html`);
  await page.evaluate(() => { window.safedutyMark = 'same document'; });
  setScope('对全院安全生产工作全面负责（第三次修订）。');
  await page.waitForFunction(() => window.safedutyMark === undefined, null, { timeout: 20000 });
  assert.equal(await page.locator('#search').count(), 1);
  assert.deepEqual(errors, []);
});
