import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { expectAccessible, signIn, speak } from './helpers.ts';
import { E2E_RESIDENT } from './long-texts.ts';

// Issue 12, the resident's journey as question pages: "Ask for help" in at most six taps with the
// neighbourhood preselected, each step on one 360 × 780 screen in Dutch and Bulgarian (the primary
// button on screen when the page loads), the back button showing the answer given, no JavaScript
// needed on the phone, and an axe scan of every step in Dutch and Arabic.

const SCREEN = { width: 360, height: 780 };

/** Where the page's main action ends when it loads, in CSS px from the top of the screen. */
async function bottomOf(target: Locator) {
	const box = await target.boundingBox();
	expect(box, 'the primary action is drawn').not.toBeNull();
	return box!.y + box!.height;
}

/**
 * The step as the phone shows it, in Dutch and Bulgarian: its primary action inside the first screen;
 * scanned in Dutch and Arabic; screenshots in Bulgarian and Arabic (phone) or Dutch (desktop).
 */
async function look(page: Page, info: TestInfo, name: string, primary: () => Locator) {
	const phone = info.project.name === 'phone-no-js';
	if (phone) expect(await bottomOf(primary()), `${name} (nl): the primary action without scrolling`).toBeLessThanOrEqual(SCREEN.height);
	await expectAccessible(page);
	if (!phone) {
		await page.screenshot({ path: info.outputPath(`${name}-nl-1280.png`), fullPage: true });
		return;
	}
	for (const locale of ['bg', 'ar']) {
		await speak(page, locale);
		await page.reload();
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		if (locale === 'bg') expect(await bottomOf(primary()), `${name} (bg): the primary action without scrolling`).toBeLessThanOrEqual(SCREEN.height);
		else await expectAccessible(page);
		await page.screenshot({ path: info.outputPath(`${name}-${locale}-360.png`), fullPage: true });
	}
	await speak(page, 'nl');
	await page.reload();
}

test('Ask for help: six taps, one screen per step in nl and bg, back keeps the answer, axe in nl and ar', async ({ page }, info) => {
	// Ten scans and twenty screenshots on the phone, on a shared machine.
	test.setTimeout(180_000);
	const phone = info.project.name === 'phone-no-js';
	if (phone) await page.setViewportSize(SCREEN);
	await signIn(page, E2E_RESIDENT);
	let taps = 0;
	const tap = async (target: Locator) => {
		await target.click();
		taps++;
	};
	const next = () => page.getByRole('button', { name: 'Verder' });
	// The step's one primary button, found the same way in every language.
	const primary = () => page.locator('main .btn-primary').first();

	await page.goto('/help/need');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waarmee wil je hulp?');
	// The answers are the tiles: all thirteen, down to the last, on the first screen in nl and bg.
	await look(page, info, 'need-1-what', () => page.locator('button[name="category"]').last());
	await tap(page.getByRole('button', { name: 'Boodschappen' }));

	await expect(page).toHaveURL(/\/help\/need\/when$/);
	await look(page, info, 'need-2-when', primary);
	await tap(page.getByText('Ochtenden'));
	await tap(next());

	await expect(page).toHaveURL(/\/help\/need\/where$/);
	// Back: the question before, with the answer given.
	await page.goBack();
	await expect(page).toHaveURL(/\/help\/need\/when$/);
	await expect(page.getByRole('checkbox', { name: /Ochtenden/ })).toBeChecked();
	await page.goForward();
	await expect(page).toHaveURL(/\/help\/need\/where$/);
	// The person's own neighbourhood is chosen already.
	await expect(page.getByRole('radio', { name: 'Rabot - Blaisantvest' })).toBeChecked();
	await look(page, info, 'need-3-where', primary);
	await tap(next());

	await expect(page).toHaveURL(/\/help\/need\/more$/);
	await look(page, info, 'need-4-more', primary);
	await tap(next());

	await expect(page).toHaveURL(/\/help\/need\/check$/);
	const summary = page.locator('dl');
	await expect(summary).toContainText('Boodschappen');
	await expect(summary).toContainText('Ochtenden');
	await expect(summary).toContainText('Rabot - Blaisantvest');
	await look(page, info, 'need-5-check', primary);
	await tap(page.getByRole('button', { name: 'Versturen' }));

	await expect(page).toHaveURL(/\/help\/need\/done\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je vraag om hulp is verstuurd');
	await expect(page.getByText('Youssef of een collega van Stad Gent — Buurtwerk belt je binnen enkele dagen.')).toBeVisible();
	await expect(page.getByText(/spreekuur/)).toBeVisible();
	await look(page, info, 'need-6-done', primary);
	expect(taps, 'taps to say a need').toBeLessThanOrEqual(6);
});

test('a step refuses what is missing with a message that links to it, and “Change” comes back to the check page', async ({ page }) => {
	await signIn(page, E2E_RESIDENT);
	await page.goto('/help/need');
	await page.getByRole('button', { name: 'Verhuizen' }).click();
	// Reached out of order: the first question still to answer.
	await page.goto('/help/need/check');
	await expect(page).toHaveURL(/\/help\/need\/when$/);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByRole('alert')).toContainText('Kies wanneer, of kies precieze uren.');
	await expect(page.getByRole('alert').getByRole('link')).toHaveAttribute('href', '#f-when');
	// "A specific day" asks for its date on the next page, without JavaScript.
	await page.getByText('Op een bepaalde dag').click();
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByRole('alert')).toContainText('Welke dag? Kies de datum.');
	await expect(page.getByRole('checkbox', { name: /Op een bepaalde dag/ })).toBeChecked();
	const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('Datum').fill(day);
	await page.getByRole('button', { name: 'Verder' }).click();
	await page.getByRole('button', { name: 'Verder' }).click();
	await page.getByLabel(/Vertel er iets meer over/).fill('Twee kasten naar de derde verdieping.');
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).toHaveURL(/\/check$/);
	await page.getByRole('link', { name: /Wijzigen.*Waarvoor/ }).click();
	await expect(page.getByRole('button', { name: 'Verhuizen' })).toHaveAttribute('aria-pressed', 'true');
	await page.getByRole('button', { name: 'Kleine herstellingen' }).click();
	await expect(page).toHaveURL(/\/check$/);
	await expect(page.locator('dl')).toContainText('Kleine herstellingen');
	await expect(page.locator('dl')).toContainText('Twee kasten naar de derde verdieping.');
	await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
	await expect(page).toHaveURL(/\/help\/need$/);
});
