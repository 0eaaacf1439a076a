import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, expectFits, mailedLink, signIn } from './helpers.ts';
import { E2E_COEDITORS, E2E_OWNERS } from './long-texts.ts';

// Funding (issue 16), co-editors: an applicant starts an application on the participatory call and
// invites a co-editor by e-mail; the co-editor opens the mailed link signed out, signs in, comes back to
// the invitation and accepts it. Then both have the form open and save the title: the first save goes
// through; the second is told someone saved in between, keeps what it typed, sees the other version,
// and saves again on purpose. Nothing is lost, nothing is overwritten unseen.

const field = (page: Page, name: string) => page.locator(`main [name="${name}"]`);

test('an applicant invites a co-editor by e-mail; two saves at once are told apart and nothing is lost', async ({ page, browser }, info) => {
	test.setTimeout(300_000);
	const project = info.project.name as keyof typeof E2E_OWNERS;
	const owner = E2E_OWNERS[project];
	const coeditor = E2E_COEDITORS[project];
	const js = project === 'desktop';

	await signIn(page, owner);
	await page.goto('/calls');
	await page.locator('section[aria-labelledby="open-h"]').getByRole('link', { name: 'Participatieve duurzame wijk', exact: true }).click();
	await page.getByRole('link', { name: 'Aanvragen' }).click();
	await page.getByRole('radio', { name: 'een buurtgroep' }).check();
	await page.getByLabel(/Naam van de aanvrager/).fill('Buurtgroep Speelplein');
	await page.getByRole('button', { name: 'Aanvraag beginnen' }).click();
	await expect(field(page, 'title')).toBeVisible();
	const formUrl = page.url();
	await field(page, 'title').fill('Speelplein voor iedereen');
	await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();

	// The invitation.
	await page.getByRole('link', { name: 'Mee-bewerkers uitnodigen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mede-auteurs' })).toBeVisible();
	await expectAccessible(page);
	await expectFits(page);
	await page.getByLabel('E-mailadres').fill(coeditor);
	await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
	await expect(page.getByText('De uitnodiging is verstuurd.')).toBeVisible();
	await expect(page.getByText(coeditor)).toBeVisible();
	const link = await mailedLink(page, coeditor, '/apply/invite/');

	// The co-editor: signed out, the link asks to sign in first and comes back to the invitation.
	const other = await browser.newContext({ javaScriptEnabled: js, viewport: page.viewportSize()!, locale: 'nl-BE' });
	const them = await other.newPage();
	await them.goto(new URL(link).pathname);
	await expect(them.getByRole('heading', { level: 1, name: 'Uitnodiging om mee te schrijven' })).toBeVisible();
	await expectAccessible(them);
	await them.getByRole('link', { name: 'Aanmelden' }).last().click();
	await them.getByLabel(/e-mail/i).fill(coeditor);
	await them.getByLabel(/wachtwoord/i).fill(DEMO_PASSWORD);
	await them.locator('main form button').click();
	await expect(them).toHaveURL(/\/apply\/invite\//);
	await them.getByRole('button', { name: 'Aanvaarden' }).click();
	await expect(them).toHaveURL(formUrl);
	await expect(field(them, 'title')).toHaveValue('Speelplein voor iedereen');

	// Both have the form open; the co-editor saves first.
	await page.goto(formUrl);
	await field(them, 'title').fill('Speelplein voor jong en oud');
	await them.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(them.getByText('Opgeslagen.')).toBeVisible();
	await field(page, 'title').fill('Een speelplein in de Sleepstraat');
	await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(page.getByText('Iemand anders heeft deze aanvraag intussen bewaard.')).toBeVisible();
	await expect(field(page, 'title')).toHaveValue('Een speelplein in de Sleepstraat');
	await page.getByText('Titel', { exact: true }).first().click();
	await expect(page.locator('main details p.user-text', { hasText: 'Speelplein voor jong en oud' })).toBeVisible();
	await expectAccessible(page);
	// Saving again, having seen theirs, is a choice, and it goes through.
	await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await expect(field(page, 'title')).toHaveValue('Een speelplein in de Sleepstraat');
	await other.close();
});
