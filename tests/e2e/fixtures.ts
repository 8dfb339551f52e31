// The test object every spec uses: baseURL from the server global setup
// started, and a fresh English-speaking browser context.
import { test as base, expect, Page } from '@playwright/test';

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
  // Set by global-setup.ts, which started the server.
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

// Helpers live in their own files; specs import them all from here.
export { expectNoAxeViolations } from './axe';
export { signIn, appReady, sessionToken, PASSWORD } from './pages';
