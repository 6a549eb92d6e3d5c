// A site whose search index comes in parts (`search_part_pages`), in real headless Chromium:
// the search page merges every part, so a query finds pages of the first and of the last part.
// Run by tests/browser.rs against `safeduty serve` on the example content with parts of 100
// pages; SAFEDUTY_URL is the site's address.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './chromium.mjs';

const base = process.env.SAFEDUTY_URL;
let browser;
let page;
const fetched = [];
const errors = [];

before(async () => {
  assert.ok(base, 'SAFEDUTY_URL is set');
  ({ browser, page } = await open());
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => {
    fetched.push(new URL(r.url()).pathname);
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
});

after(async () => { await browser?.close(); });

/** The addresses of the results of `query`, once they are shown. */
async function search(query) {
  await page.goto(`${base}search.html?q=${encodeURIComponent(query)}`);
  await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 20000 });
  return page.locator('a.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.href));
}

test('a person of the first part is found', async () => {
  const urls = await search('徐正东');
  assert.ok(urls.some((u) => u.includes('/institutions/lyg-120/')), urls.join('\n'));
});

test('a person of the last part is found', async () => {
  // 图克镇卫生院 is the last institution in model order, alone in the fourth part.
  const urls = await search('邬建国');
  assert.ok(urls.some((u) => u.includes('/institutions/wsq-tuke/')), urls.join('\n'));
});

test('one query gathers results from several parts', async () => {
  // 锅炉 is on pages of the hospital's part and of the last part (图克镇卫生院); every result
  // is shown, page after page of them.
  await search('锅炉');
  const more = page.locator('button.pagefind-ui__button');
  for (let i = 0; i < 10 && await more.count(); i++) {
    await more.click();
    await page.waitForTimeout(300);
  }
  const urls = await page.locator('a.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.href));
  const institutions = new Set(urls.map((u) => u.match(/\/institutions\/([^/]+)\//)?.[1]).filter(Boolean));
  assert.ok(institutions.size >= 2, [...institutions].join(', '));
});

test('the parts were loaded from their own folders, without errors', async () => {
  for (const part of [2, 3, 4]) {
    assert.ok(fetched.some((p) => p.startsWith(`/pagefind/parts/${part}/`)), `part ${part} was fetched`);
  }
  assert.deepEqual(errors, []);
});
