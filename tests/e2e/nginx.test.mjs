// The built site as the intranet serves it: Debian's nginx with the configuration of
// docs/output.md ("Publishing on nginx"), the site under a sub-path. Run by tests/browser.rs,
// after site.test.mjs and pages.test.mjs, against the same server:
//   SAFEDUTY_URL   the site's address under its sub-path, e.g. http://127.0.0.1:43123/safety/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './chromium.mjs';

const base = process.env.SAFEDUTY_URL;
const prefix = new URL(base).pathname;
let browser;
let page;

before(async () => {
  assert.ok(base && prefix !== '/', 'SAFEDUTY_URL is set, with a sub-path');
  ({ browser, page } = await open());
});

after(async () => { await browser?.close(); });

/** Every address the page links to or loads, on this server, without the #fragment; not the
 *  links within the page (#main). */
async function addresses() {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('a[href], link[href], script[src], img[src]')]
      .map((e) => e.getAttribute('href') ?? e.getAttribute('src'))
      .filter((href) => !href.startsWith('#'))
      .map((href) => new URL(href, location.href))
      .filter((u) => u.origin === location.origin)
      .map((u) => { u.hash = ''; return u.href; });
    return [...new Set(all)];
  });
}

/** The status of each address, fetched from the page; those not 200. */
async function broken(urls) {
  return page.evaluate(async (list) => {
    const bad = [];
    for (let i = 0; i < list.length; i += 16) {
      await Promise.all(list.slice(i, i + 16).map(async (u) => {
        const r = await fetch(u);
        await r.arrayBuffer();
        if (r.status !== 200) bad.push(`${r.status} ${u}`);
      }));
    }
    return bad;
  }, urls);
}

test('the sub-path opens the home page (index), and from it an institution and a card', async () => {
  const response = await page.goto(base);
  assert.equal(response.status(), 200);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.match(await page.locator('.stats').innerText(), /个岗位/);
  // The style sheet is served, as CSS.
  assert.equal(await page.locator('.masthead').evaluate((m) => getComputedStyle(m).backgroundColor), 'rgb(143, 29, 29)');
  await page.getByRole('link', { name: '乌审旗人民医院' }).first().click();
  await page.getByRole('heading', { level: 1, name: '乌审旗人民医院' }).waitFor();
  await page.getByRole('link', { name: '配电室' }).first().click();
  await page.getByRole('link', { name: '电工' }).first().click();
  await page.getByRole('heading', { level: 1, name: '电工' }).waitFor();
  assert.ok(new URL(page.url()).pathname.startsWith(`${prefix}institutions/`), page.url());
});

test('a PDF downloads as a PDF', async () => {
  await page.goto(`${base}institutions/wsq-hospital/posts/electrician.html`);
  const link = page.getByRole('link', { name: '岗位安全生产责任清单（PDF）' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), '电工-岗位安全生产责任清单.pdf');
  const [status, type, magic] = await page.evaluate(async (url) => {
    const r = await fetch(url);
    const bytes = new Uint8Array(await r.arrayBuffer());
    return [r.status, r.headers.get('content-type'), String.fromCharCode(...bytes.slice(0, 5))];
  }, await link.getAttribute('href'));
  assert.deepEqual([status, type, magic], [200, 'application/pdf', '%PDF-']);
});

test('searching 消防 finds pages under the sub-path', async () => {
  await page.goto(`${base}search.html?q=${encodeURIComponent('消防')}`);
  const first = page.locator('.pagefind-ui__result-link').first();
  await first.waitFor({ timeout: 15000 });
  assert.ok(await page.locator('.pagefind-ui__result').count() >= 3, 'several results');
  const href = new URL(await first.getAttribute('href'), page.url());
  assert.ok(href.pathname.startsWith(prefix), `a result's address keeps the sub-path: ${href}`);
  await first.click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.match(await page.locator('main').innerText(), /消防/);
});

test('an unknown address, at any depth, gives the 404 page with working links', async () => {
  for (const path of ['nowhere.html', 'institutions/nowhere/deep/page.html']) {
    const response = await page.goto(base + path);
    assert.equal(response.status(), 404, path);
    await page.getByRole('heading', { level: 1, name: '页面未找到' }).waitFor();
    assert.equal(await page.locator('.masthead').evaluate((m) => getComputedStyle(m).backgroundColor), 'rgb(143, 29, 29)', 'styled');
    assert.deepEqual(await broken(await addresses()), [], `the links of the 404 page at ${path}`);
  }
  await page.getByRole('link', { name: '返回首页' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, `${prefix}index.html`);
});

test('every link on the main pages resolves', async () => {
  for (const path of ['', 'institutions/wsq-hospital/index.html', 'institutions/wsq-hospital/posts/electrician.html',
    'institutions/wsq-hospital/display.html', 'institutions/wsq-hospital/hazards.html',
    'campaigns/lyg-120-2016/index.html', 'campaigns/lyg-120-2016/launch.html', 'pages/notices/wwjf-2022-124.html']) {
    await page.goto(base + path);
    const urls = await addresses();
    assert.ok(urls.length > 5, `${path}: links found`);
    assert.ok(urls.every((u) => new URL(u).pathname.startsWith(prefix)), `${path}: every link stays under ${prefix}`);
    assert.deepEqual(await broken(urls), [], `${path}: broken links`);
  }
});

test('the sitemap gives the addresses under the sub-path', async () => {
  const response = await page.goto(`${base}sitemap.xml`);
  assert.equal(response.status(), 200);
  const xml = await response.text();
  assert.ok(xml.includes(`<loc>${base}institutions/wsq-hospital/index.html</loc>`), xml.slice(0, 400));
});
