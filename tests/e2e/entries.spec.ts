// Each visitor downloads only their part (issue 17): the landing page is plain
// HTML, each console its own entry point, and an address that is none of them
// is a 404 that says so.
import { test, expect, expectNoAxeViolations, signIn } from './fixtures';

test('the landing page is plain HTML: no wasm, no script file, in the chosen language', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const res = await page.goto('/');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 2, name: 'Choose your platform' })).toBeVisible();
  await expect(page.getByText('Page not found')).toBeHidden();
  expect(fetched.filter((p) => /\.(wasm|js)$/.test(p))).toEqual([]);
  // The language choice is the consoles' own: made here, it holds there.
  await page.getByLabel('Language').selectOption('it');
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(page.getByRole('heading', { level: 2, name: 'Scegli la piattaforma' })).toBeVisible();
  await expect(page.getByText('Choose your platform')).toBeHidden();
  await expectNoAxeViolations(page, 'landing, switched to Italian');
  await page.getByRole('link', { name: 'BlendVision One' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accedi a BlendVision One' })).toBeVisible();
  await page.goto('/');
  await expect(page.getByLabel('Lingua')).toHaveValue('it');
});

test('an address of no page is a 404 that says so and offers both platforms', async ({ page }) => {
  const res = await page.goto('/no/such/page');
  expect(res?.status()).toBe(404);
  await expect(page.getByText('Page not found: there is nothing at this address.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open Badge' })).toHaveAttribute('href', '/openbadge/sign-in');
  await expectNoAxeViolations(page, 'not found');
});

test('each console downloads only its own entry point', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await signIn(page, 'openbadge', 'admin@valmarina.example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
  const code = fetched.filter((p) => /\.(wasm|js|css)$/.test(p));
  expect(code.length).toBeGreaterThanOrEqual(3);
  expect(code.every((p) => p.startsWith('/openbadge/')), code.join(', ')).toBe(true);

  fetched.length = 0;
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'blendvision', 'ops@northwind.example.com');
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Media Reseller' })).toBeVisible();
  const bv = fetched.filter((p) => /\.(wasm|js|css)$/.test(p));
  expect(bv.some((p) => p.endsWith('.wasm')), bv.join(', ')).toBe(true);
  expect(bv.every((p) => p.startsWith('/blendvision/')), bv.join(', ')).toBe(true);
});

test('every entry page names its icon, and the icon is there', async ({ page, request }) => {
  for (const path of ['/', '/openbadge/sign-in', '/blendvision/sign-in', '/issuers/3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10']) {
    await page.goto(path);
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href, path).toMatch(/\/favicon-[0-9a-f]+\.svg$/);
    const icon = await request.get(href!);
    expect(icon.status(), path).toBe(200);
    expect(icon.headers()['content-type'], path).toBe('image/svg+xml');
  }
});
