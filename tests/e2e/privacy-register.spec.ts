import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { E2E_ORIGIN, expectAccessible, signIn } from './helpers.ts';

// The register of processing: a coordinator (org-wide in the demo) opens it from nothing but links,
// reads the purposes and who may read what, and downloads it; the page in Arabic (right to left) and
// Bulgarian passes the same scan. The seeded purposes are tests/e2e/seed-purposes.ts.

async function shot(page: Page, info: TestInfo, name: string) {
	const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), 2400);
	await page.screenshot({
		path: info.outputPath(`${name}-${info.project.name}.png`),
		clip: { x: 0, y: 0, width: page.viewportSize()!.width, height },
		fullPage: true
	});
}

test('a coordinator reads the register of processing and downloads it', async ({ page }, info) => {
	await signIn(page, 'coordinator@example.org');
	await page.goto('/admin/register');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verwerkingsregister');
	await expect(page.getByRole('heading', { level: 2, name: 'Stad Gent — Buurtwerk' })).toBeVisible();
	const purposes = page.locator('main table').first();
	await expect(purposes).toContainText('Contact opnemen');
	// The contact purpose's text as the migration gave it to every organisation.
	await expect(purposes).toContainText('Mogen we u contacteren');
	// Mutual aid's contact purpose is asked by consent (migration 0014), also in this public body.
	await expect(purposes).toContainText('Toestemming');
	await expect(page.locator('main table').nth(1)).toContainText('Gezondheid');
	await expectAccessible(page);

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Downloaden als CSV' }).click();
	const csv = await download;
	expect(csv.suggestedFilename()).toBe('wijkweb-register-of-processing.csv');
	const text = (await (await import('node:fs/promises')).readFile((await csv.path())!, 'utf8')).replace(/^\uFEFF/, '');
	expect(text.split('\r\n')[0]).toBe(
		'Organisatie,Rechtsgrond voor persoonsgegevens,Doel,Tekst voor de persoon,Rechtsgrond,Bewaartermijn (dagen),Actief,Soort gegevens,Rollen die ze mogen lezen'
	);
	expect(text).toContain('Stad Gent — Buurtwerk,');

	const docx = await page.request.get('/admin/register.docx');
	expect(docx.status()).toBe(200);
	expect(docx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

	for (const locale of ['ar', 'bg']) {
		await page.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
		await page.goto('/admin/register');
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		if (locale === 'ar') await expectAccessible(page);
		await shot(page, info, `register-${locale}`);
	}
});
