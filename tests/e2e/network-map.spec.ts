import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './helpers.ts';
import { MAP_BRIDGE } from './seed-network.ts';

// The network map of Rabot (tests/e2e/seed-network.ts): without JavaScript the server's picture and
// the two lists; with it, sigma's canvas, and the search that opens a node's ties.

test('the network map: picture or canvas, the isolated and the bridge, searching a node', async ({ page }, testInfo) => {
	await signIn(page, 'facilitator@example.org');
	await page.goto('/network');
	await page.locator('select[name="area"]').selectOption({ index: 1 });
	await page.getByRole('button', { name: 'Kaart tonen' }).click();
	await expect(page.getByRole('heading', { name: 'Verbindende organisaties' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Verbindende organisaties' })).toContainText(MAP_BRIDGE);
	// Ines has nobody; pseudonymised, she is her initials, linked to her record.
	const isolated = page.getByRole('table', { name: 'Geïsoleerde mensen' });
	await expect(isolated.getByRole('link', { name: 'I.J.' })).toBeVisible();
	await expect(page.locator('main')).not.toContainText('Ines');

	if (testInfo.project.name === 'phone-no-js') {
		await expect(page.getByRole('img', { name: 'Netwerkkaart' })).toBeVisible();
		await expect(page.locator('main svg[role="img"] path[fill="#2e7d32"]')).toHaveAttribute('d', /Z/);
	} else {
		await expect(page.locator('[data-rendered="1"] canvas').first()).toBeVisible();
		// Drawn, not one flat colour: sigma 4 painted the whole canvas in one node's colour under
		// headless Chromium's software WebGL, a PNG of ~1.5 KB; the real picture is tens of KB.
		expect((await page.locator('[data-rendered="1"]').screenshot()).length).toBeGreaterThan(5000);
		await page.getByLabel('Zoek een persoon of organisatie op de kaart').fill('ocmw rabot');
		await page.getByRole('button', { name: 'Zoeken' }).click();
		const panel = page.getByRole('complementary', { name: `Banden van ${MAP_BRIDGE}` });
		await expect(panel).toBeVisible();
		await expect(panel.getByRole('listitem')).toHaveCount(2);
	}
	await expectAccessible(page);
});
