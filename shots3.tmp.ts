import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const js = readFileSync('/tmp/map/sig/app.js', 'utf8');
const sets: Record<string, string[]> = {
	none: ['--no-sandbox'],
	swift: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
	gl: ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader-webgl']
};
for (const [name, args] of Object.entries(sets)) {
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
	const page = await browser.newPage({ viewport: { width: 500, height: 400 } });
	page.on('pageerror', (e) => console.log(name, 'error', e.message));
	await page.setContent(`<div id="c" style="width:480px;height:380px"></div><script>window.MODE='plain'</script><script>${js}</script>`);
	await page.waitForTimeout(800);
	console.log(name, await page.evaluate(() => { const c = document.createElement('canvas'); const g = c.getContext('webgl2'); return g ? g.getParameter(g.VERSION) + ' ' + (g.getExtension('WEBGL_debug_renderer_info') ? g.getParameter(0x9246) : '') : 'no webgl2'; }));
	await page.screenshot({ path: `/tmp/map/sig-flag-${name}.png` });
	await browser.close();
}
