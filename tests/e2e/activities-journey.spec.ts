import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectAccessible, parseCsv, signIn, signOut, speak } from './helpers.ts';

// Issue 15's journey on a 360 px phone (with and without JavaScript): the organiser of the demo's
// sewing workshop adds today's session and takes attendance there — ticks 8, adds a newcomer by first
// name, a headcount of 2 — and closes it; the coordinator's reach page and "participants per month"
// indicator move by exactly what was recorded; a resident finds the workshop on the neighbourhood page
// and adds it to a calendar (the .ics fetched and parsed). Figures are read before and after through
// the same CSV downloads the pages offer, so the test compares what a user would get.

/** Today in Brussels as 'YYYY-MM-DD' (the sessions' and figures' calendar). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());

/** The reach figures of the default period (the last twelve months, this one included), by their CSV labels. */
async function reach(request: APIRequestContext): Promise<Record<string, string>> {
	const res = await request.get('/activities/reach.csv');
	expect(res.status()).toBe(200);
	return Object.fromEntries(parseCsv(await res.text()).map((r) => [r[0], r[1] ?? '']));
}

/** This month's value of an indicator, from its CSV (period name, from, to, value, target, status). */
async function thisMonth(request: APIRequestContext, indicatorUrl: string): Promise<number> {
	const res = await request.get(`${indicatorUrl}.csv`);
	expect(res.status()).toBe(200);
	const row = parseCsv(await res.text()).find((r) => r[1] === `${today().slice(0, 7)}-01`);
	expect(row, 'this month in the indicator').toBeTruthy();
	// "<5" is a count of 1 to 4: never the case for a workshop's month, and a number is needed to compare.
	return Number(row![3]);
}

/** Parsed VEVENTs of an iCalendar text: unfolded lines, properties by name (parameters kept apart). */
function vevents(ics: string) {
	const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
	const events: Record<string, { params: string; value: string }>[] = [];
	let current: Record<string, { params: string; value: string }> | null = null;
	for (const line of lines) {
		if (line === 'BEGIN:VEVENT') current = {};
		else if (line === 'END:VEVENT') {
			events.push(current!);
			current = null;
		} else if (current) {
			const colon = line.indexOf(':');
			const [name, ...params] = line.slice(0, colon).split(';');
			current[name!] = { params: params.join(';'), value: line.slice(colon + 1) };
		}
	}
	return events;
}

test('attendance on a phone moves reach and the indicator; a resident adds the workshop to a calendar', async ({ page }, info) => {
	const js = info.project.use.javaScriptEnabled !== false;
	await speak(page, 'nl');

	// 1. The coordinator defines "participants per month" from its template and reads both figures.
	await signIn(page, 'coordinator@example.org');
	await page.goto('/indicators/new?template=participants_per_month');
	await page.getByLabel('Naam').fill(`Deelnemers naaiatelier ${info.project.name}`);
	await page.getByRole('button', { name: 'Bewaar de indicator' }).click();
	await expect(page).toHaveURL(/\/indicators\/[0-9a-f-]{36}\?created=1$/);
	const indicatorUrl = page.url().split('?')[0]!;
	await expectAccessible(page);
	const before = await reach(page.request);
	const monthBefore = await thisMonth(page.request, indicatorUrl);
	await signOut(page);

	// 2. The facilitator, who organises the Naaiatelier, adds today's session and takes attendance.
	await signIn(page, 'facilitator@example.org');
	await page.goto('/activities');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Naaiatelier', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Naaiatelier' })).toBeVisible();
	await expectAccessible(page);
	// Early this morning, so it has been held whatever time the test runs; its own time, so it is this
	// run's. On the quarter hour: the time field steps by 15 minutes, and the browser refuses others.
	const start = info.project.name === 'phone' ? '00:30' : '00:15';
	await page.locator('#session-day').fill(today());
	await page.locator('#session-start').fill(start);
	await page.locator('#session-end').fill('00:45');
	await page.getByRole('button', { name: 'Een sessie toevoegen' }).click();
	const sessions = page.locator('section[aria-labelledby="sessions-h"]');
	await sessions.getByRole('link', { name: new RegExp(`${start}–00:45`) }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Aanwezigheden' })).toBeVisible();
	await expectAccessible(page);
	if (js) await expect(page.getByRole('button', { name: 'Eén meer' })).toBeVisible();

	const registered = page.locator('ul[aria-labelledby="att-g-registered"] button.tick');
	for (let i = 0; i < 8; i++) {
		await registered.nth(i).click();
		await expect(registered.nth(i)).toHaveAttribute('aria-pressed', 'true');
		if (js) await expect(registered.nth(i).locator('xpath=ancestor::li[1]').getByRole('status')).toHaveText('Bewaard');
	}
	const newcomer = `Nieuwkomer${info.project.name.replace(/[^a-z]/g, '')}${Date.now() % 100000}`;
	await page.getByLabel('Voornaam').fill(newcomer);
	await page.getByRole('button', { name: 'Toevoegen als aanwezig' }).click();
	await expect(page.getByText(`${newcomer} is toegevoegd en aangevinkt als aanwezig.`)).toBeVisible();
	await page.getByRole('spinbutton', { name: 'Anoniem geteld' }).fill('2');
	await page.getByRole('button', { name: 'Aantal bewaren' }).click();
	await expect(page.getByText('Het anonieme aantal is bewaard.')).toBeVisible();
	await page.getByRole('link', { name: 'Aanwezigheden afsluiten' }).click();
	await page.getByRole('button', { name: 'Ja, afsluiten' }).click();
	await expect(page.getByText('De aanwezigheden zijn afgesloten.')).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	// 3. The coordinator's figures moved by exactly that: one new person (the eight came before), nine
	//    attendances, one session, and the headcount beside them, never in them.
	await signIn(page, 'coordinator@example.org');
	await page.goto('/activities/reach');
	await expect(page.getByRole('heading', { level: 1, name: 'Bereik van activiteiten' })).toBeVisible();
	await expectAccessible(page);
	const after = await reach(page.request);
	const n = (r: Record<string, string>, label: string) => Number(r[label]);
	expect(n(after, 'Deelnemers (verschillende personen)')).toBe(n(before, 'Deelnemers (verschillende personen)') + 1);
	expect(n(after, 'Aanwezigheden')).toBe(n(before, 'Aanwezigheden') + 9);
	expect(n(after, 'Gehouden sessies')).toBe(n(before, 'Gehouden sessies') + 1);
	expect(n(after, 'Anonieme telling (apart, niet in de andere cijfers)')).toBe(n(before, 'Anonieme telling (apart, niet in de andere cijfers)') + 2);
	await page.goto(indicatorUrl);
	await expectAccessible(page);
	const monthAfter = await thisMonth(page.request, indicatorUrl);
	// The newcomer is new this month; the eight may have come already this month (then they count once).
	expect(monthAfter - monthBefore).toBeGreaterThanOrEqual(1);
	expect(monthAfter - monthBefore).toBeLessThanOrEqual(9);
	await signOut(page);

	// 4. A resident, not signed in, finds the workshop on Rabot's page and adds it to a calendar.
	await page.goto('/');
	await page.getByRole('heading', { level: 3, name: 'Rabot - Blaisantvest' }).getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rabot - Blaisantvest');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Naaiatelier' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Naaiatelier' })).toBeVisible();
	await expectAccessible(page);
	const ics = await page.request.get((await page.getByRole('link', { name: 'Zet in mijn agenda' }).getAttribute('href'))!);
	expect(ics.status()).toBe(200);
	expect(ics.headers()['content-type']).toContain('text/calendar');
	const events = vevents(await ics.text());
	expect(events.length).toBeGreaterThan(0);
	for (const e of events) {
		expect(e.SUMMARY?.value).toContain('Naaiatelier');
		expect(e.DTSTART?.params).toBe('TZID=Europe/Brussels');
	}
	// The series: Wednesdays, 14:00–16:00 in Brussels (the session added above ended before it was fetched).
	const weekly = events.filter((e) => {
		const d = e.DTSTART!.value;
		return new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T12:00:00Z`).getUTCDay() === 3 && d.slice(9, 13) === '1400';
	});
	expect(weekly.length).toBeGreaterThanOrEqual(4);
	for (const e of weekly) expect(e.DTEND?.value.slice(9, 13)).toBe('1600');
});
