import { expect, test } from '@playwright/test';
import { expectAccessible, parseCsv, signIn, speak } from './helpers.ts';

// The coordinator's fieldwork figures, as a coordinator uses them: the page with its charts and
// tables, a filter (a plain GET form, so it works without JavaScript), the CSV download parsed back,
// and the refusal for a facilitator. Screenshots at 360 px in Bulgarian and Arabic and at 1280 px in
// Dutch show the layout holds (looked at by hand; they are written to the test's output folder).

// By the language cookie, not the switcher: signed in, the switcher stores the account's language,
// which would then win over the cookie in later specs of the coordinator.

test('the coordinator reads the fieldwork figures, filters them and downloads the same cells', async ({ page }) => {
	await signIn(page, 'coordinator@example.org');
	await speak(page, 'nl');
	const res = await page.goto('/fieldwork/figures');
	expect(res?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cijfers veldwerk');
	await expect(page.getByRole('heading', { name: 'Kerncijfers' })).toBeVisible();
	// Four charts drawn on the server, each with its numbers as a table.
	for (const title of ['Contacten per maand', 'Uren per soort contact', 'Contacten per thema', 'Toeleidingen per uitkomst']) {
		const frame = page.locator('figure.chart-frame', { has: page.getByRole('heading', { name: title, exact: true }) });
		await expect(frame.locator('svg[role="img"]')).toHaveCount(1);
		await expect(frame.locator('table tbody tr').first()).toBeAttached();
	}
	// 12 months by default: the month table has a row per month.
	await expect(
		page.locator('figure.chart-frame', { has: page.getByRole('heading', { name: 'Contacten per maand' }) }).locator('tbody tr')
	).toHaveCount(12);
	await expectAccessible(page);

	// A filter: the form is a GET form, the answer keeps the choice and the downloads carry it.
	await page.locator('#f-theme').selectOption('housing');
	await page.locator('#f-type').selectOption('home_visit');
	await page.getByRole('button', { name: 'Toon de cijfers' }).click();
	await expect(page).toHaveURL(/theme=housing/);
	await expect(page).toHaveURL(/type=home_visit/);
	await expect(page.locator('#f-theme')).toHaveValue('housing');
	await expectAccessible(page);

	const csvHref = await page.getByRole('link', { name: 'Dezelfde cijfers als CSV' }).getAttribute('href');
	expect(csvHref).toContain('theme=housing');
	const csv = await page.request.get(csvHref!);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(csv.headers()['content-disposition']).toContain('attachment');
	const rows = parseCsv(await csv.text());
	expect(rows[0]).toEqual(['Cijfers veldwerk']);
	expect(rows.find((r) => r[0] === 'Filters')?.[1]).toContain('Huisbezoek');
	expect(rows.find((r) => r[0] === 'Contacten')).toHaveLength(2);
	// A count of 1 to 4 is never written as a number.
	for (const r of rows)
		for (const c of r.slice(1)) {
			const n = Number(c);
			if (c !== '' && Number.isInteger(n) && !/^\d{4}$/.test(c)) expect(n === 0 || n >= 5, `${r.join(',')}`).toBe(true);
		}
	const xlsx = await page.request.get((await page.getByRole('link', { name: 'Dezelfde cijfers als Excel (XLSX)' }).getAttribute('href'))!);
	expect(xlsx.status()).toBe(200);
	expect((await xlsx.body()).subarray(0, 2).toString('latin1'), 'an XLSX file is a zip').toBe('PK');

	// Bad input: the form again with the error in Dutch, no figures.
	await page.goto('/fieldwork/figures?from=2025-06-01&to=2025-01-01');
	await expect(page.getByText('De laatste dag ligt vóór de eerste.').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Kerncijfers' })).toHaveCount(0);
	expect((await page.request.get('/fieldwork/figures.csv?from=2025-06-01&to=2025-01-01')).status()).toBe(422);
});

test('a facilitator may not see the figures nor download them', async ({ page }) => {
	await signIn(page, 'facilitator@example.org');
	expect((await page.goto('/fieldwork/figures'))?.status()).toBe(403);
	expect((await page.request.get('/fieldwork/figures.csv')).status()).toBe(403);
});

test('the figures page holds at 360 px in Bulgarian and Arabic and at 1280 px in Dutch', async ({ browser }, info) => {
	const shots: [string, number][] = [
		['bg', 360],
		['ar', 360],
		['nl', 1280]
	];
	const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
	const page = await context.newPage();
	try {
		await signIn(page, 'coordinator@example.org');
		for (const [locale, width] of shots) {
			await page.setViewportSize({ width, height: 800 });
			await speak(page, locale);
			await page.goto('/fieldwork/figures');
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expectAccessible(page);
			await page.screenshot({ path: info.outputPath(`figures-${locale}-${width}-${info.project.name}.png`), fullPage: true });
		}
	} finally {
		await speak(page, 'nl');
		await context.close();
	}
});
