// Screenshots for looking at what was built:
//   node scripts/shot.mjs URL EMAIL PATH OUT [width] [lang] [scheme]
// EMAIL '' looks without signing in; scheme is light (default), dark or print
// (print media, light scheme: what paper gets).
import { chromium } from '@playwright/test';
const [base, email, path, out, width = '1280', lang = 'en', scheme = 'light'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({
  viewport: { width: Number(width), height: 900 },
  locale: lang === 'it' ? 'it-IT' : 'en-GB',
  colorScheme: scheme === 'dark' ? 'dark' : 'light',
});
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
if (email) {
  await page.goto(`${base}/${email.includes('northwind') || email.includes('lumen') ? 'blendvision' : 'openbadge'}/sign-in`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill('orgdesk-demo');
  await page.locator('button[type=submit]').click();
  await page.waitForTimeout(1500);
}
await page.goto(base + path);
await page.waitForTimeout(1500);
if (scheme === 'print') await page.emulateMedia({ media: 'print' });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
