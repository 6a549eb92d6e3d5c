// Every page type of the example site at two sizes, a desktop's (1280 × 800) and a phone's
// (390 × 844): nothing wider than the screen, the first screen photographed, and axe-core run on
// it (no violation of impact serious or critical). On the phone, also: tables as stacked rows or
// scrolling with their first column kept, the key figures on the first screen, the timeline's
// text at 12 px at least, and a table of contents on long pages.
// Run by tests/browser.rs against `safeduty serve` and against nginx under a sub-path:
//   SAFEDUTY_URL   the site's address, ending in / (http://127.0.0.1:43123/safety/)
//   SCREENSHOTS    folder for the screenshots: they go to its pages/ folder
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { open } from './chromium.mjs';
import { violations } from './axe.mjs';

const base = process.env.SAFEDUTY_URL;
const shots = `${process.env.SCREENSHOTS}/pages`;
const sizes = [['', 1280, 800], ['-phone', 390, 844]];

// One page of each type (the example's), and what the type must show on a phone's first screen.
const types = [
  { name: 'home', path: 'index.html', first: '.stats' },
  { name: 'institution', path: 'institutions/wsq-hospital/index.html', first: 'nav.toc' },
  { name: 'signing', path: 'institutions/wsq-tuke/index.html' },
  { name: 'department', path: 'institutions/wsq-hospital/departments/power-room.html' },
  { name: 'card', path: 'institutions/wsq-hospital/posts/electrician.html', first: '.facts' },
  { name: 'person', path: 'institutions/wsq-hospital/people/bai-guilan.html' },
  { name: 'roster', path: 'institutions/wsq-hospital/people.html', first: 'nav.toc li', long: true },
  { name: 'rosters', path: 'people.html' },
  { name: 'displays', path: 'displays.html' },
  { name: 'display', path: 'institutions/wsq-hospital/display.html', first: 'nav.toc li', long: true },
  { name: 'campaigns', path: 'campaigns/index.html', first: 'table.stack tr:first-child' },
  { name: 'campaign', path: 'campaigns/lyg-120-2016/index.html', first: '.stats' },
  { name: 'phase', path: 'campaigns/lyg-120-2016/launch.html' },
  { name: 'matrix', path: 'campaigns/lyg-120-2016/matrix.html', first: 'table.matrix tbody tr:first-child' },
  { name: 'risks', path: 'institutions/wsq-hospital/risks.html' },
  { name: 'hazards', path: 'institutions/wsq-hospital/hazards.html', first: '.stats' },
  { name: 'hazards-year', path: 'institutions/wsq-hospital/hazards/2022.html', first: '.stats' },
  { name: 'bulletin', path: 'institutions/wsq-hospital/bulletins/2022-12.html', first: '.stats' },
  { name: 'page', path: 'pages/notices/wwjf-2022-124.html' },
  { name: 'search', path: `search.html?q=${encodeURIComponent('消防')}`, ready: '.pagefind-ui__result-link' },
  { name: '404', path: 'nowhere/at/all.html', status: 404 },
  { name: 'changes', path: 'changes.html', only: 'when the content is in git' },
];

let browser;
let page;

before(async () => {
  assert.ok(base, 'SAFEDUTY_URL is set');
  mkdirSync(shots, { recursive: true });
  ({ browser, page } = await open());
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().includes('nowhere')) page.errors.push(`${r.status()} ${r.url()}`); });
});

after(async () => { await browser?.close(); });

/** What a phone reader would miss on the page: cells off the screen, text under 12 px. */
function phoneProblems() {
  const problems = [];
  const width = window.innerWidth;
  for (const cell of document.querySelectorAll('main td, main th')) {
    const box = cell.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1 && !cell.closest('.scroll')) {
      problems.push(`a cell reaches ${Math.round(box.right)}px: ${cell.textContent.trim().slice(0, 30)}`);
      break;
    }
  }
  for (const el of document.querySelectorAll('body *:not(svg *)')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const box = el.getBoundingClientRect();
    if (own && box.width > 0 && parseFloat(getComputedStyle(el).fontSize) < 12) {
      problems.push(`text of ${getComputedStyle(el).fontSize}: ${el.textContent.trim().slice(0, 30)}`);
      break;
    }
  }
  for (const svg of document.querySelectorAll('main svg[viewBox]')) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text')) {
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < 12) { problems.push(`chart text of ${px.toFixed(1)}px: ${t.textContent.slice(0, 20)}`); break; }
    }
  }
  // Stacked tables name each value: the label comes from the column (data-label).
  for (const td of document.querySelectorAll('table.stack td[data-label]')) {
    const shown = getComputedStyle(td, '::before').content;
    if (getComputedStyle(td).display === 'table-cell' || !shown.includes(td.dataset.label)) {
      problems.push(`a stacked cell without its label: ${td.dataset.label}`);
      break;
    }
  }
  return problems;
}

for (const type of types) {
  test(`${type.name}: ${type.path}`, async (t) => {
    if (type.only && (await page.request.get(base + type.path)).status() === 404) {
      t.skip(`no ${type.path}: written only ${type.only}`);
      return;
    }
    for (const [suffix, width, height] of sizes) {
      await page.setViewportSize({ width, height });
      const response = await page.goto(base + type.path);
      assert.equal(response.status(), type.status ?? 200, type.path);
      await page.locator('h1').first().waitFor();
      if (type.ready) await page.locator(type.ready).first().waitFor({ timeout: 15000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${type.name}${suffix}: the page is ${overflow}px wider than the screen`);
      await page.screenshot({ path: `${shots}/${type.name}${suffix}.png` });
      const found = await violations(page);
      assert.deepEqual(found, [], `${type.name}${suffix}: axe finds\n  ${found.join('\n  ')}`);
      if (!suffix) continue;
      assert.deepEqual(await page.evaluate(phoneProblems), [], `${type.name} on a phone`);
      if (type.first) {
        const box = await page.locator(type.first).first().boundingBox();
        assert.ok(box && box.y + box.height <= height, `${type.name}: ${type.first} on the first screen (${JSON.stringify(box)})`);
      }
      if (type.long) {
        // A long page opens with its table of contents, whose every link leads somewhere on it.
        const targets = await page.locator('nav.toc a').evaluateAll((links) => links.map((a) => a.hash));
        assert.ok(targets.length >= 5, `${type.name}: a table of contents`);
        for (const hash of targets) {
          assert.equal(await page.locator(`[id="${decodeURIComponent(hash.slice(1))}"]`).count(), 1, hash);
        }
      }
    }
  });
}

test('on a phone the matrix scrolls sideways and keeps its units in view', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}campaigns/lyg-120-2016/matrix.html`);
  const unit = page.locator('table.matrix tbody th').first();
  const before = await unit.boundingBox();
  const scrolled = await page.locator('.scroll').evaluate((s) => { s.scrollLeft = 400; return s.scrollLeft; });
  assert.ok(scrolled > 50, `the table is wider than the screen and scrolls (${scrolled}px)`);
  const after = await unit.boundingBox();
  assert.ok(Math.abs(after.x - before.x) < 1, `the unit column stays (${before.x} → ${after.x})`);
  assert.ok(await page.locator('table.matrix thead th').last().evaluate((th) => th.getBoundingClientRect().right <= window.innerWidth + 1));
  await page.screenshot({ path: `${shots}/matrix-scrolled-phone.png` });
});

test('on a phone the timeline scrolls sideways at its drawn size, its links not inside an image', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}campaigns/lyg-120-2016/index.html`);
  const svg = page.locator('figure.timeline svg');
  assert.equal(await svg.getAttribute('role'), null);
  assert.ok((await svg.boundingBox()).width >= 900, 'drawn at its own width');
  assert.ok(await page.locator('.timeline .swipe').isVisible(), 'says it scrolls');
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.ok(!(await page.locator('.timeline .swipe').isVisible()), 'no need to scroll on a desktop');
});

test('no script errors or missing files on the pages visited', async () => {
  assert.deepEqual(page.errors, []);
});
