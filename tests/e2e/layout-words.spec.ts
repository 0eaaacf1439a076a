import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { E2E_ORIGIN, signIn, speak } from './helpers.ts';
import { LOCALES, type Locale } from './long-texts.ts';

// Issue 12: no label, legend, button, link-styled button or tile text breaks inside a word on a 360 px
// phone, in any of the six languages, on the pages with the most labels. Each word is wrapped in a
// Range; its boxes must sit on one line. The page's own scripts are blocked, so what is measured is the
// server-rendered page a phone without JavaScript shows (measuring itself needs a scripting context).

const PHONE = { width: 360, height: 780 };
const LABELS = 'label, legend, button, a.btn, summary';

/** Words of the matching elements' text that span more than one line box, and how many words were seen. */
async function splitWords(page: Page, selector = LABELS): Promise<{ words: number; broken: string[] }> {
	return page.evaluate((sel) => {
		const seen = new Set<Node>();
		const out = { words: 0, broken: [] as string[] };
		for (const el of document.querySelectorAll(sel)) {
			const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				if (seen.has(node)) continue;
				seen.add(node);
				// Text only for screen readers (sr-only: a 1 px clipped box) has no lines to break.
				const parent = node.parentElement;
				if (!parent || parent.getBoundingClientRect().width <= 1) continue;
				for (const m of (node.textContent ?? '').matchAll(/\S+/g)) {
					const range = document.createRange();
					range.setStart(node, m.index);
					range.setEnd(node, m.index + m[0].length);
					const rects = [...range.getClientRects()].filter((r) => r.width > 0);
					if (!rects.length) continue;
					out.words++;
					// Boxes on the same line overlap vertically (an Arabic word can be several boxes on one line).
					const lines: DOMRect[] = [];
					for (const r of rects) if (!lines.some((l) => r.top < l.bottom - 1 && r.bottom > l.top + 1)) lines.push(r);
					if (lines.length > 1) out.broken.push(`“${m[0]}” in <${el.tagName.toLowerCase()}> (${lines.length} lines)`);
				}
			}
		}
		return out;
	}, selector);
}

async function phone(browser: Browser, locale: Locale): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: true, locale: 'nl-BE' });
	await context.route(/\/_app\/.*\.js$/, (r) => r.abort());
	await context.addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
	return context;
}

async function expectWhole(page: Page, path: string, locale: Locale) {
	await page.goto(path);
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	const { words, broken } = await splitWords(page);
	expect(words, `label words on ${path} (${locale})`).toBeGreaterThan(5);
	expect(broken, `words split over two lines on ${path} in ${locale} at 360 px`).toEqual([]);
}

test('the checker itself sees a label broken inside a word', async ({ browser }) => {
	const context = await phone(browser, 'nl');
	try {
		const page = await context.newPage();
		await page.goto('/sign-in');
		expect((await splitWords(page)).broken).toEqual([]);
		// A label squeezed to 3rem that may break anywhere: exactly what the rule forbids.
		await page.addStyleTag({ content: 'label { display: inline-block; inline-size: 3rem; overflow-wrap: anywhere; }' });
		const { broken } = await splitWords(page);
		expect(broken.length, 'the squeezed labels are reported').toBeGreaterThan(0);
		expect(broken.join(' ')).toMatch(/E-mailadres|Wachtwoord/);
	} finally {
		await context.close();
	}
});

test('no label, button or tile breaks inside a word at 360 px, in all six languages', async ({ browser }, info) => {
	// 6 languages × 5 pages.
	test.setTimeout(180_000);
	const anonymous = await phone(browser, 'nl');
	const resident = await phone(browser, 'nl');
	const facilitator = await phone(browser, 'nl');
	const signedIn: [Page, string[]][] = [
		[await resident.newPage(), ['/help', '/help/need']],
		[await facilitator.newPage(), ['/aid']]
	];
	await signIn(signedIn[0]![0], 'resident@example.org');
	await signIn(signedIn[1]![0], 'facilitator@example.org');
	try {
		const page = await anonymous.newPage();
		for (const locale of LOCALES) {
			await anonymous.addCookies([{ name: 'wijkweb_locale', value: locale, url: E2E_ORIGIN }]);
			await expectWhole(page, '/', locale);
			await expectWhole(page, '/sign-in', locale);
			// The resident's pages and the need form's first step; the facilitator's queue.
			for (const [p, paths] of signedIn) {
				await speak(p, locale);
				for (const path of paths) {
					await expectWhole(p, path, locale);
					// To look at: the resident's pages in Bulgarian and Arabic on the phone.
					if (locale === 'bg' || locale === 'ar')
						await p.screenshot({ path: info.outputPath(`${path.replaceAll('/', '_')}-${locale}.png`), fullPage: true });
				}
			}
		}
	} finally {
		// Other journeys expect the demo accounts in Dutch.
		for (const [p] of signedIn) await speak(p, 'nl');
		for (const c of [anonymous, resident, facilitator]) await c.close();
	}
});
