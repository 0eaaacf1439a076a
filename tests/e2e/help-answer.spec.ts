import { expect, test, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { E2E_ORIGIN, expectAccessible, signIn } from './helpers.ts';

// Issue 12: a volunteer answers a proposed link on question pages — yes (the walk-in said yes at the
// desk, so both did and the confirmation says so), and no with a reason on the page after. Each step
// is scanned in Dutch and in Arabic; the back button after an answer never asks the question again.

const headers = { accept: 'text/html', origin: E2E_ORIGIN };
/** A name as the pages put it in a sentence: isolated, so it keeps its own direction in Arabic. */
const iso = (name: string) => `\u2068${name}\u2069`;
type Request = typeof import('@playwright/test').request;

/** An API client with a personal access token made on the account page, as a person would. */
async function apiAs(request: Request, email: string): Promise<APIRequestContext> {
	const ctx = await request.newContext({ baseURL: E2E_ORIGIN });
	expect((await ctx.post('/sign-in', { form: { email, password: 'wijkweb-demo' }, headers, maxRedirects: 0 })).status()).toBe(303);
	const form = new FormData();
	form.append('name', 'e2e answer');
	form.append('scopes', 'read');
	form.append('scopes', 'write');
	const token = /(ww_[A-Za-z0-9_-]+)/.exec(await (await ctx.post('/account?/createToken', { form, headers })).text())?.[1];
	expect(token, `token for ${email}`).toBeTruthy();
	await ctx.dispose();
	return request.newContext({ baseURL: `${E2E_ORIGIN}/api/v1/`, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

/** A walk-in who needs help moving boxes, proposed by the facilitator to a fresh offer of the demo volunteer. */
async function proposal(request: Request, tag: string) {
	const facilitator = await apiAs(request, 'facilitator@example.org');
	const volunteer = await apiAs(request, 'volunteer@example.org');
	const role = (await (await facilitator.get('me')).json()).roles[0] as { areaId: string; organisationId: string };
	const firstName = `Mina ${tag}`;
	const phone = `+32 470 ${String(Date.now()).slice(-6, -4)} ${String(Date.now()).slice(-4, -2)} ${String(Date.now()).slice(-2)}`;
	const person = await facilitator.post('people', {
		data: { firstName, phone, organisationId: role.organisationId, areaId: role.areaId, contactConsent: true, languages: ['nl'] }
	});
	expect(person.status()).toBe(201);
	const saturday = [{ day: 6, start: '10:00', end: '12:00' }];
	const need = await facilitator.post('aid/needs', {
		data: { personId: (await person.json()).id, category: 'moving', title: `Dozen naar boven (${tag})`, areaId: role.areaId, windows: saturday }
	});
	expect(need.status()).toBe(201);
	const me = await (await volunteer.get('me')).json();
	const offer = await volunteer.post('aid/offers', {
		data: { personId: me.personId, category: 'moving', title: `Dozen dragen (${tag})`, areaId: role.areaId, windows: saturday, capacity: 1 }
	});
	expect(offer.status()).toBe(201);
	const link = await facilitator.post('aid/links', { data: { needId: (await need.json()).id, offerId: (await offer.json()).id } });
	expect(link.status()).toBe(201);
	const id = (await link.json()).id as string;
	await facilitator.dispose();
	await volunteer.dispose();
	return { id, firstName, phone, title: `Dozen naar boven (${tag})` };
}

/** The axe scan (and no sideways scroll) in Dutch and in Arabic, with a screenshot of each. */
async function scan(page: Page, info: TestInfo, name: string) {
	await expectAccessible(page);
	await page.screenshot({ path: info.outputPath(`${name}-nl.png`), fullPage: true });
	await page.context().addCookies([{ name: 'wijkweb_locale', value: 'ar', url: E2E_ORIGIN }]);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expectAccessible(page);
	await page.screenshot({ path: info.outputPath(`${name}-ar.png`), fullPage: true });
	await page.context().clearCookies({ name: 'wijkweb_locale' });
	await page.reload();
}

test('a volunteer answers two proposals on question pages: yes, and no with a reason', async ({ page, playwright }, info) => {
	// Ten scans on a shared two-core machine.
	test.setTimeout(180_000);
	const yes = await proposal(playwright.request, `${info.project.name} ja`);
	const no = await proposal(playwright.request, `${info.project.name} nee`);
	await signIn(page, 'volunteer@example.org');

	// "Proposed to you" comes first on /help, each as a question with one button.
	await page.goto('/help');
	const proposed = page.getByRole('region', { name: 'Voorgesteld aan jou' });
	await expect(proposed.locator('article', { hasText: yes.title })).toContainText(`Wil je ${iso(yes.firstName)} helpen met verhuizen?`);
	await expect(proposed.locator('article', { hasText: yes.title })).toContainText('wacht op je antwoord');
	await scan(page, info, 'help');

	// Yes.
	await proposed.locator('article', { hasText: yes.title }).getByRole('link', { name: 'Antwoorden' }).click();
	await expect(page).toHaveURL(`/help/links/${yes.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Wil je ${iso(yes.firstName)} helpen met verhuizen?`);
	await expect(page.locator('main')).toContainText(yes.title);
	await expect(page.getByText(yes.phone)).toHaveCount(0);
	await scan(page, info, 'question');
	await page.getByRole('button', { name: 'Ja, dat is goed' }).click();
	await expect(page).toHaveURL(`/help/links/${yes.id}/done`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jullie zeiden allebei ja');
	await expect(page.getByRole('status')).toContainText(`De contactgegevens van ${iso(yes.firstName)} staan nu op Mijn hulp.`);
	await scan(page, info, 'done-yes');
	// Back: the question is not asked again, the page says what happens next.
	await page.goBack();
	await expect(page).toHaveURL(`/help/links/${yes.id}/done`);
	await page.getByRole('link', { name: 'Naar Mijn hulp' }).click();
	const mine = page.getByRole('region', { name: 'Mijn koppelingen' });
	await expect(mine.locator('article', { hasText: yes.title })).toContainText('aanvaard');
	await expect(mine.locator('article', { hasText: yes.title }).getByRole('link', { name: yes.phone })).toBeVisible();

	// No, with a reason on the page after.
	await proposed.locator('article', { hasText: no.title }).getByRole('link', { name: 'Antwoorden' }).click();
	await page.getByRole('button', { name: 'Nee, liever niet' }).click();
	await expect(page).toHaveURL(`/help/links/${no.id}/decline`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je zegt nee');
	await scan(page, info, 'decline');
	await page.getByLabel('Waarom niet? (mag leeg)').fill('Die zaterdag ben ik weg');
	await page.getByRole('button', { name: 'Nee sturen' }).click();
	await expect(page).toHaveURL(`/help/links/${no.id}/done`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedankt voor je antwoord');
	await expect(page.getByRole('status')).toContainText(`Ze zoeken iemand anders voor ${iso(no.firstName)}.`);
	await scan(page, info, 'done-no');
	await page.goto('/help');
	await expect(page.getByRole('region', { name: 'Voorgesteld aan jou' }).locator('article', { hasText: no.title })).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'Eerdere koppelingen' }).locator('article', { hasText: no.title })).toContainText('geweigerd');

	// Another resident's answer pages are unknown to the demo resident.
	const other = await playwright.request.newContext({ baseURL: E2E_ORIGIN });
	await other.post('/sign-in', { form: { email: 'resident@example.org', password: 'wijkweb-demo' }, headers, maxRedirects: 0 });
	for (const path of ['', '/decline', '/done'])
		expect((await other.get(`/help/links/${yes.id}${path}`, { maxRedirects: 0 })).status(), path).toBe(404);
	await other.dispose();
});
