import { expect, test, type Page } from '@playwright/test';
import { E2E_ORIGIN, expectAccessible, expectFits, expectWholeWords, signIn } from './helpers.ts';
import { E2E_RESIDENT, LOCALES, LONG_HELPER, LONG_NEEDS, RESIDENT_NEEDS, type Locale } from './long-texts.ts';

// The resident's question pages and the pages that show what people wrote, in all six languages, with the
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
		await expectWholeWords(page, 'button[name="category"]');
		if (['bg', 'tr', 'ar'].includes(locale)) await page.screenshot({ path: info.outputPath(`need-form-${locale}.png`), fullPage: true });
		// The quick time picks are tiles with a label too.
		await page.locator('button[name="category"][value="errands"]').click();
		await expectWholeWords(page, 'fieldset label');
		await page.goto('/help');
		await expect(page.locator('input[name="rating"]')).toHaveCount(3);
		await expectWholeWords(page, '.choices label');
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
	const accepted = page.locator('article.item', { hasText: RESIDENT_NEEDS.accepted.title });
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

test('a language switch keeps what was typed on a question page (with JavaScript)', async ({ browser, page }) => {
	// The switcher is a plain form that reloads the page in the other language: the step keeps what was
	// typed but not sent yet through the browser's session storage, which needs JavaScript even in the
	// phone project. What was sent is on the server already.
	// Five steps with JavaScript on a shared two-core machine.
	test.setTimeout(180_000);
	const context = await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true, locale: 'nl-BE' });
	const p = await context.newPage();
	try {
		await signIn(p, E2E_RESIDENT);
		await p.goto('/help/need');
		await p.locator('button[name="category"][value="paperwork"]').click();
		await expect(p).toHaveURL(/\/help\/need\/when$/);
		await p.getByText('Avonden').click();
		await expect(p.getByRole('checkbox', { name: /Avonden/ })).toBeChecked();
		await p.getByRole('button', { name: 'Verder' }).click();
		await expect(p).toHaveURL(/\/help\/need\/where$/);
		await p.getByRole('button', { name: 'Verder' }).click();
		await expect(p).toHaveURL(/\/help\/need\/more$/);
		await p.locator('textarea[name="description"]').fill(LONG_NEEDS.tr.description);
		await p.getByText(/Talen die je spreekt/).click();
		await p.locator('input[name="languages"][value="tr"]').check();
		const kept = async () => {
			await expect(p.locator('textarea[name="description"]')).toHaveValue(LONG_NEEDS.tr.description);
			await expect(p.locator('input[name="languages"][value="tr"]')).toBeChecked();
		};
		// The languages are folded in the header (a <details>): open it, then choose.
		await p.locator('details.langs > summary').click();
		await p.getByRole('button', { name: 'Türkçe' }).click();
		await expect(p.locator('html')).toHaveAttribute('lang', 'tr');
		await kept();
		// And back: the account's language is Dutch again for the next run.
		await p.locator('details.langs > summary').click();
		await p.getByRole('button', { name: 'Nederlands' }).click();
		await expect(p.locator('html')).toHaveAttribute('lang', 'nl');
		await kept();
		// Read once: a later visit shows what the server keeps (nothing sent for this step yet).
		await p.goto('/help/need/more');
		await expect(p.locator('textarea[name="description"]')).toHaveValue('');
		// The earlier steps' answers are kept on the server; start again for the next test.
		await p.goto('/help/need/check');
		await expect(p).toHaveURL(/\/help\/need\/more$/);
		await p.getByRole('button', { name: 'Verder' }).click();
		await p.getByRole('button', { name: 'Opnieuw beginnen' }).click();
		await expect(p).toHaveURL(/\/help\/need$/);
	} finally {
		await context.close();
	}
});
