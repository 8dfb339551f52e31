// Editing the organization's profile: every field group, server messages on
// their fields, drafts that survive reloads, failures and expired sessions,
// conflicts, sanitized descriptions, keyboard use and axe.
// The only writer of Istituto Borgo Alto; its tests run in order.
import { readFileSync } from 'node:fs';
import { Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations, sessionToken } from './fixtures';

const ADMIN = 'admin@borgoalto.example.org';
const ORG_ID = 'c2e8f1d5-6b3a-4f72-9d4e-8a01b2c3d4e5';

test.describe.configure({ mode: 'serial' });

async function openProfile(page: Page) {
  // Leaving with unsaved changes asks first; the tests always answer "leave".
  page.on('dialog', (d) => d.accept());
  await signIn(page, 'openbadge', ADMIN);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).not.toHaveValue('');
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save changes' }).click();
}

async function expectSaved(page: Page) {
  await expect(page.locator('.save-bar__status')).toContainText('Last saved');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
}

function token(page: Page): Promise<string> {
  return sessionToken(page);
}

/** Changes the organization behind the page's back, as another admin would. */
async function changeElsewhere(page: Page, form: Record<string, string>) {
  const response = await page.request.put('/api/v1/issuers/organization', {
    headers: { Authorization: `Bearer ${await token(page)}`, Accept: 'application/json' },
    form,
  });
  expect(response.status()).toBe(200);
}

test('every field group is edited and still there after a reload', async ({ page }) => {
  await openProfile(page);
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

  await page.getByLabel('Name', { exact: true }).fill('Istituto Borgo Alto Bergamo');
  await page.getByLabel('Type').selectOption('private_non_profit');
  await page.getByLabel('Activity').selectOption({ label: 'School' });
  await page.getByLabel('Website').fill('https://www.borgoalto.example.org/');
  await page.getByLabel('Language (optional)', { exact: true }).selectOption('en');

  const editor = page.getByRole('textbox', { name: 'Description' });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Vocational courses');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Bulleted list' }).click();
  await page.keyboard.type('Welding');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Electronics');
  await expect(page.locator('.editor__preview li')).toHaveCount(2);

  await page.getByLabel('Street').fill('Via Borgo Canale 12');
  await page.getByLabel('Postcode').fill('24129');
  await page.getByLabel('City').fill('Bergamo Alta');
  await page.getByLabel('Region').fill('Lombardy');
  await page.getByLabel('State or province').fill('BG');
  await page.getByLabel('Country').selectOption({ label: 'Italy' });

  await page.getByLabel('First name').fill('Chiara');
  await page.getByLabel('Last name').fill('Rota');
  await page.getByLabel('Mobile').fill('+39 347 123 4567');
  await page.getByLabel('E-mail (optional)', { exact: true }).fill('segreteria@borgoalto.example.org');
  await page.getByLabel('Technical e-mail').fill('tech@borgoalto.example.org');
  await page.getByLabel('Legal e-mail').fill('privacy@borgoalto.example.org');

  await save(page);
  await expectSaved(page);

  await page.reload();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Istituto Borgo Alto Bergamo');
  await expect(page.getByLabel('Type')).toHaveValue('private_non_profit');
  await expect(page.getByLabel('Activity')).toHaveValue('school');
  await expect(page.getByLabel('Website')).toHaveValue('https://www.borgoalto.example.org/');
  await expect(page.getByLabel('Language (optional)', { exact: true })).toHaveValue('en');
  await expect(editor.locator('li')).toHaveText(['Welding', 'Electronics']);
  await expect(page.getByLabel('Street')).toHaveValue('Via Borgo Canale 12');
  await expect(page.getByLabel('Postcode')).toHaveValue('24129');
  await expect(page.getByLabel('City')).toHaveValue('Bergamo Alta');
  await expect(page.getByLabel('Country')).toHaveValue('IT');
  await expect(page.getByLabel('Mobile')).toHaveValue('+39 347 123 4567');
  await expect(page.getByLabel('Legal e-mail')).toHaveValue('privacy@borgoalto.example.org');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Istituto Borgo Alto Bergamo');
});

test('browser rules show on their fields, in the summary, and in Italian', async ({ page }) => {
  await openProfile(page);
  const postcode = page.getByLabel('Postcode');
  await postcode.fill('2412');
  await postcode.blur();
  await expect(page.locator('[id="address_info.postcode-error"]')).toHaveText('Error:Italian postcodes are 5 digits, like 00184.');
  await expect(postcode).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Mobile').fill('347 123');
  await save(page);
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Italian postcodes are 5 digits, like 00184.',
    'Enter the number in international format: + and the country code, like +39 347 123 4567.',
  ]);
  // Keyboard: from the summary to the field it names.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(postcode).toBeFocused();
  await expectNoAxeViolations(page);

  await page.locator('#lang-switch').selectOption('it');
  await expect(page.locator('[id="address_info.postcode-error"]')).toContainText('Il CAP italiano è di 5 cifre, come 00184.');
  await page.locator('#lang-switch').selectOption('en');
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(postcode).toHaveValue('24129');
});

test('a message from the server lands on its field', async ({ page }) => {
  await openProfile(page);
  // The browser would refuse this website; slip it past to hear the server.
  await page.route('**/api/v1/issuers/organization', async (route) => {
    if (route.request().method() !== 'PUT') return route.fallback();
    const body = route.request().postData()!.replace(/website=[^&]*/, 'website=ftp%3A%2F%2Fborgoalto');
    await route.continue({ postData: body });
  });
  await page.getByLabel('Website').fill('https://borgoalto.example.org');
  await save(page);
  const website = page.getByLabel('Website');
  await expect(website).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('[id="website-error"]')).toContainText('http');
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link')).toHaveCount(1);
  await expect(website).toHaveValue('https://borgoalto.example.org');
  await page.unroute('**/api/v1/issuers/organization');
  await page.getByRole('button', { name: 'Discard changes' }).click();
});

test('leaving with unsaved changes asks first, and the draft waits', async ({ page }) => {
  await signIn(page, 'openbadge', ADMIN);
  await expect(page.getByLabel('Name', { exact: true })).not.toHaveValue('');
  await page.getByLabel('Last name').fill('Rota Bianchi');
  const answers = [false, true];
  const asked: string[] = [];
  page.on('dialog', async (d) => {
    asked.push(d.message());
    if (answers.shift()) await d.accept();
    else await d.dismiss();
  });
  const statistics = page.getByRole('navigation', { name: /organization/i }).getByRole('link', { name: 'Statistics' });
  await statistics.click();
  await expect(page).toHaveURL(/\/openbadge$/);
  await expect(page.getByLabel('Last name')).toHaveValue('Rota Bianchi');
  await statistics.click();
  await expect(page).toHaveURL(/\/openbadge\/statistics$/);
  expect(asked).toHaveLength(2);
  expect(asked[0]).toContain('unsaved changes');
  await page.goBack();
  await expect(page.getByLabel('Last name')).toHaveValue('Rota Bianchi');
  page.removeAllListeners('dialog');
  page.on('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByLabel('Last name')).toHaveValue('Rota');
});

test('the draft survives a network failure and a reload', async ({ page }) => {
  await openProfile(page);
  await page.route('**/api/v1/issuers/organization', (route) => (route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.fallback()));
  await page.getByLabel('City').fill('Bergamo Città Alta');
  await save(page);
  await expect(page.getByText('Not saved: no connection. Your changes are kept here.')).toBeVisible();
  await expect(page.getByLabel('City')).toHaveValue('Bergamo Città Alta');

  await page.reload();
  await expect(page.getByLabel('City')).toHaveValue('Bergamo Città Alta');
  await expect(page.getByText('Changes you had not saved yet were restored')).toBeVisible();

  await page.unroute('**/api/v1/issuers/organization');
  await save(page);
  await expectSaved(page);
  await page.reload();
  await expect(page.getByLabel('City')).toHaveValue('Bergamo Città Alta');
  await expect(page.getByText('Changes you had not saved yet were restored')).toHaveCount(0);
});

test('a server error keeps the typing, and signing out on purpose drops the draft', async ({ page }) => {
  await openProfile(page);
  await page.route('**/api/v1/issuers/organization', (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({ status: 500, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' })
      : route.fallback(),
  );
  await page.getByLabel('Technical e-mail').fill('helpdesk@borgoalto.example.org');
  await save(page);
  await expect(page.getByText('Not saved: the server had a problem. Your changes are kept here.')).toBeVisible();
  await expect(page.getByText('Bad Gateway')).toHaveCount(0);
  await expect(page.getByLabel('Technical e-mail')).toHaveValue('helpdesk@borgoalto.example.org');
  await page.unroute('**/api/v1/issuers/organization');
  // Signing out asks (the dialog handler says yes) and forgets the draft.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/openbadge\/sign-in/);
  await page.getByLabel('E-mail').fill(ADMIN);
  await page.getByLabel('Password').fill('orgdesk-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/openbadge$/);
  await expect(page.getByLabel('Name', { exact: true })).not.toHaveValue('');
  await expect(page.getByLabel('Technical e-mail')).not.toHaveValue('helpdesk@borgoalto.example.org');
  await expect(page.getByText('Changes you had not saved yet were restored')).toHaveCount(0);
});

test('a busy server (429) is waited for as Retry-After says, then the save goes through', async ({ page }) => {
  await openProfile(page);
  let calls = 0;
  await page.route('**/api/v1/issuers/organization', async (route) => {
    if (route.request().method() !== 'PUT') return route.fallback();
    calls += 1;
    if (calls === 1) {
      await route.fulfill({ status: 429, headers: { 'Retry-After': '2', 'Content-Type': 'application/json' }, body: '{"message":"Too Many Attempts."}' });
    } else {
      await route.fallback();
    }
  });
  await page.getByLabel('Region').fill('Lombardia');
  await save(page);
  await expect(page.getByText(/The server is busy: trying again in \d s/)).toBeVisible();
  await expectSaved(page);
  expect(calls).toBe(2);
});

test('a save with no answer times out after 15 s with a retry', async ({ page }) => {
  test.setTimeout(60_000);
  await openProfile(page);
  // The server never answers this PUT.
  await page.route('**/api/v1/issuers/organization', (route) => (route.request().method() === 'PUT' ? undefined : route.fallback()));
  await page.getByLabel('State or province').fill('Bergamo');
  await save(page);
  await expect(page.getByRole('button', { name: 'Saving…' })).toBeDisabled();
  await expect(page.getByText('Not saved: the server took too long to answer. Your changes are kept here.')).toBeVisible({ timeout: 20_000 });
  await page.unroute('**/api/v1/issuers/organization');
  await page.locator('.save-bar').getByRole('button', { name: 'Try again' }).click();
  await expectSaved(page);
  await expect(page.getByLabel('State or province')).toHaveValue('Bergamo');
});

test('an expired session mid-edit keeps the draft through signing in again', async ({ page }) => {
  await openProfile(page);
  await page.getByLabel('Street').fill('Via Colleoni 3');
  // The token is revoked elsewhere (signed out in another tab).
  const revoked = await page.request.post('/api/v1/auth/logout', { headers: { Authorization: `Bearer ${await token(page)}` } });
  expect(revoked.status()).toBe(204);
  await save(page);
  await expect(page).toHaveURL(/\/openbadge\/sign-in\?next=/);
  await expect(page.getByText(/session has ended/i)).toBeVisible();
  await page.getByLabel('E-mail').fill(ADMIN);
  await page.getByLabel('Password').fill('orgdesk-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Street')).toHaveValue('Via Colleoni 3');
  await save(page);
  await expectSaved(page);
});

test('a conflict shows both versions and the admin chooses', async ({ page }) => {
  await openProfile(page);
  await page.getByLabel('Name', { exact: true }).fill('Istituto Borgo Alto — mine');
  await page.getByLabel('First name').fill('Marta');
  // Another admin saves a second later (dates have whole seconds).
  await page.waitForTimeout(1100);
  await changeElsewhere(page, { name: 'Istituto Borgo Alto — theirs', 'contact_info[name]': 'Paolo', 'address_info[region]': 'Lombardia (IT)' });

  await save(page);
  const panel = page.getByRole('alert').filter({ hasText: 'Someone else changed this organization' });
  await expect(panel).toBeFocused();
  const name = panel.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Name', exact: true }) });
  await expect(name).toContainText('Istituto Borgo Alto — mine');
  await expect(name).toContainText('Istituto Borgo Alto — theirs');
  await name.getByRole('button', { name: 'Keep mine' }).click();
  await panel.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'First name', exact: true }) }).getByRole('button', { name: 'Use the saved one' }).click();
  await expect(panel).toHaveCount(0);
  // A field only they changed simply shows their value.
  await expect(page.getByLabel('Region')).toHaveValue('Lombardia (IT)');
  await save(page);
  await expectSaved(page);
  await page.reload();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Istituto Borgo Alto — mine');
  await expect(page.getByLabel('First name')).toHaveValue('Paolo');
});

test('keyboard only: type, format and save', async ({ page }) => {
  await openProfile(page);
  await page.getByLabel('Name', { exact: true }).focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' (BG)');
  // Tab through to the editor and make a word bold.
  await page.getByRole('textbox', { name: 'Description' }).focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('Since 2019');
  await page.keyboard.press('Control+B');
  await expect(page.locator('.editor__preview').locator('b, strong')).toHaveText('Since 2019');
  await page.getByLabel('Name', { exact: true }).focus();
  await page.keyboard.press('Enter');
  await expectSaved(page);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Istituto Borgo Alto — mine (BG)');
});

test('a description full of XSS vectors runs nothing, here or on the public page', async ({ page, context }) => {
  const corpus = readFileSync('tests/fixtures/xss-corpus.txt', 'utf8').split('\n').filter((l) => l.trim()).join('\n');
  await openProfile(page);
  // Pasted into the editor: only the allowlist arrives.
  const editor = page.getByRole('textbox', { name: 'Description' });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'pasted');
    document.getElementById('description')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, corpus);
  await save(page);
  await expectSaved(page);
  // Sent straight to the API as well: the server's sanitizer has the last word.
  await changeElsewhere(page, { description: corpus });
  for (const url of ['/openbadge', `/issuers/${ORG_ID}`]) {
    const view = url === '/openbadge' ? page : await context.newPage();
    await view.goto(url);
    await expect(view.getByRole('heading', { level: 1 })).toBeVisible();
    await view.waitForTimeout(500);
    expect(await view.evaluate(() => (window as any).__xss)).toBeUndefined();
    const handlers = await view.evaluate(() =>
      [...document.querySelectorAll('main *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    );
    expect(handlers, `${url}: elements with event handlers`).toBe(0);
    const badLinks = await view.evaluate(() =>
      [...document.querySelectorAll('main a[href]')].filter((a) => !/^(https?:|mailto:|\/|#)/i.test(a.getAttribute('href')!.trim())).length,
    );
    expect(badLinks, `${url}: links other than http(s)/mailto`).toBe(0);
    expect(await view.locator('main script, main iframe, main svg:not([aria-hidden]), main img[src^="x"]').count()).toBe(0);
  }
});

test('the profile and billing pages pass axe in both languages, also on a phone', async ({ page }) => {
  await openProfile(page);
  await expectNoAxeViolations(page);
  await page.locator('#lang-switch').selectOption('it');
  await expect(page.getByRole('group', { name: 'Indirizzo' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoAxeViolations(page);
  await page.goto('/openbadge/billing');
  await expect(page.getByRole('heading', { level: 1, name: 'Fatturazione e abbonamento' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.locator('#lang-switch').selectOption('en');
});
