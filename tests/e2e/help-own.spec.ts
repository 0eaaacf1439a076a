import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { E2E_ORIGIN, expectAccessible, mailedLink, signIn } from './helpers.ts';

// Items 12 and 17: someone signs up alone, chooses their neighbourhood, asks for help at once (the
// request waits for the neighbourhood house's look), sees what was saved, opens it, changes it and
// withdraws it after ticking the confirmation. Screenshots of the resident's pages in Bulgarian and
// Arabic on the phone.

/** The axe scan and a screenshot: on the phone in Bulgarian and Arabic, on the desktop in Dutch. */
async function check(page: Page, info: TestInfo, name: string) {
	if (info.project.name !== 'phone-no-js') {
		await expectAccessible(page);
		await page.screenshot({ path: info.outputPath(`${name}-nl.png`), fullPage: true });
		return;
	}
	for (const locale of ['bg', 'ar']) {
		await page.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
		await page.reload();
		await expectAccessible(page);
		await page.screenshot({ path: info.outputPath(`${name}-${locale}.png`), fullPage: true });
	}
	await page.context().clearCookies({ name: 'wijkweb_locale' });
	await page.reload();
}

test('a new resident signs up alone, chooses a neighbourhood, asks for help, changes and withdraws it', async ({ page }, info) => {
	// Eight scans on the phone (four pages, two languages) on a shared machine.
	test.setTimeout(150_000);
	const email = `amira-${info.project.name}-${Date.now()}@example.test`;
	const password = 'a long enough password';
	await page.goto('/sign-up');
	await page.getByLabel('Voornaam').fill('Amira');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page.getByRole('status')).toContainText(email);
	await page.goto(await mailedLink(page, email, '/verify-email'));
	await signIn(page, email, password);

	// The home page's promise leads somewhere: to choosing the neighbourhood.
	await page.goto('/');
	await page.getByRole('link', { name: 'Hulp vragen of hulp bieden' }).click();
	await expect(page.getByRole('group', { name: 'In welke wijk woon je?' })).toContainText('Wijkhuis Rabot');
	await check(page, info, 'join');
	await page.getByRole('radio', { name: /Rabot - Blaisantvest/ }).check();
	await page.getByRole('button', { name: 'Dit is mijn wijk' }).click();
	await expect(page.getByRole('status')).toContainText('Welkom in je wijk');

	const title = `Hulp met een brief van de huisbaas (${info.project.name})`;
	await page.getByRole('link', { name: 'Ik zoek hulp' }).click();
	await page.getByRole('button', { name: 'Papieren en digitale hulp' }).click();
	await page.getByText('Namiddagen').click();
	await page.getByRole('button', { name: 'Verder' }).click();
	await page.getByRole('button', { name: 'Verder' }).click();
	await page.getByText(/Een korte titel geven/).click();
	await page.getByLabel(/In een paar woorden/).fill(title);
	await page.getByRole('button', { name: 'Verder' }).click();
	await page.getByRole('button', { name: 'Versturen' }).click();
	// The confirmation says the house looks at it first, then back to "my help".
	await expect(page.getByText('Omdat je nieuw bent, kijkt het buurthuis je vraag eerst na.')).toBeVisible();
	await page.getByRole('link', { name: 'Terug naar mijn hulp' }).click();
	// What was saved, and that the house looks at it first.
	const saved = page.getByRole('status');
	await expect(saved).toContainText(`Je vraag is bewaard: “\u2068${title}\u2069”.`);
	await expect(saved).toContainText('kijkt het eerst na');
	await expect(page.locator('article.item', { hasText: title })).toContainText('wordt nagekeken');
	await check(page, info, 'saved');

	await saved.getByRole('link', { name: 'Bekijken of wijzigen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	await check(page, info, 'need');
	await page.getByRole('link', { name: 'Wijzigen' }).click();
	await expect(page.getByLabel('In een paar woorden')).toHaveValue(title);
	await expect(page.getByRole('radio', { name: 'Papieren en digitale hulp' })).toBeChecked();
	const changed = `${title}, op maandag`;
	await page.getByLabel('In een paar woorden').fill(changed);
	await page.getByRole('button', { name: 'Wijziging bewaren' }).click();
	await expect(page.getByRole('status')).toHaveText('Opgeslagen.');
	await expect(page.getByRole('heading', { level: 1 })).toContainText(changed);

	// The neighbourhood's facilitator sees it in the queue as "to review", and confirms it.
	const staff = await page
		.context()
		.browser()!
		.newContext({ viewport: page.viewportSize(), javaScriptEnabled: info.project.name !== 'phone-no-js', locale: 'nl-BE' });
	const facilitator = await staff.newPage();
	await signIn(facilitator, 'facilitator@example.org');
	await facilitator.goto('/aid');
	await expect(facilitator.locator('article.item', { hasText: changed })).toContainText('wordt nagekeken');
	await facilitator.locator('article.item', { hasText: changed }).getByRole('link').click();
	await expect(facilitator.getByRole('heading', { name: 'Na te kijken' })).toBeVisible();
	await expect(facilitator.getByRole('heading', { name: 'Sluiten als dubbel' })).toBeVisible();
	await expectAccessible(facilitator);
	await facilitator.screenshot({ path: info.outputPath(`staff-review-${info.project.name}.png`), fullPage: true });
	await facilitator.getByRole('button', { name: 'Bewoner en vraag bevestigen' }).click();
	await expect(facilitator.getByRole('status')).toHaveText('Opgeslagen.');
	await staff.close();
	await page.reload();
	await expect(page.getByText('open', { exact: true })).toBeVisible();

	await page.getByRole('link', { name: 'Intrekken' }).click();
	await check(page, info, 'withdraw');
	await page.getByLabel(/Waarom/).fill('Mijn buurvrouw helpt me al');
	if (info.project.name === 'phone-no-js') {
		// Without JavaScript the browser still refuses the unticked box (required); the server checks it too.
		await page.getByRole('button', { name: 'Vraag intrekken' }).click();
		await expect(page).toHaveURL(/\/withdraw$/);
	}
	await page.getByLabel('Ja, ik trek deze vraag in').check();
	await page.getByRole('button', { name: 'Vraag intrekken' }).click();
	await expect(page.getByRole('status')).toHaveText('Je vraag is ingetrokken.');
	await expect(page.getByText(/Je reden: \u2068Mijn buurvrouw helpt me al\u2069/)).toBeVisible();
	await page.goto('/help');
	await expect(page.locator('article.item', { hasText: changed })).toContainText('ingetrokken');
});

test('a volunteer opens their offer, pauses it and takes it up again; the change form is filled in', async ({ page }, info) => {
	await signIn(page, 'volunteer@example.org');
	await page.goto('/help');
	await page.getByRole('region', { name: 'Mijn aanbod' }).getByRole('link').first().click();
	await expect(page).toHaveURL(/\/help\/offers\/[0-9a-f-]{36}$/);
	await page.getByRole('button', { name: 'Pauzeren' }).click();
	await expect(page.getByRole('status')).toHaveText('Gepauzeerd. Je krijgt geen nieuwe voorstellen; wat al loopt, gaat door.');
	await expect(page.getByText('gepauzeerd', { exact: true })).toBeVisible();
	await check(page, info, 'offer-paused');
	await page.getByRole('button', { name: 'Weer hulp bieden' }).click();
	await expect(page.getByRole('status')).toHaveText('Je biedt weer hulp. Je kunt opnieuw voorstellen krijgen.');
	const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
	await page.getByRole('link', { name: 'Wijzigen' }).click();
	await expect(page.getByLabel('In een paar woorden')).toHaveValue(title);
	await expectAccessible(page);
});
