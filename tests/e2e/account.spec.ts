import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, mailedLink, signIn, signOut } from './helpers.ts';

test('a resident signs up, confirms the address from the mailbox, signs in, makes an API token and revokes it', async ({ page, request }, info) => {
	const email = `nadia-${info.project.name}-${Date.now()}@example.test`;
	await page.goto('/sign-up');
	await expectAccessible(page);
	// A too-short password is refused next to the field, and the other values stay.
	await page.getByLabel('Voornaam').fill('Nadia');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill('short');
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page.locator('#f-password-err')).toHaveText('Het wachtwoord moet minstens 10 tekens hebben.');
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	await expectAccessible(page);

	await page.getByLabel('Wachtwoord').fill('a long enough password');
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page.getByRole('status')).toContainText(email);

	// Signing in before confirming fails with the generic message.
	await page.goto('/sign-in');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill('a long enough password');
	await page.locator('main form button').click();
	await expect(page.getByRole('alert')).toContainText('We konden je niet aanmelden');

	const link = await mailedLink(page, email, '/verify-email');
	await expectAccessible(page);
	await page.goto(link);
	await expect(page.getByRole('status')).toContainText('bevestigd');
	await signIn(page, email, 'a long enough password');

	await page.goto('/account');
	await expectAccessible(page);
	await page.getByLabel('Waarvoor dient de sleutel?').fill('my spreadsheet');
	await page.getByRole('button', { name: 'Sleutel maken' }).click();
	const token = (await page.locator('code.token').innerText()).trim();
	expect(token).toMatch(/^ww_/);

	const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
	expect(me.status()).toBe(200);
	expect(await me.json()).toMatchObject({ email, name: 'Nadia', tokenScopes: ['read'] });

	await page.locator('li', { hasText: 'my spreadsheet' }).getByRole('button', { name: 'Intrekken' }).click();
	await expect(page.locator('li', { hasText: 'my spreadsheet' })).toContainText('ingetrokken');
	const after = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
	expect(after.status()).toBe(401);
	expect(after.headers()['content-type']).toContain('application/problem+json');

	// Changing the password: a wrong current password is refused next to its field, then it works.
	await page.getByLabel('Huidig wachtwoord').fill('not my password');
	await page.getByLabel('Nieuw wachtwoord (minstens 10 tekens)').fill('an even longer password');
	await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.locator('#f-currentPassword-err')).toHaveText('Het huidige wachtwoord klopt niet.');
	await expectAccessible(page);
	await page.getByLabel('Huidig wachtwoord').fill('a long enough password');
	await page.getByLabel('Nieuw wachtwoord (minstens 10 tekens)').fill('an even longer password');
	await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.getByRole('status')).toContainText('Je wachtwoord is gewijzigd.');

	await signOut(page);
	await expect(page.getByRole('link', { name: 'Aanmelden' }).first()).toBeVisible();
	await signIn(page, email, 'an even longer password');
	await expect(page.getByRole('link', { name: 'Mijn account' })).toBeVisible();
});

// The officer account: no journey of the page projects signs in as the officer, so the new password
// (set again by each project) breaks nothing else.
test('a programme officer who forgot the password chooses a new one through the mailed link', async ({ page }) => {
	await page.goto('/forgot-password');
	await expectAccessible(page);
	await page.getByLabel('E-mailadres').fill('officer@example.org');
	await page.getByRole('button', { name: 'Stuur de link' }).click();
	await expect(page.getByRole('status')).toContainText('Hoort dit adres bij een account');
	const link = await mailedLink(page, 'officer@example.org', '/reset-password');
	await page.goto(link);
	await expectAccessible(page);
	await page.getByLabel('Nieuw wachtwoord').fill('a brand new password');
	await page.getByRole('button', { name: 'Nieuw wachtwoord bewaren' }).click();
	await expect(page.getByRole('status')).toContainText('bewaard');
	await signIn(page, 'officer@example.org', 'a brand new password');
	await expect(page.getByRole('link', { name: 'Mijn account' })).toBeVisible();
});

test('sessions are listed on the account page and can be revoked', async ({ browser }) => {
	const a = await browser.newContext({ javaScriptEnabled: false });
	const b = await browser.newContext({ javaScriptEnabled: false });
	const pa = await a.newPage();
	const pb = await b.newPage();
	await signIn(pa, 'coordinator@example.org', DEMO_PASSWORD);
	await signIn(pb, 'coordinator@example.org', DEMO_PASSWORD);
	await pa.goto('/account');
	// Revoke the other device's session (the one not marked as this device).
	const other = pa.locator('section[aria-labelledby="sessions-h"] li').filter({ hasNotText: 'dit toestel' }).first();
	await other.getByRole('button', { name: 'Intrekken' }).click();
	await pb.goto('/account');
	await expect(pb).toHaveURL(/\/sign-in/);
	await a.close();
	await b.close();
});
