import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectAccessible, signIn, speak } from './helpers.ts';
import { discPng } from './png.ts';

// An organisation's own look: its coordinator refuses a colour that fails contrast (a field error,
// nothing saved), sets a dark one and a logo, and the staff pages then wear that accent and logo and
// still pass axe. The demo's look is put back at the end, as the other journeys expect it.

const ACCENT = '#7a1f5c';
const ACCENT_RGB = 'rgb(122, 31, 92)';

async function shot(page: Page, info: TestInfo, name: string) {
	await page.screenshot({ path: info.outputPath(`${name}-${info.project.name}.png`), fullPage: true });
}

test('a coordinator sets the organisation’s colour and logo; a refused colour changes nothing; themed pages pass axe', async ({ page }, info) => {
	await signIn(page, 'coordinator@example.org');
	// The menu offers the organisation's page (folded on a phone: read from the page, not clicked).
	const form = await page.locator('header a[href^="/organisations/"]').first().getAttribute('href');
	expect(form).toMatch(/^\/organisations\/[0-9a-f-]{36}$/);
	const save = page.getByRole('button', { name: 'Bewaren' });
	try {
		await page.goto(form!);
		await page.getByLabel('Accentkleur').fill('#ffcc00');
		await save.click();
		await expect(page.getByText('te licht voor links').first()).toBeVisible();
		// The preview gives both ratios, each with a word (never the colour alone), for a refused colour too.
		await expect(page.locator('#accent-preview-h + *, section[aria-labelledby="accent-preview-h"]').getByText(/Links: 1,\d\d:1/)).toBeVisible();
		await expect(page.getByText('te laag (minstens 4,5:1 nodig)')).toBeVisible();
		await expectAccessible(page);
		await page.goto('/aid');
		await expect(page.locator('header a.brand')).not.toHaveCSS('color', 'rgb(255, 204, 0)');

		await page.goto(form!);
		await page.getByLabel('Accentkleur').fill(ACCENT);
		await page.locator('input[name="logo"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: discPng(64, [122, 31, 92]) });
		await save.click();
		await expect(page.getByRole('status').filter({ hasText: 'Bewaard' })).toBeVisible();
		await expect(save).toHaveCSS('background-color', ACCENT_RGB);

		await page.goto('/aid');
		await expect(page.locator('header a.brand')).toHaveCSS('color', ACCENT_RGB);
		await expect(page.locator('header a.brand')).toContainText('Stad Gent — Buurtwerk');
		await expect(page.locator('header a.brand img')).toHaveJSProperty('naturalWidth', 64);
		await expectAccessible(page);
		await shot(page, info, 'themed-aid');

		for (const locale of ['bg', 'ar']) {
			await speak(page, locale);
			await page.goto(form!);
			await expectAccessible(page);
			await shot(page, info, `theme-form-${locale}`);
		}
	} finally {
		await speak(page, 'nl');
		await page.goto(form!);
		await page.getByLabel('Accentkleur').fill('');
		const remove = page.getByLabel('Het logo verwijderen');
		if (await remove.count()) await remove.check();
		await save.click();
		await expect(page.getByRole('status').filter({ hasText: 'Bewaard' })).toBeVisible();
	}
});
