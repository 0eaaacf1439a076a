import { expect, test } from '@playwright/test';
import { expectAccessible, expectFits, speak } from './helpers.ts';

// A visitor without an account on the Rabot page (the demo seed's Naaiatelier, weekly on Wednesday
// 14:00–16:00): in Bulgarian and Arabic, the activity's calendar read back, and "I'm coming".

const RABOT = '/areas/gent-7';

/** The VEVENTs of a feed, each as its unfolded property lines. */
function events(ics: string) {
	const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
	const out: Record<string, string>[] = [];
	let current: Record<string, string> | null = null;
	for (const line of lines) {
		if (line === 'BEGIN:VEVENT') current = {};
		else if (line === 'END:VEVENT') {
			out.push(current!);
			current = null;
		} else if (current) {
			const colon = line.indexOf(':');
			current[line.slice(0, colon).split(';')[0]!] = line.slice(colon + 1);
			current[`${line.slice(0, colon).split(';')[0]}:params`] = line.slice(0, colon);
		}
	}
	return out;
}

test('the neighbourhood page shows the Naaiatelier in Bulgarian and Arabic, and its calendar is on Wednesdays at 14:00', async ({ page }, info) => {
	for (const locale of ['bg', 'ar']) {
		await speak(page, locale);
		await page.goto(RABOT);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		const card = page.locator('article, section div', { hasText: 'Naaiatelier' }).first();
		await expect(card).toBeVisible();
		await expect(page.getByRole('link', { name: 'Naaiatelier' })).toBeVisible();
		await expectFits(page);
		if (locale === 'ar') await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		if (info.project.name === 'phone-no-js') await page.screenshot({ path: info.outputPath(`rabot-${locale}-360.png`), fullPage: true });
	}
	await speak(page, 'nl');
	await page.goto(RABOT);
	await expectAccessible(page);
	const section = page.locator('section', { has: page.getByRole('heading', { name: 'Activiteiten in de wijk' }) });
	await expect(section).toContainText('Naaiatelier');
	await expect(section).toContainText(/Elke week: woensdag 14:00\s*[–-]\s*16:00/);
	if (info.project.name === 'desktop') await page.screenshot({ path: info.outputPath('rabot-nl-1280.png'), fullPage: true });

	// The neighbourhood's one feed: office hours and the sessions together.
	const all = await page.request.get(`${RABOT}/calendar.ics`);
	expect(all.status()).toBe(200);
	expect(all.headers()['content-type']).toContain('text/calendar');
	const feed = events(await all.text());
	expect(feed.some((e) => e.SUMMARY === 'Naaiatelier')).toBe(true);
	expect(feed.some((e) => e.RRULE?.startsWith('FREQ=WEEKLY'))).toBe(true); // the office hours

	// The activity's page and its own feed: every session a Wednesday from 14:00 to 16:00, Brussels time.
	await page.getByRole('link', { name: 'Naaiatelier' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Naaiatelier');
	await expect(page.getByText(/woensdag 14:00\s*[–-]\s*16:00/).first()).toBeVisible();
	await expectAccessible(page);
	const href = await page.getByRole('link', { name: 'Zet in mijn agenda' }).getAttribute('href');
	const ics = await page.request.get(href!);
	expect(ics.status()).toBe(200);
	const sessions = events(await ics.text());
	expect(sessions.length).toBeGreaterThanOrEqual(4);
	for (const s of sessions) {
		expect(s['DTSTART:params']).toBe('DTSTART;TZID=Europe/Brussels');
		const [, y, mo, d, hh, mm] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})00$/.exec(s.DTSTART!)!;
		expect(new Date(Date.UTC(+y!, +mo! - 1, +d!)).getUTCDay()).toBe(3); // Wednesday
		expect(`${hh}:${mm}`).toBe('14:00');
		expect(s.DTEND!.slice(9, 13)).toBe('1600');
		expect(s.SUMMARY).toBe('Naaiatelier');
	}
});

test("a visitor says I'm coming with a first name and phone, after being asked for the consent", async ({ page }, info) => {
	await speak(page, 'nl');
	await page.goto(RABOT);
	await page.getByRole('link', { name: 'Naaiatelier' }).first().click();
	const firstName = `Mira ${info.project.name} ${Date.now() % 100000}`.slice(0, 60);
	await page.getByRole('textbox', { name: 'Voornaam' }).fill(firstName);
	await page.getByRole('textbox', { name: 'Telefoonnummer' }).fill('0470 12 34 56');
	await page.getByRole('button', { name: 'Ik kom' }).click();
	// Without the consent nothing is kept: the form comes back with the reason, the values kept.
	await expect(page.getByText('Zonder je toestemming bewaren we je gegevens niet').first()).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Voornaam' })).toHaveValue(firstName);
	await expectAccessible(page);
	await page.getByRole('checkbox', { name: /Ik ga akkoord/ }).check();
	await page.getByRole('button', { name: 'Ik kom' }).click();
	await expect(page).toHaveURL(/\/coming\?status=(registered|waiting)$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Je bent ingeschreven|Je staat op de wachtlijst/);
	await expect(page.getByText('We bellen je terug')).toBeVisible();
	await expectAccessible(page);
	if (info.project.name === 'phone-no-js') {
		await speak(page, 'ar');
		await page.reload();
		await expectFits(page);
		await page.screenshot({ path: info.outputPath('coming-ar-360.png'), fullPage: true });
	}
});

test('a private or unknown activity is a 404 page and feed', async ({ page }) => {
	const res = await page.goto(`${RABOT}/activities/00000000-0000-4000-8000-000000000000`);
	expect(res!.status()).toBe(404);
	expect((await page.request.get(`${RABOT}/activities/00000000-0000-4000-8000-000000000000.ics`)).status()).toBe(404);
});
