import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { benchWeekly } from './bench/weekly.ts';
import { benchAid } from './bench/aid.ts';
import { benchPages } from './bench/pages.ts';
import { benchSearch } from './bench/search.ts';
import { benchNetwork } from './bench/network.ts';
import { benchRights } from './bench/rights.ts';
import { benchFieldwork } from './bench/fieldwork.ts';
import { benchActivities } from './bench/activities.ts';
import { benchOffline } from './bench/fieldwork-offline.ts';
import { benchFunding } from './bench/funding.ts';

// `npm run bench`: production build, first start on a fresh data dir, restart, then latency and
// throughput of /, /sign-in and /healthz at 50 connections next to a bare node:http server asking
// the same database the same query, the JavaScript the sign-in page ships, and idle memory.
// Prints a Markdown report and writes it to bench-results/latest.md (figures for docs/performance.md).
// Then the mutual-aid figures on city-scale data (scripts/bench/aid.ts). `npm run bench -- aid` runs
// only those and writes bench-results/aid.md; `npm run bench -- fieldwork` the fieldwork figures of issue 14
// (scripts/bench/fieldwork.ts, bench-results/fieldwork.md); `npm run bench -- activities` reach and indicators of issue 15
// (scripts/bench/activities.ts, bench-results/activities.md); `npm run bench -- offline` 200 street contacts queued offline
// and sent when the network is back (scripts/bench/fieldwork-offline.ts, bench-results/fieldwork-offline.md); `npm run bench -- funding` the rules
// engine on a 4-year application with 200 budget lines, issue 16 (scripts/bench/funding.ts, bench-results/funding.md); `npm run bench -- rights` only export and erasure of one
// person (scripts/bench/rights.ts, bench-results/rights.md). `npm run bench -- pages [/more/paths]` runs only Lighthouse on
// the production build (scripts/bench/pages.ts; `npm run build` first) and writes bench-results/pages.md
// and pages.json; the full run ends with it too.

const APP_PORT = 3200;
const BASE_PORT = 3201;
// The city dataset lives beside it in .bench-data/city and is kept between runs; this one is not.
const DATA_DIR = resolve('.bench-data/app');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PATHS = ['/', '/sign-in', '/healthz'];
const node = process.execPath;
const out: string[] = [];
const say = (line = '') => {
	console.log(line);
	out.push(line);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url: string, timeoutMs = 180_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await sleep(50);
	}
	throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

// The same V8 flag as `npm start`/`npm run serve` (package.json): V8 sizes the young generation by the
// machine's memory, which on a 24 GiB machine costs ~110 MB of idle RSS for no measurable gain.
const NODE_FLAGS = ['--max-semi-space-size=16'];

function startApp(): ChildProcess {
	return spawn(node, [...NODE_FLAGS, 'scripts/serve.ts'], {
		env: { ...process.env, PORT: String(APP_PORT), HOST: '127.0.0.1', DATA_DIR, DATABASE_URL: '', ORIGIN: `http://localhost:${APP_PORT}` },
		stdio: ['ignore', 'pipe', 'inherit']
	});
}

async function stop(child: ChildProcess): Promise<number> {
	const t0 = performance.now();
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGINT');
	await exited;
	return performance.now() - t0;
}

/** Resident memory (MB) of a process, and of every PostgreSQL process serving DATA_DIR. */
function rssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
function postgresRssMb(): number {
	const postmaster = Number(readFileSync(`${DATA_DIR}/pg/postmaster.pid`, 'utf8').split('\n')[0]);
	let total = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (Number(entry) === postmaster || ppid === postmaster) total += rssMb(Number(entry));
		} catch {
			/* gone */
		}
	}
	return total;
}

type Run = { rps: number; p50: number; p95: number; p99: number; non2xx: number; errors: number };

async function load(url: string): Promise<Run> {
	const times: number[] = [];
	const result = await new Promise<autocannon.Result>((done, fail) => {
		const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS }, (err, res) => (err ? fail(err) : done(res)));
		instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
	});
	times.sort((a, b) => a - b);
	const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? NaN;
	return { rps: result.requests.average, p50: pct(50), p95: pct(95), p99: pct(99), non2xx: result.non2xx, errors: result.errors };
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

say(`# Wijkweb benchmark — ${new Date().toISOString()}`);
say();
say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}.`);
say(`Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per path, client on the same machine.`);
say();

const only = process.argv.slice(2);
if (only[0] === 'pages' && only.slice(1).every((a) => a.startsWith('/'))) {
	await benchPages(say, only.slice(1));
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/pages.md', out.join('\n') + '\n');
	console.log('\nWritten to bench-results/pages.md and bench-results/pages.json');
	process.exit(0);
}
if (only[0] === 'fieldwork') {
	await benchFieldwork(say);
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/fieldwork.md', out.join('\n') + '\n');
	console.log('\nWritten to bench-results/fieldwork.md');
	process.exit(0);
}
if (only[0] === 'activities') {
	await benchActivities(say);
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/activities.md', out.join('\n') + '\n');
	console.log('\nWritten to bench-results/activities.md');
	process.exit(0);
}
if (only[0] === 'offline') {
	await benchOffline(say);
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/fieldwork-offline.md', out.join('\n') + '\n');
	console.log('\nWritten to bench-results/fieldwork-offline.md');
	process.exit(0);
}
if (only[0] === 'funding') {
	benchFunding(say);
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/funding.md', out.join('\n') + '\n');
	console.log('\nWritten to bench-results/funding.md');
	process.exit(0);
}
if (only[0] === 'network') {
	await benchNetwork(say);
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/network.md', out.join('\n') + '\n');
	console.log('\nWritten to bench-results/network.md');
	process.exit(0);
}
if (only.some((a) => a !== 'aid' && a !== 'search' && a !== 'rights')) {
	console.error(
		`Unknown part ${only.join(' ')}: \`npm run bench\` runs everything, \`npm run bench -- aid\` only the mutual-aid part, \`npm run bench -- search\` only the people search, \`npm run bench -- rights\` only export and erasure, \`npm run bench -- pages [/path …]\` only Lighthouse.`
	);
	process.exit(1);
}
if (only.includes('rights')) {
	await benchRights(say);
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/rights.md', out.join('\n') + '\n');
	console.log('\nWritten to bench-results/rights.md');
	process.exit(0);
}
if (only.includes('search')) {
	await benchSearch(say);
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/search.md', out.join('\n') + '\n');
	console.log('\nWritten to bench-results/search.md');
	process.exit(0);
}
if (only.includes('aid')) {
	await benchAid(say);
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/aid.md', out.join('\n') + '\n');
	console.log('\nWritten to bench-results/aid.md');
	process.exit(0);
}

// 1. Build and first start on a fresh data dir (what a newcomer's `npm start` does after `npm ci`).
rmSync(DATA_DIR, { recursive: true, force: true });
let t0 = performance.now();
const build = spawnSync(node, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const buildMs = performance.now() - t0;
t0 = performance.now();
let app = startApp();
await waitFor(`http://127.0.0.1:${APP_PORT}/healthz`);
const firstStartMs = performance.now() - t0;
const stopMs = await stop(app);
t0 = performance.now();
app = startApp();
await waitFor(`http://127.0.0.1:${APP_PORT}/healthz`);
const restartMs = performance.now() - t0;

say('## Start-up');
say();
say('| step | seconds | target |');
say('| --- | --- | --- |');
say(`| production build | ${(buildMs / 1000).toFixed(1)} | |`);
say(`| first start on a fresh data dir (initdb, migrate, demo data, serve) | ${(firstStartMs / 1000).toFixed(1)} | |`);
say(`| **first \`npm start\` total (build + first start)** | **${((buildMs + firstStartMs) / 1000).toFixed(1)}** | < 120 |`);
say(`| Ctrl-C (server and PostgreSQL stopped) | ${(stopMs / 1000).toFixed(1)} | |`);
say(`| **restart on existing data** | **${(restartMs / 1000).toFixed(1)}** | < 5 |`);
say();

// 2. JavaScript the sign-in page ships (every script and module it loads or preloads), gzipped.
const html = await (await fetch(`http://127.0.0.1:${APP_PORT}/sign-in`)).text();
const scripts = [...new Set([...html.matchAll(/["'](\/_app\/immutable\/[^"']+\.js)["']/g)].map((m) => m[1]!))];
let raw = 0;
let gz = 0;
for (const src of scripts) {
	const body = Buffer.from(await (await fetch(`http://127.0.0.1:${APP_PORT}${src}`)).arrayBuffer());
	raw += body.length;
	gz += gzipSync(body, { level: 9 }).length;
}
const inline = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('');
gz += inline ? gzipSync(Buffer.from(inline), { level: 9 }).length : 0;
say('## JavaScript on the sign-in page');
say();
say(
	`${scripts.length} files + the inline start script: ${(raw / 1024).toFixed(1)} KB raw, **${(gz / 1024).toFixed(1)} KB gzipped** (target ≤ 50 KB).`
);
say();

// 3. Idle memory, a few seconds after the restart settled.
await sleep(3000);
const idleApp = rssMb(app.pid!);
const idlePg = postgresRssMb();

// 4. Latency and throughput, app and baseline, in the same run.
const password = readFileSync(`${DATA_DIR}/pg-password`, 'utf8').trim();
const pgPort = readFileSync(`${DATA_DIR}/pg/postmaster.pid`, 'utf8').split('\n')[3];
const baseline = spawn(node, ['scripts/bench/baseline.ts'], {
	env: { ...process.env, PORT: String(BASE_PORT), DATABASE_URL: `postgres://wijkweb:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/wijkweb` },
	stdio: ['ignore', 'ignore', 'inherit']
});
await waitFor(`http://127.0.0.1:${BASE_PORT}/healthz`);

say('## Latency and throughput');
say();
say('| path | server | req/s | p50 ms | p95 ms | p99 ms | non-2xx | errors |');
say('| --- | --- | --- | --- | --- | --- | --- | --- |');
const ratios: string[] = [];
for (const path of PATHS) {
	// A short warm-up so the first requests' JIT and connection set-up don't count.
	await autocannon({ url: `http://127.0.0.1:${APP_PORT}${path}`, connections: 10, duration: 2 });
	const a = await load(`http://127.0.0.1:${APP_PORT}${path}`);
	await autocannon({ url: `http://127.0.0.1:${BASE_PORT}${path}`, connections: 10, duration: 2 });
	const b = await load(`http://127.0.0.1:${BASE_PORT}${path}`);
	say(`| \`${path}\` | Wijkweb | ${a.rps.toFixed(0)} | ${f1(a.p50)} | ${f1(a.p95)} | ${f1(a.p99)} | ${a.non2xx} | ${a.errors} |`);
	say(`| \`${path}\` | bare node:http | ${b.rps.toFixed(0)} | ${f1(b.p50)} | ${f1(b.p95)} | ${f1(b.p99)} | ${b.non2xx} | ${b.errors} |`);
	ratios.push(`| \`${path}\` | ${(a.p50 / b.p50).toFixed(1)} | ${(a.p95 / b.p95).toFixed(1)} | ${(b.rps / a.rps).toFixed(1)} |`);
}
say();
say('Ratio app / baseline (higher = the app is slower):');
say();
say('| path | p50 | p95 | throughput (baseline req/s ÷ app req/s) |');
say('| --- | --- | --- | --- |');
for (const r of ratios) say(r);
say();
const loadedApp = rssMb(app.pid!);
say('## Memory (resident set size)');
say();
say('| process | idle MB | after the load MB | target |');
say('| --- | --- | --- | --- |');
say(`| Wijkweb (Node) | ${idleApp.toFixed(0)} | ${loadedApp.toFixed(0)} | idle < 250 |`);
say(`| its PostgreSQL (all processes) | ${idlePg.toFixed(0)} | ${postgresRssMb().toFixed(0)} | |`);
say();

// 5. The mutual-aid weekly proposal (pure, in this process, after the load so it has the CPU alone).
const w = benchWeekly();
say('## Mutual aid: weekly proposal (2 000 needs, 5 000 volunteers, 20 candidates each)');
say();
say('| method | seconds | total score | needs covered |');
say('| --- | --- | --- | --- |');
say(`| optimal (min-cost flow) | ${(w.bestMs / 1000).toFixed(2)} | ${w.best.total} | ${w.best.pairs.length} / ${w.needs} |`);
say(`| greedy | ${(w.greedyMs / 1000).toFixed(2)} | ${w.greedy.total} | ${w.greedy.pairs.length} / ${w.needs} |`);
say();

baseline.kill('SIGTERM');
await stop(app);
rmSync(DATA_DIR, { recursive: true, force: true });

// 6. Mutual aid and the people search on city-scale data, with the machine to itself again.
await benchAid(say);
await benchSearch(say);
await benchRights(say);
// 7. Lighthouse on the build made in step 1.
await benchPages(say);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.md', out.join('\n') + '\n');
console.log('\nWritten to bench-results/latest.md');
