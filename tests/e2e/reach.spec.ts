import { expect, test } from '@playwright/test';
import { expectAccessible, parseCsv, signIn, speak } from './helpers.ts';

// The reach of activities as a coordinator uses it, over the demo seed's year of Rabot activities: the
// page with its charts, a changed period and a ticked activity (a plain GET form, so it works without
// JavaScript), the CSV parsed back, the refusals. Screenshots at 360 px in Bulgarian and Arabic and at
// 1280 px in Dutch show the layout holds (looked at by hand; written to the test's output folder).

test('the coordinator reads the reach of activities, changes the period and downloads the same cells', async ({ page }) => {
	await signIn(page, 'coordinator@example.org');
	await speak(page, 'nl');
	expect((await page.goto('/activities/reach'))?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bereik van activiteiten');
	await expect(page.getByRole('heading', { name: 'Cijfers', exact: true })).toBeVisible();
	for (const title of ['Deelnemers per maand', 'Landen van herkomst']) {
		const frame = page.locator('figure.chart-frame', { has: page.getByRole('heading', { name: title, exact: true }) });
		await expect(frame.locator('svg[role="img"]')).toHaveCount(1);
		await expect(frame.locator('table tbody tr').first()).toBeAttached();
	}
	await expect(
		page.locator('figure.chart-frame', { has: page.getByRole('heading', { name: 'Deelnemers per maand' }) }).locator('tbody tr')
	).toHaveCount(12);
	await expectAccessible(page);

	// Another period (this month only) and one activity ticked: the answer keeps the choice.
	const from = await page.locator('#f-from').inputValue();
	const to = await page.locator('#f-to').inputValue();
	const thisMonth = `${to.slice(0, 7)}-01`;
	await page.locator('#f-from').fill(thisMonth);
	await page.getByRole('button', { name: 'Toon de cijfers' }).click();
	await expect(page).toHaveURL(new RegExp(`from=${thisMonth}`));
	await expect(
		page.locator('figure.chart-frame', { has: page.getByRole('heading', { name: 'Deelnemers per maand' }) }).locator('tbody tr')
	).toHaveCount(1);
	expect(from).not.toBe(thisMonth);
	await page.goto(`/activities/reach?from=${from}&to=${to}`);
	await page.getByRole('checkbox').first().check();
	await page.getByRole('button', { name: 'Toon de cijfers' }).click();
	await expect(page).toHaveURL(/activity=/);
	await expect(page.getByRole('checkbox').first()).toBeChecked();
	await expectAccessible(page);

	const csvHref = await page.getByRole('link', { name: 'Cijfers als CSV' }).getAttribute('href');
	expect(csvHref).toContain('activity=');
	const csv = await page.request.get(csvHref!);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(csv.headers()['content-disposition']).toContain('attachment');
	const rows = parseCsv(await csv.text());
	expect(rows[0]).toEqual(['Bereik van activiteiten']);
	const participants = rows.find((r) => r[0] === 'Deelnemers (verschillende personen)');
	expect(participants).toHaveLength(2);
	// The page shows the same cell as the file.
	await expect(page.locator('dl, [role="list"], main').getByText(participants![1]!, { exact: true }).first()).toBeVisible();
	// A count of 1 to 4 is never written as a number.
	for (const r of rows)
		for (const c of r.slice(1)) {
			const n = Number(c);
			if (c !== '' && Number.isInteger(n) && !/^\d{4}$/.test(c)) expect(n === 0 || n >= 5, `${r.join(',')}`).toBe(true);
		}
	const xlsx = await page.request.get((await page.getByRole('link', { name: 'Cijfers als Excel (XLSX)' }).getAttribute('href'))!);
	expect(xlsx.status()).toBe(200);
	expect((await xlsx.body()).subarray(0, 2).toString('latin1'), 'an XLSX file is a zip').toBe('PK');

	// Bad input: the form again with the error in Dutch, no figures.
	await page.goto('/activities/reach?from=2010-01-01&to=2024-12-31');
	await expect(page.getByText('Kies een periode van minder dan 10 jaar.').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Cijfers', exact: true })).toHaveCount(0);
	expect((await page.request.get('/activities/reach.csv?from=1899-01-01&to=1899-12-31')).status()).toBe(422);
});

test('a volunteer may not see the reach nor download it', async ({ page }) => {
	await signIn(page, 'volunteer@example.org');
	expect((await page.goto('/activities/reach'))?.status()).toBe(403);
	expect((await page.request.get('/activities/reach.csv')).status()).toBe(403);
});

test('the reach page holds at 360 px in Bulgarian and Arabic and at 1280 px in Dutch', async ({ browser }, info) => {
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
			await page.goto('/activities/reach');
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expectAccessible(page);
			await page.screenshot({ path: info.outputPath(`reach-${locale}-${width}-${info.project.name}.png`), fullPage: true });
		}
	} finally {
		await speak(page, 'nl');
		await context.close();
	}
});
