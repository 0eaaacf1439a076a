import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn, slowScripts, speak } from './helpers.ts';

// A facilitator logs a street contact with a group nobody names, counting every tap and every field
// filled: the form must stay this short on a phone, with and without JavaScript. The home visit with
// someone met before is journey (1), counted from the home page: fieldwork-journey.spec.ts.

/** Counts what the worker does: each click, fill or check is one interaction. */
function counter(page: Page) {
	let n = 0;
	return {
		get count() {
			return n;
		},
		fill: async (label: string | RegExp, value: string) => (n++, page.getByLabel(label).fill(value)),
		check: async (name: string) => (n++, page.getByRole('checkbox', { name, exact: true }).check()),
		save: async () => (n++, page.getByRole('button', { name: 'Opslaan' }).click())
	};
}

test('a street contact in a few taps; bad input answered in Dutch', async ({ page }, info) => {
	await signIn(page, 'facilitator@example.org');
	// The account's own language wins over the browser's: the other test sets it to bg and ar.
	await speak(page, 'nl');

	// A street contact: six young people nobody names.
	await page.goto('/fieldwork/log?type=street');
	const street = counter(page);
	await street.fill('Aantal mensen zonder naam', '6');
	await street.check('Vrije tijd');
	await street.save();
	await expect(page.getByRole('status').first()).toContainText('Het contact is opgeslagen.');
	await expect(page.locator('main')).toContainText('6 zonder naam');
	expect(street.count).toBeLessThanOrEqual(4);
	await expectAccessible(page);
	await page.screenshot({ path: info.outputPath('contact-nl.png'), fullPage: true });

	// Bad input: nobody and no theme, a duration of −5; the message is Dutch and what was typed stays.
	await page.goto('/fieldwork/log?type=street');
	await page.getByLabel('Korte notitie').fill('Niets bijzonders');
	await page.getByRole('radio', { name: 'Andere duur', exact: true }).check();
	await page.getByLabel('Andere duur in minuten').fill('-5');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.locator('main')).toContainText('De duur is tussen 1 en 720 minuten.');
	await expect(page.getByLabel('Korte notitie')).toHaveValue('Niets bijzonders');
	await expectAccessible(page);

	// The list of contacts, newest first, with the street contact on it.
	await page.goto('/fieldwork/contacts?type=street');
	await expect(page.locator('main')).toContainText('Straatcontact');
	await expectAccessible(page);

	if (info.project.name === 'desktop') await page.screenshot({ path: info.outputPath('log-1280-nl.png'), fullPage: true });
});

test('the folded “More” part: who must act, a partner present and a named place, without JavaScript', async ({ page }) => {
	await signIn(page, 'facilitator@example.org');
	await speak(page, 'nl');
	await page.goto('/fieldwork/log?type=office_hours');
	const more = page.locator('details#more');
	// Folded: the common case keeps its few taps; a native <details> opens without JavaScript.
	await expect(more).not.toHaveAttribute('open');
	await page.getByText('Meer: wie moet iets doen, partner, plek').click();
	await expect(more).toHaveAttribute('open');
	await expectAccessible(page);
	await page.getByLabel('Nieuwe persoon: voornaam').fill('Karim');
	await page.getByRole('checkbox', { name: 'Administratie', exact: true }).check();
	await page.getByLabel('Gekende plek in de wijk').selectOption({ label: 'Wijkhuis Rabot' });
	const colleague = more.getByRole('group', { name: 'Moet iets doen' }).getByRole('checkbox').first();
	const colleagueName = (await more.getByRole('group', { name: 'Moet iets doen' }).locator('label').first().textContent())!.trim();
	await colleague.check();
	await more.getByRole('checkbox', { name: 'OCMW Gent — sociaal huis Rabot', exact: true }).check();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('status').first()).toContainText('Het contact is opgeslagen.');
	const main = page.locator('main');
	await expect(main).toContainText('Wijkhuis Rabot');
	await expect(main).toContainText(colleagueName);
	await expect(main).toContainText('OCMW Gent — sociaal huis Rabot');
	await expectAccessible(page);
});

test('with JavaScript the people field searches as one types; what was ticked stays', async ({ browser }, info) => {
	// JavaScript on in both projects (the phone's size kept): the no-JS search button is tested above.
	const context = await browser.newContext({ viewport: info.project.use.viewport, javaScriptEnabled: true, locale: 'nl-BE' });
	const page = await context.newPage();
	await signIn(page, 'facilitator@example.org');
	await speak(page, 'nl');
	await page.goto('/fieldwork/log?type=phone');
	// This test is about searching as one types, which needs the app: it waits for it (ticks made before
	// the app has started are the next test's).
	await page.waitForLoadState('networkidle');
	await page.getByRole('checkbox', { name: 'Wonen', exact: true }).check();
	// Georgi (demo seed) is not among the facilitator's recent people in a fresh run (the first project's
	// run makes him one for the second): the status line shows the search itself answered.
	await expect(page.getByRole('status').filter({ hasText: /gevonden/ })).toHaveCount(0);
	await page.locator('input[name="q"]').pressSequentially('Geor', { delay: 50 });
	await expect(page.getByRole('checkbox', { name: /^Georgi/ }).first()).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: /^[1-9]\d* gevonden$/ })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: 'Wonen', exact: true })).toBeChecked();
	await expect(page.locator('input[name="q"]')).toHaveValue('Geor');
	await expect(page.locator('input[name="q"]')).toBeFocused();
	await page
		.getByRole('checkbox', { name: /^Georgi/ })
		.first()
		.check();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('status').first()).toContainText('Het contact is opgeslagen.');
	await expect(page.locator('main')).toContainText('Georgi');
	await expectAccessible(page);
	await context.close();
});

test('a theme ticked and “More” opened before the page’s JavaScript has started stay so once it runs', async ({ browser }, info) => {
	const context = await browser.newContext({ viewport: info.project.use.viewport, javaScriptEnabled: true, locale: 'nl-BE' });
	const page = await context.newPage();
	await signIn(page, 'facilitator@example.org');
	await speak(page, 'nl');
	// A slow phone: the scripts arrive 1.5 s after the HTML, and the worker ticks at once. Hydration used
	// to set the box back (Choices.svelte rendered `checked`; now `defaultChecked`).
	await slowScripts(page);
	await page.goto('/fieldwork/log?type=phone', { waitUntil: 'domcontentloaded' });
	const theme = page.getByRole('checkbox', { name: 'Wonen', exact: true });
	await theme.check();
	// …and opens the folded "More" part (hydration closed it: Reveal.svelte had a dynamic `open`).
	await page.getByText('Meer: wie moet iets doen, partner, plek').click();
	await page.waitForLoadState('networkidle');
	await expect(page.locator('input[name="q"]')).toBeEditable();
	await expect(theme).toBeChecked();
	await expect(page.locator('details#more')).toHaveAttribute('open');
	await context.close();
});

test('the log form holds in Bulgarian and Arabic on a 360 px phone', async ({ browser }, info) => {
	for (const locale of ['bg', 'ar']) {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false, locale: 'nl-BE' });
		const page = await context.newPage();
		await signIn(page, 'facilitator@example.org');
		await speak(page, locale);
		await page.goto('/fieldwork/log?type=home_visit');
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expectAccessible(page);
		await page.screenshot({ path: info.outputPath(`log-360-${locale}.png`), fullPage: true });
		await speak(page, 'nl');
		await context.close();
	}
});

test('residents and volunteers get 403 on every fieldwork contact page', async ({ browser }) => {
	for (const email of ['resident@example.org', 'volunteer@example.org']) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, email);
		for (const path of ['/fieldwork/log', '/fieldwork/log?type=street', '/fieldwork/contacts']) {
			const res = await page.goto(path);
			expect(res?.status(), `${email} ${path}`).toBe(403);
		}
		await context.close();
	}
});
