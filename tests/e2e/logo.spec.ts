import { test, expect, expectNoAxeViolations, signIn } from './fixtures';
import { png } from './png';

const VALMARINA = '3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10';

test('an admin checks, uploads, sees and removes the logo', async ({ page, browser, baseURL }) => {
  await signIn(page, 'openbadge', 'admin@valmarina.example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  await page.getByRole('link', { name: 'Logo', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logo' })).toBeVisible();
  await expect(page.getByText('No logo yet.')).toBeVisible();
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

  const visitor = await browser.newContext({ baseURL });
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/issuers/${VALMARINA}`);
  const logo = publicPage.locator('img.public-profile__logo');
  await expect(logo).toBeVisible();
  expect(await logo.getAttribute('srcset')).toMatch(/\/media\/logos\/[0-9a-f]{16}-thumb\.png 128w/);
  await expectNoAxeViolations(publicPage, 'public page with a logo');

  await page.getByRole('button', { name: 'Remove logo' }).click();
  await expect(page.getByText('Remove the logo?')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(page.getByText('Logo removed.')).toBeVisible();
  await expect(page.getByText('No logo yet.')).toBeVisible();
  await publicPage.reload();
  await expect(publicPage.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  await expect(publicPage.locator('img.public-profile__logo')).toHaveCount(0);
  await visitor.close();
});
