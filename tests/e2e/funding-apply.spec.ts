import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { DEMO_PASSWORD, E2E_ORIGIN, expectAccessible, expectFits, speak } from './helpers.ts';
import { E2E_APPLICANTS } from './long-texts.ts';

// Funding (issue 16), the applicant: an association opens the improvement-contract call, is sent to sign
// in and comes back, starts an application, fills in its ten sections, a four-year budget and three
// indicators with 15 % co-financing; the check page says the call asks at least 20 % and by how much;
// it raises its own contribution, every rule holds, it submits, and downloads the frozen copy (the Word
// file parsed back). Without JavaScript on a phone (plain posts; blank budget rows to fill) and with it
// on a desktop, where the rule list follows as one types (the live check, timed by the page itself).

const SHOTS = process.env.FUNDING_SHOTS ?? 'test-results/funding-apply';
const CALL = 'Wijkverbeteringscontract';
const LINES = [
	{ year: '1', category: 'personnel', amount: '40.000' },
	{ year: '2', category: 'operations', amount: '30.000' },
	{ year: '3', category: 'studies', amount: '20.000' },
	{ year: '4', category: 'investments', amount: '10.000' }
];
const field = (page: Page, name: string) => page.locator(`main [name="${name}"]`);

/** Fills budget line n, saving the draft first when the form has no blank row left for it (no JavaScript). */
async function fillLine(page: Page, n: number, line: (typeof LINES)[number], js: boolean) {
	if ((await field(page, `line_${n}_amount`).count()) === 0) {
		if (js) await page.getByRole('button', { name: /regel toevoegen/i }).click();
		else await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
		await expect(field(page, `line_${n}_amount`)).toBeVisible();
	}
	await field(page, `line_${n}_year`).selectOption(line.year);
	await field(page, `line_${n}_category`).selectOption(line.category);
	await field(page, `line_${n}_description`).fill(`Regel ${n + 1}`);
	await field(page, `line_${n}_amount`).fill(line.amount);
}

test('an association applies to the improvement contract, is told its co-financing is too low, fixes it and submits', async ({ page }, info) => {
	test.setTimeout(300_000);
	const js = info.project.name === 'desktop';
	const email = E2E_APPLICANTS[info.project.name as keyof typeof E2E_APPLICANTS];
	const title = `Samen in Rabot ${info.project.name}`;

	// From the public call to sign-in and back to the start of an application.
	await page.goto('/calls');
	await page.locator('section[aria-labelledby="open-h"]').getByRole('link', { name: CALL, exact: true }).click();
	await page.getByRole('link', { name: 'Aanvragen' }).click();
	await expect(page).toHaveURL(/\/sign-in\?next=%2Fapply%2Fnew/);
	await page.getByLabel(/e-mail/i).fill(email);
	await page.getByLabel(/wachtwoord/i).fill(DEMO_PASSWORD);
	await page.locator('main form button').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Een aanvraag beginnen' })).toBeVisible();
	await expectAccessible(page);
	await expectFits(page);
	await page.getByRole('radio', { name: 'een vereniging' }).check();
	await page.getByLabel(/Naam van de aanvrager/).fill('Buurtwerk Rabot vzw');
	await page.getByRole('button', { name: 'Aanvraag beginnen' }).click();
	await expect(field(page, 'title')).toBeVisible();
	const formUrl = page.url();
	await expectAccessible(page);
	await expectFits(page);

	// The whole form: a title, every section, four budget lines, 15 % own contribution, three indicators.
	await field(page, 'title').fill(title);
	await field(page, 'summary').fill('Een buurtkeuken, een speelplein en een wijkkrant, door en voor bewoners.');
	const sections = await page.locator('main textarea[name^="section_"]').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).name));
	expect(sections).toHaveLength(10);
	for (const name of sections) await field(page, name).fill('Bewoners van Rabot werken samen aan hun wijk, met de school en het wijkcentrum.');
	for (const [n, line] of LINES.entries()) await fillLine(page, n, line, js);
	await field(page, 'own_contribution').fill('15.000');
	for (const [n, [name, target, unit]] of [
		['Bewoners die meedoen', '120', 'bewoners'],
		['Activiteiten per jaar', '24', 'activiteiten'],
		['Nieuwe vrijwilligers', '10', 'vrijwilligers']
	].entries()) {
		await field(page, `indicator_${n}_name`).fill(name!);
		await field(page, `indicator_${n}_target`).fill(target!);
		await field(page, `indicator_${n}_unit`).fill(unit!);
	}
	const tooLow = /De cofinanciering is 15,0\s?% van de totale kost; deze oproep vraagt minstens 20\s?% \(€\s?5\.000,00 te weinig\)/;
	if (js) {
		// The live check says it before anything is saved…
		await expect(page.getByText(tooLow).first()).toBeVisible();
		const ms = await page.evaluate(() => performance.getEntriesByName('live-check').map((e) => e.duration));
		expect(ms.length).toBeGreaterThan(0);
		info.annotations.push({ type: 'live-check ms (last)', description: ms.at(-1)!.toFixed(2) });
	}
	await page.getByRole('button', { name: 'Opslaan en nakijken' }).click();

	// …and the check page says it after saving, with or without JavaScript.
	await expect(page.getByRole('heading', { level: 1, name: 'Nakijken en indienen' })).toBeVisible();
	await expect(page.getByText(tooLow)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Aanvraag indienen' })).toHaveCount(0);
	await expectAccessible(page);
	await expectFits(page);

	await page.getByRole('link', { name: 'Aanpassen' }).click();
	await expect(page).toHaveURL(formUrl);
	await expect(field(page, 'title')).toHaveValue(title);
	await field(page, 'own_contribution').fill('20.000');
	if (js) await expect(page.getByText(tooLow)).toHaveCount(0);
	await page.getByRole('button', { name: 'Opslaan en nakijken' }).click();
	await expect(page.getByText('Alle regels van de oproep kloppen.')).toBeVisible();
	await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
	await expect(page.getByText('Je aanvraag is ingediend.')).toBeVisible();
	await expect(page.getByText('Ingediend').first()).toBeVisible();
	await expect(field(page, 'title')).toHaveCount(0);
	await expectAccessible(page);

	// The frozen copy, parsed back: the title, a section's text and the applicant are in it.
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Versie \d+, ingediend op/ }).click()]);
	const xml = strFromU8(unzipSync(new Uint8Array(readFileSync((await download.path())!)))['word/document.xml']!);
	expect(xml).toContain(title);
	expect(xml).toContain('Bewoners van Rabot werken samen aan hun wijk');
	expect(xml).toContain('Buurtwerk Rabot vzw');

	// The list of one's applications, and the submitted page on a phone in Bulgarian and Arabic.
	await page.goto('/apply');
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await expectAccessible(page);
	if (!js) {
		for (const locale of ['bg', 'ar']) {
			await speak(page, locale);
			await page.goto(formUrl);
			await expectAccessible(page);
			await expectFits(page);
			await page.screenshot({ path: `${SHOTS}/submitted-${locale}-360.png`, fullPage: true });
		}
		await speak(page, 'nl');
	}
});

test('the form in Bulgarian and Arabic on a phone, and a draft nobody else can read', async ({ page, browser }, info) => {
	test.setTimeout(240_000);
	// The demo's own draft (applicant@example.org, the improvement contract, co-financing too low).
	await page.goto('/sign-in');
	await page.getByLabel(/e-mail/i).fill('applicant@example.org');
	await page.getByLabel(/wachtwoord/i).fill(DEMO_PASSWORD);
	await page.locator('main form button').click();
	await page.goto('/apply');
	await page.getByRole('link', { name: 'Rabot leeft samen' }).click();
	await page.waitForURL(/\/apply\/[0-9a-f-]{36}$/);
	const draftUrl = page.url();
	await expect(field(page, 'title')).toHaveValue('Rabot leeft samen');
	for (const locale of ['bg', 'ar', 'nl']) {
		await speak(page, locale);
		await page.goto(draftUrl);
		await expect(field(page, 'title')).toBeVisible();
		await expectAccessible(page);
		await expectFits(page);
		if (locale === 'ar') expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
		await page.screenshot({ path: `${SHOTS}/form-${locale}-${info.project.name}.png`, fullPage: true });
	}

	// Another applicant, and an anonymous visitor, are told it does not exist (or to sign in).
	const other = await browser.newContext({ javaScriptEnabled: false });
	const stranger = await other.newPage();
	await stranger.goto('/sign-in');
	await stranger.getByLabel(/e-mail/i).fill('garden@example.org');
	await stranger.getByLabel(/wachtwoord/i).fill(DEMO_PASSWORD);
	await stranger.locator('main form button').click();
	await stranger.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
	const seen = await stranger.goto(draftUrl);
	expect(seen?.status()).toBe(404);
	const posted = await stranger.request.post(`${draftUrl}?/save`, {
		form: { version: '1', title: 'Overgenomen' },
		headers: { origin: E2E_ORIGIN },
		maxRedirects: 0
	});
	expect(posted.status()).toBe(404);
	await other.close();
	await page.goto(draftUrl);
	await expect(field(page, 'title')).toHaveValue('Rabot leeft samen');
});
