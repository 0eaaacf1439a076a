import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, E2E_ORIGIN, expectAccessible, signIn, signOut } from './helpers.ts';
import { twoFactorEmail } from './seed-two-factor.ts';
import { totp } from './totp.ts';

// A coordinator held to the second factor (seed-two-factor.ts) meets the gate, enrols with the code
// computed here from the secret on the page, signs in again with password + code, opens a person, and
// then signs in with a recovery code. Plain form posts throughout: the phone project has no JavaScript.

const GATE = 'Stel je tweede stap in om dossiers van mensen te openen';

async function passwordStep(page: Page, email: string) {
	await page.goto('/sign-in');
	await page.getByLabel(/e-mail/i).fill(email);
	await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
	await page.locator('main form button').click();
	await page.waitForURL('**/sign-in/two-factor');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Typ je code');
}

test('a coordinator enrols a second factor, signs in with a code and with a recovery code', async ({ page }, info) => {
	const email = twoFactorEmail(info.project.name);
	await signIn(page, email);

	// The gate: not an error page, the way in.
	await page.goto('/people');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(GATE);
	await expectAccessible(page);
	for (const locale of info.project.name === 'phone-no-js' ? ['bg', 'ar'] : ['en']) {
		await page.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
		await page.reload();
		await page.screenshot({ path: info.outputPath(`gate-${locale}.png`), fullPage: true });
	}
	await page.context().clearCookies({ name: 'wijkweb_locale' });
	await page.reload();
	await page.getByRole('link', { name: 'Mijn tweede stap instellen' }).click();
	await expect(page).toHaveURL(/\/account\/two-factor$/);
	await expectAccessible(page);

	// The scan step in the phone's other scripts, for the screenshots (each start replaces the
	// unconfirmed secret, so the journey below begins afresh).
	for (const locale of info.project.name === 'phone-no-js' ? ['bg', 'ar'] : ['en']) {
		await page.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
		await page.goto('/account/two-factor');
		await page.locator('main input[name="password"]').fill(DEMO_PASSWORD);
		await page.locator('main form button').click();
		await expect(page.locator('main .secret code')).toBeVisible();
		await expectAccessible(page);
		await page.screenshot({ path: info.outputPath(`scan-${locale}.png`), fullPage: true });
	}
	await page.context().clearCookies({ name: 'wijkweb_locale' });
	await page.goto('/account/two-factor');

	// Step 1: the password. Step 2: the QR code and the secret as text.
	await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scan de code met je app');
	await expect(page.getByRole('img', { name: /QR-code/ })).toBeVisible();
	const secret = (await page.locator('main .secret code').innerText()).replace(/\s/g, '');
	expect(secret).toMatch(/^[A-Z2-7]{32,}$/);
	await expectAccessible(page);

	// A wrong code: a clear message, and the same QR code to try again.
	await page.getByLabel('De code van 6 cijfers uit je app').fill(totp(secret, Date.now(), 20));
	await page.getByRole('button', { name: 'Inschakelen' }).click();
	await expect(page.getByText('Die code klopt niet').first()).toBeVisible();
	expect((await page.locator('main .secret code').innerText()).replace(/\s/g, '')).toBe(secret);
	await expectAccessible(page);

	// Step 3: the right code, then the recovery codes, once.
	await page.getByLabel('De code van 6 cijfers uit je app').fill(totp(secret));
	await page.getByRole('button', { name: 'Inschakelen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je herstelcodes');
	const codes = await page.locator('main ol code').allInnerTexts();
	expect(codes).toHaveLength(10);
	await expectAccessible(page);
	await page.screenshot({ path: info.outputPath('codes.png'), fullPage: true });
	await page.getByRole('link', { name: 'Ik heb ze bewaard' }).click();
	await expect(page.getByText('Klaar: je tweede stap staat aan.')).toBeVisible();
	await expectAccessible(page);

	// Through the gate: the list and a person's record.
	await page.goto('/people');
	// The first person in the list (not the "New person" button, which links to /people/new).
	await page.locator('main a[href^="/people/"]:not([href="/people/new"])').first().click();
	await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(GATE);
	const person = page.url();
	await signOut(page);

	// Signing in now takes the code after the password; a wrong one is told, and better-auth counts it.
	await passwordStep(page, email);
	await expectAccessible(page);
	await page.getByLabel('De code van 6 cijfers uit je app').fill('000000' === totp(secret) ? '111111' : '000000');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByText('Die code klopt niet').first()).toBeVisible();
	await page.getByLabel('De code van 6 cijfers uit je app').fill(totp(secret));
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
	await page.goto(person);
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(GATE);
	await signOut(page);

	// Without the phone: a recovery code, on the second tab.
	await passwordStep(page, email);
	await page.getByRole('link', { name: 'Herstelcode' }).click();
	await expect(page).toHaveURL(/method=recovery/);
	await expectAccessible(page);
	for (const locale of info.project.name === 'phone-no-js' ? ['ar'] : ['en']) {
		await page.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
		await page.reload();
		await expectAccessible(page);
		await page.screenshot({ path: info.outputPath(`recovery-${locale}.png`), fullPage: true });
	}
	await page.context().clearCookies({ name: 'wijkweb_locale' });
	await page.reload();
	await page.getByLabel('Herstelcode').fill(codes[0]!);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
	await page.goto('/account/two-factor');
	await expect(page.getByText('Je tweede stap staat aan', { exact: true })).toBeVisible();
	// Held to the gate: no way to turn it off.
	await expect(page.getByRole('button', { name: 'Tweede stap uitschakelen' })).toHaveCount(0);
	await expectAccessible(page);
	await page.goto('/account');
	await expect(page.getByText('Aan: aanmelden vraagt een code uit je app.')).toBeVisible();
	await expectAccessible(page);
});
