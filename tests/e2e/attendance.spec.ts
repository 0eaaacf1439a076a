import { expect, test, type Locator, type Page } from '@playwright/test';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { expectAccessible, signIn, slowScripts, speak } from './helpers.ts';
import { openDatabase } from '../../scripts/lib/database.ts';
import { connect } from '../../src/lib/server/db/index.ts';
import { activitiesActivity, activitiesAttendance, activitiesSession } from '../../src/lib/server/activities/schema.ts';

// Taking attendance at the demo's sewing workshop on a phone (without and with JavaScript) and on a
// desktop: a facilitator of Rabot ticks 8 people, adds a newcomer by first name, sets a headcount of
// 2 and closes; the counts on the page and the rows in the database say exactly that.

test.describe.configure({ mode: 'serial' });

// The browser tests' server's own database (tests' DATA_DIR), joined while the server runs.
async function database() {
	process.env.DATA_DIR ??= '.test-data/e2e';
	const opened = await openDatabase({ shared: true });
	return connect(opened.url, 1);
}

/** An open Naaiatelier session to come, one per project so the three runs do not meet. */
async function openSession(project: string) {
	const d = await database();
	try {
		const rows = await d.db
			.select({ id: activitiesSession.id, activityId: activitiesSession.activityId })
			.from(activitiesSession)
			.innerJoin(activitiesActivity, eq(activitiesActivity.id, activitiesSession.activityId))
			.where(and(eq(activitiesActivity.title, 'Naaiatelier'), gt(activitiesSession.startsAt, new Date()), isNull(activitiesSession.closedAt)))
			.orderBy(asc(activitiesSession.startsAt));
		const index = ['phone-no-js', 'phone', 'desktop'].indexOf(project);
		const s = rows[Math.max(0, index)];
		if (!s) throw new Error('no open Naaiatelier session in the demo');
		return s;
	} finally {
		await d.close();
	}
}

async function stored(sessionId: string) {
	const d = await database();
	try {
		const [row] = await d.db
			.select({
				rows: sql<number>`(select count(*)::int from ${activitiesAttendance} where ${activitiesAttendance.sessionId} = ${sessionId})`,
				anonymousCount: activitiesSession.anonymousCount,
				closedAt: activitiesSession.closedAt
			})
			.from(activitiesSession)
			.where(eq(activitiesSession.id, sessionId));
		return row!;
	} finally {
		await d.close();
	}
}

const count = (page: Page, label: string) =>
	page
		.locator('[data-counts] div')
		.filter({ has: page.getByText(label, { exact: true }) })
		.locator('dd');

/** The saved state shown beside one toggle (names can repeat: found from the toggle itself). */
const savedOf = (button: Locator) => button.locator('xpath=ancestor::li[1]').getByRole('status');

test('a facilitator takes attendance at a sewing-workshop session: 8 ticks, a newcomer, a headcount of 2, closed', async ({ page }, info) => {
	const js = info.project.use.javaScriptEnabled !== false;
	const s = await openSession(info.project.name);
	const url = `/activities/${s.activityId}/sessions/${s.id}`;
	await signIn(page, 'facilitator@example.org');
	await page.goto(url);
	await expect(page.getByRole('heading', { level: 1, name: 'Aanwezigheden' })).toBeVisible();
	await expect(count(page, 'Aanwezig met naam')).toHaveText('0');
	// The demo registered 20 for the series; they come first.
	const registered = page.locator('ul[aria-labelledby="att-g-registered"] button.tick');
	await expect(registered).toHaveCount(20);
	await expect(count(page, 'Ingeschreven')).toHaveText('20');
	await expectAccessible(page);
	// With JavaScript, the app has started once the headcount's − and + show (they are drawn on mount);
	// a tap before that is a plain post, which works too but is not what this run is about.
	if (js) await expect(page.getByRole('button', { name: 'Eén meer' })).toBeVisible();

	for (let i = 0; i < 8; i++) {
		const button = registered.nth(i);
		await button.click();
		if (js) await expect(savedOf(registered.nth(i))).toHaveText('Bewaard');
		// Without JavaScript the post came back to the name (PRG, anchored).
		else await expect(page).toHaveURL(/#p-[0-9a-f-]+$/);
		await expect(registered.nth(i)).toHaveAttribute('aria-pressed', 'true');
	}
	await expect(count(page, 'Aanwezig met naam')).toHaveText('8');
	expect((await stored(s.id)).rows).toBe(8);
	if (js) {
		// The ticks were saved, not only shown: a fresh load shows them from the server.
		await page.reload();
		await expect(count(page, 'Aanwezig met naam')).toHaveText('8');
		await expect(page.locator('button.tick[aria-pressed="true"]')).toHaveCount(8);
		await expect(page.getByRole('button', { name: 'Eén meer' })).toBeVisible();
	}

	// A tick undone and done again stays one row.
	await registered.nth(0).click();
	if (js) await expect(count(page, 'Aanwezig met naam')).toHaveText('7');
	await expect(registered.nth(0)).toHaveAttribute('aria-pressed', 'false');
	if (js) await expect(savedOf(registered.nth(0))).toHaveText('Bewaard');
	await registered.nth(0).click();
	await expect(registered.nth(0)).toHaveAttribute('aria-pressed', 'true');
	if (js) await expect(savedOf(registered.nth(0))).toHaveText('Bewaard');
	expect((await stored(s.id)).rows).toBe(8);

	// A name per project that no other project's name contains (the search below finds it alone).
	const newcomer =
		({ 'phone-no-js': 'Yaratekst', phone: 'Yaramobiel', desktop: 'Yarabureau' } as Record<string, string>)[info.project.name] ?? 'Yara';
	await page.getByLabel('Voornaam').fill(newcomer);
	await page.getByRole('button', { name: 'Toevoegen als aanwezig' }).click();
	await expect(page.getByText(`${newcomer} is toegevoegd en aangevinkt als aanwezig.`)).toBeVisible();
	await expect(page.locator(`button[data-person="${newcomer}"]`)).toHaveAttribute('aria-pressed', 'true');
	await expect(count(page, 'Aanwezig met naam')).toHaveText('9');

	const headcount = page.getByRole('spinbutton', { name: 'Anoniem geteld' });
	if (js) {
		await page.getByRole('button', { name: 'Eén meer' }).click();
		await page.getByRole('button', { name: 'Eén meer' }).click();
		await expect(headcount).toHaveValue('2');
	} else await headcount.fill('2');
	await page.getByRole('button', { name: 'Aantal bewaren' }).click();
	await expect(page.getByText('Het anonieme aantal is bewaard.')).toBeVisible();
	await expect(count(page, 'Anoniem geteld')).toHaveText('2');
	await expect(count(page, 'Aanwezig met naam')).toHaveText('9');

	// A bad headcount is refused in Dutch, and nothing changes.
	await headcount.fill('10000');
	await page.getByRole('button', { name: 'Aantal bewaren' }).click();
	await expect(page.getByText('Geef een aantal van 0 tot 5000.').first()).toBeVisible();
	expect((await stored(s.id)).anonymousCount).toBe(2);
	await page.goto(url);

	// Search (a plain GET): anyone of the organisation by name.
	await page.getByLabel('Zoek iemand van de organisatie').fill(newcomer);
	if (!js) await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page.locator('button.tick')).toHaveCount(1);
	await expect(page.locator(`button[data-person="${newcomer}"]`)).toBeVisible();
	await page.goto(url);

	await page.getByRole('link', { name: 'Aanwezigheden afsluiten' }).click();
	await expect(page.getByText('De aanwezigheden van deze bijeenkomst afsluiten?')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Ja, afsluiten' }).click();
	await expect(page.getByText('De aanwezigheden zijn afgesloten.')).toBeVisible();
	await expect(page.getByText(/^Afgesloten op /)).toBeVisible();
	await expect(count(page, 'Aanwezig met naam')).toHaveText('9');
	await expect(count(page, 'Anoniem geteld')).toHaveText('2');
	const after = await stored(s.id);
	expect([after.rows, after.anonymousCount, after.closedAt !== null]).toEqual([9, 2, true]);
	await expectAccessible(page);

	if (info.project.name === 'desktop') await page.screenshot({ path: info.outputPath('attendance-desktop-nl.png'), fullPage: true });
	if (info.project.name === 'phone-no-js') {
		await page.screenshot({ path: info.outputPath('attendance-360-nl.png'), fullPage: true });
		try {
			for (const locale of ['bg', 'ar']) {
				await speak(page, locale);
				await page.goto(url);
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				await expectAccessible(page);
				await page.screenshot({ path: info.outputPath(`attendance-360-${locale}.png`), fullPage: true });
			}
		} finally {
			await speak(page, 'nl');
		}
	}
});

test('residents and volunteers do not see the checklist; another neighbourhood’s facilitator gets a 404', async ({ page }, info) => {
	const s = await openSession(info.project.name);
	const url = `/activities/${s.activityId}/sessions/${s.id}`;
	for (const [email, status] of [
		['resident@example.org', 403],
		['volunteer@example.org', 403]
	] as const) {
		await page.context().clearCookies();
		await signIn(page, email);
		const res = await page.goto(url);
		expect(res?.status(), email).toBe(status);
	}
	await page.context().clearCookies();
	// An id that is not a session of this activity is the same 404 as an unknown one.
	await signIn(page, 'facilitator@example.org');
	const res = await page.goto(`/activities/${s.activityId}/sessions/00000000-0000-4000-8000-000000000000`);
	expect(res?.status()).toBe(404);
});

test('letters typed in the search before the page’s JavaScript has started still narrow the list', async ({ page }, info) => {
	test.skip(info.project.use.javaScriptEnabled === false, 'without JavaScript the search is the button, tested above');
	const s = await openSession(info.project.name);
	await signIn(page, 'facilitator@example.org');
	await speak(page, 'nl');
	// A slow phone: the page's scripts arrive 1.5 s after its HTML, and the organiser types at once.
	await slowScripts(page);
	await page.goto(`/activities/${s.activityId}/sessions/${s.id}`, { waitUntil: 'domcontentloaded' });
	const names = await page.locator('button.tick').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-person') ?? ''));
	const first = names.find((n) => n.length >= 4)!;
	const typed = first.slice(0, 4);
	expect(names.filter((n) => !n.toLowerCase().includes(typed.toLowerCase())).length, 'names the search leaves out').toBeGreaterThan(0);
	await page.getByLabel('Zoek iemand van de organisatie').fill(typed);
	await page.waitForLoadState('networkidle');
	await expect(page.locator(`button.tick[data-person="${first}"]`).first()).toBeVisible();
	await expect
		.poll(async () =>
			(await page.locator('button.tick').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-person') ?? ''))).every((n) =>
				n.toLowerCase().includes(typed.toLowerCase())
			)
		)
		.toBe(true);
	await expect(page.getByLabel('Zoek iemand van de organisatie')).toHaveValue(typed);
});
