import { chromium } from '@playwright/test';
const base = 'http://localhost:4203';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [locale, width, js] of [['bg', 360, false], ['ar', 360, true], ['en', 1280, true]] as const) {
	const ctx = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: js });
	await ctx.addCookies([{ name: 'wijkweb_locale', value: locale, url: base }]);
	const page = await ctx.newPage();
	page.on('console', (m) => console.log('console:', m.text()));
	await page.goto(`${base}/sign-in`);
	await page.locator('input[type=email]').fill('facilitator@example.org');
	await page.locator('input[type=password]').fill('wijkweb-demo');
	await page.locator('main form button').click();
	await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
	await page.goto(`${base}/network`);
	const area = await page.locator('select[name=area] option').nth(1).getAttribute('value');
	await page.goto(`${base}/network?area=${area}`);
	const sec = page.locator('section[aria-labelledby=netmap-h]');
	if (js) {
		await page.waitForSelector('[data-rendered="1"]');
		await page.waitForTimeout(500);
		await sec.screenshot({ path: `/tmp/map/sec-${locale}-${width}-before.png` });
		await page.locator('input[name="netmap-search"]').fill('ocmw');
		await page.locator('form[role=search] button').click();
		await page.waitForTimeout(800);
	}
	await sec.screenshot({ path: `/tmp/map/sec-${locale}-${width}-${js ? 'js' : 'nojs'}.png` });
	await ctx.close();
}
await browser.close();
