import { test, expect, expectNoAxeViolations, signIn, watchPage } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import { png } from './png';

const VALMARINA = '3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10';
const COSTA_EST = 'b1d7e0c4-5a2f-4e61-8c3d-7f90a1b2c3d4';

// These tests change Valmarina's switches and logo: they run one after
// another (in no other file), and leave Valmarina as the seed had it.
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
  // An Open Badges 2.0 Issuer: it publishes its general contact e-mail, nothing else private.
  expect(ld.type).toBe('Issuer');
  expect(ld.email).toBe('badge@valmarina.example.org');
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
  const checkPage = await watchPage(page);
  await page.goto(`/issuers/${VALMARINA}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page, 'public page at 320 px');
  checkPage();
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
  await expect(sw(page, 'Show badge types')).toBeEnabled();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const preview = page.locator('.preview-frame');
  await expect(preview.getByRole('heading', { name: 'Learning paths' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Badge types' })).toHaveCount(0);

  const visitor = await englishVisitor(browser, baseURL);
  const publicPage = await visitor.newPage();
  const checkVisitor = await watchPage(publicPage);
  await publicPage.goto(`/issuers/${VALMARINA}`);
  await expect(publicPage.getByRole('heading', { level: 2, name: 'Learning paths' })).toBeVisible();
  await expect(publicPage.getByRole('heading', { name: 'Badge types' })).toHaveCount(0);
  await expect(publicPage.getByRole('heading', { level: 3, name: 'Data Literacy Path' })).toBeVisible();
  const real = (await publicPage.locator('.public-profile').innerText()).replace(/\s+/g, ' ');
  const shown = (await preview.locator('.public-profile').innerText()).replace(/\s+/g, ' ');
  expect(shown).toBe(real);

  // The badge templates switch hides the badge cards.
  await sw(page, 'Show badge templates').click();
  await expect(sw(page, 'Show badge templates')).toHaveAttribute('aria-checked', 'false');
  await expect(sw(page, 'Show badge templates')).toBeEnabled();
  await publicPage.reload();
  await expect(publicPage.getByRole('heading', { level: 2, name: 'Badges', exact: true })).toHaveCount(0);
  await expect(publicPage.getByRole('heading', { level: 2, name: 'Learning paths' })).toBeVisible();
  await sw(page, 'Show badge templates').click();
  await expect(sw(page, 'Show badge templates')).toHaveAttribute('aria-checked', 'true');

  // Back as seeded.
  await sw(page, 'Show learning paths').click();
  await expect(sw(page, 'Show learning paths')).toHaveAttribute('aria-checked', 'false');
  await expect(sw(page, 'Show learning paths')).toBeEnabled();
  await sw(page, 'Show badge types').click();
  await expect(sw(page, 'Show badge types')).toHaveAttribute('aria-checked', 'true');
  await expect(sw(page, 'Show badge types')).toBeEnabled();
  await publicPage.reload();
  await expect(publicPage.getByRole('heading', { level: 2, name: 'Badge types' })).toBeVisible();
  checkVisitor();
  await visitor.close();
});

test('turning the profile off hides the page and parks the section switches', async ({ page, browser, baseURL }) => {
  await openSwitches(page);
  await expect(page.getByRole('link', { name: 'Open the public page' })).toBeVisible();
  await sw(page, 'Public profile').click();
  await expect(sw(page, 'Public profile')).toHaveAttribute('aria-checked', 'false');
  // Enabled again once the save has come back.
  await expect(sw(page, 'Public profile')).toBeEnabled();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByText('Turn on the public profile first')).toBeVisible();
  await expect(sw(page, 'Show badge types')).toBeDisabled();
  await expect(page.locator('.preview-frame')).toContainText('visitors see “This page is not available”');
  await expect(page.getByRole('link', { name: 'Open the public page' })).toHaveCount(0);

  const visitor = await englishVisitor(browser, baseURL);
  const publicPage = await visitor.newPage();
  const checkVisitor = await watchPage(publicPage);
  await publicPage.goto(`/issuers/${VALMARINA}`);
  await expect(publicPage.getByRole('heading', { level: 1, name: 'This page is not available' })).toBeVisible();

  await sw(page, 'Public profile').click();
  await expect(sw(page, 'Public profile')).toHaveAttribute('aria-checked', 'true');
  await expect(sw(page, 'Public profile')).toBeEnabled();
  await expect(sw(page, 'Show badge types')).toBeEnabled();
  await publicPage.reload();
  await expect(publicPage.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  checkVisitor();
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

test('an admin removes the seeded logo, checks, uploads and sees the new one', async ({ page, browser, baseURL }) => {
  await signIn(page, 'openbadge', 'admin@valmarina.example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  await page.getByRole('link', { name: 'Logo', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logo' })).toBeVisible();
  // The demo organization has a logo, in the three sizes.
  await expect(page.locator('.logo-sizes img')).toHaveCount(3);

  const visitor = await browser.newContext({ baseURL });
  const publicPage = await visitor.newPage();
  const checkVisitor = await watchPage(publicPage);
  await publicPage.goto(`/issuers/${VALMARINA}`);
  const logo = publicPage.locator('img.public-profile__logo');
  await expect(logo).toBeVisible();
  expect(await logo.getAttribute('srcset')).toMatch(/\/media\/logos\/[0-9a-f-]{36}\/[0-9a-f]{16}-thumb\.png 128w/);

  await page.getByRole('button', { name: 'Remove logo' }).click();
  await expect(page.getByText('Remove the logo?')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(page.getByText('Logo removed.')).toBeVisible();
  await expect(page.getByText('No logo yet.')).toBeVisible();
  await publicPage.reload();
  await expect(publicPage.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  await expect(publicPage.locator('img.public-profile__logo')).toHaveCount(0);
  // Without a logo, the initials stand in.
  await expect(publicPage.locator('.public-profile__monogram')).toHaveText('AV');
  await expectNoAxeViolations(publicPage, 'public page without a logo');
  await expectNoAxeViolations(page, 'logo page');

  const input = page.getByLabel('Choose an image');
  // Checked in the browser before any upload.
  await input.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
  await expect(page.getByText('This file is not a PNG, JPEG or WebP image')).toBeVisible();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.setInputFiles({ name: 'small.png', mimeType: 'image/png', buffer: png(150, 150) });
  await expect(page.getByText('smaller than 200 × 200 pixels')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Upload logo' })).toBeDisabled();
  await expectNoAxeViolations(page, 'logo page with an error');

  // A big file on a slow connection: progress moves, and cancelling changes nothing.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400 * 1024 });
  await input.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: png(1200, 1200, true) });
  await expect(page.getByText('Public page header')).toBeVisible();
  await page.getByRole('button', { name: 'Upload logo' }).click();
  const bar = page.locator('progress#upload-progress');
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(Number(await bar.getAttribute('value'))).toBeLessThan(100);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Upload cancelled: nothing was changed.')).toBeVisible();
  await expect(page.getByText('No logo yet.')).toBeVisible();
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  await input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(600, 400) });
  await page.getByRole('button', { name: 'Upload logo' }).click();
  await expect(page.getByText('Logo saved: all three sizes are ready.')).toBeVisible();
  const sizes = page.locator('.logo-sizes img');
  await expect(sizes).toHaveCount(3);
  const natural = await sizes.evaluateAll((imgs) =>
    Promise.all(imgs.map(async (img) => { await (img as HTMLImageElement).decode(); return [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]; })),
  );
  expect(natural).toEqual([[512, 341], [600, 400], [128, 85]]);

  // Valmarina is left with a logo, as seeded.
  await publicPage.reload();
  await expect(logo).toBeVisible();
  expect(await logo.getAttribute('srcset')).toMatch(/\/media\/logos\/[0-9a-f-]{36}\/[0-9a-f]{16}-thumb\.png 128w/);
  await expect(publicPage.locator('.public-profile__monogram')).toHaveCount(0);
  await expectNoAxeViolations(publicPage, 'public page with a logo');
  checkVisitor();
  await visitor.close();
});

test('without a profile inlined by the server, the page asks the API, says so when that fails, and tries again', async ({ page }) => {
  // The bare entry page, as a CDN serves dist/: no first paint and no profile inlined.
  const bare = await (await page.request.get('/public/index.html')).text();
  expect(bare).not.toContain('orgdesk-public-data');
  await page.route(`**/issuers/${VALMARINA}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: bare }));
  let down = true;
  await page.route('**/api/v1/public/organizations/*', (route) =>
    down ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"message":"maintenance"}' }) : route.fallback(),
  );
  await page.goto(`/issuers/${VALMARINA}`);
  await expect(page.getByRole('heading', { name: 'The organization could not be loaded' })).toBeVisible();
  await expect(page.getByText('maintenance')).toHaveCount(0);
  down = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
});
