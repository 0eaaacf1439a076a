import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { axeScan, expectAccessible, onCopy, signIn, speak } from './helpers.ts';

// Staff pages after the facilitators' trial: the queue's tools row (no list markers over the links),
// the weekly proposal reachable without filtering, the links page's heading order (axe best
// practice), a walk-in registered twice, and how the links and reach pages look in the staff languages.

/** The first screens of the page (a long list would make the picture unreadable). */
async function shot(page: Page, info: TestInfo, name: string) {
	const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), 2400);
	const width = page.viewportSize()!.width;
	await page.screenshot({ path: info.outputPath(`${name}-${info.project.name}.png`), fullPage: true, clip: { x: 0, y: 0, width, height } });
}

/** axe's best-practice rules (heading order among them) on a copy of the page, as expectAccessible scans. */
async function bestPractice(page: Page) {
	return onCopy(page, async (copy) => {
		const { violations, passes } = await axeScan(copy, ['best-practice']);
		expect(passes).toContain('heading-order');
		return violations;
	});
}

test('the queue offers the weekly proposal without filtering, its tabs have no markers over the links', async ({ page }, info) => {
	await signIn(page, 'facilitator@example.org');
	await page.goto('/aid');
	const tabs = page.getByRole('navigation', { name: 'Burenhulp' });
	const items = tabs.locator('li');
	expect(await items.count()).toBeGreaterThan(2);
	for (const style of await items.evaluateAll((lis) => lis.map((li) => getComputedStyle(li).listStyleType))) expect(style).toBe('none');
	await expect(tabs.getByRole('link', { name: 'Vragen om hulp' })).toHaveAttribute('aria-current', 'page');
	// Stalled links are counted on the links tab. A fresh demo has some; earlier journeys of the same
	// run may have nudged them all, so the count is checked against the queue's own stalled notice.
	const stalled = await page.locator('main a[href*="stalled=1"]').count();
	await expect(tabs.getByRole('link', { name: stalled ? /^Koppelingen\s*\d+$/ : /^Koppelingen$/ })).toBeVisible();
	await shot(page, info, 'aid-queue');
	await tabs.getByRole('link', { name: 'Weekvoorstel' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Weekvoorstel');
	await expect(page.getByRole('navigation', { name: 'Burenhulp' }).getByRole('link', { name: 'Weekvoorstel' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	// The demo facilitator works in one neighbourhood: it is chosen, and the proposal is there.
	await expect(page.locator('input[name="pair"]').first()).toBeVisible();
	await expect(page.getByText('Something went wrong')).toHaveCount(0);
	await expectAccessible(page);
	await shot(page, info, 'aid-weekly');
});

test('the queue says each need’s status and the safeguarding flag as words on pills, not as colour alone', async ({ page }, info) => {
	await signIn(page, 'facilitator@example.org');
	await page.goto('/aid');
	const rows = page.locator('main tbody tr');
	expect(await rows.count()).toBeGreaterThan(2);
	// Every need: a status pill with a word of the status list.
	for (const row of await rows.all()) {
		await expect(row.locator('.pill').first()).toHaveText(/^(open|wordt nagekeken|gekoppeld|afgesloten)$/);
	}
	// The demo's homework help is with a child: flagged with the word, on a danger pill with its icon.
	const homework = rows.filter({ hasText: 'Huiswerk voor mijn zoon' });
	const flag = homework.locator('.pill', { hasText: 'thuis of met kinderen' });
	await expect(flag).toBeVisible();
	await expect(flag).toHaveClass(/danger/);
	await expect(flag.locator('svg')).toHaveCount(1);
	await expect(homework.getByRole('link', { name: 'Huiswerk voor mijn zoon (10 jaar)' })).toHaveAttribute('href', /^\/aid\/needs\//);
	await expectAccessible(page);
	await shot(page, info, 'aid-queue-pills');
});

test('the links page passes axe best practice (heading order) and reads well in nl, fr, en and ar', async ({ page }, info) => {
	test.setTimeout(120_000);
	await signIn(page, 'facilitator@example.org');
	for (const locale of ['nl', 'fr', 'en', 'ar']) {
		await speak(page, locale);
		await page.goto('/aid/links');
		await expect(page.locator('main article').first()).toBeVisible();
		// The headings are the same in every language: the best-practice scan once.
		if (locale === 'nl') expect(await bestPractice(page), 'best practice on /aid/links').toEqual([]);
		await expectAccessible(page);
		await shot(page, info, `aid-links-${locale}`);
	}
	await speak(page, 'nl');
});

test('the coordinator sees this month in the default figures, with full-width charts', async ({ page }, info) => {
	test.setTimeout(120_000);
	await signIn(page, 'coordinator@example.org');
	for (const locale of ['nl', 'fr', 'en']) {
		await speak(page, locale);
		await page.goto('/aid/reach');
		const thisMonth = new Date().toISOString().slice(0, 7);
		await expect(page.locator('#f-to')).toHaveValue(new RegExp(`^${thisMonth}-\\d\\d$`));
		// The frame takes the page's width, and the chart the frame's (the numbers' table goes under it).
		const frame = page.locator('figure.chart-frame').first();
		const chart = frame.locator('svg.chart');
		const [chartBox, frameBox, mainBox] = [await chart.boundingBox(), await frame.boundingBox(), await page.locator('main').boundingBox()];
		expect(frameBox!.width, 'the chart frame fills the content width').toBeGreaterThan(mainBox!.width * 0.85);
		expect(chartBox!.width, 'the chart fills its frame').toBeGreaterThan(frameBox!.width * 0.85);
		await expectAccessible(page);
		await shot(page, info, `aid-reach-${locale}`);
		await page
			.locator('figure.chart-frame')
			.nth(1)
			.screenshot({ path: info.outputPath(`aid-reach-monthly-${locale}-${info.project.name}.png`) });
	}
	await speak(page, 'nl');
});

test('a walk-in registered a second time is recognised and the person already known is used', async ({ page }, info) => {
	const name = `Dubbel ${info.project.name}`;
	const phone = info.project.name === 'desktop' ? '0470 81 81 81' : '0470 82 82 82';
	await signIn(page, 'facilitator@example.org');
	const register = async (firstName: string, tel: string) => {
		// By field name: the same steps in every language.
		await page.goto('/aid/office-hour');
		const form = page.locator('form[action="?/walkIn"]');
		await form.locator('input[name="firstName"]').fill(firstName);
		await form.locator('input[name="phone"]').fill(tel);
		await form.locator('select[name="category"]').selectOption('errands');
		await form.locator('input[name="title"]').fill('Boodschappen op vrijdag');
		await form.locator('button.btn-primary').last().click();
	};
	await register(name, phone);
	await expect(page.getByText(`Hulpvraag geregistreerd voor ${name}`)).toBeVisible();
	// Again, typed differently: upper case and with the country code.
	await register(name.toUpperCase(), `+32 ${phone.slice(1)}`);
	const warning = page.getByRole('status').filter({ hasText: 'misschien al geregistreerd' });
	await expect(warning).toBeVisible();
	await expect(page.getByLabel('In een paar woorden')).toHaveValue('Boodschappen op vrijdag');
	await expectAccessible(page);
	await shot(page, info, 'office-hour-duplicate');
	await warning.getByRole('button', { name: `Dit is ${name}: gebruik deze persoon` }).click();
	await expect(page.getByText(`Hulpvraag geregistreerd voor ${name}`)).toBeVisible();

	// A weekly time with only its start says what is missing.
	await page.goto('/aid/office-hour');
	await page.getByLabel('Voornaam', { exact: true }).fill(`Half ${info.project.name}`);
	await page.getByLabel('Soort hulp').selectOption('errands');
	await page.getByLabel('In een paar woorden').fill('Boodschappen doen');
	await page.getByLabel('Van', { exact: true }).fill('10:00');
	await page.getByRole('button', { name: 'Registreren en hulp zoeken' }).click();
	await expect(page.locator('#f-day-err')).toContainText('Kies de dag van de week bij dit uur.');
	await expect(page.locator('#f-end-err')).toContainText('Vul in tot hoe laat.');
	// The error summary at the top links to each field.
	await expect(page.getByRole('alert').getByRole('link', { name: 'Vul in tot hoe laat.' })).toHaveAttribute('href', '#f-end');

	// The warning in Bulgarian and Arabic on a phone.
	for (const locale of ['bg', 'ar']) {
		await speak(page, locale);
		await register(name, phone);
		await expect(page.getByRole('status').locator('button[name="personId"]').first()).toBeVisible();
		await expectAccessible(page);
		await shot(page, info, `office-hour-duplicate-${locale}`);
	}
	await speak(page, 'nl');
});

test('the queue pages on: "show more" gives the next needs, none twice, in Bulgarian and Arabic too', async ({ page }, info) => {
	await signIn(page, 'facilitator@example.org');
	const needs = () => page.locator('main a[href^="/aid/needs/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	for (const [locale, more] of [
		['bg', 'Покажи още'],
		['ar', 'عرض المزيد']
	] as const) {
		await speak(page, locale);
		await page.goto('/aid?status=all&limit=2');
		const first = await needs();
		expect(first).toHaveLength(2);
		await expectAccessible(page);
		await shot(page, info, `aid-queue-more-${locale}`);
		await page.getByRole('link', { name: more }).click();
		await expect(page).toHaveURL(/cursor=/);
		const next = await needs();
		expect(next.length).toBeGreaterThan(0);
		expect(next.filter((href) => first.includes(href))).toEqual([]);
		await expectAccessible(page);
	}
});
