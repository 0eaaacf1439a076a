import { expect, test } from '@playwright/test';
import { E2E_ORIGIN, expectAccessible, registerPerson, signIn } from './helpers.ts';

// A referral the person gave no consent for: a new partner without a share_partner purpose, so the
// worker must record why they refer anyway; the check page and the referral in bg and ar on a phone.
// The consented referral followed to "arrived" from the home page is journey (1):
// fieldwork-journey.spec.ts. Every step a plain form (it works without JavaScript), every page scanned.

test('a referral without consent needs an override reason; the pages hold in bg and ar', async ({ page }, info) => {
	const phone = info.project.name === 'phone-no-js';
	const tag = `${phone ? 'P' : 'D'}${Date.now() % 100000}`;
	await signIn(page, 'facilitator@example.org');
	const personUrl = await registerPerson(page, `Yasmina ${tag}`);
	const personId = personUrl.split('/').pop()!;

	// The welfare office, as a partner working on income.
	await page.goto('/partners/new');
	await page.getByLabel('Naam', { exact: true }).fill(`OCMW ${tag}`);
	await page.getByLabel('Soort organisatie').selectOption({ label: 'OCMW / sociale dienst' });
	await page.getByText('Inkomen', { exact: true }).click();
	await page.getByRole('button', { name: 'Partner toevoegen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`OCMW ${tag}`);

	// The question.
	await page.goto(`/fieldwork/questions/new?person=${personId}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuwe vraag');
	await expectAccessible(page);
	await page.getByLabel('De vraag').fill('Hulp bij de energiefactuur');
	await page.getByLabel('Thema').selectOption({ label: 'Inkomen' });
	await page.getByRole('button', { name: 'Vraag bewaren' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hulp bij de energiefactuur');
	await expect(page.getByRole('status').first()).toContainText('De vraag is bewaard.');
	await expectAccessible(page);
	// The other project's browser raises the same question for its own person: come back by address.
	const questionUrl = page.url().split('?')[0]!;
	await page.goto('/fieldwork/questions');
	await expect(page.getByRole('link', { name: 'Hulp bij de energiefactuur' }).first()).toBeVisible();
	await expectAccessible(page);
	await page.goto(questionUrl);

	// Refer: the partner working on the theme, then what it will receive.
	await page.getByRole('link', { name: 'Doorverwijzen naar een partner' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Doorverwijzen');
	await expectAccessible(page);
	await page.getByText(`OCMW ${tag}`, { exact: true }).click();
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nakijken en versturen');
	await expect(page.getByText('Dit krijgt de partner:')).toBeVisible();
	await expect(page.locator('main dl').first()).toContainText(`Yasmina ${tag}`);
	await expect(page.locator('main dl').first()).toContainText('Hulp bij de energiefactuur');
	await expectAccessible(page);
	if (phone)
		for (const locale of ['bg', 'ar']) {
			await page.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
			await page.reload();
			await expectAccessible(page);
			await page.screenshot({ path: info.outputPath(`referral-check-${locale}.png`), fullPage: true });
		}
	await page.context().clearCookies({ name: 'wijkweb_locale' });
	await page.reload();
	// No share_partner purpose for this new partner: the worker must say why they refer anyway.
	await expect(page.getByRole('status').filter({ hasText: 'Geen toestemming om met deze partner te delen' })).toBeVisible();
	await page.getByLabel('Waarom verwijs je toch door?').fill('Afsluiting dreigt deze week; mondeling akkoord, formulier volgt');
	if (!phone) await page.screenshot({ path: info.outputPath('referral-check-nl-1280.png'), fullPage: true });
	await page.getByRole('button', { name: 'Doorverwijzing versturen' }).click();
	await expect(page.getByRole('status').first()).toContainText('De doorverwijzing is verstuurd.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Doorverwijzing naar OCMW ${tag}`);
	// The override is kept with the referral and shown on it.
	await expect(page.locator('main')).toContainText('Doorverwezen zonder toestemming: Afsluiting dreigt deze week');
	await expectAccessible(page);

	if (phone)
		for (const locale of ['bg', 'ar']) {
			await page.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
			await page.reload();
			await expectAccessible(page);
			await page.screenshot({ path: info.outputPath(`referral-${locale}.png`), fullPage: true });
		}
	await page.context().clearCookies({ name: 'wijkweb_locale' });

	// My referrals: this one, waiting for an outcome.
	await page.goto('/fieldwork/referrals');
	await expect(page.getByRole('link', { name: `Yasmina ${tag}` })).toBeVisible();
	if (!phone) await page.screenshot({ path: info.outputPath('referrals-nl-1280.png'), fullPage: true });
	// The question moved to referred.
	await page.goto('/fieldwork/questions?closed=1');
	await expect(page.getByRole('link', { name: 'Hulp bij de energiefactuur' }).first()).toBeVisible();
	await expectAccessible(page);
});
