import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers.ts';

test('the home page speaks Dutch by default and switches to Arabic (right to left) and French', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('heading', { level: 2, name: 'Wijken' })).toBeVisible();
	// Each neighbourhood is a card whose title links to its page; a visitor gets the two ways in.
	await expect(page.getByRole('heading', { level: 3, name: 'Rabot - Blaisantvest' }).getByRole('link')).toBeVisible();
	await expect(page.locator('main').getByRole('link', { name: 'Aanmelden' })).toHaveClass(/btn-primary/);
	await expect(page.locator('main').getByRole('link', { name: 'Account aanmaken' })).toHaveClass(/btn/);
	// The open-data licence of the boundaries asks for this line wherever they are shown.
	await expect(page.getByText(/Bron: Stad Gent/)).toBeVisible();
	await expectAccessible(page);

	// The languages are folded behind a globe (a <details>): open it, then choose.
	await page.locator('summary', { has: page.getByRole('img', { name: 'Taal' }) }).click();
	await page.getByRole('button', { name: 'العربية' }).click();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expectAccessible(page);

	await page.locator('summary', { has: page.getByRole('img', { name: 'اللغة' }) }).click();
	await page.getByRole('button', { name: 'Français' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	await expect(page.getByRole('link', { name: 'Se connecter' }).first()).toBeVisible();
});

test('the browser language is used when there is no choice yet', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await context.close();
});

test('the skip link leads to the main content', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
});

test('an unknown page is a translated 404 that passes axe', async ({ page }) => {
	const res = await page.goto('/no-such-page');
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
	await expectAccessible(page);
});

test('a neighbourhood page has a back link, its name, its map and the licence line of its boundary', async ({ page }) => {
	await page.goto('/areas/gent-7');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rabot - Blaisantvest');
	await expect(page.locator('main header a[href="/"]')).toHaveText('Start');
	const map = page.getByRole('img', { name: 'Kaart met de grenzen van Rabot - Blaisantvest' });
	await map.scrollIntoViewIfNeeded();
	await expect(map).toBeVisible();
	await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
	// The open-data licence of the boundaries asks for this line wherever they are shown.
	await expect(page.getByText(/^Wijkgrenzen: .*Stad Gent/)).toBeVisible();
	await expectAccessible(page);
});
