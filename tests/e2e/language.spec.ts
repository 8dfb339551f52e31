import { test, expect, expectNoAxeViolations, signIn, PASSWORD } from './fixtures';

test('the language switch changes every string and is remembered', async ({ page }) => {
  await page.goto('/openbadge/sign-in');
  await page.getByLabel('Language').selectOption({ label: 'Italiano' });
  await expect(page.getByRole('button', { name: 'Accedi' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Accedi a Open Badge' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Accedi' })).toBeVisible();
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('alert').filter({ hasText: "C'è un problema" })).toBeVisible();
  await expectNoAxeViolations(page, 'italian sign-in with errors');

  await page.getByLabel('E-mail').fill('admin@valmarina.example.org');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  for (const group of ['Identità', 'Descrizione', 'Indirizzo', 'Contatti']) {
    await expect(page.getByRole('group', { name: group })).toBeVisible();
  }
  await expect(page.getByLabel('Paese')).toHaveValue('IT');
  await expect(page.getByLabel('Paese').locator('option:checked')).toHaveText('Italia');
  // Dates in Italian, in the viewer's time zone (Europe/Rome: 09:15 UTC is 10:15).
  await expect(page.getByText(/4 marzo 2024.*10:15/)).toBeVisible();
  await expect(page.getByText('Pubblica amministrazione (locale o nazionale)').first()).toBeVisible();
  await expectNoAxeViolations(page, 'italian profile');
  await page.getByRole('link', { name: 'Fatturazione', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Abbonamento e crediti' })).toBeVisible();
  await expectNoAxeViolations(page, 'italian billing');
});

test.describe('first visit in an Italian browser', () => {
  test.use({ locale: 'it-IT' });
  test('defaults to Italian', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText('Scegli la piattaforma')).toBeVisible();
    await expectNoAxeViolations(page, 'italian landing');
  });
});

test.describe('narrow screen', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('overviews fit and stay accessible at 360 px', async ({ page }) => {
    await signIn(page, 'blendvision', 'ops@northwind.example.com');
    await expect(page.getByRole('heading', { level: 1, name: 'Northwind Media Reseller' })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, 'narrow blendvision overview');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'openbadge', 'admin@valmarina.example.org');
    await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, 'narrow open badge overview');
  });
});
