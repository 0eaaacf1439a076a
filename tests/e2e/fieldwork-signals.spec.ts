import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { E2E_ORIGIN, expectAccessible, signIn } from './helpers.ts';

// Journey (3) of issue 14: a coordinator links two contacts to a new signal, substantiates and
// escalates it, and downloads the anonymised export (the DOCX parsed back: the title is in it, no
// first name of the people met). On a 360 px phone without JavaScript and on a desktop; axe on every
// page visited; screenshots at 360 px in Bulgarian and Arabic and at 1280 px in Dutch.

/** The first names on a contact's page ("Wie heb je ontmoet?"), to look for in the export. */
async function namesOn(page: Page) {
	const row = page.locator('dt', { hasText: 'Wie heb je ontmoet?' }).locator('xpath=following-sibling::dd[1]');
	const text = (await row.count()) ? await row.innerText() : '';
	return text
		.split(',')
		.map((n) => n.trim())
		.filter((n) => n && n !== '—' && !/\d/.test(n));
}

test('a coordinator links two contacts to a signal, escalates it and downloads the anonymised export', async ({ page }, info) => {
	test.setTimeout(180_000);
	// No long run of digits in the title: the export rightly blanks what looks like a phone number.
	const title = `Het OCMW maakt alleen online afspraken ${info.project.name} ${Date.now().toString(36)}`;
	await signIn(page, 'coordinator@example.org');

	// Two home visits of the demo year (people with first names on them).
	await page.goto('/fieldwork/contacts?type=home_visit');
	await expectAccessible(page);
	const links = page.locator('main a[href^="/fieldwork/contacts/"]');
	const [first, second] = [await links.nth(0).getAttribute('href'), await links.nth(1).getAttribute('href')];
	expect(first && second && first !== second).toBeTruthy();

	await links.nth(0).click();
	const names = await namesOn(page);
	await page.getByRole('link', { name: 'Aan een signaal koppelen' }).click();
	await expect(page).toHaveURL(/\/fieldwork\/signals\?contact=/);
	await expect(page.getByText('Koppelen aan een signaal')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Nieuw signaal met dit contact' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Nieuw signaal' })).toBeVisible();
	await expectAccessible(page);

	// An empty title is refused in Dutch; what was typed stays.
	await page.getByLabel('Beschrijving').fill('Mensen zonder computer geraken niet meer binnen.');
	await page.locator('fieldset').getByText('Inkomen', { exact: true }).click();
	await page.getByRole('button', { name: 'Signaal opslaan' }).click();
	await expect(page.getByRole('link', { name: 'Vul dit in.' })).toBeVisible();
	await expect(page.getByLabel('Beschrijving')).toHaveValue('Mensen zonder computer geraken niet meer binnen.');
	await expectAccessible(page);
	await page.getByLabel('Titel').fill(title);
	await page.getByRole('button', { name: 'Signaal opslaan' }).click();
	await expect(page).toHaveURL(/\/fieldwork\/signals\/[0-9a-f-]{36}\?created=1$/);
	await expect(page.getByText('Het signaal is genoteerd.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Contacten (1)' })).toBeVisible();
	const signalUrl = page.url().split('?')[0]!;

	// The second contact, linked from the list.
	await page.goto(second!);
	names.push(...(await namesOn(page)));
	await page.getByRole('link', { name: 'Aan een signaal koppelen' }).click();
	await page
		.locator('article', { has: page.getByRole('heading', { name: title }) })
		.getByRole('button', { name: 'Hier koppelen' })
		.click();
	await expect(page).toHaveURL(/\?linked=1$/);
	await expect(page.getByText('Gekoppeld aan dit signaal.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Contacten (2)' })).toBeVisible();
	await expect(page.getByText(/· 2 contacten ·/)).toBeVisible();
	await expectAccessible(page);

	// Substantiate, then escalate to the alderman today (the date field's default).
	await page.getByRole('button', { name: 'Onderbouwd' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await page.getByLabel('Aangekaart bij').fill('Schepen van Welzijn');
	await page.getByRole('button', { name: 'Aankaarten bij het beleid' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await expect(page.locator('dd', { hasText: 'Schepen van Welzijn' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Antwoord ontvangen' })).toBeVisible();
	await expectAccessible(page);
	if (info.project.name === 'desktop') await page.screenshot({ path: info.outputPath('signal-1280-nl.png'), fullPage: true });

	// The anonymised DOCX of this one signal, parsed back.
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Geanonimiseerde export (Word)' }).click()]);
	const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
	const text = strFromU8(zip['word/document.xml']!).replace(/<[^>]+>/g, ' ');
	expect(text).toContain(title);
	expect(names.length, 'the contacts had named people to look for').toBeGreaterThan(0);
	for (const name of new Set(names)) expect(text, `no first name in the export: ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`));

	// The list ranks it and says what it holds; the filters stay in the export links.
	await page.goto('/fieldwork/signals?theme=income');
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Geanonimiseerde export (CSV)' })).toHaveAttribute(
		'href',
		'/fieldwork/signals/export.csv?theme=income'
	);
	await expectAccessible(page);
	if (info.project.name === 'desktop') await page.screenshot({ path: info.outputPath('signals-1280-nl.png'), fullPage: true });

	// Removing evidence asks first (no JavaScript needed), and Cancel removes nothing.
	await page.goto(signalUrl);
	await page.getByRole('link', { name: 'Weghalen' }).first().click();
	await expect(page.getByText('Dit bewijs weghalen?')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Annuleren' }).click();
	await expect(page.getByRole('heading', { name: 'Contacten (2)' })).toBeVisible();
	if (info.project.name === 'phone-no-js') await pictures(page, new URL(signalUrl).pathname, info);
});

/** The list, the form and one signal at 360 px in Bulgarian and Arabic (a context of its own, no JavaScript). */
async function pictures(page: Page, signal: string, info: { outputPath: (n: string) => string }) {
	const browser = page.context().browser()!;
	for (const locale of ['bg', 'ar']) {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-BE', javaScriptEnabled: false });
		const phone = await context.newPage();
		await signIn(phone, 'coordinator@example.org');
		// The cookie, not the switcher (which would store the account's language for later specs).
		await phone.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
		for (const path of ['/fieldwork/signals', '/fieldwork/signals/new', signal]) {
			await phone.goto(path);
			await expect(phone.locator('html')).toHaveAttribute('lang', locale);
			await expectAccessible(phone);
			const name = path === signal ? 'one' : path.split('/').pop();
			await phone.screenshot({ path: info.outputPath(`signals-${name}-360-${locale}.png`), fullPage: true });
		}
		await context.close();
	}
}

test('residents and volunteers get a 403 on the signal pages', async ({ page }) => {
	for (const who of ['resident@example.org', 'volunteer@example.org']) {
		await signIn(page, who);
		for (const path of ['/fieldwork/signals', '/fieldwork/signals/new']) expect((await page.goto(path))?.status(), `${who} ${path}`).toBe(403);
		await page.context().clearCookies();
	}
});
