import { test, expect, expectNoAxeViolations } from './fixtures';

const VALMARINA = '3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10';
const COSTA_EST = 'b1d7e0c4-5a2f-4e61-8c3d-7f90a1b2c3d4';

test('a visitor sees the public profile without signing in', async ({ page }) => {
  await page.goto(`/issuers/${VALMARINA}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Badge types' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'English B2 — Speaking' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Learning paths' })).toHaveCount(0);
  await expect(page).toHaveTitle('Ateneo di Valmarina');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(ld.name).toBe('Ateneo di Valmarina');
  expect(ld.email).toBeUndefined();
  await expect(page.locator('body')).not.toContainText('IT01234567897');
  await expectNoAxeViolations(page, 'public page');
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
