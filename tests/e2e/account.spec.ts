import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, headerLink, mailedLink, signIn, signOut, speak } from './helpers.ts';
import { E2E_FORGOT } from './long-texts.ts';

test('a resident signs up, confirms the address from the mailbox, signs in and changes the password', async ({ page }, info) => {
	const email = `nadia-${info.project.name}-${Date.now()}@example.test`;
	await page.goto('/sign-up');
	await expectAccessible(page);
	// A too-short password is refused next to the field, and the other values stay.
	await page.getByLabel('Voornaam').fill('Nadia');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill('short');
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page.locator('#f-password-err')).toContainText('Het wachtwoord moet minstens 10 tekens hebben.');
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	await expectAccessible(page);

	await page.getByLabel('Wachtwoord').fill('a long enough password');
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page.getByRole('status')).toContainText(email);

	// Signing in before confirming fails with the generic message. The page says it is a demo.
	await page.goto('/sign-in');
	await expect(page.locator('#demo-notice')).toContainText('Dit is een demo.');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill('a long enough password');
	await page.locator('main form button').click();
	// Refused: the error summary at the top says what went wrong; both fields are required.
	const summary = page.getByRole('alert');
	await expect(summary.getByRole('heading', { name: 'Er is een probleem' })).toBeVisible();
	await expect(summary).toContainText('We konden je niet aanmelden');
	await expect(page.getByLabel('E-mailadres')).toHaveAttribute('required', '');
	await expect(page.getByLabel('Wachtwoord')).toHaveAttribute('required', '');
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	await expectAccessible(page);

	const link = await mailedLink(page, email, '/verify-email');
	await expectAccessible(page);
	await page.goto(link);
	await expect(page.getByRole('status')).toContainText('bevestigd');
	await signIn(page, email, 'a long enough password');

	await page.goto('/account');
	await expectAccessible(page);
	// A new account has no role that works over the API: no tokens are offered.
	await expect(page.locator('#tokens-h')).toHaveCount(0);

	// Changing the password: a wrong current password is refused next to its field, then it works.
	await page.getByLabel('Huidig wachtwoord').fill('not my password');
	await page.getByLabel('Nieuw wachtwoord (minstens 10 tekens)').fill('an even longer password');
	await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.locator('#f-currentPassword-err')).toContainText('Het huidige wachtwoord klopt niet.');
	await expectAccessible(page);
	await page.getByLabel('Huidig wachtwoord').fill('a long enough password');
	await page.getByLabel('Nieuw wachtwoord (minstens 10 tekens)').fill('an even longer password');
	await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.getByRole('status')).toContainText('Je wachtwoord is gewijzigd.');

	await signOut(page);
	await expect(page.getByRole('link', { name: 'Aanmelden' }).first()).toBeVisible();
	await signIn(page, email, 'an even longer password');
	await expect(await headerLink(page, 'Mijn account')).toBeVisible();
});

// An account of its own (E2E_FORGOT): the new password, set again by each project, breaks no other
// spec's sign-in (the officer's did once the funding specs signed in as the officer).
test('someone who forgot the password chooses a new one through the mailed link', async ({ page }) => {
	await page.goto('/forgot-password');
	await expectAccessible(page);
	await page.getByLabel('E-mailadres').fill(E2E_FORGOT);
	await page.getByRole('button', { name: 'Stuur de link' }).click();
	await expect(page.getByRole('status')).toContainText('Hoort dit adres bij een account');
	// The mail is made just after the answer.
	await expect.poll(async () => (await page.request.get('/dev/mailbox')).text()).toContain(E2E_FORGOT);
	const link = await mailedLink(page, E2E_FORGOT, '/reset-password');
	await page.goto(link);
	await expectAccessible(page);
	await page.getByLabel('Nieuw wachtwoord').fill('a brand new password');
	await page.getByRole('button', { name: 'Nieuw wachtwoord bewaren' }).click();
	await expect(page.getByRole('status')).toContainText('bewaard');
	await signIn(page, E2E_FORGOT, 'a brand new password');
	await expect(await headerLink(page, 'Mijn account')).toBeVisible();
});

test('sessions are listed on the account page and can be revoked; a coordinator makes an API token and revokes it', async ({ browser, request }) => {
	const a = await browser.newContext({ javaScriptEnabled: false });
	const b = await browser.newContext({ javaScriptEnabled: false });
	const pa = await a.newPage();
	const pb = await b.newPage();
	await signIn(pa, 'coordinator@example.org', DEMO_PASSWORD);
	await signIn(pb, 'coordinator@example.org', DEMO_PASSWORD);
	await pa.goto('/account');
	// Revoke the other device's session (the one not marked as this device).
	const other = pa.locator('section[aria-labelledby="sessions-h"] article').filter({ hasNotText: 'dit toestel' }).first();
	await other.getByRole('button', { name: 'Intrekken' }).click();
	await pb.goto('/account');
	await expect(pb).toHaveURL(/\/sign-in/);

	await pa.getByLabel('Waarvoor dient de sleutel?').fill('my spreadsheet');
	await pa.getByRole('button', { name: 'Sleutel maken' }).click();
	const token = (await pa.locator('code.token').innerText()).trim();
	expect(token).toMatch(/^ww_/);
	const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
	expect(me.status()).toBe(200);
	expect(await me.json()).toMatchObject({ email: 'coordinator@example.org', tokenScopes: ['read'] });
	await pa.locator('main article', { hasText: 'my spreadsheet' }).first().getByRole('button', { name: 'Intrekken' }).click();
	await expect(pa.locator('main article', { hasText: 'my spreadsheet' }).first()).toContainText('ingetrokken');
	const after = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
	expect(after.status()).toBe(401);
	expect(after.headers()['content-type']).toContain('application/problem+json');
	await a.close();
	await b.close();
});

test('a resident sees her devices in words and no API tokens, in Bulgarian and Arabic too', async ({ page }, info) => {
	await signIn(page, 'resident@example.org');
	await page.goto('/account');
	// The access tests made tokens for her over HTTP; while live they stay listed, so she can revoke them.
	const live = page.locator('section[aria-labelledby="tokens-h"] article').filter({ has: page.getByRole('button', { name: 'Intrekken' }) });
	while ((await live.count()) > 0) {
		await live.first().getByRole('button', { name: 'Intrekken' }).click();
		await page.goto('/account');
	}
	await expect(page.locator('#tokens-h')).toHaveCount(0);
	const mine = page.locator('section[aria-labelledby="sessions-h"] article').filter({ hasText: 'dit toestel' });
	await expect(mine.getByRole('heading', { level: 3 })).toHaveText('Chrome op Linux');
	await expect(mine).toContainText('laatst gebruikt vandaag');
	await expect(page.locator('section[aria-labelledby="sessions-h"]')).not.toContainText('Mozilla');
	await expectAccessible(page);
	const expected = {
		bg: ['това устройство', 'Chrome на Linux', 'последно използвано днес'],
		ar: ['هذا الجهاز', 'Chrome على Linux', 'آخر استخدام اليوم']
	};
	for (const [locale, [thisDevice, device, used]] of Object.entries(expected)) {
		await speak(page, locale);
		await page.goto('/account');
		const here = page.locator('section[aria-labelledby="sessions-h"] article').filter({ hasText: thisDevice! });
		await expect(here.getByRole('heading', { level: 3 })).toHaveText(device!);
		await expect(here).toContainText(used!);
		await expectAccessible(page);
		await page.screenshot({ path: info.outputPath(`account-${locale}.png`), fullPage: true });
	}
	await speak(page, 'nl');
});

test('the demo mailbox trusts the socket, not a header a client sends', async ({ request }) => {
	// The browser tests' server listens on 127.0.0.1: this request really is local. A header claiming
	// another peer changes nothing, because scripts/serve.ts overwrites it with the socket's address.
	const res = await request.get('/dev/mailbox', { headers: { 'x-wijkweb-peer': '192.168.1.20' }, maxRedirects: 0 });
	expect(res.status()).toBe(200);
});
