// Page objects: the few steps every spec repeats, written with accessible locators.
import { Page } from '@playwright/test';

export type Dialect = 'openbadge' | 'blendvision';

/** Every demo account shares this password (see `orgdesk-server --seed demo`). */
export const PASSWORD = 'orgdesk-demo';

/** Opens the dialect's sign-in page and submits e-mail and password (English labels). */
export async function signIn(page: Page, dialect: Dialect, email: string, password = PASSWORD) {
  await page.goto(`/${dialect}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Waits until the wasm app has rendered something into the body. */
export async function appReady(page: Page) {
  await page.locator('main#main').waitFor();
}

/** The signed-in session's bearer token: kept per tab, or on the device when the admin chose so. */
export async function sessionToken(page: Page): Promise<string> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('orgdesk.session') ?? localStorage.getItem('orgdesk.session') ?? '{}').token as string);
}
