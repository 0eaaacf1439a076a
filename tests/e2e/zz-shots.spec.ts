import { test } from '@playwright/test';
import { signIn } from './helpers.ts';
// Temporary: screenshots of the person pages in bg and ar at 360 px, and nl at 1280 px.
test('shots', async ({ page, context }, info) => {
	await signIn(page, 'facilitator@example.org');
	await page.goto('/people?q=maria');
	const href = await page.locator('a[href^="/people/"][href$=""]').filter({ hasText: 'Maria' }).first().getAttribute('href');
	for (const [locale, width] of [['bg', 360], ['ar', 360], ['nl', 1280]] as const) {
		await context.addCookies([{ name: 'wijkweb_locale', value: locale, url: 'http://localhost:4201' }]);
		await page.setViewportSize({ width, height: 800 });
		for (const [name, path] of [
			['list', '/people?q=maria'],
			['new', '/people/new'],
			['person', href!],
			['edit', `${href}/edit`],
			['merge', `${href}/merge?q=mari`]
		]) {
			await page.goto(path);
			await page.screenshot({ path: `/tmp/person/shots/${name}-${locale}-${width}.png`, fullPage: true });
		}
		// The look-alike warning.
		await page.goto('/people/new');
		await page.locator('#f-firstName').fill('Mariam');
		await page.locator('form#person-form button[type="submit"], form#person-form button:not([name])').last().click();
		await page.screenshot({ path: `/tmp/person/shots/dup-${locale}-${width}.png`, fullPage: true });
	}
	void info;
});
