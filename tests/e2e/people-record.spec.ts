import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './helpers.ts';

// The person record (issue 13, A): register, a look-alike is shown before a second record is made,
// "create anyway", find it without its accent, correct a field, merge the two. Plain forms: the same
// journey without JavaScript on a phone.

test('a facilitator registers a person, is warned of a look-alike, finds both without accents, corrects one and merges them', async ({
	page
}, info) => {
	const last = `Dupont ${info.project.name} ${Date.now() % 100000}`;
	await signIn(page, 'facilitator@example.org');
	await page.goto('/people');
	await page.getByRole('link', { name: 'Nieuwe persoon' }).click();
	await expectAccessible(page);
	await page.getByLabel('Voornaam').fill('Céline');
	await page.getByLabel('Achternaam').fill(last);
	await page.getByLabel('Geboortejaar').fill('1980');
	await page.getByRole('button', { name: 'Registreren' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Céline ${last}`);
	const keptUrl = page.url();
	await expect(page.getByRole('navigation', { name: 'Onderdelen van de fiche' })).toBeVisible();
	await expectAccessible(page);

	// The same person again, spelled without the accent and born a year later: shown before anything is made.
	await page.goto('/people/new');
	await page.getByLabel('Voornaam').fill('Celine');
	await page.getByLabel('Achternaam').fill(last);
	await page.getByLabel('Geboortejaar').fill('1981');
	await page.getByRole('button', { name: 'Registreren' }).click();
	await expect(page.getByText('Deze mensen lijken op elkaar')).toBeVisible();
	await expect(page.getByRole('link', { name: `Céline ${last}` })).toBeVisible();
	await expect(page.getByText(/dezelfde naam|een gelijkaardige naam/)).toBeVisible();
	// What was typed is still there.
	await expect(page.getByLabel('Voornaam')).toHaveValue('Celine');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Toch een nieuw dossier maken' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Celine ${last}`);
	const secondUrl = page.url();

	// Found by the accent-free name: both records.
	await page.goto(`/people?q=${encodeURIComponent(`celine ${last.toLowerCase()}`)}`);
	await expect(page.getByRole('link', { name: `Céline ${last}` })).toBeVisible();
	await expect(page.getByRole('link', { name: `Celine ${last}` })).toBeVisible();
	await expectAccessible(page);

	// A correction (art. 16).
	await page.goto(secondUrl);
	await page.getByRole('link', { name: 'Verbeteren' }).click();
	await expectAccessible(page);
	await page.getByLabel('Telefoon').fill('+32 470 99 88 77');
	await page.getByRole('button', { name: 'Verbetering bewaren' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Celine ${last}`);
	await expect(page.getByText('+32 470 99 88 77')).toBeVisible();

	// Merge the second into the first: find it, compare, keep the first one's name, confirm.
	await page.getByRole('link', { name: 'Samenvoegen' }).click();
	await page.getByLabel('Zoek het dossier dat je bewaart').fill(`Céline ${last}`);
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expectAccessible(page);
	await page.getByRole('link', { name: new RegExp(`Dit dossier bewaren\\W+Céline ${last}`) }).click();
	await expect(page.getByRole('group', { name: 'Voornaam' })).toBeVisible();
	await expectAccessible(page);
	// Without the confirmation nothing happens, and the page says why.
	await page.getByRole('button', { name: 'Dossiers samenvoegen' }).click();
	await expect(page.getByRole('alert')).toContainText('Vink aan dat beide dossiers over dezelfde persoon gaan.');
	await page.getByLabel('Ik heb nagekeken dat beide dossiers over dezelfde persoon gaan').check();
	await page.getByRole('button', { name: 'Dossiers samenvoegen' }).click();
	await expect(page).toHaveURL(keptUrl);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Céline ${last}`);
	// The phone only the merged record had now belongs to the kept one.
	await expect(page.getByText('+32 470 99 88 77')).toBeVisible();
	await page.screenshot({ path: info.outputPath('person-merged.png'), fullPage: true });

	// The merged record's address lands on the kept one.
	await page.goto(secondUrl);
	await expect(page).toHaveURL(keptUrl);
});
