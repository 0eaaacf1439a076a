import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'wijkweb-demo';

/** The origin of the browser tests' server: the port playwright.config.ts starts it on (E2E_PORT). */
export const E2E_ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

/**
 * WCAG 2.2 A/AA scan of the page as it is now; any violation fails the test with its details.
 * axe runs as a script, which a page without JavaScript cannot do: the scan runs on an exact copy of
 * the current HTML (same URL, same CSS, same viewport) in a scripting context whose app bundles are
 * blocked, so what is scanned is the server-rendered page the no-JS user sees.
 */
export async function expectAccessible(page: Page) {
	const url = page.url();
	const html = await page.content();
	const browser = page.context().browser()!;
	const context = await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true, bypassCSP: true });
	try {
		const copy = await context.newPage();
		await copy.route(
			(u) => u.href === url,
			(r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
		);
		await copy.route(/\/_app\/.*\.js$/, (r) => r.abort());
		await copy.goto(url, { waitUntil: 'load' });
		const results = await new AxeBuilder({ page: copy }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

		expect(summary, `axe violations on ${url}`).toEqual([]);
		// Nothing may need sideways scrolling (a 360 px phone in the phone project).
		const overflow = await copy.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, `horizontal overflow on ${url}`).toBeLessThanOrEqual(0);
	} finally {
		await context.close();
	}
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/sign-in');
	await page.getByLabel(/e-mail/i).fill(email);
	await page.getByLabel(/wachtwoord|password/i).fill(password);
	await page.locator('main form button').click();
	await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

export async function signOut(page: Page) {
	await page.locator('header form[action="/sign-out"] button').click();
	await page.waitForURL('/');
}

/** The newest link in the demo mailbox sent to `to`, whose path starts with `path`. */
export async function mailedLink(page: Page, to: string, path: string): Promise<string> {
	await page.goto('/dev/mailbox');
	const mail = page.locator('article.mail', { hasText: to }).first();
	const text = await mail.locator('pre').innerText();
	const match = text.match(new RegExp(`https?://[^\\s]*${path}[^\\s]*`));
	expect(match, `a ${path} link mailed to ${to}`).not.toBeNull();
	return match![0];
}
