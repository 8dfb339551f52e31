// axe on every admin page, in English and in Italian, each in the light and
// the dark colour scheme (expectNoAxeViolations checks both): landing, both sign-in
// forms (clean and with errors), the Open Badge profile and billing, the
// BlendVision overviews, sub-organizations and one with its form, and the
// account without an organization. The public page has its own checks
// in public-profile-and-logo.spec.ts; the 360 px overviews in language.spec.ts.
import { test, expect, expectNoAxeViolations, PASSWORD } from './fixtures';
import type { Page } from '@playwright/test';
import type { Dialect } from './pages';

const LANGS = {
  en: { signIn: 'Sign in', problem: 'There is a problem', noOrg: 'No organization', signOut: 'Sign out' },
  it: { signIn: 'Accedi', problem: "C'è un problema", noOrg: 'Nessuna organizzazione', signOut: 'Esci' },
} as const;

for (const [lang, t] of Object.entries(LANGS)) {
  test.describe(`axe in ${lang === 'en' ? 'English' : 'Italian'}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((l) => localStorage.setItem('orgdesk.lang', l), lang);
    });

    const signInAs = async (page: Page, dialect: Dialect, email: string) => {
      await page.goto(`/${dialect}/sign-in`);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: t.signIn, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${dialect}$`));
    };

    test('landing', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'orgdesk' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expectNoAxeViolations(page, `landing (${lang})`);
    });

    for (const dialect of ['openbadge', 'blendvision'] as const) {
      test(`${dialect} sign-in, clean and with errors`, async ({ page }) => {
        await page.goto(`/${dialect}/sign-in`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoAxeViolations(page, `${dialect} sign-in (${lang})`);
        await page.getByRole('button', { name: t.signIn, exact: true }).click();
        await expect(page.getByRole('alert').filter({ hasText: t.problem })).toBeVisible();
        await expectNoAxeViolations(page, `${dialect} sign-in with errors (${lang})`);
        await page.getByLabel('E-mail').fill('admin@valmarina.example.org');
        await page.getByLabel('Password').fill('not-the-password');
        await page.getByRole('button', { name: t.signIn, exact: true }).click();
        await expect(page.getByRole('alert').filter({ hasNotText: t.problem })).toBeVisible();
        await expectNoAxeViolations(page, `${dialect} sign-in, wrong password (${lang})`);
      });
    }

    test('open badge profile and billing', async ({ page }) => {
      await signInAs(page, 'openbadge', 'admin@valmarina.example.org');
      await expect(page.getByRole('heading', { level: 1, name: 'Ateneo di Valmarina' })).toBeVisible();
      await expect(page.getByRole('button', { name: t.signOut })).toBeVisible();
      await expectNoAxeViolations(page, `open badge profile (${lang})`);
      await page.goto('/openbadge/billing');
      await expect(page.locator('[id="billing_info.vat"]')).toHaveValue('IT01234567897');
      await expectNoAxeViolations(page, `open badge billing (${lang})`);
    });

    test('blendvision sub-organizations, one and its form', async ({ page }) => {
      await signInAs(page, 'blendvision', 'ops@northwind.example.com');
      await page.goto('/blendvision/sub-orgs');
      await expect(page.getByRole('table')).toBeVisible();
      await expectNoAxeViolations(page, `sub-organizations (${lang})`);
      await page.goto('/blendvision/sub-orgs/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
      await expect(page.getByRole('heading', { level: 1, name: 'Harbor Arts Market' })).toBeVisible();
      await expectNoAxeViolations(page, `sub-organization (${lang})`);
    });

    test('blendvision overviews: business and root', async ({ page }) => {
      await signInAs(page, 'blendvision', 'owner@lumen.example.com');
      await expect(page.getByRole('heading', { level: 1, name: 'Studio Lumen' })).toBeVisible();
      await expectNoAxeViolations(page, `blendvision business overview (${lang})`);
      await page.getByRole('button', { name: t.signOut }).click();
      await signInAs(page, 'blendvision', 'root@northwind.example.com');
      await expect(page.getByRole('heading', { level: 1, name: 'Northwind Media Group' })).toBeVisible();
      await expectNoAxeViolations(page, `blendvision root overview (${lang})`);
    });

    test('no organization', async ({ page }) => {
      await signInAs(page, 'blendvision', 'pending@northwind.example.com');
      await expect(page.getByRole('heading', { name: t.noOrg })).toBeVisible();
      await expectNoAxeViolations(page, `no organization (${lang})`);
    });
  });
}
