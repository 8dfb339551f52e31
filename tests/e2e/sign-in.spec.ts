import { test, expect, expectNoAxeViolations, signIn, sessionToken, PASSWORD } from './fixtures';

test('landing page offers both platforms', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'orgdesk' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open Badge' })).toHaveAttribute('href', '/openbadge/sign-in');
  await expect(page.getByRole('link', { name: 'BlendVision One' })).toHaveAttribute('href', '/blendvision/sign-in');
  await expectNoAxeViolations(page, 'landing');
  await page.getByRole('link', { name: 'Open Badge' }).click();
  await expect(page).toHaveURL(/\/openbadge\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Open Badge' })).toBeVisible();
  await expectNoAxeViolations(page, 'open badge sign-in');
});

test('empty submit shows the error summary, focused, and inline errors', async ({ page }) => {
  await page.goto('/openbadge/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Enter your e-mail address' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Enter your password' })).toBeVisible();
  await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
  // The same messages inline, tied to their fields.
  await expect(page.getByLabel('E-mail')).toHaveAccessibleDescription(/Enter your e-mail address/);
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/Enter your password/);
  await summary.getByRole('link', { name: 'Enter your password' }).click();
  await expect(page.getByLabel('Password')).toBeFocused();
  await expectNoAxeViolations(page, 'sign-in with errors');
});

test('wrong password says so and keeps the e-mail', async ({ page }) => {
  await signIn(page, 'openbadge', 'admin@valmarina.example.org', 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password' })).toBeVisible();
  await expect(page.getByLabel('E-mail')).toHaveValue('admin@valmarina.example.org');
  await expect(page).toHaveURL(/\/openbadge\/sign-in/);
  await expectNoAxeViolations(page, 'wrong password');
});

test('open badge admin reaches the profile with every group, and billing', async ({ page }) => {
  await signIn(page, 'openbadge', 'admin@valmarina.example.org');
  await expect(page).toHaveURL(/\/openbadge$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  for (const group of ['Identity', 'Description', 'Address', 'Contacts']) {
    await expect(page.getByRole('group', { name: group })).toBeVisible();
  }
  await expect(page.getByLabel('Region')).toHaveValue('Liguria');
  await expect(page.getByLabel('First name')).toHaveValue('Giulia');
  await expect(page.getByLabel('Type')).toHaveValue('public_local_national');
  await expect(page.getByText('Public administration (local or national)').first()).toBeVisible();
  await expect(page).toHaveTitle('Profile – Ateneo di Valmarina');
  await expectNoAxeViolations(page, 'open badge profile');

  await page.getByRole('link', { name: 'Billing', exact: true }).click();
  await expect(page.getByLabel('VAT number')).toHaveValue('IT01234567897');
  await expect(page.getByLabel('SDI destination code')).toHaveValue('UF1234');
  for (const text of ['420', '3,187']) {
    await expect(page.getByText(text, { exact: true }).first()).toBeVisible();
  }
  await expectNoAxeViolations(page, 'open badge billing');
});

test('an open badge admin can sign in with an API token instead', async ({ page, request }) => {
  const res = await request.post('/api/v1/auth/login', { data: { email: 'admin@costaest.example.net', password: PASSWORD } });
  const token = (await res.json()).data.token as string;
  await page.goto('/openbadge/sign-in');
  await page.getByRole('button', { name: 'Use an API token instead' }).click();
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rete Volontari Costa Est' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Use an API token instead' }).click();
  await page.getByLabel('API token').fill('not-a-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That API token was not accepted' })).toBeVisible();
});

test('blendvision business owner sees the organization, plan and owner', async ({ page }) => {
  await signIn(page, 'blendvision', 'owner@lumen.example.com');
  await expect(page).toHaveURL(/\/blendvision$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Studio Lumen' })).toBeVisible();
  for (const text of ['Activated', 'Northwind Media Reseller', 'BVOne', 'Media', 'Mei Lin', 'plan-bvone-pro']) {
    await expect(page.getByText(text, { exact: true }).first()).toBeVisible();
  }
  await expect(page.getByText('In use.')).toBeVisible();
  await expectNoAxeViolations(page, 'blendvision overview');
});

test('blendvision root sees the top of the hierarchy', async ({ page }) => {
  await signIn(page, 'blendvision', 'root@northwind.example.com');
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Media Group' })).toBeVisible();
  await expect(page.getByText('Root', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Top of the hierarchy')).toBeVisible();
});

test('an account without an organization gets an explanation, not an error dump', async ({ page }) => {
  await signIn(page, 'blendvision', 'pending@northwind.example.com');
  await expect(page.getByRole('heading', { name: 'No organization' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('{');
  await expect(page.locator('body')).not.toContainText('ERROR_REASON');
  await expectNoAxeViolations(page, 'no organization');
  await page.getByRole('button', { name: 'Sign in with another account' }).click();
  await expect(page).toHaveURL(/\/blendvision\/sign-in/);
});

test('sign out ends the session and guards the overview', async ({ page, request }) => {
  await signIn(page, 'openbadge', 'admin@valmarina.example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  const token = await sessionToken(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The token is revoked on the server, not only forgotten here.
  await expect.poll(async () => (await request.get('/api/v1/issuers/organization', { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
  await expect(page).toHaveURL(/\/openbadge\/sign-in/);
  await expect(page.getByRole('status').filter({ hasText: 'You have signed out.' })).toBeVisible();
  await page.goto('/openbadge');
  await expect(page).toHaveURL(/\/openbadge\/sign-in\?next=/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('a revoked token sends the admin back to sign in, then back to the page', async ({ page, request }) => {
  await signIn(page, 'openbadge', 'admin@valmarina.example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  const session = { token: await sessionToken(page) };
  const res = await request.post('/api/v1/auth/logout', { headers: { Authorization: `Bearer ${session.token}` } });
  expect(res.status()).toBe(204);
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'Your session has ended' })).toBeVisible();
  await expect(page).toHaveURL(/\/openbadge\/sign-in\?next=%2Fopenbadge/);
  await page.getByLabel('E-mail').fill('admin@valmarina.example.org');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/openbadge$/);
});

test('repeated wrong passwords lock the sign-in and the form says for how long', async ({ page }) => {
  // An e-mail no other test uses: the lock-out is by (address, e-mail), and every test signs in from 127.0.0.1.
  const email = 'lockout-e2e@valmarina.example.org';
  await page.goto('/openbadge/sign-in');
  await page.getByLabel('E-mail').fill(email);
  const submit = page.getByRole('button', { name: 'Sign in', exact: true });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('Password').fill(`wrong-${attempt}`);
    await submit.click();
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password' })).toBeVisible();
    await expect(submit).toBeEnabled();
  }
  await page.getByLabel('Password').fill(PASSWORD);
  await submit.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Too many attempts. Try again in 1 minute.' })).toBeVisible();
  await expect(page.getByLabel('E-mail')).toHaveValue(email);
  await expect(page).toHaveURL(/\/openbadge\/sign-in/);
});

test('signing out of BlendVision One revokes the token on the server', async ({ page, request }) => {
  await signIn(page, 'blendvision', 'ops@northwind.example.com');
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Media Reseller' })).toBeVisible();
  const token = await sessionToken(page);
  const asked = (t: string) => request.get('/bv/org/v1/organizations', { headers: { Authorization: `Bearer ${t}` } });
  expect((await asked(token)).status()).toBe(200);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/blendvision\/sign-in/);
  await expect.poll(async () => (await asked(token)).status()).toBe(401);
});
