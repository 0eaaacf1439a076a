import { expect, test, type Page } from '@playwright/test';
import { E2E_ORIGIN, expectAccessible, signIn } from './helpers.ts';

// Journey (1) of issue 14, on a 360 px phone without JavaScript and on a desktop: the facilitator
// starts on the home page, logs a home visit with someone met before and two themes (every tap and
// every field counted from the home page: at most 6), raises a question on the contact, refers the
// person to the welfare office, and follows the referral to "arrived"; every page scanned by axe.

/**
 * Elif is the facilitator's latest contact in the demo seed and gave her consent to share with the
 * welfare office (seed/fieldwork.ts makes both so whatever the day it runs): the referral needs no override.
 */
const PERSON = 'Elif';
const WELFARE = 'OCMW Gent — sociaal huis Rabot';

/** Counts what the worker does from the home page: each click, fill or check is one interaction. */
function counter(page: Page) {
	let n = 0;
	return {
		get count() {
			return n;
		},
		click: async (name: string) => (n++, page.getByRole('link', { name, exact: true }).click()),
		check: async (name: string) => (n++, page.getByRole('checkbox', { name, exact: true }).check()),
		save: async () => (n++, page.getByRole('button', { name: 'Opslaan' }).click())
	};
}

test('journey 1: a home visit from the home page, a question, a referral to the welfare office, arrived', async ({ page }) => {
	await signIn(page, 'facilitator@example.org');
	// The language by cookie only: the switcher would store the demo account's language for later specs.
	await page.context().addCookies([{ name: 'wijkweb_locale', value: 'nl', url: E2E_ORIGIN }]);

	const before = await referralCounts(page);
	await expectAccessible(page);
	await page.goto('/fieldwork');
	await expect(page.getByRole('heading', { level: 1, name: 'Veldwerk' })).toBeVisible();
	await expectAccessible(page);

	// The counted part: the home page's quick button, the person, two themes, save.
	const taps = counter(page);
	await taps.click('Huisbezoek');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contact noteren');
	await expectAccessible(page);
	await taps.check(PERSON);
	await taps.check('Wonen');
	await taps.check('Inkomen');
	await taps.save();
	await expect(page.getByRole('status').first()).toContainText('Het contact is opgeslagen.');
	expect(taps.count).toBeLessThanOrEqual(6);
	expect(taps.count).toBe(5);
	const main = page.locator('main');
	await expect(main).toContainText(PERSON);
	await expect(main).toContainText('Huisbezoek');
	await expect(main).toContainText('Wonen');
	await expect(main).toContainText('Inkomen');
	await expectAccessible(page);
	const contactUrl = page.url().split('?')[0]!;

	// A question raised on the contact: it knows the person.
	await page.getByRole('link', { name: 'Vraag noteren' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuwe vraag');
	await expectAccessible(page);
	await page.getByLabel('De vraag').fill('Hulp bij de energiefactuur');
	await page.getByLabel('Thema').selectOption({ label: 'Inkomen' });
	await page.getByRole('button', { name: 'Vraag bewaren' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hulp bij de energiefactuur');
	await expect(page.getByRole('status').first()).toContainText('De vraag is bewaard.');
	await expectAccessible(page);

	// Refer her to the welfare office; she consented to share with it, so no override is asked.
	await page.getByRole('link', { name: 'Doorverwijzen naar een partner' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Doorverwijzen');
	await expectAccessible(page);
	await page.getByRole('radio', { name: WELFARE }).check();
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nakijken en versturen');
	await expect(page.getByText('Dit krijgt de partner:')).toBeVisible();
	await expect(page.locator('main dl').first()).toContainText(PERSON);
	await expect(page.locator('main dl').first()).toContainText('Hulp bij de energiefactuur');
	await expect(page.locator('main dl').nth(1)).toContainText('Gegeven');
	await expect(page.getByLabel('Waarom verwijs je toch door?')).toHaveCount(0);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Doorverwijzing versturen' }).click();
	await expect(page.getByRole('status').first()).toContainText('De doorverwijzing is verstuurd.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Doorverwijzing naar ${WELFARE}`);
	await expectAccessible(page);

	// The office accepts, she arrives.
	await page.getByRole('button', { name: 'Partner aanvaardt' }).click();
	await expect(page.getByRole('status').first()).toContainText('De stap is bewaard.');
	await page.getByRole('button', { name: 'Persoon is aangekomen' }).click();
	await expect(page.locator('main dl').first()).toContainText('Aangekomen');
	await expect(page.getByRole('button', { name: 'Persoon is aangekomen' })).toHaveCount(0);
	await expectAccessible(page);

	// The worker's counts: one more referred, one more arrived; the contact shows its referral.
	const after = await referralCounts(page);
	expect(after.referred).toBe(before.referred + 1);
	expect(after.arrived).toBe(before.arrived + 1);
	await expect(page.getByRole('link', { name: PERSON }).first()).toBeVisible();
	await expectAccessible(page);
	await page.goto(contactUrl);
	await expect(page.getByRole('link', { name: WELFARE })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Hulp bij de energiefactuur' })).toBeVisible();
});

/** "doorverwezen n, aanvaard n, aangekomen n, …" on the worker's referrals page, as numbers. */
async function referralCounts(page: Page) {
	await page.goto('/fieldwork/referrals');
	const line = await page.getByText(/doorverwezen \d+, aanvaard \d+, aangekomen \d+, geholpen \d+/).textContent();
	const n = (word: string) => Number(new RegExp(`${word} (\\d+)`).exec(line ?? '')?.[1] ?? Number.NaN);
	return { referred: n('doorverwezen'), arrived: n('aangekomen') };
}
