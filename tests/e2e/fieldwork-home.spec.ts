import { expect, test } from '@playwright/test';
import { E2E_ORIGIN, expectAccessible, headerLink, signIn } from './helpers.ts';

// The worker's home page, their settings and the street log's plain form, on a phone without
// JavaScript and on a desktop: every page passes axe, bad input is refused in Dutch and changes nothing.

test('an outreach worker opens fieldwork from the menu, sets a target and logs a street contact without JavaScript', async ({ page }, info) => {
	await signIn(page, 'outreach@example.org');
	await (await headerLink(page, 'Veldwerk')).click();
	await expect(page).toHaveURL(/\/fieldwork$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Veldwerk' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Contact registreren' })).toHaveAttribute('href', '/fieldwork/log');
	await expect(page.getByRole('link', { name: 'Huisbezoek' })).toHaveAttribute('href', '/fieldwork/log?type=home_visit');
	// An outreach worker's street link is the offline street log.
	await expect(page.getByRole('link', { name: 'Straatcontact' })).toHaveAttribute('href', '/fieldwork/street');
	await expectAccessible(page);

	// Settings: a duration of −5 is refused with a Dutch message; nothing is saved.
	await page.getByRole('link', { name: 'Mijn instellingen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn instellingen voor het veldwerk');
	await page.getByLabel(/gewone duur/).fill('-5');
	await page.getByLabel(/Mijn doel/).fill('26');
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect(page.getByText('Dit getal ligt buiten de grenzen.').first()).toBeVisible();
	await expectAccessible(page);
	await page.goto('/fieldwork/settings');
	await expect(page.getByLabel(/Mijn doel/)).not.toHaveValue('26');
	await page.getByLabel(/gewone duur/).fill('30');
	await page.getByLabel(/Mijn doel/).fill('25');
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect(page.getByText('Je instellingen zijn bewaard.')).toBeVisible();

	// The street log as a plain form: a count of 0 is refused, then 4 young people are logged.
	await page.goto('/fieldwork/street');
	await expect(page.getByRole('heading', { level: 1, name: 'Straatcontact' })).toBeVisible();
	await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/street.webmanifest');
	await expectAccessible(page);
	if (info.project.name === 'phone-no-js') {
		await page.getByLabel('Aantal jongeren').fill('0');
		await page.getByText('Vrije tijd').click();
		await page.getByRole('button', { name: 'Bewaren' }).click();
		await expect(page.getByText('Het aantal jongeren is tussen 1 en 500.').first()).toBeVisible();
		await page.getByLabel('Aantal jongeren').fill('4');
		await page.getByText('16–20').click();
		await page.getByRole('button', { name: 'Bewaren' }).click();
		await expect(page.getByText('Het straatcontact is bewaard.')).toBeVisible();
	}

	await page.goto('/fieldwork');
	await expect(page.getByText(/van 25 u/)).toBeVisible();
	if (info.project.name === 'phone-no-js') await expect(page.getByText('4 zonder naam').first()).toBeVisible();
	if (info.project.name === 'desktop') await page.screenshot({ path: info.outputPath('fieldwork-home-1280-nl.png'), fullPage: true });
});

test('the home page and the street log keep their layout at 360 px in Bulgarian and Arabic', async ({ browser }, info) => {
	for (const locale of ['bg', 'ar']) {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-BE' });
		const page = await context.newPage();
		await signIn(page, 'outreach@example.org');
		// The cookie, not the switcher (which would store the account's language for later specs).
		await page.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
		for (const path of ['/fieldwork', '/fieldwork/street', '/fieldwork/settings']) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expectAccessible(page);
			await page.screenshot({ path: info.outputPath(`fieldwork${path.replaceAll('/', '-')}-360-${locale}.png`), fullPage: true });
		}
		await context.close();
	}
});

test('a resident sees none of fieldwork (403), and the send endpoint refuses another origin', async ({ page }) => {
	await signIn(page, 'resident@example.org');
	const res = await page.goto('/fieldwork');
	expect(res?.status()).toBe(403);
	expect((await page.goto('/fieldwork/street'))?.status()).toBe(403);
	const post = await page.request.post('/fieldwork/street/send', { data: {}, headers: { origin: 'https://evil.example' } });
	expect(post.status()).toBe(403);
});
