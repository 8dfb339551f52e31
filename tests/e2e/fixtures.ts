// The test object every spec uses: baseURL from the server global setup
// started, and a fresh English-speaking browser context.
import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Fails the test on any Content-Security-Policy violation or uncaught error
 * in `page`: the CSP must never have to block anything the app does.
 */
export async function watchPage(page: Page): Promise<() => void> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content[- ]Security[- ]Policy|Refused to|CSP violation/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => expect(problems, 'CSP violations or uncaught errors').toEqual([]);
}

export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(process.env.ORGDESK_E2E_URL);
  },
  page: async ({ page }, use) => {
    const check = await watchPage(page);
    await use(page);
    check();
  },
});
export { expect };

export const PASSWORD = 'orgdesk-demo';

/** Fails with a readable list when axe finds WCAG 2.1 A/AA violations. */
export async function expectNoAxeViolations(page: Page, context = '') {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const report = results.violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
  expect(results.violations, `axe violations ${context}\n${report}`).toEqual([]);
}

/** Page object for both sign-in forms. */
export async function signIn(page: Page, dialect: 'openbadge' | 'blendvision', email: string, password = PASSWORD) {
  await page.goto(`/${dialect}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Waits until the wasm app has rendered something into the body. */
export async function appReady(page: Page) {
  await page.locator('main#main').waitFor();
}
