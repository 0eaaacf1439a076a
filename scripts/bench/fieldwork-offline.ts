import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';
import { chromium, type Page } from '@playwright/test';
import { signIn, startServer } from './server.ts';

// `npm run bench -- offline` (issue 14): 200 street contacts logged on a phone without network, all
// sent within 30 s of the network coming back, none twice. The production build (build/, `npx vite
// build` first) on a fresh data dir with the demo data; Chromium (/usr/bin/chromium) through the
// Playwright library at 360 px. The outreach worker opens /fieldwork/street, the service worker takes
// control, the context goes offline, the page is reloaded (from the service worker's cache), and the
// 200 contacts are logged THROUGH THE PAGE'S FORM (a count per contact, 1…200; themes, ages and
// neighbourhood stay chosen between contacts as on a real round), each queued in IndexedDB by the
// page. Then the network is back: the time runs from `setOffline(false)` until the queue on the phone
// is empty AND the database holds all 200 client ids, each once.

const PORT = Number(process.env.BENCH_OFFLINE_PORT ?? 3420);
const DATA_DIR = resolve('.bench-data/offline');
const CONTACTS = Number(process.env.BENCH_OFFLINE_CONTACTS ?? 200);
const TARGET_MS = 30_000;
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

type Say = (line?: string) => void;
const load = () =>
	loadavg()
		.map((l) => l.toFixed(2))
		.join(' / ');

/** The page's own IndexedDB queue (src/lib/fieldwork/street-queue.ts): its client ids. */
const queuedIds = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<string[]>((done, fail) => {
				const req = indexedDB.open('wijkweb-street', 1);
				req.onupgradeneeded = () => req.result.createObjectStore('queue', { keyPath: 'clientId' });
				req.onerror = () => fail(req.error);
				req.onsuccess = () => {
					const keys = req.result.transaction('queue').objectStore('queue').getAllKeys();
					keys.onsuccess = () => {
						req.result.close();
						done(keys.result as string[]);
					};
				};
			})
	);

export async function benchOffline(say: Say) {
	say(`## Offline street log: ${CONTACTS} contacts queued on the phone, sent when the network is back`);
	say();
	rmSync(DATA_DIR, { recursive: true, force: true });
	const server = await startServer({ port: PORT, dataDir: DATA_DIR, env: { SIGN_IN_RATE_LIMIT: '1000' } });
	const password = readFileSync(`${DATA_DIR}/pg-password`, 'utf8').trim();
	const pgPort = readFileSync(`${DATA_DIR}/pg/postmaster.pid`, 'utf8').split('\n')[3];
	const db = new pg.Client({ connectionString: `postgres://wijkweb:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/wijkweb` });
	await db.connect();
	const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS });
	try {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-BE', baseURL: server.base });
		const cookie = await signIn(server.base, 'outreach@example.org');
		await context.addCookies([
			...cookie.split('; ').map((c) => {
				const at = c.indexOf('=');
				return { name: c.slice(0, at), value: c.slice(at + 1), url: server.base };
			}),
			{ name: 'wijkweb_locale', value: 'nl', url: server.base }
		]);
		const page = await context.newPage();
		await page.goto('/fieldwork/street');
		await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 60_000 });

		await context.setOffline(true);
		await page.reload();
		await page.getByText(/Geen netwerk/).waitFor();
		const count = page.getByLabel('Aantal jongeren');
		await page.getByText('16–20').click();
		await page.getByText('Vrije tijd').click();
		const t0 = performance.now();
		for (let n = 1; n <= CONTACTS; n++) {
			await count.fill(String(n));
			await page.getByRole('button', { name: 'Bewaren' }).click();
			// The page clears the count once the contact is in IndexedDB.
			await page.waitForFunction(() => (document.querySelector('input[name="anonymousCount"]') as HTMLInputElement | null)?.value === '');
		}
		const fillMs = performance.now() - t0;
		const ids = await queuedIds(page);
		if (ids.length !== CONTACTS) throw new Error(`${ids.length} contacts wait on the phone, not ${CONTACTS}`);
		const { rows: before } = await db.query(`select count(*)::int as n from fieldwork_contact where client_id = any($1::uuid[])`, [ids]);

		const loadBefore = load();
		const back = performance.now();
		await context.setOffline(false);
		let arrived = 0;
		let waiting = ids.length;
		let doneMs = NaN;
		while (performance.now() - back < 120_000) {
			waiting = (await queuedIds(page)).length;
			const { rows } = await db.query(`select count(*)::int as n from fieldwork_contact where client_id = any($1::uuid[])`, [ids]);
			arrived = rows[0].n as number;
			if (waiting === 0 && arrived === ids.length) {
				doneMs = performance.now() - back;
				break;
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		const { rows: twice } = await db.query(
			`select count(*)::int as n from (select client_id from fieldwork_contact where client_id = any($1::uuid[]) group by client_id having count(*) > 1) d`,
			[ids]
		);
		const { rows: counts } = await db.query(
			`select count(distinct anonymous_count)::int as n from fieldwork_contact where client_id = any($1::uuid[])`,
			[ids]
		);
		const pass = Number.isFinite(doneMs) && doneMs < TARGET_MS && twice[0].n === 0 && before[0].n === 0;
		say(
			`Production build on port ${PORT}, fresh demo data, Chromium ${browser.version()} at 360 px; load average at the switch: ${loadBefore} (1 / 5 / 15 min; shared machine).`
		);
		say();
		say('| step | figure |');
		say('| --- | --- |');
		say(`| ${CONTACTS} contacts logged offline through the page's form (queued in IndexedDB) | ${(fillMs / 1000).toFixed(1)} s |`);
		say(`| in the database before the network is back | ${before[0].n} |`);
		say(
			`| **network back → queue empty and all in the database** | **${Number.isFinite(doneMs) ? (doneMs / 1000).toFixed(1) + ' s' : `not within 120 s (${arrived} arrived, ${waiting} waiting)`}** (target < 30 s ${pass ? '✓' : '✗ missed'}) |`
		);
		say(`| arrived (by client id) / distinct counts 1…${CONTACTS} | ${arrived} / ${counts[0].n} |`);
		say(`| client ids in the database more than once | ${twice[0].n} |`);
		say();
		await context.close();
	} finally {
		await browser.close();
		await db.end();
		await server.stop();
		rmSync(DATA_DIR, { recursive: true, force: true });
	}
}
