import { expect, test } from '@playwright/test';
import { expectAccessible, expectFits, expectWholeWords, signIn, speak } from './helpers.ts';
import { E2E_SWITCHER, LOCALES, LONG_HELPER, LONG_NEEDS, RESIDENT_NEEDS } from './long-texts.ts';

// The resident's question pages and the pages that show what people wrote, in all six languages, with the
// long texts the browser tests' server seeds (long-texts.ts): no word broken inside on a tile, no page
// wider than the screen, nothing typed lost by a language switch.

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

test('a language switch keeps the answers given so far, and the resident pages load no JavaScript', async ({ page }) => {
	// Each step's answer is on the server once it is sent (aid_draft), so the switcher — a plain form
	// that reloads the page in the other language — loses nothing that was answered. The resident's
	// pages have no client code at all ((resident)/+layout.ts: csr = false).
	const scripts: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'script') scripts.push(r.url());
	});
	// The switcher, signed in, stores the account's language: on the one account no other spec uses.
	await signIn(page, E2E_SWITCHER);
	await page.goto('/help/need');
	await page.locator('button[name="category"][value="paperwork"]').click();
	await expect(page).toHaveURL(/\/help\/need\/when$/);
	await page.locator('input[name="when"][value="evenings"]').check();
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).toHaveURL(/\/help\/need\/where$/);
	// The languages are folded in the header (a <details>): open it, then choose.
	await page.locator('details.langs > summary').click();
	await page.getByRole('button', { name: 'Türkçe' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
	await expect(page).toHaveURL(/\/help\/need\/where$/);
	await page.goto('/help/need/when');
	await expect(page.locator('input[name="when"][value="evenings"]')).toBeChecked();
	await page.goto('/help/need');
	await expect(page.locator('button[name="category"][value="paperwork"]')).toHaveAttribute('aria-pressed', 'true');
	// And back to Dutch for the next run; start again so the next test finds no draft.
	await page.locator('details.langs > summary').click();
	await page.getByRole('button', { name: 'Nederlands' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	// "Start again" is on the check page, which needs the last two steps answered.
	await page.goto('/help/need/where');
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).toHaveURL(/\/help\/need\/more$/);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).toHaveURL(/\/help\/need\/check$/);
	await page.locator('form[action="?/discard"] button').click();
	await expect(page).toHaveURL(/\/help\/need$/);
	expect(scripts, 'scripts the resident pages asked for').toEqual([]);
});
