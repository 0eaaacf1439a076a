import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './helpers.ts';
import { contains, fitProjection, MAP_SIZE, readBoundary, unproject } from '../../src/lib/aid/map.ts';
import wijken from '../../src/lib/server/seed/gent-wijken.json' with { type: 'json' };
import { LONG_NEEDS } from './long-texts.ts';

// The journey, with two people at two screens: a facilitator registers a walk-in senior who
// needs help with shopping on Tuesday mornings, picks a suggestion and proposes it; the volunteer
// accepts in another browser and only then sees the contact details; the help takes place; the
// coordinator's figures change. Every page visited is scanned.

const today = () => new Date().toISOString().slice(0, 10);
const yearAgo = () => new Date(Date.now() - 360 * 86_400_000).toISOString().slice(0, 10);

async function completedLinks(page: Page): Promise<number> {
	await page.goto(`/aid/reach?from=${yearAgo()}&to=${today()}`);
	const value = await page.locator('dt', { hasText: 'Koppelingen voltooid' }).locator('xpath=following-sibling::dd[1]').innerText();
	const n = Number(value.replace(/\D/g, ''));
	expect(n, `a shown figure, not a suppressed one: "${value}"`).toBeGreaterThanOrEqual(5);
	return n;
}

test('a walk-in senior gets a volunteer for Tuesday-morning shopping, end to end', async ({ browser, page }, info) => {
	const phone = `+32 470 ${info.project.name === 'desktop' ? '55' : '66'} 44 33`;
	const senior = `Vera ${info.project.name}`;
	const options = { viewport: page.viewportSize(), javaScriptEnabled: info.project.use.javaScriptEnabled, locale: 'nl-BE' };

	// The coordinator's figure before.
	const coordinatorCtx = await browser.newContext(options);
	const coordinator = await coordinatorCtx.newPage();
	await signIn(coordinator, 'coordinator@example.org');
	const before = await completedLinks(coordinator);
	await expectAccessible(coordinator);

	// The facilitator on duty registers the walk-in and the need in one form.
	await signIn(page, 'facilitator@example.org');
	await page.goto('/aid/office-hour');
	await expectAccessible(page);
	await page.getByLabel('Voornaam', { exact: true }).fill(senior);
	await page.getByLabel('Telefoon (niet verplicht)').fill(phone);
	await page.getByRole('checkbox', { name: 'Bulgaars' }).check();
	await page.getByLabel('Leeftijdsgroep').selectOption('65_plus');
	await page.getByLabel(/akkoord/).check();
	await page.getByLabel('Soort hulp').selectOption('errands');
	await page.getByLabel('In een paar woorden').fill('Boodschappen op dinsdagochtend');
	await page.getByLabel('Dag', { exact: true }).selectOption('1');
	await page.getByLabel('Van', { exact: true }).fill('09:00');
	await page.getByLabel('Tot', { exact: true }).fill('12:00');
	await page.getByRole('button', { name: 'Registreren en hulp zoeken' }).click();
	await expect(page.getByText(`Hulpvraag geregistreerd voor ${senior}`)).toBeVisible();
	await expectAccessible(page);

	// The suggestions, with their reasons; the facilitator picks Lotte.
	const lotte = page.locator('li', { hasText: 'Lotte' });
	await expect(lotte).toContainText('spreekt Bulgaars');
	await expect(lotte).toContainText('dinsdag');
	await lotte.getByRole('link', { name: /Voorstellen/ }).click();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Voorstellen aan Lotte' }).click();
	await expect(page.getByRole('status')).toHaveText('Opgeslagen.');
	const needUrl = page.url();
	await expect(page.locator('.item', { hasText: 'Lotte' }).first()).toContainText('voorgesteld');

	// The volunteer, in another browser: first name, neighbourhood and reasons only — no phone yet.
	const volunteerCtx = await browser.newContext(options);
	const volunteer = await volunteerCtx.newPage();
	await signIn(volunteer, 'volunteer@example.org');
	await volunteer.goto('/help');
	const card = volunteer.locator('article.item', { hasText: senior });
	await expect(card).toContainText('Je helpt');
	await expect(card).toContainText('spreekt Bulgaars');
	await expect(card).toContainText('Contactgegevens zie je zodra jullie allebei ja zeiden.');
	await expect(volunteer.getByText(phone)).toHaveCount(0);
	await expectAccessible(volunteer);
	await card.getByRole('button', { name: 'Ja, dat is goed' }).click();

	// Both said yes: now the contact details are there.
	const accepted = volunteer.locator('article.item', { hasText: senior });
	await expect(accepted).toContainText('aanvaard');
	await expect(accepted.getByRole('link', { name: phone })).toBeVisible();
	await expectAccessible(volunteer);

	// The help took place, and a short word of feedback.
	await accepted.getByRole('button', { name: 'De hulp heeft plaatsgevonden' }).click();
	const done = volunteer.locator('article.item', { hasText: senior });
	await expect(done).toContainText('heeft plaatsgevonden');
	await done.getByText('Goed', { exact: true }).click();
	await done.getByRole('button', { name: 'Versturen' }).click();
	await expect(volunteer.locator('article.item', { hasText: senior })).toContainText('Bedankt voor je reactie.');
	await expectAccessible(volunteer);

	// The facilitator sees it took place and closes the link (the volunteer's place is free again).
	await page.goto(needUrl);
	await expect(page.locator('.item', { hasText: 'Lotte' }).first()).toContainText('heeft plaatsgevonden');
	await page.getByRole('button', { name: 'Afsluiten' }).click();
	await expect(page.locator('.item', { hasText: 'Lotte' }).first()).toContainText('afgesloten');
	await expectAccessible(page);

	// The coordinator's figures changed.
	expect(await completedLinks(coordinator)).toBeGreaterThan(before);
	await expectAccessible(coordinator);
	await coordinatorCtx.close();
	await volunteerCtx.close();
});

test('a resident asks for help on a phone, with mistakes shown next to the field', async ({ page }, info) => {
	const title = `Hulp met een brief van de mutualiteit (${info.project.name})`;
	await signIn(page, 'resident@example.org');
	await page.goto('/help');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Ik zoek hulp' }).click();
	await page.getByRole('button', { name: 'Papieren en digitale hulp' }).click();
	// Exact times, behind their own fold: a window that ends before it starts is refused, and what was
	// given stays.
	await page.getByText('Precieze uren kiezen').click();
	await page.locator('select[name="w0_day"]').selectOption('2');
	await page.locator('input[name="w0_start"]').fill('14:00');
	await page.locator('input[name="w0_end"]').fill('10:00');
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.locator('#f-when-err')).toContainText('Het einde moet na het begin komen.');
	await expect(page.getByRole('alert').getByRole('link', { name: 'Het einde moet na het begin komen.' })).toBeVisible();
	await expect(page.locator('select[name="w0_day"]')).toHaveValue('2');
	await expect(page.locator('input[name="w0_start"]')).toHaveValue('14:00');
	await expectAccessible(page);
	await page.locator('input[name="w0_end"]').fill('16:00');
	await page.getByRole('button', { name: 'Verder' }).click();
	await page.getByRole('button', { name: 'Verder' }).click();
	// A long text, and a title too short to be one.
	await page.getByLabel(/Vertel er iets meer over/).fill(LONG_NEEDS.nl.description);
	await page.getByText(/Een korte titel geven/).click();
	await page.getByLabel(/In een paar woorden/).fill('ab');
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.locator('#f-title-err')).toBeVisible();
	await expect(page.getByLabel(/Vertel er iets meer over/)).toHaveValue(LONG_NEEDS.nl.description);
	await expectAccessible(page);
	await page.getByLabel(/In een paar woorden/).fill(title);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.locator('dl')).toContainText('14:00–16:00');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Versturen' }).click();
	await page.getByRole('link', { name: 'Terug naar mijn hulp' }).click();
	await expect(page.locator('article.item', { hasText: title })).toContainText('open');
});

test('a resident marks the place on the neighbourhood map by tapping it, without JavaScript', async ({ page }, info) => {
	// Where to tap: the same projection the server draws with, on the same open data the demo seeds.
	const rabot = wijken.features.find((f) => f.name === 'Rabot - Blaisantvest')!;
	const boundary = readBoundary(rabot.geometry)!;
	const proj = fitProjection(boundary);
	const inside = (x: number, y: number) => contains(boundary, unproject(proj, x, y));
	let tap = { x: 0, y: 0 };
	for (let best = Infinity, x = 10; x < MAP_SIZE; x += 10)
		for (let y = 10; y < MAP_SIZE; y += 10) {
			const d = (x - MAP_SIZE / 2) ** 2 + (y - MAP_SIZE / 2) ** 2;
			if (inside(x, y) && d < best) [best, tap] = [d, { x, y }];
		}
	expect(inside(tap.x, tap.y)).toBe(true);
	expect(inside(2, 2), 'the corner of the square is outside the district').toBe(false);

	const title = `Hulp bij het ophangen van gordijnen (${info.project.name})`;
	const description = 'De gordijnroede ligt al klaar. Ik woon op de derde verdieping, bel aan bij Nadia.';
	await signIn(page, 'resident@example.org');
	await page.goto('/help/need');
	await page.getByRole('button', { name: 'Kleine herstellingen' }).click();
	await page.getByText('Ochtenden').click();
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).toHaveURL(/\/help\/need\/where$/);
	// The map is there when asked for: a plain link, no JavaScript.
	await page.getByRole('link', { name: /De plek op een kaart aanduiden/ }).click();
	const map = page.getByRole('button', { name: /Kaart van Rabot - Blaisantvest/ });
	await map.click({ position: { x: 2, y: 2 } });
	await expect(page.locator('#f-point-err')).toContainText('Deze plek ligt buiten de wijk. Tik binnen de omlijnde zone, of haal de plek weg.');
	await expect(page.getByRole('radio', { name: 'Rabot - Blaisantvest' })).toBeChecked();
	await expectAccessible(page);
	await page.getByRole('button', { name: /Kaart van Rabot - Blaisantvest/ }).click({ position: tap });
	await expect(page.getByRole('status').filter({ hasText: 'Er is een plek aangeduid op de kaart.' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).toHaveURL(/\/help\/need\/more$/);
	await page.getByLabel(/Vertel er iets meer over/).fill(description);
	await page.getByText(/Een korte titel geven/).click();
	await page.getByLabel(/In een paar woorden/).fill(title);
	await page.getByText(/Talen die je spreekt/).click();
	await page.getByRole('checkbox', { name: 'Turks' }).check();
	await page.getByRole('button', { name: 'Verder' }).click();
	// Every answer is on the check page, the place with it.
	const summary = page.locator('dl');
	await expect(summary).toContainText('Kleine herstellingen');
	await expect(summary).toContainText('Er is een plek aangeduid op de kaart.');
	await expect(summary).toContainText(description);
	await expect(summary).toContainText('Turks');
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page).toHaveURL(/\/help\/need\/done\//);
	await page.getByRole('link', { name: 'Terug naar mijn hulp' }).click();
	await expect(page.locator('article.item', { hasText: title })).toContainText('open');
});

test('a volunteer taps the map outside the neighbourhood on the offer’s “Where?”, and the answers stay', async ({ page }) => {
	await signIn(page, 'volunteer@example.org');
	await page.goto('/help/offer');
	await page.getByRole('button', { name: 'Kleine herstellingen' }).click();
	await page.getByText('Weekend', { exact: true }).click();
	await page.getByRole('button', { name: 'Verder' }).click();
	await page.getByRole('link', { name: /De plek op een kaart aanduiden/ }).click();
	await page.getByRole('button', { name: /Kaart van Rabot - Blaisantvest/ }).click({ position: { x: 2, y: 2 } });
	await expect(page.locator('#f-point-err')).toBeVisible();
	await page.getByRole('button', { name: 'Verder' }).click();
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.locator('dl')).toContainText('Kleine herstellingen');
	await expect(page.locator('dl')).toContainText('Weekend');
	await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
	await expect(page).toHaveURL(/\/help\/offer$/);
});
