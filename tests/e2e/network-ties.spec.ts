import { expect, test } from '@playwright/test';
import { E2E_ORIGIN, expectAccessible, registerPerson, signIn } from './helpers.ts';

// A facilitator registers a family with two children as a household, adds a partner organisation,
// links the mother as its contact person and ends that tie again: every step a plain form (it works
// without JavaScript), every page scanned.

const register = registerPerson;

test('a family in a household, a partner organisation, a contact person tie that ends', async ({ page }, info) => {
	const tag = `${info.project.name === 'phone-no-js' ? 'P' : 'D'}${Date.now() % 100000}`;
	await signIn(page, 'facilitator@example.org');
	const mum = await register(page, `Amina ${tag}`);
	await register(page, `Lina ${tag}`);
	await register(page, `Adam ${tag}`);

	// The household, from the mother's ties tab.
	await page.goto(`${mum}/ties`);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Nieuw gezin' }).click();
	await page.getByLabel('Naam van het gezin').fill(`Familie ${tag}`);
	await page.getByRole('checkbox', { name: 'ja' }).check();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Gezin maken' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Familie ${tag}`);
	for (const child of [`Lina ${tag}`, `Adam ${tag}`]) {
		await page.getByLabel('Zoek een persoon op naam').fill(child);
		await page.getByRole('button', { name: 'Zoeken' }).click();
		const card = page
			.locator('article, section')
			.filter({ has: page.getByRole('heading', { name: child, exact: true }) })
			.last();
		await card.getByText('Kind', { exact: true }).click();
		await card.getByRole('button', { name: 'Toevoegen aan het gezin' }).click();
		await expect(page.getByRole('status').first()).toContainText('Toegevoegd aan het gezin.');
	}
	await expect(page.locator('main dl').first()).toContainText(/Leden\s*3/);
	await expect(page.locator('main dl').first()).toContainText(/Kinderen\s*2/);
	await expectAccessible(page);
	await page.screenshot({ path: info.outputPath('household.png'), fullPage: true });

	// A partner organisation.
	await page.goto('/partners/new');
	await page.getByLabel('Naam', { exact: true }).fill(`OCMW ${tag}`);
	await page.getByLabel('Soort organisatie').selectOption({ label: 'OCMW / sociale dienst' });
	await page.getByLabel('Telefoon').fill('09 266 99 00');
	await page.getByText('Inkomen', { exact: true }).click();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Partner toevoegen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`OCMW ${tag}`);
	await expectAccessible(page);
	await page.goto('/partners?theme=income');
	await expect(page.getByRole('link', { name: `OCMW ${tag}` })).toBeVisible();
	await expectAccessible(page);

	// The mother becomes its contact person: found with a plain GET search, tied with a POST.
	await page.goto(`${mum}/ties`);
	await expect(page.getByRole('link', { name: `Familie ${tag}` }).or(page.getByRole('link', { name: 'Gezin openen' }))).toBeVisible();
	await page.getByText('Partnerorganisatie', { exact: true }).click();
	await page.getByLabel('Naam', { exact: true }).fill(`OCMW ${tag}`);
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await page.getByText(`OCMW ${tag}`, { exact: true }).click();
	await page.getByLabel('Soort band').selectOption({ label: 'is contactpersoon bij' });
	await page.getByLabel(/Rol daar/).fill('vrijwilliger');
	await page.getByRole('button', { name: 'Band toevoegen' }).click();
	await expect(page.getByRole('status').first()).toContainText('De band is opgeslagen.');
	await expect(page.getByRole('heading', { name: 'is contactpersoon bij' })).toBeVisible();
	await expectAccessible(page);
	for (const locale of info.project.name === 'phone-no-js' ? ['bg', 'ar'] : ['en']) {
		await page.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
		await page.reload();
		await expectAccessible(page);
		await page.screenshot({ path: info.outputPath(`ties-${locale}.png`), fullPage: true });
	}
	await page.context().clearCookies({ name: 'wijkweb_locale' });

	// Ending it takes a confirmation and keeps it under "Earlier".
	await page.goto(`${mum}/ties`);
	await page.getByRole('link', { name: 'Beëindigen' }).click();
	await expect(page.getByText('Deze band beëindigen?')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Ja, band beëindigen' }).click();
	await expect(page.getByRole('status').first()).toContainText('De band is beëindigd');
	await expect(page.getByRole('heading', { name: 'Vroeger' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'is contactpersoon bij' })).toHaveCount(0);
	await expectAccessible(page);

	// The partner still lists her, as earlier.
	await page.goto('/partners?theme=income');
	await page.getByRole('link', { name: `OCMW ${tag}` }).click();
	await expect(page.locator('main')).toContainText(`Amina ${tag}`);
	await page.screenshot({ path: info.outputPath('partner.png'), fullPage: true });
});
