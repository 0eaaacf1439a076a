import { expect, test, type Browser } from '@playwright/test';
import { mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { E2E_ORIGIN, signIn } from './helpers.ts';

// The README's pictures, made from the real app on every run so they stay current: the resident's form
// (first step) on a 360 × 780 phone in Dutch, and the facilitator's queue on a 1280 px desktop. They are
// written into docs/screenshots/ and are allowed to differ from the committed ones (the queue shows
// waiting days): CI clones a clean tree and never compares them.

const DIR = resolve('docs/screenshots');
const MAX_BYTES = 200 * 1024;

async function picture(browser: Browser, email: string, path: string, file: string, viewport: { width: number; height: number }) {
	const context = await browser.newContext({ viewport, locale: 'nl-BE' });
	try {
		await context.addCookies([{ name: 'wijkweb_locale', value: 'nl', url: E2E_ORIGIN }]);
		const page = await context.newPage();
		await signIn(page, email);
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expect(page.locator('main h1').first()).toBeVisible();
		mkdirSync(DIR, { recursive: true });
		const target = resolve(DIR, file);
		// What fits the screen, as a person first sees it; the caret would make every run differ.
		await page.screenshot({ path: target, caret: 'hide', animations: 'disabled' });
		expect(statSync(target).size, `${file} stays small for the README`).toBeLessThanOrEqual(MAX_BYTES);
	} finally {
		await context.close();
	}
}

test("the README's pictures: the resident's form on a phone, the facilitator's queue on a desktop", async ({ browser }) => {
	await picture(browser, 'resident@example.org', '/help/need', 'resident-need-phone.png', { width: 360, height: 780 });
	await picture(browser, 'facilitator@example.org', '/aid', 'queue-desktop.png', { width: 1280, height: 800 });
});
