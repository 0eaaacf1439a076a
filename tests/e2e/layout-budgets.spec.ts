import { expect, test, type Browser } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { signIn } from './helpers.ts';

// Issue 12's budgets for a cheap phone on a slow link, counted from what the browser really requests
// (with JavaScript on): the public pages ship no JavaScript at all, and no page waits for a stylesheet
// before its first paint (the CSS is inline in the <head>, ≤ 20 KB gzipped). Lighthouse's figures for
// the same pages come from `npm run bench -- pages` (docs/performance.md).

const CSS_BUDGET = 20 * 1024;
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

type Load = { scripts: string[]; stylesheets: string[]; inlineCssGz: number; blockingLinks: number };

async function load(browser: Browser, path: string, email?: string): Promise<Load> {
	const context = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: true, locale: 'nl-BE' });
	try {
		const page = await context.newPage();
		if (email) await signIn(page, email);
		const scripts: string[] = [];
		const stylesheets: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'script') scripts.push(r.url());
			if (r.resourceType() === 'stylesheet') stylesheets.push(r.url());
		});
		const res = await page.goto(path, { waitUntil: 'load' });
		const html = await res!.text();
		const head = html.slice(0, html.indexOf('</head>'));
		const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('');
		// Kit keeps a disabled <link> to each inlined stylesheet (for client-side navigation): never fetched.
		const blocking = (head.match(/<link[^>]*>/g) ?? []).filter((l) => /rel="stylesheet"/.test(l) && !/\bdisabled\b/.test(l));
		return { scripts, stylesheets, inlineCssGz: css ? gz(css) : 0, blockingLinks: blocking.length };
	} finally {
		await context.close();
	}
}

test('the public pages load no JavaScript, and no page waits for a stylesheet', async ({ browser }) => {
	for (const path of ['/', '/areas/gent-7', '/sign-in']) {
		const l = await load(browser, path);
		expect(l.scripts, `scripts on ${path}`).toEqual([]);
		expect(l.stylesheets, `stylesheets requested by ${path}`).toEqual([]);
		expect(l.blockingLinks, `<link rel="stylesheet"> on ${path}`).toBe(0);
		expect(l.inlineCssGz, `inline CSS of ${path}, gzipped`).toBeGreaterThan(1000);
		expect(l.inlineCssGz, `inline CSS of ${path}, gzipped`).toBeLessThanOrEqual(CSS_BUDGET);
	}
	for (const [path, email] of [
		['/help', 'resident@example.org'],
		['/help/need', 'resident@example.org'],
		['/aid', 'facilitator@example.org']
	] as const) {
		const l = await load(browser, path, email);
		expect(l.stylesheets, `stylesheets requested by ${path}`).toEqual([]);
		expect(l.blockingLinks, `<link rel="stylesheet"> on ${path}`).toBe(0);
		expect(l.inlineCssGz, `inline CSS of ${path}, gzipped`).toBeLessThanOrEqual(CSS_BUDGET);
	}
});
