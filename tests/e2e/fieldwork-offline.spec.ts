import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn, signOut } from './helpers.ts';

// The street log offline, on a 360 px phone with JavaScript: the service worker serves the page with
// no network, three contacts wait on the phone, and arrive once each when the network is back, even
// when the phone sends them again. Rows are counted on the home page (today's contacts), each
// contact marked by its own anonymous count.

const stamp = 100 + (Date.now() % 300);
const counts = [stamp, stamp + 1, stamp + 2];

const queue = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<unknown[]>((resolve, reject) => {
				const req = indexedDB.open('wijkweb-street', 1);
				req.onupgradeneeded = () => req.result.createObjectStore('queue', { keyPath: 'clientId' });
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const all = req.result.transaction('queue').objectStore('queue').getAll();
					all.onsuccess = () => resolve(all.result);
				};
			})
	);

async function onHomePage(page: Page, count: number) {
	await page.goto('/fieldwork');
	return page.getByText(new RegExp(`(^|\\s)${count} zonder naam`)).count();
}

test('three street contacts logged offline arrive once each when the network is back', async ({ page, context }, info) => {
	await signIn(page, 'outreach@example.org');
	await page.goto('/fieldwork/street');
	await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 30_000 });
	await expectAccessible(page);

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Straatcontact' })).toBeVisible();
	await expect(page.getByText(/Geen netwerk/)).toBeVisible();

	for (const n of counts) {
		await page.getByLabel('Aantal jongeren').fill(String(n));
		await page.getByText('16–20').click();
		if (!(await page.getByRole('checkbox', { name: 'Vrije tijd' }).isChecked())) await page.getByText('Vrije tijd').click();
		await page.getByRole('button', { name: 'Bewaren' }).click();
		await expect(page.getByTestId('street-queue').getByText(new RegExp(`^${n} jongeren`))).toBeVisible();
	}
	await expect(page.getByRole('heading', { name: 'Wacht om verzonden te worden (3)' })).toBeVisible();
	await page.screenshot({ path: info.outputPath('street-offline-360-nl.png'), fullPage: true });
	const kept = await queue(page);
	expect(kept).toHaveLength(3);

	await context.setOffline(false);
	await expect(page.getByTestId('street-queue')).toHaveCount(0, { timeout: 40_000 });
	await expect(page.getByText('Alles is verzonden.')).toBeVisible();
	for (const n of counts) expect(await onHomePage(page, n)).toBe(1);

	// The phone sends the same three again (as after a lost answer): the server answers "repeated".
	await page.goto('/fieldwork/street');
	await page.evaluate(
		(items) =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('wijkweb-street', 1);
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const t = req.result.transaction('queue', 'readwrite');
					for (const item of items) t.objectStore('queue').put(item);
					t.oncomplete = () => resolve();
				};
			}),
		kept
	);
	await page.reload();
	await expect.poll(async () => (await queue(page)).length, { timeout: 40_000 }).toBe(0);
	for (const n of counts) expect(await onHomePage(page, n)).toBe(1);
});

test('signing out forgets the cached street page, and keeps what still waits to be sent', async ({ page }) => {
	const cached = () => page.evaluate(async () => !!(await caches.match('/fieldwork/street')));
	await signIn(page, 'outreach@example.org');
	await page.goto('/fieldwork/street');
	await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 30_000 });
	await expect.poll(cached, { timeout: 15_000 }).toBe(true);
	// Something still waiting on the phone when the worker signs out.
	const waiting = { clientId: crypto.randomUUID(), anonymousCount: 4 };
	await page.evaluate(
		(item) =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('wijkweb-street', 1);
				req.onupgradeneeded = () => req.result.createObjectStore('queue', { keyPath: 'clientId' });
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const t = req.result.transaction('queue', 'readwrite');
					t.objectStore('queue').put(item);
					t.oncomplete = () => resolve();
				};
			}),
		waiting
	);
	await signOut(page);
	await expect(page).toHaveURL('/');
	await expect.poll(cached, { timeout: 15_000 }).toBe(false);
	const kept = (await queue(page)) as { clientId: string }[];
	expect(kept.map((k) => k.clientId)).toContain(waiting.clientId);
	// Clean up, so that the next sign-in does not try to send a made-up item.
	await page.evaluate(
		(id) =>
			new Promise<void>((resolve) => {
				const req = indexedDB.open('wijkweb-street', 1);
				req.onsuccess = () => {
					const t = req.result.transaction('queue', 'readwrite');
					t.objectStore('queue').delete(id);
					t.oncomplete = () => resolve();
				};
			}),
		waiting.clientId
	);
});
