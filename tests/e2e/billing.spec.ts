// Billing details for Italian e-invoices: each kind of mistake gets its own
// message on its own field, valid details are saved, and the subscription is
// shown read-only. The only writer of Cooperativa Ponte Verde.
import { Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations } from './fixtures';

const ADMIN = 'admin@ponteverde.example.org';

test.describe.configure({ mode: 'serial' });

async function openBilling(page: Page) {
  page.on('dialog', (d) => d.accept());
  await signIn(page, 'openbadge', ADMIN);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Billing', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Billing and subscription' })).toBeVisible();
  await expect(page.getByLabel('Legal name')).not.toHaveValue('');
}

/** Types `value` into the field labelled `label`, leaves it, and returns its message. */
async function messageFor(page: Page, id: string, value: string) {
  const input = page.locator(`[id="${id}"]`);
  await input.fill(value);
  await input.blur();
  return page.locator(`[id="${id}-error"]`);
}

test('each kind of mistake gets a message that says what to type', async ({ page }) => {
  await openBilling(page);
  const cases: [string, string, string][] = [
    ['billing_info.vat', 'IT03456789018', "This VAT number's check digit is wrong"],
    ['billing_info.vat', '0345678', 'Enter an Italian VAT number: 11 digits'],
    ['billing_info.fiscal_code', 'RSSMRA85T10A562X', "This fiscal code's check character is wrong"],
    ['billing_info.fiscal_code', 'RSSMRA85', 'Enter 16 letters and digits'],
    ['billing_info.fiscal_code', '03456789018', "This fiscal code's check character is wrong"],
    ['billing_info.code_dest', 'ABC12', 'Private organizations use a 7-character SDI code'],
    ['billing_info.email', 'fatture@', 'Enter an e-mail address in the format name@example.com.'],
    ['billing_info.legal_name', '', 'This field is required.'],
  ];
  for (const [id, value, message] of cases) {
    await expect(await messageFor(page, id, value), `${id} = ${value}`).toContainText(message);
    await expect(page.locator(`[id="${id}"]`)).toHaveAttribute('aria-invalid', 'true');
  }
  // 0000000 is fine with a PEC, and asks for one without.
  await page.locator('[id="billing_info.code_dest"]').fill('0000000');
  await expect(await messageFor(page, 'billing_info.certified_email', '')).toContainText('Enter a PEC address: it is required when the SDI code is 0000000.');
  await expect(page.locator('[id="billing_info.code_dest-error"]')).toContainText('0000000 needs a PEC address below');

  await page.getByRole('button', { name: 'Save changes' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(6);
  await expectNoAxeViolations(page);

  // The same messages in Italian.
  await page.locator('#lang-switch').selectOption('it');
  await expect(page.locator('[id="billing_info.certified_email-error"]')).toContainText('Inserisci un indirizzo PEC');
  await expect(page.locator('[id="billing_info.legal_name-error"]')).toContainText('Questo campo è obbligatorio.');
  await expectNoAxeViolations(page);
  await page.locator('#lang-switch').selectOption('en');
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.locator('.field__error')).toHaveCount(0);
});

test('valid details in any spelling are saved and shown after a reload', async ({ page }) => {
  await openBilling(page);
  await page.getByLabel('Legal name').fill('Cooperativa Sociale Ponte Verde');
  await page.getByLabel('VAT number').fill('it 0123 4567 897');
  await page.getByLabel('Fiscal code').fill('rssmra85t10a562s');
  await page.getByLabel('SDI destination code').fill('m5uxcr1');
  await page.getByLabel('Billing e-mail').fill('amministrazione@ponteverde.example.org');
  await page.getByLabel('Certified e-mail (PEC)').fill('ponteverde@pec.example.org');
  await expect(page.locator('.field__error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.save-bar__status')).toContainText('Last saved');

  await page.reload();
  await expect(page.getByLabel('Legal name')).toHaveValue('Cooperativa Sociale Ponte Verde');
  await expect(page.getByLabel('VAT number')).toHaveValue('IT01234567897');
  await expect(page.getByLabel('Fiscal code')).toHaveValue('RSSMRA85T10A562S');
  await expect(page.getByLabel('SDI destination code')).toHaveValue('M5UXCR1');
  await expect(page.getByLabel('Certified e-mail (PEC)')).toHaveValue('ponteverde@pec.example.org');
});

test('a foreign address asks for that country\'s VAT format', async ({ page }) => {
  await openBilling(page);
  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  await page.getByLabel('Country').selectOption('DE');
  await page.getByLabel('Postcode').fill('10115');
  // The stored Italian VAT number no longer fits a German address: the server says so.
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('DE');
  await page.getByRole('button', { name: 'Discard changes' }).click();
});

test('subscription and credits read at a glance, without Stripe identifiers', async ({ page }) => {
  await openBilling(page);
  const box = page.getByRole('region', { name: 'Subscription and credits' });
  await expect(box).toContainText('Active');
  await expect(box).toContainText('150');
  await expect(box).toContainText(/\d+ days left|ends today/);
  await expect(page.locator('body')).not.toContainText('cus_');
  await expect(page.locator('body')).not.toContainText('sub_');
});

test('billing details never reach the public page or its API', async ({ page, request }) => {
  const response = await request.get('/api/v1/public/organizations/c2e8f1d5-6b3a-4f72-9d4e-8a01b2c3d4e5');
  expect(response.status()).toBe(200);
  const body = await response.text();
  for (const secret of ['billing', '"vat"', 'fiscal', 'code_dest', 'pec.example', 'stripe', 'credits', 'Via ']) {
    expect(body, secret).not.toContain(secret);
  }
  await page.goto('/issuers/c2e8f1d5-6b3a-4f72-9d4e-8a01b2c3d4e5');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('IT0234');
});
