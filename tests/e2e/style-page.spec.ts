import { expect, test } from '@playwright/test';
import { E2E_ORIGIN, expectAccessible } from './helpers.ts';

// The living style page: every shared component in its states passes axe and fits the screen, in
// Dutch and in Arabic (right to left) — on the 360 px phone without JavaScript and on the desktop.

for (const locale of ['nl', 'ar'] as const) {
	test(`the style page passes axe in ${locale}`, async ({ page }, info) => {
		await page.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
		const answer = await page.goto('/dev/style');
		expect(answer?.status()).toBe(200);
		await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
		// A few components stand for the rest: the page really shows them, not an error page.
		// The table component, the bar chart's and the target chart's tables.
		await expect(page.locator('main table')).toHaveCount(3);
		await expect(page.locator('main input[type="checkbox"]').first()).toBeAttached();
		await expectAccessible(page);
		await page.screenshot({ path: info.outputPath(`style-${locale}-${info.project.name}.png`), fullPage: true });
	});
}
