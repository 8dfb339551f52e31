// Lighthouse (mobile simulation) on the public issuer page and, signed in,
// the admin overview. One Chromium with remote debugging: Playwright puts
// the session into localStorage, then Lighthouse audits without resetting it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

const [base, publicId] = process.argv.slice(2);
const port = 9333;
const profile = mkdtempSync(join(tmpdir(), 'orgdesk-lh-'));
const chrome = spawn('/usr/bin/chromium', [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`,
], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1500));

// The admin page needs a session; the public page is measured first, as a
// new visitor from a badge e-mail sees it (no session, no language chosen).
async function signInForAdmin() {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@valmarina.example.org', password: 'orgdesk-demo' }),
  });
  const token = (await login.json()).data.token;
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const page = await browser.contexts()[0].newPage();
  await page.goto(`${base}/`);
  await page.evaluate((t) => {
    localStorage.setItem('orgdesk.session', JSON.stringify({ dialect: 'openbadge', token: t }));
    localStorage.setItem('orgdesk.lang', 'en');
  }, token);
  await page.close();
  await browser.close();
}

const pages = [['public issuer page', `${base}/issuers/${publicId}`], ['admin overview', `${base}/openbadge`]];
const rows = [];
let ok = true;
for (const [name, url] of pages) {
  if (name === 'admin overview') await signInForAdmin();
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', disableStorageReset: true, onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
  const { categories: c, audits: a } = result.lhr;
  const score = (k) => Math.round(c[k].score * 100);
  const row = {
    page: name, performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo'),
    'FCP ms': Math.round(a['first-contentful-paint'].numericValue), 'LCP ms': Math.round(a['largest-contentful-paint'].numericValue),
    'TBT ms': Math.round(a['total-blocking-time'].numericValue), CLS: Number(a['cumulative-layout-shift'].numericValue.toFixed(3)),
  };
  rows.push(row);
  const lcpNode = a['lcp-breakdown-insight']?.details?.items?.find((i) => i.type === 'node');
  if (lcpNode) console.log(`  ${name}: LCP element ${lcpNode.selector} "${(lcpNode.nodeLabel ?? '').slice(0, 60)}"`);
  const failing = Object.values(a).filter((x) => x.score !== null && x.score < 1 && ['accessibility', 'best-practices', 'seo'].some((k) => c[k].auditRefs.some((r) => r.id === x.id && r.weight > 0)));
  for (const f of failing) console.log(`  ${name}: ${f.id} — ${f.title}`);
  ok &&= row.performance >= 95 && row.accessibility === 100 && row['best-practices'] === 100 && (name !== 'public issuer page' || (row['LCP ms'] <= 1500 && row.seo === 100 && row.CLS === 0));
}
console.table(rows);
console.log(ok ? 'Lighthouse targets met.' : 'Lighthouse targets NOT met (performance >= 95, accessibility = best practices = 100, public page: LCP <= 1.5 s, SEO = 100, CLS = 0).');
chrome.kill();
await new Promise((r) => chrome.once('exit', r));
try { rmSync(profile, { recursive: true, force: true }); } catch { /* Chromium may still be flushing; it is a temp dir */ }
process.exit(ok ? 0 : 1);
