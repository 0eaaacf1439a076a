import { expect, test } from '@playwright/test';
import { expectAccessible, expectFits, registerPerson, signIn, speak } from './helpers.ts';

// Activities (issue 15): a facilitator creates a weekly activity with plain form posts, sees its
// sessions laid out, registers a person found by name, and a session that ends before it starts is
// refused with a message in Dutch. The same journey on a phone without JavaScript and on a desktop.

test('a facilitator creates a weekly activity, sees its sessions and registers a person', async ({ page }, info) => {
	const run = `${info.project.name} ${Date.now() % 100000}`;
	const title = `Naaiatelier ${run}`;
	await signIn(page, 'facilitator@example.org');
	const person = `Mirela ${run}`;
	await registerPerson(page, person);

	await page.goto('/activities');
	await expect(page.getByRole('heading', { level: 1, name: 'Activiteiten' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Nieuwe activiteit' }).click();
	// The question page: the kind first, with large radios.
	await expect(page.getByRole('heading', { level: 1, name: 'Wat voor activiteit is het?' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('radio', { name: /Terugkerend/ }).check();
	await page.getByRole('button', { name: 'Verder' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe activiteit' })).toBeVisible();
	// The defaults: every week, two hours, from today.
	await expect(page.getByRole('radio', { name: 'Elke week' })).toBeChecked();
	await expect(page.getByLabel('Duur in minuten')).toHaveValue('120');
	await expectAccessible(page);
	await page.getByLabel('Titel').fill(title);
	await page.getByRole('textbox', { name: /^Andere plaats/ }).fill('Buurthuis Rabot, zaal 2');
	await page.locator('#f-endsOn').fill(addWeeks(await page.locator('#f-startsOn').inputValue(), 3));
	await page.getByRole('checkbox', { name: 'Vrije tijd' }).check();
	await page.getByRole('button', { name: 'Activiteit aanmaken' }).click();

	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('De activiteit is aangemaakt, met haar sessies.')).toBeVisible();
	// Four weekly sessions, each linked to its attendance checklist, at 14:00.
	const sessions = page.locator('section[aria-labelledby="sessions-h"]');
	await expect(sessions.getByRole('link', { name: /14:00–16:00/ })).toHaveCount(4);
	await expectAccessible(page);
	const activityUrl = page.url().split('?')[0]!;

	// A session that ends before it starts: refused, in Dutch, nothing added.
	await page.locator('#session-day').fill('2030-01-10');
	await page.locator('#session-start').fill('15:00');
	await page.locator('#session-end').fill('14:00');
	await page.getByRole('button', { name: 'Een sessie toevoegen' }).click();
	await expect(page.getByText('Een sessie eindigt na haar begin.').first()).toBeVisible();
	await page.goto(activityUrl);
	await expect(sessions.getByRole('link', { name: /14:00–16:00/ })).toHaveCount(4);

	// Register the person, found by name.
	await page.getByLabel('Naam van de persoon of het gezin').fill(person);
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await page.getByRole('button', { name: `${person} inschrijven` }).click();
	await expect(page.getByText('Ingeschreven: 1; op de wachtlijst: 0.')).toBeVisible();
	const registrations = page.locator('section[aria-labelledby="registrations-h"]');
	await expect(registrations.getByRole('link', { name: person })).toBeVisible();
	await expect(registrations.getByText('Ingeschreven', { exact: true })).toBeVisible();
	await expectAccessible(page);

	// The edit page, prefilled.
	await page.getByRole('link', { name: 'Activiteit wijzigen' }).click();
	await expect(page.getByLabel('Titel')).toHaveValue(title);
	await expectAccessible(page);

	if (info.project.name === 'desktop') {
		await page.goto(activityUrl);
		await page.screenshot({ path: info.outputPath('activity-nl-1280.png'), fullPage: true });
	} else {
		for (const locale of ['bg', 'ar']) {
			await speak(page, locale);
			for (const [name, path] of [
				['activity', activityUrl],
				['new', '/activities/new?kind=recurring'],
				['list', '/activities']
			] as const) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				await expectFits(page);
				await page.screenshot({ path: info.outputPath(`${name}-${locale}-360.png`), fullPage: true });
			}
		}
		await speak(page, 'nl');
	}
});

test('residents and volunteers see no activities', async ({ page }) => {
	await signIn(page, 'resident@example.org');
	const res = await page.goto('/activities');
	expect(res?.status()).toBe(403);
});

/** A plain day `n` weeks later (UTC noon: no clock change moves the day). */
function addWeeks(day: string, n: number): string {
	const d = new Date(`${day}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 7 * n);
	return d.toISOString().slice(0, 10);
}
