// axe-core (from the npm registry, tests/e2e/package.json) run in the open page.
import { createRequire } from 'node:module';

const script = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** What fails the test: any violation of impact serious or critical, and skipped heading levels
 *  (impact moderate for axe, but named in issue 24). */
const failing = (v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order';

/** The page's failing violations, one line each: rule, impact, count and the first nodes. */
export async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: script });
  }
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, count: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return found.filter(failing).map((v) => `${v.id} (${v.impact}) ×${v.count}: ${v.targets.join(' | ')}`);
}
