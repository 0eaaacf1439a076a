import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Result } from 'lighthouse';
import { waitFor } from './server.ts';

// `npm run bench -- pages`: Lighthouse (mobile defaults: a mid-range phone on simulated slow 4G) on the
// production build in build/ (it builds nothing: `npm run build` first), served by scripts/serve.ts as
// `npm run serve` serves it, on a fresh embedded database with the demo data. Per page: performance
// score, largest contentful paint, accessibility score, and the JavaScript and CSS the page really
// loads (every script and stylesheet in Lighthouse's network log, plus inline <script>/<style>),
// gzipped. `npm run bench -- pages /help/need/when /help/need/where` adds resident pages to the list.

/** The pages measured; `as: 'resident'` pages are loaded signed in as the demo resident. */
export const PAGES: PageSpec[] = [
	{ name: 'home', path: '/' },
	{ name: 'neighbourhood', path: '/areas/gent-7' },
	{ name: 'my help', path: '/help', as: 'resident' },
	{ name: 'ask for help, step 1', path: '/help/need', as: 'resident' }
];

/** The targets of issue 12 (the JS/CSS budgets apply to resident pages; we hold every page to them). */
export const BUDGET = { jsKb: 50, cssKb: 20, performance: 95, lcpMs: 1200, accessibility: 100 };

type PageSpec = { name: string; path: string; as?: 'resident' };
type Say = (line?: string) => void;
export type PageFigures = {
	name: string;
	path: string;
	signedIn: boolean;
	performance: number;
	lcpMs: number;
	accessibility: number;
	fcpMs: number;
	tbtMs: number;
	jsFiles: number;
	jsGzKb: number;
	cssFiles: number;
	cssGzKb: number;
	renderBlocking: string[];
	accessibilityFailures: string[];
	runs: { performance: number; lcpMs: number }[];
};

const PORT = Number(process.env.BENCH_PAGES_PORT ?? 3300);
const ORIGIN = `http://localhost:${PORT}`;
const DATA_DIR = resolve('.bench-data/pages');
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const TRIES = 4;
const RESIDENT = 'resident@example.org';
const DEMO_PASSWORD = 'wijkweb-demo';
const CHROME = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu';
const kb = (bytes: number) => bytes / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Signs in through the page's own form post (as a browser would) and returns the session cookie. */
async function signIn(email: string): Promise<string> {
	const res = await fetch(`${ORIGIN}/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: ORIGIN },
		body: new URLSearchParams({ email, password: DEMO_PASSWORD })
	});
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.join('; ');
	if (res.status !== 303 || !cookie.includes('session_token')) throw new Error(`signing in as ${email} failed (HTTP ${res.status})`);
	return cookie;
}

/** One Lighthouse run in a fresh Chromium; retried when Chrome reports no navigation (NO_NAVSTART). */
async function lighthouse(url: string, cookie: string | null): Promise<Result> {
	const args = [
		'node_modules/lighthouse/cli/index.js',
		url,
		'--output=json',
		'--output-path=stdout',
		'--quiet',
		'--only-categories=performance,accessibility',
		`--chrome-flags=${CHROME_FLAGS}`
	];
	if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
	let last = '';
	for (let attempt = 1; attempt <= TRIES; attempt++) {
		const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const code = await new Promise<number | null>((r) => child.once('exit', r));
		try {
			const lhr = JSON.parse(stdout) as Result;
			if (!lhr.runtimeError && lhr.categories.performance?.score != null) return lhr;
			last = lhr.runtimeError?.code ?? 'no performance score';
		} catch {
			last = `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`;
		}
		console.error(`  lighthouse ${url}: ${last}, retrying (${attempt}/${TRIES})`);
	}
	throw new Error(`Lighthouse failed on ${url}: ${last}`);
}

type Bytes = { jsFiles: number; jsGz: number; cssFiles: number; cssGz: number };

/** What the page really requested (from Lighthouse's network log), and its inline scripts and styles, gzipped -9. */
async function pageBytes(lhr: Result, url: string, cookie: string | null): Promise<Bytes> {
	const headers: Record<string, string> = cookie ? { cookie } : {};
	const items = (lhr.audits['network-requests']?.details as { items?: { url: string; resourceType?: string }[] } | undefined)?.items ?? [];
	const out: Bytes = { jsFiles: 0, jsGz: 0, cssFiles: 0, cssGz: 0 };
	for (const item of items) {
		const kind = item.resourceType === 'Script' ? 'js' : item.resourceType === 'Stylesheet' ? 'css' : null;
		if (!kind || !item.url.startsWith(ORIGIN)) continue;
		const body = Buffer.from(await (await fetch(item.url, { headers })).arrayBuffer());
		const gz = gzipSync(body, { level: 9 }).length;
		if (kind === 'js') {
			out.jsFiles++;
			out.jsGz += gz;
		} else {
			out.cssFiles++;
			out.cssGz += gz;
		}
	}
	const html = await (await fetch(url, { headers })).text();
	const inline = (tag: string) =>
		[...html.matchAll(new RegExp(`<${tag}(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!).join('');
	const js = inline('script');
	const css = inline('style');
	if (js) out.jsGz += gzipSync(Buffer.from(js), { level: 9 }).length;
	if (css) out.cssGz += gzipSync(Buffer.from(css), { level: 9 }).length;
	return out;
}

async function measure(page: PageSpec, cookie: string | null): Promise<PageFigures> {
	const url = `${ORIGIN}${page.path}`;
	const runs: Result[] = [];
	for (let i = 0; i < RUNS; i++) runs.push(await lighthouse(url, cookie));
	// The run with the median LCP stands for the page; every run's figures are kept in the JSON.
	const lcps = runs.map((r) => r.audits['largest-contentful-paint']!.numericValue ?? NaN);
	const lhr = runs[lcps.indexOf(median(lcps))]!;
	const bytes = await pageBytes(lhr, url, cookie);
	const blocking = (lhr.audits['render-blocking-resources']?.details as { items?: { url: string }[] } | undefined)?.items ?? [];
	const failures = Object.values(lhr.categories.accessibility?.auditRefs ?? [])
		.map((ref) => lhr.audits[ref.id]!)
		.filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
		.map((a) => a.id);
	return {
		name: page.name,
		path: page.path,
		signedIn: !!page.as,
		performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
		lcpMs: Math.round(lcps[runs.indexOf(lhr)]!),
		accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
		fcpMs: Math.round(lhr.audits['first-contentful-paint']?.numericValue ?? NaN),
		tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
		jsFiles: bytes.jsFiles,
		jsGzKb: Number(kb(bytes.jsGz).toFixed(1)),
		cssFiles: bytes.cssFiles,
		cssGzKb: Number(kb(bytes.cssGz).toFixed(1)),
		renderBlocking: blocking.map((b) => b.url.replace(ORIGIN, '')),
		accessibilityFailures: failures,
		runs: runs.map((r, i) => ({ performance: Math.round((r.categories.performance!.score ?? 0) * 100), lcpMs: Math.round(lcps[i]!) }))
	};
}

const mark = (pass: boolean) => (pass ? '✓' : '✗');

export async function benchPages(say: Say, extraPaths: string[] = []): Promise<PageFigures[]> {
	if (!existsSync('build/handler.js')) throw new Error('No production build: run `npm run build` first (the pages bench builds nothing itself).');
	const pages = [...PAGES, ...extraPaths.map((path) => ({ name: path, path, as: 'resident' as const }))];
	rmSync(DATA_DIR, { recursive: true, force: true });
	const app = spawn(process.execPath, ['--max-semi-space-size=16', 'scripts/serve.ts'], {
		env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR, DATABASE_URL: '', ORIGIN },
		stdio: ['ignore', 'inherit', 'inherit']
	});
	// Stopped below, and also when this process dies half-way (a failed Lighthouse run throws).
	const stopServer = () => app.kill('SIGINT');
	process.once('exit', stopServer);
	const results: PageFigures[] = [];
	try {
		await waitFor(`${ORIGIN}/healthz`, app);
		const cookie = await signIn(RESIDENT);
		for (const page of pages) {
			if (app.exitCode !== null || app.signalCode !== null) throw new Error('the server stopped during the bench (see its log above)');
			console.error(`Lighthouse: ${page.path} (${RUNS} runs)…`);
			results.push(await measure(page, page.as ? cookie : null));
		}
	} finally {
		if (app.exitCode === null && app.signalCode === null) {
			const exited = new Promise((r) => app.once('exit', r));
			app.kill('SIGINT');
			await exited;
		}
		process.off('exit', stopServer);
		rmSync(DATA_DIR, { recursive: true, force: true });
	}

	const version = (JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')) as { version: string }).version;
	say(`## Pages: Lighthouse ${version}, mobile defaults (simulated slow 4G)`);
	say();
	say(
		`Median of ${RUNS} runs by LCP (all runs in bench-results/pages.json); JS and CSS: what the page requested, gzipped -9, inline <script>/<style> included. Budgets: performance ≥ ${BUDGET.performance}, LCP ≤ ${BUDGET.lcpMs / 1000} s, accessibility ${BUDGET.accessibility}, JS ≤ ${BUDGET.jsKb} KB, CSS ≤ ${BUDGET.cssKb} KB.`
	);
	say();
	say('| page | path | performance | LCP s | FCP s | TBT ms | accessibility | JS KB gz (files) | CSS KB gz (files) |');
	say('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
	for (const r of results) {
		say(
			`| ${r.name} | \`${r.path}\` | ${r.performance} ${mark(r.performance >= BUDGET.performance)} | ${(r.lcpMs / 1000).toFixed(2)} ${mark(r.lcpMs <= BUDGET.lcpMs)} | ${(r.fcpMs / 1000).toFixed(2)} | ${r.tbtMs} | ${r.accessibility} ${mark(r.accessibility >= BUDGET.accessibility)} | ${r.jsGzKb} (${r.jsFiles}) ${mark(r.jsGzKb <= BUDGET.jsKb)} | ${r.cssGzKb} (${r.cssFiles}) ${mark(r.cssGzKb <= BUDGET.cssKb)} |`
		);
	}
	say();
	for (const r of results) {
		if (r.renderBlocking.length) say(`- \`${r.path}\` render-blocking: ${r.renderBlocking.join(', ')}`);
		if (r.accessibilityFailures.length) say(`- \`${r.path}\` accessibility audits failed: ${r.accessibilityFailures.join(', ')}`);
	}
	say();
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/pages.json', JSON.stringify({ date: new Date().toISOString(), budget: BUDGET, pages: results }, null, '\t') + '\n');
	return results;
}
