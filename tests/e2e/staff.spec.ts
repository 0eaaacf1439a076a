import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './helpers.ts';

test('a facilitator registers a walk-in without an account; bad input is shown next to the field', async ({ page }, info) => {
	await signIn(page, 'facilitator@example.org');
	// Searched, not the list's first page: the demo's activities bring hundreds of people to Rabot.
	await page.goto('/people?q=Georgi');
	await expectAccessible(page);
	await expect(page.getByRole('link', { name: /Georgi/ })).toBeVisible();
	// Fatma was registered in the other neighbourhood: out of this facilitator's area.
	await page.goto('/people?q=Fatma');
	await expect(page.getByRole('link', { name: /Fatma/ })).toHaveCount(0);
	await page.goto('/people');
	await page.getByRole('link', { name: 'Nieuwe persoon' }).click();
	// Someone bound to Rabot registers in Rabot: "no area" would put the person out of their own reach.
	await expect(page.locator('#f-area option[value=""]')).toHaveCount(0);

	// Spaces pass the browser's own `required` check, so the server's validation answers.
	await page.getByLabel('Voornaam').fill('   ');
	await page.getByLabel('Telefoon').fill('<script>alert(1)</script>');
	await page.getByRole('button', { name: 'Registreren' }).click();
	await expect(page.locator('#f-firstName-err')).toContainText('Vul dit in.');
	// The error summary at the top links to the field in error.
	await expect(page.getByRole('alert').getByRole('link', { name: 'Vul dit in.' })).toHaveAttribute('href', '#f-firstName');
	await expect(page.locator('#f-phone-err')).toBeVisible();
	await expectAccessible(page);

	const name = `Maria ${info.project.name}`;
	await page.getByLabel('Voornaam').fill(name);
	await page.getByLabel('Telefoon').fill('+32 470 11 22 33');
	// The organisation's purposes asked by consent; "Contact" is mutual aid's old contact box.
	await page.getByRole('checkbox', { name: 'Contact' }).check();
	await page.getByRole('button', { name: 'Registreren' }).click();
	// The demo has a Maria in Rabot: whether "Maria <project>" looks like her depends on how long the
	// project's name is (people/duplicates.ts); when she is shown, this is someone else.
	const anyway = page.getByRole('button', { name: 'Toch een nieuw dossier maken' });
	await expect(page.getByRole('heading', { level: 1, name, exact: true }).or(anyway)).toBeVisible();
	if (await anyway.isVisible()) await anyway.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	await expect(page.getByText('+32 470 11 22 33')).toBeVisible();
	await expect(page.locator('main dl').first()).toContainText(/Akkoord met contact\s*ja/);
	await expectAccessible(page);
});

test('a volunteer is refused the people list', async ({ page }) => {
	await signIn(page, 'resident@example.org');
	const res = await page.goto('/people');
	expect(res?.status()).toBe(403);
	await expectAccessible(page);
	await expect(page.getByRole('link', { name: 'Mensen' })).toHaveCount(0);
});

test('an admin adds an organisation and a neighbourhood, gives a role and reads the audit log', async ({ page }, info) => {
	await signIn(page, 'admin@example.org');
	await page.goto('/admin');
	await expectAccessible(page);
	const org = `Buurthuis ${info.project.name}`;
	await page.locator('form[action="?/organisation"]').getByLabel('Naam').fill(org);
	await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
	// Its row in the table (its name is also in the hidden words of its theme link).
	await expect(page.getByRole('cell', { name: org }).first()).toBeVisible();
	// The same name twice is a clear conflict, not a crash.
	await page.locator('form[action="?/organisation"]').getByLabel('Naam').fill(org);
	await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
	await expect(page.getByRole('alert')).toContainText('Deze naam is al in gebruik.');

	await page.locator('form[action="?/area"]').getByLabel('Naam').fill(`Brugse Poort ${info.project.name}`);
	await page.getByLabel('Stad').fill('Gent');
	await page.getByLabel('Code').fill(`gent-bp-${info.project.name}`);
	await page.getByRole('button', { name: 'Wijk toevoegen' }).click();
	await expect(page.getByText(`Brugse Poort ${info.project.name}`)).toBeVisible();

	await page.goto('/people?q=Georgi');
	await page.getByRole('link', { name: /Georgi/ }).click();
	await page.getByLabel('Rol', { exact: true }).selectOption('volunteer');
	await page.getByRole('button', { name: 'Rol geven' }).click();
	await expect(page.locator('section[aria-labelledby="roles-h"]')).toContainText('Vrijwilliger');
	await expectAccessible(page);

	await page.goto('/admin/audit');
	await expect(page.getByRole('cell', { name: 'access_role_grant', exact: false }).first()).toBeVisible();
	await expectAccessible(page);
});
