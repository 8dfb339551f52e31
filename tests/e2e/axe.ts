// Accessibility check for any page: axe-core's WCAG 2.0/2.1 A and AA rules.
import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';

/** Fails with a readable list (rule, impact, help, offending selectors) when axe finds violations. */
export async function expectNoAxeViolations(page: Page, context = '') {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe violations: ${context} at ${page.url()}`).toEqual([]);
}
