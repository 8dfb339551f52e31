import { test, expect, expectNoAxeViolations, signIn } from './fixtures';
import type { Browser, Page } from '@playwright/test';

const VALMARINA = '3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10';
const COSTA_EST = 'b1d7e0c4-5a2f-4e61-8c3d-7f90a1b2c3d4';

// These tests change Valmarina's switches: run them one after another, and
// leave the switches as the seed had them.
test.describe.configure({ mode: 'serial' });

async function openSwitches(page: Page) {
  await signIn(page, 'openbadge', 'admin@valmarina.example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  await page.getByRole('link', { name: 'Public profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Public profile' })).toBeVisible();
}

const sw = (page: Page, name: string) => page.getByRole('switch', { name });

/** A visitor who chose English, so the page reads like the admin's preview. */
async function englishVisitor(browser: Browser, baseURL?: string) {
  const context = await browser.newContext({ baseURL });
  await context.addInitScript(() => localStorage.setItem('orgdesk.lang', 'en'));
  return context;
}

test('a visitor sees the public profile without signing in, first in its language', async ({ page }) => {
  await page.goto(`/issuers/${VALMARINA}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  // The organization writes in Italian, so its page opens in Italian...
  await expect(page.getByRole('heading', { level: 2, name: 'Tipi di badge' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expectNoAxeViolations(page, 'public page in Italian');
  // ...until the visitor picks a language, which is remembered.
  await page.getByLabel('Lingua').selectOption({ label: 'English' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Badge types' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'English B2 — Speaking' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Learning paths' })).toHaveCount(0);
  await expect(page).toHaveTitle('Ateneo di Valmarina');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(ld.name).toBe('Ateneo di Valmarina');
  expect(ld.type).toBe('Profile');
  expect(ld.email).toBeUndefined();
  await expect(page.locator('body')).not.toContainText('IT01234567897');
  await expectNoAxeViolations(page, 'public page');
});

test('the raw HTML carries title, og tags and JSON-LD for crawlers', async ({ request }) => {
  const html = await (await request.get(`/issuers/${VALMARINA}`)).text();
  expect(html).toContain('<title>Ateneo di Valmarina</title>');
  expect(html).toContain('<meta property="og:title" content="Ateneo di Valmarina">');
  expect(html).toMatch(/<meta property="og:description" content="The Ateneo di Valmarina issues digital badges/);
  const ld = html.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1];
  expect(JSON.parse(ld).name).toBe('Ateneo di Valmarina');
});

test('a private organization gets the same page as an unknown one', async ({ page }) => {
  await page.goto(`/issuers/${COSTA_EST}`);
  await expect(page.getByRole('heading', { level: 1, name: 'This page is not available' })).toBeVisible();
  const privateText = await page.locator('main').textContent();
  await page.goto('/issuers/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1, name: 'This page is not available' })).toBeVisible();
  expect(await page.locator('main').textContent()).toBe(privateText);
  await expectNoAxeViolations(page, 'public page not available');
});

test('the public page reads well at 320 px', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, baseURL });
  await context.addInitScript(() => localStorage.setItem('orgdesk.lang', 'en'));
  const page = await context.newPage();
  await page.goto(`/issuers/${VALMARINA}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page, 'public page at 320 px');
  await context.close();
});

test('each switch changes the real public page, and the preview matches it', async ({ page, browser, baseURL }) => {
  await openSwitches(page);
  await expectNoAxeViolations(page, 'public profile switches');
  await expect(sw(page, 'Show learning paths')).toHaveAttribute('aria-checked', 'false');

  // Keyboard: Space on the focused switch.
  await sw(page, 'Show learning paths').focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(sw(page, 'Show learning paths')).toHaveAttribute('aria-checked', 'true');
  await sw(page, 'Show badge types').click();
  await expect(sw(page, 'Show badge types')).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const preview = page.locator('.preview-frame');
  await expect(preview.getByRole('heading', { name: 'Learning paths' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Badge types' })).toHaveCount(0);

  const visitor = await englishVisitor(browser, baseURL);
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/issuers/${VALMARINA}`);
  await expect(publicPage.getByRole('heading', { level: 2, name: 'Learning paths' })).toBeVisible();
  await expect(publicPage.getByRole('heading', { name: 'Badge types' })).toHaveCount(0);
  await expect(publicPage.getByRole('heading', { level: 3, name: 'Data Literacy Path' })).toBeVisible();
  const real = (await publicPage.locator('.public-profile').innerText()).replace(/\s+/g, ' ');
  const shown = (await preview.locator('.public-profile').innerText()).replace(/\s+/g, ' ');
  expect(shown).toBe(real);

  // Back as seeded.
  await sw(page, 'Show learning paths').click();
  await expect(sw(page, 'Show learning paths')).toHaveAttribute('aria-checked', 'false');
  await expect(sw(page, 'Show learning paths')).toBeEnabled();
  await sw(page, 'Show badge types').click();
  await expect(sw(page, 'Show badge types')).toHaveAttribute('aria-checked', 'true');
  await expect(sw(page, 'Show badge types')).toBeEnabled();
  await publicPage.reload();
  await expect(publicPage.getByRole('heading', { level: 2, name: 'Badge types' })).toBeVisible();
  await visitor.close();
});

test('turning the profile off hides the page and parks the section switches', async ({ page, browser, baseURL }) => {
  await openSwitches(page);
  await expect(page.getByRole('link', { name: 'Open the public page' })).toBeVisible();
  await sw(page, 'Public profile').click();
  await expect(sw(page, 'Public profile')).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByText('Turn on the public profile first')).toBeVisible();
  await expect(sw(page, 'Show badge types')).toBeDisabled();
  await expect(page.locator('.preview-frame')).toContainText('visitors see “This page is not available”');
  await expect(page.getByRole('link', { name: 'Open the public page' })).toHaveCount(0);

  const visitor = await englishVisitor(browser, baseURL);
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/issuers/${VALMARINA}`);
  await expect(publicPage.getByRole('heading', { level: 1, name: 'This page is not available' })).toBeVisible();

  await sw(page, 'Public profile').click();
  await expect(sw(page, 'Public profile')).toHaveAttribute('aria-checked', 'true');
  await expect(sw(page, 'Show badge types')).toBeEnabled();
  await publicPage.reload();
  await expect(publicPage.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  await visitor.close();
});

test('a failed save rolls the switch back and says so', async ({ page }) => {
  await openSwitches(page);
  await page.route('**/api/v1/issuers/organization', (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({ status: 500, contentType: 'application/json', body: '{"message":"Server Error"}' })
      : route.continue(),
  );
  await sw(page, 'Show badge templates').click();
  const alert = page.getByRole('alert').filter({ hasText: 'The change was not saved' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Something went wrong on the server');
  await expect(sw(page, 'Show badge templates')).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('.preview-frame').getByRole('heading', { name: 'Badges', exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'switches after a failed save');
});
