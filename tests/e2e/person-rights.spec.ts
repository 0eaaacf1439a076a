import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { E2E_ORIGIN, expectAccessible, mailedLink, registerPerson, signIn, signOut } from './helpers.ts';

// A person's rights (issue 13, part G): staff export one person and erase another from the rights
// tab; a resident downloads their own data and asks for erasure from their account page. In the
// demo's Dutch, with and without JavaScript.

/** Registers a walk-in on /people/new as the signed-in staff member and opens their rights tab. */
async function registerAndOpenRights(page: Page, name: string) {
	// Registering opens the new record; its tab bar leads to the rights.
	await registerPerson(page, name);
	await page.getByRole('link', { name: 'Privacyrechten' }).click();
	await expect(page.getByRole('heading', { name: 'Wie dit dossier raadpleegde' })).toBeVisible();
}

async function downloadJson(page: Page, link: string) {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
	return JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown> & { person: Record<string, unknown> };
}

async function pictures(page: Page, name: string, info: { project: { name: string }; outputPath: (n: string) => string }) {
	for (const locale of info.project.name === 'phone-no-js' ? ['bg', 'ar'] : ['en']) {
		await page.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
		await page.reload();
		await expectAccessible(page);
		await page.screenshot({ path: info.outputPath(`${name}-${locale}.png`), fullPage: true });
	}
	await page.context().clearCookies({ name: 'wijkweb_locale' });
	await page.reload();
}

test('a coordinator exports a person’s data, reads the consultation log, and erases another person after typing the name', async ({ page }, info) => {
	const stamp = `${info.project.name} ${Date.now()}`;
	await signIn(page, 'coordinator@example.org');
	const kept = `Noor ${stamp}`;
	await registerAndOpenRights(page, kept);
	// Opening the person's details was audited: it is in the log, with who read it.
	await expect(page.getByRole('table')).toContainText('Els');
	await expectAccessible(page);
	const data = await downloadJson(page, 'Downloaden (JSON)');
	expect(data.format).toBe('wijkweb-person-export');
	expect(data.person.first_name).toBe(kept);
	expect(JSON.stringify(data.consultationLog)).toContain('Els');
	await pictures(page, 'rights-tab', info);

	await page.getByRole('link', { name: 'Lezen als pagina' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Gegevens over ${kept}`);
	await expectAccessible(page);
	if (info.project.name === 'phone-no-js') await pictures(page, 'export-page', info);

	const gone = `Wim ${stamp}`;
	await registerAndOpenRights(page, gone);
	await page.getByLabel('Reden').first().fill('Gevraagd op de permanentie');
	await page.getByLabel(/Typ de voornaam/).fill('iemand anders');
	await page.getByRole('button', { name: 'Definitief wissen' }).click();
	await expect(page.getByRole('alert').first()).toContainText('Typ de voornaam precies');
	await expectAccessible(page);
	await page.getByLabel(/Typ de voornaam/).fill(gone);
	await page.getByRole('button', { name: 'Definitief wissen' }).click();
	await expect(page.getByRole('status').first()).toContainText('De persoon is gewist.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('—');
	await expect(page.getByRole('button', { name: 'Definitief wissen' })).toHaveCount(0);
	await expectAccessible(page);
	await page.goto(`/people?q=${encodeURIComponent(gone)}`);
	await expect(page.getByRole('link', { name: gone })).toHaveCount(0);
});

test('a resident downloads their own data and asks to erase it; the request shows on their account page', async ({ page }, info) => {
	const email = `rights-${info.project.name}-${Date.now()}@example.test`;
	const password = 'a long enough password';
	await page.goto('/sign-up');
	await page.getByLabel('Voornaam').fill('Hatice');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await page.goto(await mailedLink(page, email, '/verify-email'));
	await signIn(page, email, password);

	await page.goto('/account');
	const data = await downloadJson(page, 'Mijn gegevens downloaden');
	expect(data.person.first_name).toBe('Hatice');
	expect((data.account as { user: { email: string } }).user.email).toBe(email);
	await page.getByRole('link', { name: 'Mijn gegevens lezen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn gegevens');
	await expect(page.locator('main')).toContainText(email);
	await expectAccessible(page);
	if (info.project.name === 'phone-no-js') await pictures(page, 'my-data', info);

	await page.goto('/account');
	await page.getByRole('button', { name: 'Vragen om mijn gegevens te wissen' }).click();
	await expect(page.getByRole('status').first()).toContainText('Uw verzoek is verstuurd.');
	await expect(page.locator('main')).toContainText('Het buurthuis heeft nog niet geantwoord.');
	await expect(page.getByRole('button', { name: 'Vragen om mijn gegevens te wissen' })).toHaveCount(0);
	await expectAccessible(page);
	await pictures(page, 'account-rights', info);
	// A resident sees nothing else of this module.
	expect((await page.goto('/people/erasure-requests'))?.status()).toBe(403);
	await signOut(page);
});
