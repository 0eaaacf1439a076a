import { expect, test } from '@playwright/test';
import { E2E_ORIGIN, expectAccessible, headerLink, registerPerson, signIn } from './helpers.ts';

// Consent per purpose: a facilitator records a person's consent and withdraws it in two clicks (the
// button, then the confirmation page), with and without JavaScript; a coordinator's purposes page.

test('a facilitator records a consent and withdraws it in two clicks', async ({ page }, info) => {
	await signIn(page, 'facilitator@example.org');
	const name = `Mira ${info.project.name} ${Date.now()}`;
	// Registering opens the new record; its tab bar leads to the consents.
	await registerPerson(page, name);
	await page.getByRole('link', { name: 'Toestemmingen' }).click();
	await expect(page.getByRole('link', { name: 'Toestemmingen' })).toHaveAttribute('aria-current', 'page');

	const contact = page.locator('section', { has: page.getByRole('heading', { name: 'Contact', level: 2 }) });
	await expect(contact.locator('dl')).toContainText('Nog niet gevraagd');
	await contact.getByLabel('Op papier').check();
	await contact.getByRole('button', { name: 'Toestemming noteren' }).click();
	await expect(page.getByRole('status')).toContainText('De toestemming is genoteerd.');
	await expect(contact.locator('dl')).toContainText(/Gegeven/);
	await expect(contact.locator('dl')).toContainText('Op papier');
	await expectAccessible(page);

	// Click one: Withdraw. Click two: Yes, withdraw.
	await contact.getByRole('link', { name: 'Intrekken' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toestemming voor “Contact” intrekken?');
	await expect(page.getByText('de persoon wordt niet meer voorgesteld om te contacteren')).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: info.outputPath('withdraw-confirm.png'), fullPage: true });
	await page.getByRole('button', { name: 'Ja, intrekken' }).click();

	await expect(page).toHaveURL(/\/consents\?withdrawn=/);
	await expect(page.getByRole('status')).toContainText('De toestemming is ingetrokken.');
	await expect(contact.locator('dl')).toContainText('Ingetrokken');
	await expect(contact.getByRole('table')).toContainText('Op papier');
	await expect(contact.getByRole('table').locator('tbody tr')).toHaveCount(2);
	await expectAccessible(page);
	await page.screenshot({ path: info.outputPath('consents-nl.png'), fullPage: true });
	for (const locale of info.project.name === 'phone-no-js' ? ['bg', 'ar'] : ['en']) {
		await page.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
		await page.reload();
		await expectAccessible(page);
		await page.screenshot({ path: info.outputPath(`consents-${locale}.png`), fullPage: true });
	}
	await page.context().clearCookies({ name: 'wijkweb_locale' });
});

test('a coordinator sees the organisation’s purposes as the person will hear them', async ({ page }, info) => {
	await signIn(page, 'coordinator@example.org');
	await page.goto('/');
	await (await headerLink(page, 'Onze organisatie')).click();
	await page.getByRole('link', { name: 'Doeleinden en toestemming' }).click();
	await expect(page.getByRole('heading', { name: 'Contact', level: 2 })).toBeVisible();
	await expect(page.getByText('Mogen we u contacteren')).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: info.outputPath('purposes.png'), fullPage: true });
	await page.getByRole('link', { name: 'Interculturele cijfers wijzigen' }).click();
	// 0 days passes the browser's own required check; the server refuses it.
	await page.getByLabel('Bewaartermijn in dagen').fill('0');
	await page.getByRole('button', { name: 'Doeleinde bewaren' }).click();
	await expect(page.getByRole('alert')).toContainText('Geef een bewaartermijn in dagen');
	await expectAccessible(page);
	await page.screenshot({ path: info.outputPath('purpose-edit-refused.png'), fullPage: true });
});
