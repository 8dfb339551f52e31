import { test, expect, expectNoAxeViolations, signIn } from './fixtures';

test('an admin sees totals and switches years on the chart and table', async ({ page }) => {
  await signIn(page, 'openbadge', 'admin@valmarina.example.org');
  await page.getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
  const figures = page.locator('.figures');
  await expect(figures).toContainText('3,187');
  await expect(figures).toContainText('1,900');
  await expect(figures).toContainText('420');

  const table = page.locator('table.data-table');
  const thisYear = new Date().getFullYear();
  await expect(table.locator('caption')).toContainText(String(thisYear));
  await expect(page.getByRole('img', { name: new RegExp(`Badges issued per month – ${thisYear}`) })).toBeVisible();
  await expect(page.locator('rect.chart__bar')).toHaveCount(12);
  await expect(page.locator('.chart__month--current')).toHaveCount(1);
  await expectNoAxeViolations(page, 'statistics');

  const years = await page.getByLabel('Year').locator('option').allTextContents();
  expect(years).toEqual(['2026', '2025', '2024'].filter((y) => Number(y) <= thisYear));

  await page.getByLabel('Year').selectOption('2024');
  await expect(table.locator('caption')).toContainText('2024');
  await expect(page.locator('.chart__month--current')).toHaveCount(0);
  // Nothing before March 2024; the chart's bars carry the same numbers.
  const january = table.locator('tbody tr').first().locator('td');
  await expect(january).toHaveText('0');
  const cells = await table.locator('tbody td').allTextContents();
  const bars = await page.locator('rect.chart__bar').evaluateAll((rects) => rects.map((r) => r.getAttribute('data-value')));
  expect(cells.map((c) => c.replace(/,/g, ''))).toEqual(bars);
  const total = await table.locator('tfoot td').textContent();
  expect(Number(total!.replace(/,/g, ''))).toBe(cells.reduce((sum, c) => sum + Number(c.replace(/,/g, '')), 0));

  // While another year loads, the last one stays, marked busy, with a status.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const year2025 = (url: URL) => url.pathname.endsWith('/year-statistics') && url.searchParams.get('year') === '2025';
  await page.route(year2025, async (route) => {
    await held;
    await route.fallback();
  });
  await page.getByLabel('Year').selectOption('2025');
  const card = page.locator('section.chart-card');
  await expect(card).toHaveAttribute('aria-busy', 'true');
  await expect(card.getByRole('status')).toHaveText('Loading…');
  await expect(table.locator('caption')).toContainText('2024');
  release();
  await expect(table.locator('caption')).toContainText('2025');
  await expect(card).not.toHaveAttribute('aria-busy', 'true');
  await expect(card.getByRole('status')).toHaveText('');
  expect(await table.locator('tfoot td').textContent()).not.toBe(total);
});

test('an organization that never issued a badge gets a friendly empty state', async ({ page }) => {
  await signIn(page, 'openbadge', 'admin@costaest.example.net');
  await page.getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByText('No badges issued yet')).toBeVisible();
  await expect(page.locator('svg.chart')).toHaveCount(0);
  await expect(page.locator('.notice--warning')).toContainText('Fewer than 20 credits');
  await expectNoAxeViolations(page, 'statistics empty');
});
