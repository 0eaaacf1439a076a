import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './helpers.ts';

// The mutual-aid pages the journey does not pass through, used as people use them: the weekly
// proposal sent, stalled links nudged, an office hour scheduled and found on the neighbourhood's
// public page and in its calendar feed, a resident offering help, the coordinator's downloads.
// Every page visited is scanned (axe + no sideways scrolling on the phone).

const today = () => new Date().toISOString().slice(0, 10);
const monthsAgo = (n: number) => new Date(Date.now() - n * 30 * 86_400_000).toISOString().slice(0, 10);

test('the facilitator reviews and sends the weekly proposal, and nudges a stalled link', async ({ page }, info) => {
	await signIn(page, 'facilitator@example.org');
	await page.goto('/aid');
	await expectAccessible(page);
	await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Rabot - Blaisantvest' });
	await page.getByRole('button', { name: 'Tonen' }).click();
	await expect(page.locator('main tbody tr').first()).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Weekvoorstel' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Weekvoorstel');
	await expectAccessible(page);
	const ticks = page.locator('input[name="pair"]');
	const offered = await ticks.count();
	expect(offered, 'the demo has open needs with candidates').toBeGreaterThan(0);
	const sentNeed = (await ticks.first().getAttribute('value'))!.split(':')[0];
	// Untick all but the first: only what stays ticked is sent.
	for (let i = 1; i < offered; i++) await ticks.nth(i).uncheck();
	await page.getByRole('button', { name: 'Aangevinkte voorstellen versturen' }).click();
	await expect(page.getByRole('status')).toHaveText('Verstuurde voorstellen: 1');
	await expectAccessible(page);
	// The sent need now has a proposal, so it is no longer in the weekly proposal.
	await expect(page.locator(`input[name="pair"][value^="${sentNeed}:"]`)).toHaveCount(0);

	await page.goto('/aid/links?stalled=1');
	await expectAccessible(page);
	const stalled = page.locator('main article', { hasText: 'stilgevallen' }).first();
	await expect(stalled).toBeVisible();
	const title = await stalled.locator('h2').innerText();
	await stalled.getByRole('button', { name: 'Herinnering sturen' }).click();
	await expect(page.getByRole('status').first()).toContainText('De herinnering is genoteerd.');
	// A side without an account: the notice says how to reach them.
	await expect(page.getByRole('status').first()).toContainText('Telefoon: +32 470');
	// Reminded today: the link stays on the stalled list, marked so.
	await expect(page.locator('main article', { hasText: title }).first()).toContainText('vandaag herinnerd');
	await expectAccessible(page);
	await page
		.getByRole('status')
		.first()
		.screenshot({ path: info.outputPath(`nudge-notice-${info.project.name}.png`) });
});

test('an office hour scheduled by the facilitator appears on the neighbourhood page and in its calendar', async ({ page }, info) => {
	const place = `Buurthuis Rabot, zaal ${info.project.name}`;
	await signIn(page, 'facilitator@example.org');
	await page.goto('/aid/office-hours');
	await expectAccessible(page);
	await page.getByLabel('Plaats').fill(place);
	await page.getByLabel('Weekdag').selectOption({ label: 'donderdag' });
	await page.getByLabel('Van', { exact: true }).fill('14:00');
	await page.getByLabel('Tot', { exact: true }).fill('16:30');
	await page.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(page.locator('li, tr', { hasText: place }).first()).toBeVisible();
	await expectAccessible(page);

	await page.goto('/areas/gent-7');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rabot - Blaisantvest');
	await expect(page.locator('tr', { hasText: place })).toContainText('donderdag');
	await expectAccessible(page);
	const ics = await page.request.get('/areas/gent-7/office-hours.ics');
	expect(ics.status()).toBe(200);
	expect(ics.headers()['content-type']).toContain('text/calendar');
	const feed = await ics.text();
	expect(feed).toContain('BEGIN:VCALENDAR');
	expect(feed).toContain('RRULE:FREQ=WEEKLY;BYDAY=TH');
	expect(feed).toContain(place.replaceAll(',', '\\,'));
});

test('a volunteer offers help on a phone and sees the offer among their own', async ({ page }, info) => {
	const title = `Fietsherstellingen op zaterdag (${info.project.name})`;
	await signIn(page, 'volunteer@example.org');
	await page.goto('/help');
	await page.getByRole('link', { name: 'Ik wil helpen' }).first().click();
	// The question pages: what (one tap), when (a quick pick), where (preselected), more (the title), check.
	await expect(page).toHaveURL(/\/help\/offer$/);
	await expectAccessible(page);
	await page.locator('button[name="category"][value="repairs"]').click();
	await expect(page).toHaveURL(/\/help\/offer\/when$/);
	await page.locator('input[name="when"][value="weekends"]').check();
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).toHaveURL(/\/help\/offer\/where$/);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).toHaveURL(/\/help\/offer\/more$/);
	await page.locator('summary', { hasText: 'Een korte titel geven' }).click();
	await page.getByLabel('In een paar woorden').fill(title);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).toHaveURL(/\/help\/offer\/check$/);
	await expect(page.locator('main dl')).toContainText(title);
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page).toHaveURL(/\/help\/offer\/done\/[0-9a-f-]{36}$/);
	await page.goto('/help');
	await expect(page).toHaveURL(/\/help(\?|$)/);
	await expect(page.getByRole('region', { name: 'Mijn aanbod' }).locator('article', { hasText: title })).toBeVisible();
	await expectAccessible(page);
});

test('the coordinator downloads the figures as CSV and XLSX; small groups stay hidden there too', async ({ page }) => {
	await signIn(page, 'coordinator@example.org');
	await page.goto(`/aid/reach?from=${monthsAgo(24)}&to=${today()}`);
	await expectAccessible(page);
	const csvHref = await page.getByRole('link', { name: 'Cijfers als CSV' }).getAttribute('href');
	const csv = await page.request.get(csvHref!);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(csv.headers()['content-disposition']).toContain('attachment');
	const text = await csv.text();
	expect(text.split('\n').length).toBeGreaterThan(5);
	// A figure of 1 to 4 is never written as a number: the suppressed cells say so instead.
	for (const line of text.split('\n').slice(1)) {
		for (const cell of line.split(/[,;]/)) {
			const n = Number(cell.replaceAll('"', ''));
			if (cell.trim() !== '' && Number.isInteger(n)) expect(n === 0 || n >= 5, `cell ${cell} in ${line}`).toBe(true);
		}
	}
	const xlsxHref = await page.getByRole('link', { name: 'Cijfers als Excel (XLSX)' }).getAttribute('href');
	const xlsx = await page.request.get(xlsxHref!);
	expect(xlsx.status()).toBe(200);
	expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
	const bytes = await xlsx.body();
	expect(bytes.subarray(0, 2).toString('latin1'), 'an XLSX file is a zip').toBe('PK');

	// The facilitator may not download them.
	await page.context().clearCookies();
	await signIn(page, 'facilitator@example.org');
	expect((await page.request.get(csvHref!)).status()).toBe(403);
});

test('a neighbourhood switches on its anonymous board, and a neighbour reads it in Arabic without names', async ({ page, browser }, info) => {
	await signIn(page, 'facilitator@example.org');
	await page.goto('/aid/office-hours');
	const rabot = page.locator('form', { hasText: 'Rabot - Blaisantvest' }).filter({ has: page.locator('input[name="show"]') });
	await rabot.getByLabel('Open noden anoniem tonen op de wijkpagina').check();
	await rabot.getByRole('button', { name: /Opslaan/ }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Rabot - Blaisantvest' })).toContainText('toont nu haar open noden anoniem');
	await expectAccessible(page);

	// A neighbour without an account, reading Arabic (right to left).
	const neighbour = await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: info.project.use.javaScriptEnabled, locale: 'ar' });
	const p = await neighbour.newPage();
	await p.goto('/areas/gent-7');
	await expect(p.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(p.getByRole('heading', { name: 'جيران يبحثون عن مساعدة' })).toBeVisible();
	await expect(p.locator('main a[href="/help/offer"]')).toBeVisible();
	const text = await p.locator('main').innerText();
	// Demo residents with open needs in Rabot: none of their names or titles are on the public page.
	for (const secret of ['Rosa', 'Hamid', 'Ahmed', 'Lea', 'Maria', 'Pensioenaanvraag', 'Vera']) expect(text).not.toContain(secret);
	await expectAccessible(p);
	await neighbour.close();
});

test('a facilitator records a good-conduct certificate check on the person page', async ({ page }) => {
	await signIn(page, 'facilitator@example.org');
	await page.goto('/people?q=Hamid');
	await page.getByRole('link', { name: /^Hamid/ }).click();
	await expect(page.getByRole('heading', { name: 'Attest van goed gedrag en zeden' })).toBeVisible();
	await expectAccessible(page);
	// A validity longer than five years is refused next to its field, and nothing is recorded.
	await page.getByLabel('Nagekeken op').fill(today());
	await page.getByLabel('Geldig tot en met').fill(`${Number(today().slice(0, 4)) + 6}-01-01`);
	await page.getByRole('button', { name: 'Controle registreren' }).click();
	await expect(page.locator('#cert-valid-until-err')).toContainText('Hoogstens 5 jaar na de controledatum.');
	await expectAccessible(page);
	await page.getByLabel('Geldig tot en met').fill(`${Number(today().slice(0, 4)) + 3}-01-01`);
	await page.getByRole('button', { name: 'Controle registreren' }).click();
	await expect(page.getByRole('status')).toHaveText('De controle is geregistreerd.');
	await expect(page.locator('section', { hasText: 'Attest van goed gedrag en zeden' })).toContainText('Geldig');
	await expectAccessible(page);
});

test('the neighbourhood map picture may be cached, signed-in pages never are', async ({ page }) => {
	await signIn(page, 'resident@example.org');
	const map = await page.request.get('/areas/gent-7/map.svg');
	expect(map.status()).toBe(200);
	expect(map.headers()['content-type']).toContain('image/svg+xml');
	expect(map.headers()['cache-control']).toMatch(/^public/);
	expect(await map.text()).toContain('Bron: Stad Gent');
	// With a marker it is the resident's own point: never in a shared cache.
	const marked = await page.request.get('/areas/gent-7/map.svg?lat=51.06&lon=3.71');
	expect(marked.headers()['cache-control']).toBe('private, no-store');
	const help = await page.request.get('/help');
	expect(help.headers()['cache-control']).toBe('private, no-store');
	expect((await page.request.get('/areas/gent-7/map.svg?lat=91&lon=3.7')).status()).toBe(400);
});

test('the need page ranks by common time first and says why: each reason’s points, the offer’s own words, who was left out', async ({
	page
}, info) => {
	await signIn(page, 'facilitator@example.org');
	await page.goto('/aid');
	await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Rabot - Blaisantvest' });
	await page.getByRole('button', { name: 'Tonen' }).click();
	await page.getByRole('link', { name: 'Iemand om mee te praten' }).click();
	// Rosa is free on Friday afternoons; Sara, the demo's only volunteer for company, on Saturdays.
	const sara = page.locator('main article', { hasText: 'Sara' });
	await expect(sara).toContainText('Op bezoek voor een babbel');
	await expect(sara.locator('.pill', { hasText: 'geen gemeenschappelijk moment' })).toBeVisible();
	// Each reason a pill with its points.
	const reasons = sara.getByRole('list', { name: 'Waarom deze match' }).getByRole('listitem');
	await expect(reasons.first()).toHaveText('spreekt Nederlands +30');
	await expect(reasons.first().locator('.pill')).toHaveCount(1);
	await expect(sara.getByRole('button', { name: 'Voorstellen aan Sara' })).toHaveClass(/btn-primary/);
	await expect(page.getByRole('heading', { name: 'Niet in de lijst' })).toBeVisible();
	await expect(page.getByText('Geen enkel aanbod van deze soort is weggelaten.')).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: info.outputPath('need-page.png'), fullPage: true });
});
