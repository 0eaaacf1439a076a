import { expect, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Axe from 'axe-core';

export const DEMO_PASSWORD = 'wijkweb-demo';

/** The origin of the browser tests' server: the port playwright.config.ts starts it on (E2E_PORT). */
export const E2E_ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Copier = { copy: Page; served: { url: string; html: string } };
// One copying page per browser and viewport, kept for the whole worker: a context of its own per scan
// cost ~0.3 s, and axe-core comes in with every document as an init script (sent to the browser once)
// instead of half a megabyte of script per scan.
const copiers = new WeakMap<Browser, Map<string, Promise<Copier>>>();

function copier(page: Page): Promise<Copier> {
	const browser = page.context().browser()!;
	const viewport = page.viewportSize();
	const byViewport = copiers.get(browser) ?? new Map<string, Promise<Copier>>();
	copiers.set(browser, byViewport);
	const key = JSON.stringify(viewport);
	let made = byViewport.get(key);
	if (!made) {
		made = (async () => {
			const context = await browser.newContext({ viewport, javaScriptEnabled: true, bypassCSP: true });
			await context.addInitScript({ content: AXE_SOURCE });
			const copy = await context.newPage();
			const served = { url: '', html: '' };
			await copy.route(
				(u) => u.href === served.url,
				(r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served.html })
			);
			await copy.route(/\/_app\/.*\.js$/, (r) => r.abort());
			return { copy, served };
		})();
		byViewport.set(key, made);
	}
	return made;
}

/**
 * Runs `work` on an exact copy of the page as it is now (same URL, same HTML, same CSS, same viewport)
 * in a context where scripts may run but the app's own bundles are blocked: what is examined is the
 * server-rendered page the no-JS user sees, and measuring works even when the page has no JavaScript.
 */
export async function onCopy<T>(page: Page, work: (copy: Page) => Promise<T>): Promise<T> {
	const { copy, served } = await copier(page);
	// A request's URL has no fragment; about:blank first, so the copy is always a new document.
	served.url = page.url().replace(/#.*$/, '');
	served.html = await page.content();
	await copy.goto('about:blank');
	await copy.goto(served.url, { waitUntil: 'load' });
	return work(copy);
}

/** WCAG 2.2 A/AA scan of the page as it is now, and no sideways scrolling; any violation fails the test. */
export async function expectAccessible(page: Page) {
	await onCopy(page, async (copy) => {
		const { violations } = await axeScan(copy, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
		expect(violations, `axe violations on ${page.url()}`).toEqual([]);
		await expectNoSideways(copy, page.url());
	});
}

/**
 * axe-core's rules of `tags` run inside the page itself: its violations as "rule (impact): targets"
 * and the ids of the rules that passed. Not through @axe-core/playwright, whose frame-by-frame run and
 * extra page for the final step took 2–5 s a scan against 0.5 s for axe.run alone (our pages have no
 * frames): with some 600 scans a run, that was most of the browser tests' time.
 */
export async function axeScan(copy: Page, tags: string[]) {
	if (!(await copy.evaluate(() => 'axe' in window))) await copy.addScriptTag({ content: AXE_SOURCE });
	return copy.evaluate(async (values) => {
		const axe = (window as unknown as { axe: typeof Axe }).axe;
		const results = await axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] });
		return {
			violations: results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
			passes: results.passes.map((p) => p.id)
		};
	}, tags);
}

/** A slow phone: the page's scripts arrive `ms` after its HTML, so a test can type or tick before hydration. */
export async function slowScripts(page: Page, ms = 1500) {
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await new Promise((r) => setTimeout(r, ms));
		await route.continue();
	});
}

/** Only the sideways check of expectAccessible, for a page already scanned with other data in it. */
export async function expectFits(page: Page) {
	await onCopy(page, (copy) => expectNoSideways(copy, page.url()));
}

// Nothing may need sideways scrolling (a 360 px phone in the phone project). The message names the
// elements that stick out, on either side (Arabic pages overflow to the left).
async function expectNoSideways(copy: Page, url: string) {
	const { overflow, culprits } = await copy.evaluate(() => {
		const width = window.innerWidth;
		const out: string[] = [];
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) {
				const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
				out.push(`${name} [${Math.round(r.left)}..${Math.round(r.right)}]`);
			}
		}
		return { overflow: document.documentElement.scrollWidth - width, culprits: out.slice(-8) };
	});
	expect(overflow, `horizontal overflow on ${url}: ${culprits.join(', ')}`).toBeLessThanOrEqual(0);
}

/**
 * No word inside the elements matching `selector` is split over two lines (a word broken mid-word, or
 * an Arabic word torn apart): each word is wrapped in a Range, and its boxes must all sit on one line.
 */
export async function expectWholeWords(page: Page, selector: string) {
	const { words, broken } = await onCopy(page, (copy) =>
		copy.evaluate((sel) => {
			const out = { words: 0, broken: [] as string[] };
			for (const el of document.querySelectorAll(sel)) {
				const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					for (const m of (node.textContent ?? '').matchAll(/\S+/g)) {
						const range = document.createRange();
						range.setStart(node, m.index);
						range.setEnd(node, m.index + m[0].length);
						const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
						out.words++;
						if (lines.size > 1) out.broken.push(`${m[0]} (${lines.size} lines)`);
					}
				}
			}
			return out;
		}, selector)
	);
	expect(words, `words found in ${selector} on ${page.url()}`).toBeGreaterThan(0);
	expect(broken, `words split over lines in ${selector} on ${page.url()}`).toEqual([]);
}

/**
 * The page's language for this browser context, by the cookie a visitor's switch sets. Never the
 * switcher while signed in: that stores the account's own language, which wins over the cookie in every
 * later spec of the same demo account (the runs are sequential, so one spec's choice broke three others).
 * The one spec that exercises the signed-in switcher does so on an account no other spec uses.
 */
export async function speak(page: Page, locale: string) {
	await page.context().addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/sign-in');
	await page.getByLabel(/e-mail/i).fill(email);
	await page.getByLabel(/wachtwoord|password/i).fill(password);
	await page.locator('main form button').click();
	await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/**
 * The header's menu: on a phone its links sit behind "Menu" (a <details>), on a wide screen in the bar.
 * Opens the phone menu when it is what shows, and returns the visible menu.
 */
export async function headerMenu(page: Page) {
	const phone = page.locator('header details.menu');
	if (await phone.isVisible()) {
		if (!(await phone.evaluate((d) => (d as HTMLDetailsElement).open))) await phone.locator('summary').click();
		return phone.locator('nav');
	}
	return page.locator('header nav.wide');
}

/** A link of the header's menu, by its name, opening the phone menu first when needed. */
export async function headerLink(page: Page, name: string | RegExp) {
	return (await headerMenu(page)).getByRole('link', { name, exact: typeof name === 'string' });
}

export async function signOut(page: Page) {
	await (await headerMenu(page)).locator('form[action="/sign-out"] button').click();
	await page.waitForURL('/');
}

/** The newest link in the demo mailbox sent to `to`, whose path starts with `path`. */
export async function mailedLink(page: Page, to: string, path: string): Promise<string> {
	await page.goto('/dev/mailbox');
	const mail = page.locator('main article', { hasText: to }).first();
	const text = await mail.locator('pre').innerText();
	const match = text.match(new RegExp(`https?://[^\\s]*${path}[^\\s]*`));
	expect(match, `a ${path} link mailed to ${to}`).not.toBeNull();
	return match![0];
}

/**
 * Registers a walk-in on /people/new as the signed-in staff member and waits for their record; `fill`
 * fills further fields first. A record from an earlier run or another project may look alike (the
 * trigram check of people/duplicates.ts): then the form asks first, and the test creates anyway.
 * Returns the record's URL without a trailing slash.
 */
export async function registerPerson(page: Page, name: string, fill?: (page: Page) => Promise<void>) {
	await page.goto('/people/new');
	await page.getByLabel('Voornaam').fill(name);
	if (fill) await fill(page);
	await page.getByRole('button', { name: 'Registreren' }).click();
	const anyway = page.getByRole('button', { name: 'Toch een nieuw dossier maken' });
	await expect(page.getByRole('heading', { level: 1, name, exact: true }).or(anyway)).toBeVisible();
	if (await anyway.isVisible()) await anyway.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	return page.url().replace(/\/$/, '');
}

/** A CSV as rows of cells (RFC 4180: quoted cells may hold commas, doubled quotes and line breaks). */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const body = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < body.length; i++) {
		const ch = body[i]!;
		if (quoted) {
			if (ch === '"' && body[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\r' || ch === '\n') {
			if (ch === '\r' && body[i + 1] === '\n') i++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += ch;
	}
	if (cell || row.length) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}
