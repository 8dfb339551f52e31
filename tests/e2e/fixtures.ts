// The test object every spec uses: baseURL from the server global setup
// started, and a fresh English-speaking browser context.
import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(process.env.ORGDESK_E2E_URL);
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
