// End-to-end test of the generated site in real headless Chromium (Debian's package), driven
// by playwright-core. Run by tests/browser.rs, which starts `safeduty serve` and passes:
//   SAFEDUTY_URL   the site's address, e.g. http://127.0.0.1:43123/
//   SCREENSHOTS    folder for the screenshots (target/screenshots)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './chromium.mjs';

const base = process.env.SAFEDUTY_URL;
const shots = process.env.SCREENSHOTS;
let browser;
let page;

before(async () => {
  assert.ok(base, 'SAFEDUTY_URL is set');
  ({ browser, page } = await open());
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().includes('nowhere')) errors.push(`${r.status()} ${r.url()}`); });
  page.errors = errors;
});

after(async () => { await browser?.close(); });

test('home lists the institutions and counts', async () => {
  await page.goto(base);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.match(await page.locator('.stats').innerText(), /个岗位/);
  assert.ok(await page.getByRole('link', { name: '乌审旗人民医院' }).isVisible());
  await page.screenshot({ path: `${shots}/home.png`, fullPage: true });
});

test('from home to a post duty card', async () => {
  await page.goto(base);
  await page.getByRole('link', { name: '乌审旗人民医院' }).click();
  await page.getByRole('heading', { level: 1, name: '乌审旗人民医院' }).waitFor();
  await page.getByRole('link', { name: '配电室' }).first().click();
  await page.getByRole('link', { name: '电工' }).first().click();
  await page.getByRole('heading', { level: 1, name: '电工' }).waitFor();
  const duties = page.locator('ol.duties > li');
  assert.ok(await duties.count() >= 10, 'numbered duties');
  assert.ok(await page.locator('.duty-post').count() >= 1, 'the post\'s own duties are marked');
  for (const h of ['责任范围', '安全生产职责', '考核标准', '奖惩办法']) {
    assert.ok(await page.getByRole('heading', { name: h }).isVisible(), h);
  }
  await page.screenshot({ path: `${shots}/card.png`, fullPage: true });
  // The printable card is linked, with the code printed on it.
  const href = await page.getByRole('link', { name: '岗位安全生产责任清单（PDF）' }).getAttribute('href');
  const [status, type, magic] = await page.evaluate(async (url) => {
    const r = await fetch(url);
    const bytes = new Uint8Array(await r.arrayBuffer());
    return [r.status, r.headers.get('content-type'), String.fromCharCode(...bytes.slice(0, 5))];
  }, href);
  assert.deepEqual([status, type, magic], [200, 'application/pdf', '%PDF-']);
  assert.match(await page.locator('.documents').innerText(), /校验码 [0-9A-Z]{4}-[0-9A-Z]{4}/);
});

test('the institution page shows who has signed', async () => {
  await page.goto(base);
  await page.getByRole('link', { name: '乌审旗图克镇卫生院' }).first().click();
  await page.getByRole('heading', { name: '层层签订安全生产责任书' }).waitFor();
  assert.ok(await page.locator('.status.outdated').count() >= 1, 'a letter signed for an older text');
  assert.ok(await page.locator('.status.unsigned').count() >= 1);
  await page.screenshot({ path: `${shots}/signing.png`, fullPage: true });
});

test('searching 隐患 from the masthead finds posts, and a result opens', async () => {
  await page.goto(base);
  await page.getByRole('searchbox', { name: '全文检索' }).fill('隐患');
  await page.keyboard.press('Enter');
  await page.waitForURL(/search\.html\?q=/);
  const results = page.locator('.pagefind-ui__result');
  await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15000 });
  assert.ok(await results.count() >= 3, 'several results');
  await page.screenshot({ path: `${shots}/search.png`, fullPage: false });
  const link = results.first().locator('a.pagefind-ui__result-link');
  const title = (await link.innerText()).trim();
  await link.click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.ok(!page.url().includes('search.html'), 'left the search page');
  assert.match(await page.locator('main').innerText(), /隐患/);
  assert.match(title, / · .+$/, 'result titles name the institution');
});

test('a multi-word query 应急演练 finds the principal duty', async () => {
  await page.goto(`${base}search.html?q=${encodeURIComponent('应急演练')}`);
  const first = page.locator('.pagefind-ui__result-link').first();
  await first.waitFor({ timeout: 15000 });
  await page.locator('.pagefind-ui__result-excerpt mark').first().waitFor();
  assert.match(await page.locator('.pagefind-ui__results').innerText(), /演练/);
});

// What a safety officer types, and the page that must come first. Every result is read through
// Pagefind's own API (all of them, not the first page the UI shows).
const WANTED = [
  ['消防', /posts\/fire-control-operator\.html$/],
  ['隐患', /hazards\.html$/],
  ['危险化学品', /posts\/chemicals-keeper\.html$/],
  ['张宇', /people\/zhang-yu\.html$/],
  ['电工', /posts\/electrician\.html$/],
];

async function everyResult(query) {
  return page.evaluate(async (q) => {
    const pagefind = await import(new URL('pagefind/pagefind.js', location.href).href);
    const search = await pagefind.search(q);
    const data = await Promise.all(search.results.map((r) => r.data()));
    return data.map((d) => ({ url: d.url, title: d.meta.title, excerpt: d.excerpt.replace(/<\/?mark>/g, ''), kind: (d.filters['类型'] || [])[0] }));
  }, query);
}

test('search: each text is one result, and the first is the post, person or ledger wanted', async () => {
  await page.goto(`${base}search.html`);
  for (const [query, first] of WANTED) {
    const results = await everyResult(query);
    assert.ok(results.length > 0, query);
    assert.match(results[0].url, first, `${query}: ${results.slice(0, 3).map((r) => r.title).join(' / ')}`);
    // A category's duties are printed on every post of the category and indexed once, on the
    // category's page; a letter once, on its signer's page; a risk once, on its post's. Only the
    // content's own documents (a notice, a campaign) may quote a sentence that a duty repeats.
    // Excerpts read as Chinese: no ". " that pagefind puts after a block ending in a letter.
    for (const r of results) assert.doesNotMatch(r.excerpt, /[\u4e00-\u9fff]\. /, `${query}: ${r.excerpt}`);
    const seen = new Map();
    for (const r of results.filter((r) => r.kind !== '文件' && r.kind !== '专项行动')) {
      assert.ok(!seen.has(r.excerpt), `${query}: "${r.excerpt}" on ${r.url} and ${seen.get(r.excerpt)}`);
      seen.set(r.excerpt, r.url);
    }
  }
  // The security chief is among the first for 消防 (not behind people who only hold a title).
  const fire = await everyResult('消防');
  assert.ok(fire.slice(0, 3).some((r) => r.url.endsWith('posts/security-chief.html')), fire.slice(0, 3).map((r) => r.title).join(' / '));
});

// A phrase ends at a space, a Chinese mark that closes a phrase or the middle dot of a title;
// one begins after those or at an opening bracket.
const ENDS = /[\s，。；：、！？）」』】》·]/;
const OPENS = /[（「『【《]/;

test('search: excerpts begin and end at whole phrases, never inside a name', async () => {
  for (const query of [...WANTED.map(([q]) => q), '应急演练', '排查']) {
    await page.goto(`${base}search.html?q=${encodeURIComponent(query)}`);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15000 });
    // Every excerpt of every result and sub-result, as the page's search.js tidies them, with
    // the page's whole text to find it in.
    const excerpts = await page.evaluate(async (q) => {
      const pagefind = await import(new URL('pagefind/pagefind.js', location.href).href);
      await pagefind.options({ excerptLength: 36, excerptEllipsis: safedutySearch.ELLIPSIS });
      const search = await pagefind.search(q);
      const data = await Promise.all(search.results.map((r) => r.data()));
      return data.flatMap((d) => [d, ...d.sub_results].map((x) => ({
        url: x.url, html: safedutySearch.tidy(x.excerpt, d.content), content: d.content.replace(/\u200B/g, ''),
      })));
    }, query);
    assert.ok(excerpts.length > 0, query);
    for (const { url, html, content } of excerpts) {
      const bare = html.replace(/^…/, '').replace(/…$/, '');
      const text = bare.replace(/<\/?mark>/g, '');
      const at = content.indexOf(text);
      assert.ok(at >= 0, `${query}: "${text}" is not in the text of ${url}`);
      const before = content[at - 1];
      const after = content[at + text.length];
      const cleanStart = at === 0 || ENDS.test(before) || OPENS.test(text[0]) || bare.startsWith('<mark>');
      const cleanEnd = after === undefined || ENDS.test(after) || OPENS.test(after) || ENDS.test(text.at(-1)) || bare.endsWith('</mark>');
      assert.ok(cleanStart, `${query}: ${url} excerpt starts inside a phrase: "${before}|${text}"`);
      assert.ok(cleanEnd, `${query}: ${url} excerpt ends inside a phrase: "${text}|${after}"`);
      assert.ok(!/^[\s·]/.test(text), `${query}: ${url} excerpt starts with a separator: "${text}"`);
    }
    // The page shows them so: each excerpt on screen is one of those.
    const tidied = new Set(excerpts.map((e) => e.html.replace(/<\/?mark>/g, '')));
    for (const shown of await page.locator('.pagefind-ui__result-excerpt').allInnerTexts()) {
      assert.ok(tidied.has(shown.trim()), `${query}: the page shows "${shown}"`);
    }
  }
  await page.screenshot({ path: `${shots}/search-excerpts.png`, fullPage: false });
});

test('search: a duty held by many posts is one result that leads to its posts, by institution', async () => {
  await page.goto(`${base}search.html?q=${encodeURIComponent('班前班后的交接')}`);
  const results = page.locator('.pagefind-ui__result');
  await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15000 });
  // Printed on all 34 employees' cards; one result (the notice it comes from is another document).
  const urls = (await everyResult('班前班后的交接')).map((r) => r.url);
  assert.match(urls[0], /categories\/employee\.html$/);
  assert.ok(!urls.some((u) => u.includes('/posts/')), urls.join(' '));
  // Filters by institution, kind and department.
  const filters = await page.locator('.pagefind-ui__filter-name').allInnerTexts();
  for (const name of ['单位', '类型', '部门']) assert.ok(filters.some((f) => f.includes(name)), `${name} in ${filters}`);
  await page.screenshot({ path: `${shots}/search-duty.png`, fullPage: false });
  await results.first().locator('a.pagefind-ui__result-link').click();
  await page.getByRole('heading', { level: 1, name: '从业人员安全生产职责' }).waitFor();
  const holders = page.getByRole('heading', { name: /承担这些职责的岗位/ });
  assert.match(await holders.innerText(), /（\d+ 个）/);
  assert.ok(await page.getByRole('heading', { level: 3, name: '乌审旗人民医院' }).isVisible());
  await page.getByRole('link', { name: '电工', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: '电工' }).waitFor();
  // The post's card leads back to its category.
  assert.ok(await page.locator('main').getByRole('link', { name: '从业人员', exact: true }).first().isVisible());
});

test('the campaign: timeline, a phase with its tasks, the matrix', async () => {
  await page.goto(base);
  await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '专项行动' }).click();
  await page.getByRole('link', { name: '落实医疗卫生计生单位安全生产主体责任专项行动' }).click();
  await page.getByRole('heading', { level: 1, name: '落实医疗卫生计生单位安全生产主体责任专项行动' }).waitFor();
  // The timeline is an inline SVG: three phases, one row per task.
  const svg = page.locator('figure.timeline svg');
  assert.equal(await svg.locator('rect.tl-phase').count(), 3);
  assert.equal(await svg.locator('path.tl-deadline').count(), 11);
  const box = await svg.boundingBox();
  assert.ok(box.width > 600 && box.height > 200, `the chart is drawn (${box.width}×${box.height})`);
  await page.screenshot({ path: `${shots}/campaign.png`, fullPage: true });
  // A task's row in the chart leads to the task on its phase page.
  await svg.locator('a[href*="#task-registration"]').click();
  await page.getByRole('heading', { level: 1, name: /全面启动阶段/ }).waitFor();
  assert.match(await page.locator('#task-registration').innerText(), /企业安全生产基本情况登记表/);
  const evidence = page.getByRole('link', { name: '企业安全生产基本情况登记表', exact: true });
  const status = await page.evaluate(async (url) => (await fetch(url)).status, await evidence.getAttribute('href'));
  assert.equal(status, 200, 'the evidence file is published');
  await page.getByRole('link', { name: '主体责任专项行动' }).first().click();
  await page.getByRole('link', { name: '落实情况检查表' }).click();
  // count() does not wait: wait for the matrix page itself.
  await page.getByRole('heading', { level: 1, name: /落实情况检查表/ }).waitFor();
  await page.locator('table.matrix tbody tr').first().waitFor();
  assert.equal(await page.locator('table.matrix tbody tr').count(), 13, 'one row per participating unit');
  assert.equal(await page.locator('table.matrix thead th').count(), 8, 'unit, six items, total');
});

test('the hazard ledger: open first, overdue marked, a major hazard flagged; also on a phone', async () => {
  await page.goto(base);
  await page.getByRole('link', { name: '乌审旗人民医院' }).first().click();
  await page.getByRole('heading', { name: '隐患排查治理' }).waitFor();
  await page.getByRole('link', { name: '隐患排查治理台账' }).click();
  await page.getByRole('heading', { level: 1, name: '乌审旗人民医院隐患排查治理台账' }).waitFor();
  const open = page.locator('section').filter({ has: page.getByRole('heading', { name: /未整改的隐患/ }) }).locator('tbody tr');
  assert.equal(await open.count(), 4, 'four hazards open on the date of record');
  // The major hazard comes first, then by deadline; the two past their deadline are marked.
  assert.match(await open.first().innerText(), /重大[\s\S]*液氧储罐/);
  assert.equal(await open.locator('.state.overdue', { hasText: /逾期 \d+ 天/ }).count(), 2);
  await page.screenshot({ path: `${shots}/hazards.png`, fullPage: false });
  // Each year is a page of its own; each month that ended has its bulletin.
  await page.getByRole('link', { name: '2022年台账' }).click();
  await page.getByRole('heading', { level: 1, name: '乌审旗人民医院2022年隐患排查治理台账' }).waitFor();
  assert.equal(await page.locator('table.ledger tbody tr').count(), 12, 'the twelve hazards found in 2022');
  await page.goBack();
  await page.getByRole('link', { name: '2022年12月', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /2022年12月事故隐患排查治理情况通报/ }).waitFor();
  assert.match(await page.locator('main').innerText(), /燃气泄漏报警器[\s\S]*逾期 11 天/);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: '乌审旗人民医院隐患排查治理台账' }).waitFor();
  // A department page shows its open hazards, linked into the ledger.
  await page.getByRole('link', { name: '锅炉房', exact: true }).first().click();
  await page.getByRole('heading', { name: /未整改的隐患/ }).waitFor();
  assert.match(await page.locator('main').innerText(), /燃气泄漏报警器[\s\S]*逾期 21 天/);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: '乌审旗人民医院隐患排查治理台账' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page fits a phone's width (overflows by ${overflow}px)`);
  await page.screenshot({ path: `${shots}/hazards-phone.png`, fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('the risk register in four colours, and the risks on a post card', async () => {
  await page.goto(base);
  await page.getByRole('link', { name: '乌审旗人民医院' }).first().click();
  await page.getByRole('link', { name: '安全风险分级管控清单' }).click();
  await page.getByRole('heading', { level: 1, name: '乌审旗人民医院安全风险分级管控清单' }).waitFor();
  // The department × grade table: 供氧站 has its major risk in the red column.
  const row = page.locator('.risk-grid tr', { hasText: '供氧站' });
  assert.equal(await row.locator('td.cell-major').innerText(), '1');
  assert.equal(await page.locator('.risk-grid td.cell-major').count(), 1, 'one major risk in the hospital');
  await page.screenshot({ path: `${shots}/risks.png`, fullPage: false });
  // The major risk names the post it belongs to; its card lists it first, with all four controls.
  await page.locator('.risk-list tr.risk-major a', { hasText: '供氧' }).first().click();
  await page.getByRole('heading', { name: /岗位安全风险/ }).waitFor();
  const first = page.locator('.risks tbody tr').first();
  assert.match(await first.innerText(), /重大风险[\s\S]*4×5=20[\s\S]*液氧储罐/);
  for (const aspect of ['组织措施', '制度措施', '技术措施', '应急措施']) {
    assert.match(await first.innerText(), new RegExp(aspect));
  }
  assert.match(await first.innerText(), /单位级管控：副院长/);
  await page.locator('.risks').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/risk-card.png`, fullPage: false });
});

test('no script errors on the pages visited', async () => {
  assert.deepEqual(page.errors, []);
});
