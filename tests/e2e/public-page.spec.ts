// The public issuer page as a visitor on a 320 px phone meets it, in the light
// and the dark colour scheme: an organization with a logo and badge images,
// one without images, a 200-character name and a 20,000-character
// description. Each: no sideways scrolling, the whole name wraps inside the
// page, every image has width and height (nothing jumps while it loads), axe
// passes, and printing hides the header tools and writes links out.
//
// The long name and description are saved through the API, so these tests
// run against their own server with its own throwaway database (started in
// beforeAll, like global-setup.ts does for the suite): no other spec sees
// the changed organizations, and nothing needs restoring.
import { test, expect, watchPage } from './fixtures';
import { expectNoAxeViolations } from './axe';
import type { APIRequestContext, Browser } from '@playwright/test';
import { request as apiRequest } from '@playwright/test';
import { spawn, ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PASSWORD } from './pages';

const SERVER = process.env.ORGDESK_SERVER ?? 'target/server/orgdesk-server';
const DIST = process.env.ORGDESK_DIST ?? 'dist';
const ORGS = {
  valmarina: '3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10',
  borgoAlto: 'c2e8f1d5-6b3a-4f72-9d4e-8a01b2c3d4e5',
  ponteVerde: 'd3f9a2e6-7c4b-4a83-8e5f-9b12c3d4e5f6',
  costaEst: 'b1d7e0c4-5a2f-4e61-8c3d-7f90a1b2c3d4',
};
const ADMINS: Record<string, string> = {
  [ORGS.valmarina]: 'admin@valmarina.example.org',
  [ORGS.borgoAlto]: 'admin@borgoalto.example.org',
  [ORGS.ponteVerde]: 'admin@ponteverde.example.org',
  [ORGS.costaEst]: 'admin@costaest.example.net',
};

// 200 characters, with one 63-character hyphenated word that only breaks where CSS lets it.
const LONG_NAME =
  'Associazione-Regionale-per-la-Formazione-Permanente-degli-Adulti ' +
  'Consorzio delle Università, delle Scuole Superiori e dei Centri di Ricerca della Valle ' +
  'per i Badge Digitali e le Competenze Certificate';

/** 20,000 characters of HTML: paragraphs, a list, links (one with a very long URL). */
function longDescription(): string {
  const sentence = 'Our courses lead to digital badges that employers and schools can check at any time. ';
  const link = '<a href="https://catalogue.example.org/badges/lifelong-learning/languages-and-data-literacy/2026/spring-term/very-long-path-segment-without-breaks" rel="noopener noreferrer nofollow">the full catalogue</a>';
  let html = `<p>See ${link} for every course.</p><ul><li>Languages</li><li>Data literacy</li></ul>`;
  const paragraph = `<p>${sentence.repeat(8)}</p>`;
  while (html.length + paragraph.length <= 20_000 - 7) html += paragraph;
  return `${html}<p>${sentence.repeat(8).slice(0, 20_000 - html.length - 7)}</p>`;
}

let server: ChildProcess | undefined;
let dir = '';
let base = '';

/** Starts a server of our own on a free port with a fresh demo database. */
async function startServer(): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'orgdesk-public-page-'));
  server = spawn(SERVER, ['--bind', '127.0.0.1:0', '--seed', 'demo', '--db', join(dir, 'e2e.db'), '--dist', DIST], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('orgdesk-server printed no `listening on` line within 30 s')), 30_000);
    let seen = '';
    server!.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        server!.stdout!.resume();
        resolve(match[1]);
      }
    });
    server!.on('error', (e) => reject(e));
  });
}

/** Signs in as the organization's admin and saves `fields` (the console's form keys). */
async function save(api: APIRequestContext, org: string, fields: Record<string, string>) {
  const login = await api.post('/api/v1/auth/login', { data: { email: ADMINS[org], password: PASSWORD } });
  expect(login.ok()).toBeTruthy();
  const token = (await login.json()).data.token as string;
  const put = await api.put('/api/v1/issuers/organization', { headers: { authorization: `Bearer ${token}` }, form: fields });
  expect(put.ok(), await put.text()).toBeTruthy();
  return token;
}

type Public = { id: string; logo_path?: string | null; badge_templates?: { image_path?: string | null }[] };

/** The seeded organizations the public API shows. */
async function publicOrgs(api: APIRequestContext): Promise<Public[]> {
  const found: Public[] = [];
  for (const id of Object.values(ORGS)) {
    const res = await api.get(`/api/v1/public/organizations/${id}`);
    if (res.ok()) found.push((await res.json()).data);
  }
  return found;
}

const cases: Record<'withImages' | 'withoutImages' | 'longName' | 'longDescription', string | undefined> = {
  withImages: undefined,
  withoutImages: undefined,
  longName: ORGS.ponteVerde,
  longDescription: ORGS.costaEst,
};

test.beforeAll(async () => {
  base = await startServer();
  const api = await apiRequest.newContext({ baseURL: base });
  const shown = await publicOrgs(api);
  // With images: the seed gives every organization but one a logo, and badge templates images.
  cases.withImages = shown.find((o) => o.logo_path && (o.badge_templates ?? []).some((t) => t.image_path))?.id
    ?? shown.find((o) => o.logo_path)?.id;
  // Without: the one the seed leaves bare, or Borgo Alto (no badge templates) with its logo removed.
  cases.withoutImages = shown.find((o) => !o.logo_path && (o.badge_templates ?? []).every((t) => !t.image_path))?.id;
  if (!cases.withoutImages) {
    const token = await save(api, ORGS.borgoAlto, { 'settings[public_profile]': '1' });
    await api.delete('/api/v1/issuers/organization/logo', { headers: { authorization: `Bearer ${token}` } });
    cases.withoutImages = ORGS.borgoAlto;
  }
  await save(api, ORGS.ponteVerde, { name: LONG_NAME, 'settings[public_profile]': '1' });
  await save(api, ORGS.costaEst, { description: longDescription(), 'settings[public_profile]': '1' });
  await api.dispose();
});

test.afterAll(() => {
  server?.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens the page at 320 px in `scheme` as an English-speaking visitor, and checks it as every case must read. */
async function checkPage(browser: Browser, id: string, scheme: 'light' | 'dark', label: string) {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 320, height: 640 }, colorScheme: scheme });
  await context.addInitScript(() => localStorage.setItem('orgdesk.lang', 'en'));
  const page = await context.newPage();
  const checkErrors = await watchPage(page);
  const data: Public & { name: string } = (await (await page.request.get(`/api/v1/public/organizations/${id}`)).json()).data;
  await page.goto(`/issuers/${id}`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(data.name);
  // The app has taken the page over once the language switch is there.
  const tools = page.locator('.app-header__tools');
  await expect(tools.getByLabel('Language')).toBeVisible();

  // Nothing scrolls sideways, and the name wraps inside its box, all of it there.
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label}: page width`).toBeLessThanOrEqual(320);
  const box = await heading.evaluate((h) => ({
    scroll: h.scrollWidth,
    client: h.clientWidth,
    right: h.getBoundingClientRect().right,
    lines: Math.round(h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight)),
  }));
  expect(box.scroll, `${label}: the name fits its box`).toBeLessThanOrEqual(box.client);
  expect(box.right, `${label}: the name ends inside the page`).toBeLessThanOrEqual(320);

  // Width and height on every image, so the page does not move as they load.
  const images = await page.locator('main img').evaluateAll((imgs) => imgs.map((i) => [i.getAttribute('src'), i.getAttribute('width'), i.getAttribute('height')]));
  for (const [src, width, height] of images) {
    expect(Number(width), `${label}: width of ${src}`).toBeGreaterThan(0);
    expect(Number(height), `${label}: height of ${src}`).toBeGreaterThan(0);
  }

  await expectNoAxeViolations(page, `${label} (${scheme})`, [scheme]);

  // On paper: no skip link, no header tools; links written out.
  await page.emulateMedia({ media: 'print' });
  await expect(tools).toBeHidden();
  await expect(page.locator('.skip-link')).toBeHidden();
  const link = page.locator('main a[href^="http"]').first();
  if (await link.count()) {
    const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain(await link.getAttribute('href'));
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label}: printed width`).toBeLessThanOrEqual(320);
  checkErrors();
  await context.close();
  return { data, images, lines: box.lines };
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`public page at 320 px, ${scheme}`, () => {
    test('an organization with a logo and badge images', async ({ browser }) => {
      // The demo seed gives organizations logos and badge templates images (issue 16);
      // until it does, no organization has one to show.
      test.fixme(!cases.withImages, 'no seeded organization has a logo yet');
      const { images } = await checkPage(browser, cases.withImages!, scheme, 'with images');
      expect(images.length).toBeGreaterThan(0);
    });

    test('an organization without images', async ({ browser }) => {
      const { images } = await checkPage(browser, cases.withoutImages!, scheme, 'without images');
      expect(images.filter(([src]) => src?.includes('/media/logos/'))).toEqual([]);
    });

    test('a 200-character name', async ({ browser }) => {
      const { data, lines } = await checkPage(browser, cases.longName!, scheme, '200-character name');
      expect(data.name).toBe(LONG_NAME);
      expect(lines, 'the name wraps onto several lines').toBeGreaterThan(3);
    });

    test('a 20,000-character description', async ({ browser }) => {
      const { data } = await checkPage(browser, cases.longDescription!, scheme, '20,000-character description');
      expect((data as unknown as { description: string }).description.length).toBe(20_000);
    });
  });
}
