import { expect, test, type Page } from '@playwright/test';
import { E2E_ORIGIN, expectAccessible, expectFits, expectWholeWords, signIn } from './helpers.ts';
import { E2E_RESIDENT, LOCALES, LONG_HELPER, LONG_NEEDS, RESIDENT_NEEDS, type Locale } from './long-texts.ts';

// The resident's forms and the pages that show what people wrote, in all six languages, with the
// long texts the browser tests' server seeds (long-texts.ts): no word broken inside on a tile, no page
// wider than the screen, nothing typed lost by a language switch.

// Through the switcher, as a person does: signed in, the account's own choice wins over the cookie
// (another journey may have stored one for this demo account).
const speak = async (page: Page, locale: Locale) => {
	const res = await page.request.post('/language', { form: { locale, redirectTo: '/' }, headers: { origin: E2E_ORIGIN }, maxRedirects: 0 });
	expect(res.status()).toBe(303);
};

test('the category tiles and the feedback choices never break inside a word, in all six languages', async ({ page }, info) => {
	// The demo resident has a link that took place and no feedback yet: /help asks for it.
	await signIn(page, 'resident@example.org');
	for (const locale of LOCALES) {
		await speak(page, locale);
		await page.goto('/help/need');
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expectWholeWords(page, '.choices label');
		if (['bg', 'tr', 'ar'].includes(locale)) await page.screenshot({ path: info.outputPath(`need-form-${locale}.png`), fullPage: true });
		await page.goto('/help');
		await expect(page.locator('input[name="rating"]')).toHaveCount(3);
		await expectWholeWords(page, 'fieldset:has(input[name="rating"]) label');
	}
	await speak(page, 'nl');
});

test('long texts in six languages fit the screen: the need pages, and /help with accepted links', async ({ page }, info) => {
	await signIn(page, 'facilitator@example.org');
	for (const locale of LOCALES) {
		const need = LONG_NEEDS[locale];
		await page.goto(`/aid/needs/${need.id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(need.title);
		await expect(page.locator('dd', { hasText: need.description })).toBeVisible();
		// One full scan in a left-to-right and one in the right-to-left text; the others only need to fit.
		if (locale === 'nl' || locale === 'ar') await expectAccessible(page);
		else await expectFits(page);
		// A display label, not the form's question with "(mag leeg)".
		await expect(page.locator('dt', { hasText: 'Meer uitleg' })).toBeVisible();
		await expect(page.getByText('(mag leeg)')).toHaveCount(0);
	}
	await page.screenshot({ path: info.outputPath('need-page-ar-text.png'), fullPage: true });

	// The resident sees her helper's contact details and place; read in Dutch and in Arabic.
	await page.context().clearCookies();
	await signIn(page, 'resident@example.org');
	await page.goto('/help');
	const accepted = page.locator('article', { hasText: RESIDENT_NEEDS.accepted.title });
	await expect(accepted.getByRole('link', { name: LONG_HELPER.email })).toBeVisible();
	await expectAccessible(page);
	await expect(accepted.locator('dt', { hasText: /^Telefoon$/ })).toBeVisible();
	await speak(page, 'ar');
	await page.goto('/help');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expectAccessible(page);
	await page.screenshot({ path: info.outputPath('help-ar.png'), fullPage: true });
	await speak(page, 'nl');

	// The volunteer sees the Arabic-speaking neighbour's.
	await page.context().clearCookies();
	await signIn(page, 'volunteer@example.org');
	await page.goto('/help');
	await expect(page.getByRole('link', { name: LONG_NEEDS.ar.person.email })).toBeVisible();
	await expectAccessible(page);
});

test('a language switch keeps what was typed in the need form (with JavaScript)', async ({ browser, page }) => {
	// The switcher is a plain form that reloads the page in the other language: the form keeps its
	// text through the browser's session storage, which needs JavaScript even in the phone project.
	const context = await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true, locale: 'nl-BE' });
	const p = await context.newPage();
	try {
		await signIn(p, E2E_RESIDENT);
		await p.goto('/help/need');
		await p.locator('input[name="category"][value="paperwork"]').check();
		await p.locator('input[name="title"]').fill(LONG_NEEDS.tr.title);
		await p.locator('textarea[name="description"]').fill(LONG_NEEDS.tr.description);
		await p.locator('select[name="w0_day"]').selectOption('4');
		await p.locator('input[name="w0_start"]').fill('18:00');
		await p.locator('input[name="w0_end"]').fill('20:00');
		await p.locator('input[name="languages"][value="tr"]').check();
		const kept = async () => {
			await expect(p.locator('input[name="category"][value="paperwork"]')).toBeChecked();
			await expect(p.locator('input[name="title"]')).toHaveValue(LONG_NEEDS.tr.title);
			await expect(p.locator('textarea[name="description"]')).toHaveValue(LONG_NEEDS.tr.description);
			await expect(p.locator('select[name="w0_day"]')).toHaveValue('4');
			await expect(p.locator('input[name="w0_start"]')).toHaveValue('18:00');
			await expect(p.locator('input[name="w0_end"]')).toHaveValue('20:00');
			await expect(p.locator('input[name="languages"][value="tr"]')).toBeChecked();
		};
		await p.getByRole('button', { name: 'Türkçe' }).click();
		await expect(p.locator('html')).toHaveAttribute('lang', 'tr');
		await kept();
		// And back: the account's language is Dutch again for the next run.
		await p.getByRole('button', { name: 'Nederlands' }).click();
		await expect(p.locator('html')).toHaveAttribute('lang', 'nl');
		await kept();
		// Read once: a later visit starts empty.
		await p.goto('/help/need');
		await expect(p.locator('textarea[name="description"]')).toHaveValue('');
	} finally {
		await context.close();
	}
});
