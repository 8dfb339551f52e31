// The BlendVision One console: find sub-organizations by name, types and
// statuses, page through and come back with the back button; change a BVOne
// and a CXM organization's settings (each invalid value first); a reseller
// cannot reach another reseller's organizations; rename; axe.
// The only writer of Maple Street Theatre, Harbor Arts Market and Aurora Fitness.
import { Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations } from './fixtures';

const LUMEN = '9d1e6b0a-2f3c-4a5b-8c7d-1e2f3a4b5c6d';
const MAPLE = '5b0c0000-0000-4000-8000-000000000013';
const HARBOR = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

test.describe.configure({ mode: 'serial' });

async function openList(page: Page, email: string) {
  page.on('dialog', (d) => d.accept());
  await signIn(page, 'blendvision', email);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Sub-organizations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sub-organizations' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'organizations' })).toContainText(/\d+ organizations/);
}

const rows = (page: Page) => page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader') });

test('search, filter and page, then come back with the back button', async ({ page }) => {
  await openList(page, 'root@northwind.example.com');
  await expect(page.getByText('46 organizations')).toBeVisible();
  await expectNoAxeViolations(page, 'sub-organizations');

  await page.getByLabel('Search by name').fill('lumen');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Studio Lumen');
  await expect(page).toHaveURL(/q=lumen/);

  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(page.getByText('46 organizations')).toBeVisible();
  await expect(page.getByLabel('Search by name')).toHaveValue('');

  const types = page.getByRole('group', { name: 'Type' });
  const statuses = page.getByRole('group', { name: 'Status' });
  await types.getByLabel('Business').check();
  await statuses.getByLabel('Activated', { exact: true }).check();
  await statuses.getByLabel('Verifying', { exact: true }).check();
  await expect(page).toHaveURL(/types=ORGANIZATION_TYPE_BUSINESS/);
  await expect(page).toHaveURL(/statuses=ORGANIZATION_STATUS_ACTIVATED%2CORGANIZATION_STATUS_VERIFYING/);
  for (const status of await rows(page).locator('td:nth-child(3)').allTextContents()) {
    expect(['Activated', 'Verifying']).toContain(status);
  }
  const count = Number((await page.getByText(/^\d+ organizations/).textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThan(10);

  await page.getByLabel('Per page').selectOption('10');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/^Page 2 of \d+/)).toBeVisible();
  // The table says it is busy until the second page's rows replace the first's.
  await expect(page.locator('.table-wrap')).not.toHaveAttribute('aria-busy', 'true');
  const secondPage = await rows(page).locator('th').allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);

  // Open one, then back: the same filters and page.
  await rows(page).first().getByRole('link').click();
  await expect(page.getByRole('link', { name: 'Back to sub-organizations' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/^Page 2 of \d+/)).toBeVisible();
  await expect(rows(page).locator('th')).toHaveText(secondPage);
  await expect(statuses.getByLabel('Verifying', { exact: true })).toBeChecked();

  // A bookmarked view opens as it was.
  await page.goto('/blendvision/sub-orgs?q=zzz');
  await expect(page.getByText('No organization matches this search and these filters.')).toBeVisible();
});

test('a BVOne organization: each invalid value, then a valid save', async ({ page }) => {
  await openList(page, 'ops@northwind.example.com');
  await page.getByLabel('Search by name').fill('maple');
  await rows(page).first().getByRole('link', { name: 'Maple Street Theatre' }).click();
  await expect(page).toHaveURL(new RegExp(MAPLE));
  await expect(page.getByRole('heading', { level: 1, name: 'Maple Street Theatre' })).toBeVisible();
  await expect(page.getByText('Current contract')).toBeVisible();
  await expect(page.getByLabel('Marketplace')).toHaveCount(0);

  const siteLimit = page.getByLabel('Site limit');
  for (const [value, message] of [['51', 'Enter a whole number from 0 to 50.'], ['-1', 'Enter a whole number from 0 to 50.']]) {
    await siteLimit.fill(value);
    await siteLimit.blur();
    await expect(page.locator('[id="bs-site-limit-error"]')).toContainText(message);
  }
  const category = page.getByLabel('Category');
  await category.fill('c'.repeat(41));
  await category.blur();
  await expect(page.locator('[id="bs-category-error"]')).toContainText('Use at most 40 characters.');
  await page.getByLabel('Tax id').fill('123456789');
  await page.getByLabel('Length', { exact: false }).first().fill('121');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(4);
  await expectNoAxeViolations(page, 'business form with errors');

  await siteLimit.fill('12');
  await category.fill('Film');
  await page.getByLabel('Tax id').fill('1234');
  await page.getByLabel('Length', { exact: false }).first().fill('6');
  await page.getByLabel('Custom domain').selectOption({ label: 'Yes' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.save-bar__status')).toContainText('Last saved');
  await page.reload();
  await expect(siteLimit).toHaveValue('12');
  await expect(category).toHaveValue('Film');
  await expect(page.getByLabel('Custom domain')).toHaveValue('true');
  await expect(page.getByText(/6 months/)).toBeVisible();
});

test('a CXM organization shows only its marketplace address', async ({ page }) => {
  await openList(page, 'ops@northwind.example.com');
  await page.goto(`/blendvision/sub-orgs/${HARBOR}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Harbor Arts Market' })).toBeVisible();
  await expect(page.getByLabel('Site limit')).toHaveCount(0);
  const url = page.getByLabel('Marketplace URL');
  await url.fill('harbor.example.com/market');
  await url.blur();
  await expect(page.locator('[id="bs-marketplace-url-error"]')).toContainText('https://');
  await url.fill('https://harbor.example.com/market');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.save-bar__status')).toContainText('Last saved');
  await page.reload();
  await expect(url).toHaveValue('https://harbor.example.com/market');
  await page.locator('#lang-switch').selectOption('it');
  await expect(page.getByRole('heading', { level: 2, name: 'Impostazioni business e contratto' })).toBeVisible();
  await expectNoAxeViolations(page, 'cxm form in italian');
  await page.locator('#lang-switch').selectOption('en');
});

test('a reseller cannot reach another reseller\'s organizations', async ({ page }) => {
  await openList(page, 'ops@southbay.example.com');
  await expect(page.getByText('8 organizations')).toBeVisible();
  await page.getByLabel('Search by name').fill('Lumen');
  await expect(page.getByText('No organization matches this search and these filters.')).toBeVisible();
  await page.goto(`/blendvision/sub-orgs/${LUMEN}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Organization not found' })).toBeVisible();
  await expectNoAxeViolations(page, 'not found');
});

test('a business owner renames the organization and sees its plans', async ({ page }) => {
  page.on('dialog', (d) => d.accept());
  await signIn(page, 'blendvision', 'owner@aurorafitness.example.com');
  await expect(page.getByRole('heading', { level: 1, name: 'Aurora Fitness' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Plans' })).toContainText('BVOne');
  const name = page.getByLabel('Name', { exact: true });
  await name.fill('');
  await name.blur();
  await expect(page.locator('[id="org-name-error"]')).toContainText('This field is required.');
  await name.fill('Aurora Fitness Club');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aurora Fitness Club' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Aurora Fitness Club' })).toBeVisible();
  await expectNoAxeViolations(page, 'business organization with rename');
});
