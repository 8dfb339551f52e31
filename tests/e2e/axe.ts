// Accessibility check for any page: axe-core's WCAG 2.0/2.1 A and AA rules,
// in the light and the dark colour scheme (contrast differs between them).
import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';

export type Scheme = 'light' | 'dark';

/** Runs axe once, in the scheme the page is emulating now. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Fails with a readable list (scheme, rule, impact, help, offending selectors)
 * when axe finds violations, in the page's current colour scheme and then in
 * the other one (`schemes` narrows that); the page is left in the scheme it
 * was in.
 */
export async function expectNoAxeViolations(page: Page, context = '', schemes: Scheme[] = ['light', 'dark']) {
  const current: Scheme = (await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)) ? 'dark' : 'light';
  const order = [...schemes].sort((a, b) => Number(b === current) - Number(a === current));
  const found: string[] = [];
  for (const scheme of order) {
    if (scheme !== current) await page.emulateMedia({ colorScheme: scheme });
    found.push(...(await violations(page)).map((v) => `[${scheme}] ${v}`));
  }
  if (order.some((s) => s !== current)) await page.emulateMedia({ colorScheme: current });
  expect(found, `axe violations: ${context} at ${page.url()}`).toEqual([]);
}
