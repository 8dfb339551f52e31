// The production shape: the stateless web front (`--upstream-openbadge URL
// --upstream-blendvision URL`) serving the built app and proxying both APIs
// same-origin to a second reference server, which global-setup.ts started.
// The front keeps no state: everything here lives upstream.
import { test, expect, expectNoAxeViolations, signIn, sessionToken } from './fixtures';

test.use({ baseURL: process.env.ORGDESK_E2E_FRONT_URL });

const VALMARINA = '3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10';

test('an Open Badge admin signs in and saves through the front', async ({ page }) => {
  await signIn(page, 'openbadge', 'admin@costaest.example.net');
  await expect(page.getByRole('heading', { level: 1, name: 'Rete Volontari Costa Est' })).toBeVisible();
  await page.getByLabel('City').fill('Costa Est Marina');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.save-bar__status')).toContainText('Last saved');
  await page.reload();
  await expect(page.getByLabel('City')).toHaveValue('Costa Est Marina');
});

test('the public issuer page is rendered by the front from the upstream', async ({ page, request }) => {
  const html = await (await request.get(`/issuers/${VALMARINA}`)).text();
  expect(html).toContain('<title>Ateneo di Valmarina');
  expect(html).toMatch(/<meta property="og:title" content="Ateneo di Valmarina/);
  expect(html).toContain('application/ld+json');
  await page.goto(`/issuers/${VALMARINA}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  await expectNoAxeViolations(page, 'public page through the front');
  const missing = await request.get('/issuers/00000000-0000-4000-8000-000000000000');
  expect(missing.status()).toBe(404);
});

test('a BlendVision admin browses through the front, and the session renews itself', async ({ page, request }) => {
  // The upstream's tokens live 30 s (global-setup.ts): the app renews before expiry.
  test.setTimeout(90_000);
  await signIn(page, 'blendvision', 'ops@northwind.example.com');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Northwind');
  const token = () => sessionToken(page);
  const first = await token();
  await page.goto('/blendvision/sub-orgs');
  await expect(page.getByRole('link', { name: 'Maple Street Theatre' }).first()).toBeVisible();
  await expect.poll(token, { timeout: 45_000, intervals: [1_000] }).not.toBe(first);
  // Past the first token's life: still signed in, and the new token works.
  await page.waitForTimeout(10_000);
  await page.getByLabel('Search by name').fill('maple');
  await expect(page.getByRole('link', { name: 'Maple Street Theatre' }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: 'Maple Street Theatre' }).first()).toBeVisible();
  await expect(page.getByText('Your session has ended')).toHaveCount(0);
  expect((await request.get('/healthz')).status()).toBe(200);
  expect((await request.get('/readyz')).status()).toBe(200);
});
