import { expect, test } from '@playwright/test';
import { E2E_ORIGIN, expectAccessible, mailedLink, registerPerson, signIn, signOut } from './helpers.ts';

test('a facilitator asks to link a walk-in to an account; nothing changes until its owner confirms, signed in', async ({ page }, info) => {
	const email = `link-${info.project.name}-${Date.now()}@example.test`;
	const password = 'a long enough password';
	await page.goto('/sign-up');
	await page.getByLabel('Voornaam').fill('Samira');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page.getByRole('status')).toContainText(email);
	await page.goto(await mailedLink(page, email, '/verify-email'));

	await signIn(page, 'facilitator@example.org');
	const name = `Samira ${info.project.name} ${Date.now()}`;
	// The registration form has an e-mail field too: the helper waits for the person's page.
	await registerPerson(page, name);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByRole('button', { name: 'Vraag de eigenaar om te bevestigen' }).click();
	// The same words for any address: whether it has an account is not said.
	await expect(page.getByRole('status')).toContainText(`Er ging een mail naar ${email}.`);
	await expect(page.locator('main dl').first()).toContainText(/Heeft een account\s*nee/);
	await expectAccessible(page);
	await page.screenshot({ path: info.outputPath('person-link-asked.png'), fullPage: true });
	const link = await mailedLink(page, email, '/account/link/');
	await signOut(page);

	await page.goto(link);
	await expect(page.getByText('Meld je aan met het account waarnaar de mail gestuurd werd')).toBeVisible();
	await expectAccessible(page);

	await signIn(page, email, password);
	await page.goto(link);
	await expect(page.locator('main dl')).toContainText(name);
	await expectAccessible(page);
	for (const locale of info.project.name === 'phone-no-js' ? ['bg', 'ar'] : ['en']) {
		await page.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
		await page.reload();
		await expectAccessible(page);
		await page.screenshot({ path: info.outputPath(`link-confirm-${locale}.png`), fullPage: true });
	}
	await page.context().clearCookies({ name: 'wijkweb_locale' });
	await page.reload();
	await page.getByRole('button', { name: 'Ja, koppel mijn account' }).click();
	await expect(page.getByRole('status')).toHaveText('Je account is nu gekoppeld.');
	await expectAccessible(page);
	// The link is spent.
	await page.goto(link);
	await expect(page.getByRole('alert')).toContainText('Deze link werkt niet meer');
});
