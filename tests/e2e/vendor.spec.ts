// Both consoles against a backend that offers only what the platforms
// document: the reference server in vendor mode (`--api vendor`), started by
// global-setup.ts with its own database, serving the same build. The app
// learns what is missing from the 404/405 answers and stays useful: every page
// works, nothing reads "server error".
import { execFileSync } from 'node:child_process';
import { test, expect, expectNoAxeViolations, PASSWORD } from './fixtures';
import { png } from './png';

/** Northwind Media Reseller, ops@northwind's organization (crates/server/src/db/seed.rs). */
const NORTHWIND_RESELLER = '44c0ffee-0000-4000-8000-000000000002';
const SERVER = process.env.ORGDESK_SERVER ?? 'target/server/orgdesk-server';

test.use({ baseURL: process.env.ORGDESK_E2E_VENDOR_URL });
// One after another: they edit the same organizations.
test.describe.configure({ mode: 'serial' });

/** A token as the platform's console would issue it. */
function issueToken(platform: 'openbadge' | 'blendvision', email: string): string {
  const db = process.env.ORGDESK_E2E_VENDOR_DB!;
  return execFileSync(SERVER, ['issue-token', '--db', db, '--platform', platform, '--email', email]).toString().trim();
}

test('Open Badge: password sign-in is not offered, so the token form takes over', async ({ page }) => {
  await page.goto('/openbadge/sign-in');
  await page.getByLabel('E-mail').fill('admin@borgoalto.example.org');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('This server does not offer sign-in with e-mail and password')).toBeVisible();
  await expect(page.getByLabel('API token')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use e-mail and password instead' })).toHaveCount(0);
  await expect(page.getByText('Something went wrong on the server')).toHaveCount(0);
  await expectNoAxeViolations(page, 'token-only sign-in');
  // Remembered for the tab: a reload opens on the token form, with the line saying where tokens come from.
  await page.reload();
  await expect(page.getByLabel('API token')).toBeVisible();
  await expect(page.getByText('This server signs in with API tokens only')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use e-mail and password instead' })).toHaveCount(0);
});

test('Open Badge: profile, billing, switches, logo and statistics by API token', async ({ page }) => {
  await page.goto('/openbadge/sign-in');
  await page.getByRole('button', { name: 'Use an API token instead' }).click();
  await page.getByLabel('API token').fill(issueToken('openbadge', 'admin@borgoalto.example.org'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Istituto Borgo Alto' })).toBeVisible();

  // A documented key is saved and kept.
  await page.getByLabel('City').fill('Borgo Alto Superiore');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.save-bar__status')).toContainText('Last saved');
  await page.reload();
  await expect(page.getByLabel('City')).toHaveValue('Borgo Alto Superiore');

  // billing_info[legal_name] is not in the vendor's key list: answered 200, not kept, and said so.
  await page.getByRole('link', { name: 'Billing', exact: true }).click();
  const legal = page.getByLabel('Legal name');
  await legal.fill('Istituto Borgo Alto S.r.l. (new)');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.save-bar__status')).toContainText('Some changes were not kept by the server');
  await expect(page.getByText('The server did not keep this change.').first()).toBeVisible();
  await expect(legal).toHaveValue('Istituto Borgo Alto S.r.l. (new)');
  await expectNoAxeViolations(page, 'billing with a change not kept');

  // The same for a switch the vendor does not list: it goes back, with a reason.
  // (Leaving the billing form with the change still typed asks first: yes.)
  page.on('dialog', (d) => d.accept());
  await page.getByRole('link', { name: 'Public profile', exact: true }).click();
  const paths = page.getByRole('switch', { name: /learning paths/i });
  const before = await paths.getAttribute('aria-checked');
  if (await paths.isDisabled()) await page.getByRole('switch', { name: 'Public profile', exact: true }).click();
  await paths.click();
  await expect(page.getByText('The server did not keep this change')).toBeVisible();
  await expect(paths).toHaveAttribute('aria-checked', before ?? 'false');

  // A logo upload works; removal is not offered, and says so instead of failing.
  await page.getByRole('link', { name: 'Logo', exact: true }).click();
  await page.getByLabel('Choose an image').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(400, 400) });
  await page.getByRole('button', { name: 'Upload logo' }).click();
  await expect(page.getByText('Logo saved: all three sizes are ready.')).toBeVisible();
  const remove = page.getByRole('button', { name: 'Remove logo' });
  if (await remove.count()) {
    await remove.click();
    await page.getByRole('button', { name: 'Yes, remove' }).click();
  }
  await expect(page.getByText('This server cannot remove a logo')).toBeVisible();
  await expect(page.locator('.logo-sizes img')).toHaveCount(3);
  await expect(page.getByText('Something went wrong on the server')).toHaveCount(0);

  // Statistics: the figures from the organization record, the chart calmly unavailable.
  await page.getByRole('link', { name: 'Statistics', exact: true }).click();
  await expect(page.getByText('Badges per month are not available from this server')).toBeVisible();
  await expect(page.locator('.figures dd').first()).not.toHaveText('–');
  await expectNoAxeViolations(page, 'statistics without our bodies');
});

test('BlendVision: API token with organization id, then browse and edit a sub-organization', async ({ page }) => {
  await page.goto('/blendvision/sign-in');
  await page.getByRole('button', { name: 'Use an API token instead' }).click();
  await page.getByLabel('API token').fill(issueToken('blendvision', 'ops@northwind.example.com'));
  await page.getByLabel('Organization ID').fill('wrong-organization');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That API token cannot act for this organization')).toBeVisible();
  await expectNoAxeViolations(page, 'blendvision token sign-in refused');
  await page.getByLabel('Organization ID').fill(NORTHWIND_RESELLER);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Northwind');

  await page.goto('/blendvision/sub-orgs?q=maple');
  await page.getByRole('link', { name: 'Maple Street Theatre' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maple Street Theatre' })).toBeVisible();
  const category = page.getByLabel('Category');
  await category.fill('Theatre');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.save-bar__status')).toContainText('Last saved');
  await page.reload();
  await expect(category).toHaveValue('Theatre');
  // The whole business_setting went back: the other settings survived the vendor's replace.
  await expect(page.getByLabel('Site limit')).not.toHaveValue('');
});
