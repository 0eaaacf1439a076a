import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn, speak } from './helpers.ts';

// A coordinator defines the "participants per month" indicator from its template, without JavaScript
// in the phone project (a GET step then a POST), and reads it: what it counts in words, the chart with
// its target line and its table, the CSV. Computed from the demo seed's attendance rows (Rabot's year of
// activities). Screenshots at 360 px in Bulgarian and Arabic and at 1280 px in Dutch, looked at by hand.

async function defineParticipants(page: Page, name: string) {
	await page.goto('/indicators/new');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuwe indicator');
	await expectAccessible(page);
	await page.getByRole('radio', { name: 'Deelnemers per maand' }).check();
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).toHaveURL(/template=participants_per_month/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deelnemers per maand');
	await expectAccessible(page);
	await page.getByLabel('Naam').fill(name);
	await page.getByRole('button', { name: 'Bewaar de indicator' }).click();
	await expect(page).toHaveURL(/\/indicators\/[0-9a-f-]{36}\?created=1$/);
}

test('a coordinator defines “participants per month” from its template and sees its chart', async ({ page }, info) => {
	await signIn(page, 'coordinator@example.org');
	await speak(page, 'nl');
	const name = `Deelnemers ${info.project.name}`;

	// Bad input first: a target of −5 comes back with the message in Dutch, nothing saved.
	await page.goto('/indicators/new?template=participants_per_month');
	await page.getByLabel('Naam').fill(name);
	await page.getByLabel('Doel per periode').fill('-5');
	await page.getByRole('button', { name: 'Bewaar de indicator' }).click();
	await expect(page.getByText('Het doel is een getal van 0 of meer.').first()).toBeVisible();
	await expectAccessible(page);

	await defineParticipants(page, name);
	await expect(page.getByText('De indicator is bewaard.')).toBeVisible();
	await expect(page.getByText('verschillende deelnemers aan activiteiten, per maand')).toBeVisible();
	const chart = page.locator('figure.chart-frame', { has: page.getByRole('heading', { name: 'Doel en resultaat per periode' }) });
	await expect(chart.locator('svg[role="img"]')).toHaveCount(1);
	// The target line and one table row per month of the year.
	await expect(chart.locator('line[stroke-dasharray="6 3"]')).toHaveCount(1);
	await expect(chart.locator('tbody tr')).toHaveCount(12);
	// The demo's attendance gives the months so far a value (Rabot's sewing workshop, grocery…).
	const january = chart.locator('tbody tr').first();
	await expect(january).not.toContainText('–');
	await expectAccessible(page);

	const csv = await page.request.get((await page.getByRole('link', { name: 'CSV' }).getAttribute('href'))!);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text).toContain(name);
	expect(text).toContain('verschillende deelnemers aan activiteiten, per maand');
	const xlsx = await page.request.get((await page.getByRole('link', { name: 'Excel (XLSX)' }).getAttribute('href'))!);
	expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');

	// The dashboard lists it with its latest value, traffic light and small chart.
	await page.goto('/indicators');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indicatoren');
	const card = page.locator('article', { has: page.getByRole('link', { name, exact: true }) });
	await expect(card.getByText(/^Laatste periode:/)).toBeVisible();
	await expect(card.locator('svg[role="img"]')).toHaveCount(1);
	await expectAccessible(page);
});

test('a resident may not see indicators', async ({ page }) => {
	await signIn(page, 'resident@example.org');
	expect((await page.goto('/indicators'))?.status()).toBe(403);
});

test('the indicator pages hold at 360 px in Bulgarian and Arabic and at 1280 px in Dutch', async ({ browser }, info) => {
	const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
	const page = await context.newPage();
	try {
		await signIn(page, 'coordinator@example.org');
		await speak(page, 'nl');
		await defineParticipants(page, `Schermen ${info.project.name}`);
		const detail = new URL(page.url()).pathname;
		for (const [locale, width] of [
			['bg', 360],
			['ar', 360],
			['nl', 1280]
		] as const) {
			await page.setViewportSize({ width, height: 800 });
			await speak(page, locale);
			const pages: [string, string][] = [
				['detail', detail],
				['dashboard', '/indicators'],
				['new', '/indicators/new?template=participants_per_month']
			];
			for (const [what, path] of pages) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				await expectAccessible(page);
				await page.screenshot({ path: info.outputPath(`indicators-${what}-${locale}-${width}-${info.project.name}.png`), fullPage: true });
			}
		}
	} finally {
		await speak(page, 'nl');
		await context.close();
	}
});
