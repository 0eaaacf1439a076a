import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'wijkweb-demo';

/** WCAG 2.2 A/AA scan of the page as it is now; any violation fails the test with its details. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
	// Nothing may need sideways scrolling on a 360 px phone.
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, 'horizontal overflow').toBeLessThanOrEqual(0);
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
