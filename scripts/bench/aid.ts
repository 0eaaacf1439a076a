import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { startEmbedded } from '../../src/lib/server/db/embedded.ts';
import { connect, type Database } from '../../src/lib/server/db/client.ts';
import { runMigrations } from '../../src/lib/server/db/migrate.ts';
import { loadActor } from '../../src/lib/server/access/index.ts';
import { suggestMatches, weeklyProposalFor } from '../../src/lib/server/aid/index.ts';
import type { Ctx } from '../../src/lib/server/core/context.ts';
import { DEMO_PASSWORD } from '../../src/lib/server/seed/demo.ts';
import { citySeeded, seedCity, CITY_COORDINATOR, CITY_FACILITATOR, CITY_ORGANISATION } from '../lib/city.ts';

// The mutual-aid figures of the issue, on the city-scale dataset (scripts/lib/city.ts), which is made
// once under .bench-data/city and reused by later runs:
//   (a) suggestMatches for one need among 20 000 active offers: server time p50/p95/max;
//   (b) weeklyProposalFor the district with the most open needs: time, total against greedy;
//   (c) the facilitator's queue page GET /aid?areaId=… at 50 connections, on the production build.

export const CITY_DATA_DIR = resolve(process.env.BENCH_CITY_DATA_DIR ?? '.bench-data/city');
const QUEUE_PORT = Number(process.env.BENCH_AID_PORT ?? 3400);
const WARM_UP = 20;
const SAMPLES = Number(process.env.BENCH_AID_SAMPLES ?? 300);

type Say = (line?: string) => void;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const n0 = (n: number) => n.toLocaleString('en').replaceAll(',', ' ');
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const ok = (pass: boolean) => (pass ? '✓' : '✗');

/** A fixed-seed sample of k distinct items (the same needs every run on the same data). */
function sample<T>(items: T[], k: number): T[] {
	let seed = 42;
	const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const copy = [...items];
	for (let i = 0; i < Math.min(k, copy.length); i++) {
		const j = i + Math.floor(rnd() * (copy.length - i));
		[copy[i], copy[j]] = [copy[j]!, copy[i]!];
	}
	return copy.slice(0, k);
}

async function ctxFor(database: Database, email: string): Promise<Ctx> {
	const { rows } = await database.pool.query('select id from auth_user where email = $1', [email]);
	const actor = rows[0] ? await loadActor(database.db, rows[0].id as string) : null;
	if (!actor) throw new Error(`No account ${email} in the city data.`);
	return { db: database.db, actor };
}

async function benchSuggest(database: Database, say: Say) {
	const ctx = await ctxFor(database, CITY_COORDINATOR);
	const { rows: counts } = await database.pool.query(
		`select count(*) filter (where o.status = 'active')::int as active,
			count(*) filter (where o.status = 'active' and o.active_links < o.capacity)::int as with_room
		from aid_offer o join people_organisation g on g.id = o.organisation_id where g.name = $1`,
		[CITY_ORGANISATION]
	);
	const { rows: needs } = await database.pool.query(
		`select n.id from aid_need n join people_organisation g on g.id = n.organisation_id where g.name = $1 and n.status = 'open' order by n.id`,
		[CITY_ORGANISATION]
	);
	const chosen = sample(
		needs.map((r) => r.id as string),
		WARM_UP + SAMPLES
	);
	for (const id of chosen.slice(0, WARM_UP)) await suggestMatches(ctx, id);
	const times: number[] = [];
	let candidates = 0;
	for (const id of chosen.slice(WARM_UP)) {
		const t0 = performance.now();
		const result = await suggestMatches(ctx, id);
		times.push(performance.now() - t0);
		candidates += result.candidates.length;
	}
	times.sort((a, b) => a - b);
	const p95 = pct(times, 95);
	say(`### suggestMatches (one need, ${n0(counts[0].active)} active offers in the organisation)`);
	say();
	say(
		`${times.length} open needs drawn with a fixed seed (after ${WARM_UP} warm-up calls), called one after the other in this process as the coordinator ` +
			`(\`${CITY_COORDINATOR}\`); server time = the verb's wall-clock time including its queries. ${n0(counts[0].with_room)} offers have room; ` +
			`on average ${(candidates / times.length).toFixed(1)} of the 10 asked-for candidates came back.`
	);
	say();
	say('| p50 ms | p95 ms | max ms | target |');
	say('| --- | --- | --- | --- |');
	say(`| ${f1(pct(times, 50))} | **${f1(p95)}** | ${f1(times.at(-1)!)} | p95 < 50 ${ok(p95 < 50)} |`);
	say();
	return { p50: pct(times, 50), p95, max: times.at(-1)! };
}

async function benchWeeklyReal(database: Database, say: Say) {
	const ctx = await ctxFor(database, CITY_COORDINATOR);
	const { rows } = await database.pool.query(
		`select a.id, a.name, count(*)::int as open
		from aid_need n join areas_area a on a.id = n.area_id join people_organisation g on g.id = n.organisation_id
		where g.name = $1 and n.status = 'open' group by 1, 2 order by 3 desc, 2 limit 1`,
		[CITY_ORGANISATION]
	);
	const area = rows[0] as { id: string; name: string; open: number };
	const t0 = performance.now();
	const w = await weeklyProposalFor(ctx, area.id);
	const ms = performance.now() - t0;
	say(`### weeklyProposalFor, the district with the most open needs (${area.name})`);
	say();
	say(
		`${n0(w.needs)} open needs without a link (of ${n0(area.open)} open), each with its 20 best candidates among the organisation's active offers with room; ` +
			`optimal pairing (min-cost flow) against greedy, both on the same candidates.`
	);
	say();
	say('| seconds (loading + ranking + both pairings) | total score | greedy total | needs covered | greedy covered | target |');
	say('| --- | --- | --- | --- | --- | --- |');
	const pass = ms < 10_000 && w.total >= w.greedyTotal;
	say(
		`| ${(ms / 1000).toFixed(2)} | ${n0(w.total)} | ${n0(w.greedyTotal)} | ${n0(w.pairs.length)} / ${n0(w.needs)} | ${n0(w.greedyCovered)} / ${n0(w.needs)} | < 10 s, total ≥ greedy ${ok(pass)} |`
	);
	say();
	return { ms, ...w };
}

/** Does the production build in build/ contain the queue page? */
export function buildHasQueue(): boolean {
	const manifest = resolve('build/server/manifest.js');
	return existsSync(manifest) && readFileSync(manifest, 'utf8').includes('"/(work)/aid"');
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await sleep(100);
	}
	throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function signIn(base: string, email: string): Promise<string> {
	const res = await fetch(`${base}/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		// accept: text/html, else SvelteKit answers the action as an enhanced form (JSON, status 200).
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: base },
		body: new URLSearchParams({ email, password: DEMO_PASSWORD })
	});
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
	if (res.status !== 303 || !cookies.length) throw new Error(`signing in as ${email} failed (status ${res.status})`);
	return cookies.join('; ');
}

async function benchQueue(say: Say) {
	const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
	const seconds = Number(process.env.BENCH_SECONDS ?? 10);
	say(`### The facilitator's queue page, ${connections} connections`);
	say();
	if (!buildHasQueue()) {
		say('Not run: the production build in `build/` has no `/aid` route yet (run `npm run build` first).');
		say();
		return null;
	}
	const base = `http://localhost:${QUEUE_PORT}`;
	const app = spawn(process.execPath, ['--max-semi-space-size=16', 'scripts/serve.ts'], {
		// WIJKWEB_SEED=0: the server must not add the demo city to the city data.
		env: {
			...process.env,
			PORT: String(QUEUE_PORT),
			HOST: '127.0.0.1',
			DATA_DIR: CITY_DATA_DIR,
			DATABASE_URL: '',
			ORIGIN: base,
			WIJKWEB_SEED: '0'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	try {
		await waitFor(`${base}/healthz`, app);
		const cookie = await signIn(base, CITY_FACILITATOR);
		// The facilitator's own district (the grant the seed gave them).
		const me = await fetch(`${base}/aid`, { headers: { cookie } });
		const html = await me.text();
		const areaId = /name="areaId"[\s\S]*?<option[^>]*value="([0-9a-f-]{36})"/.exec(html)?.[1];
		if (me.status !== 200 || !areaId) throw new Error(`GET /aid answered ${me.status} without a district to choose`);
		const url = `${base}/aid?areaId=${areaId}`;
		const check = await fetch(url, { headers: { cookie } });
		const page = await check.text();
		if (check.status !== 200) throw new Error(`GET ${url} answered ${check.status}`);
		const rows = (page.match(/href="\/aid\/needs\/[0-9a-f-]{36}"/g) ?? []).length;
		await autocannon({ url, connections: 10, duration: 2, headers: { cookie } });
		// 50 connections asking as fast as they can: saturation, so latency is mostly queueing (50 ÷
		// throughput). (autocannon's overallRate sends each second's requests in one burst, which is no
		// better a model of people with a pause between pages, so it is not used.)
		const run = (overallRate?: number) => {
			const times: number[] = [];
			return new Promise<{ result: autocannon.Result; times: number[] }>((done, fail) => {
				const instance = autocannon(
					{ url, connections, duration: seconds, headers: { cookie }, ...(overallRate ? { overallRate } : {}) },
					(err, res) => (err ? fail(err) : done({ result: res, times: times.sort((a, b) => a - b) }))
				);
				instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
			});
		};
		const saturated = await run();
		say(
			`\`GET /aid?areaId=<district>\` signed in as \`${CITY_FACILITATOR}\` (facilitator bound to one district; ${rows} needs on the page, ` +
				`${(page.length / 1024).toFixed(0)} KB of HTML), production build on port ${QUEUE_PORT}, autocannon ${connections} connections × ${seconds} s after a 2 s warm-up.`
		);
		say();
		say('| load | req/s | p50 ms | p95 ms | p99 ms | non-2xx | errors | target |');
		say('| --- | --- | --- | --- | --- | --- | --- | --- |');
		for (const [label, { result, times }] of [[`${connections} connections, no pause (saturation)`, saturated]] as const) {
			const p95 = pct(times, 95);
			say(
				`| ${label} | ${result.requests.average.toFixed(0)} | ${f1(pct(times, 50))} | **${f1(p95)}** | ${f1(pct(times, 99))} | ${result.non2xx} | ${result.errors} | p95 < 150 ${ok(p95 < 150 && result.non2xx === 0)} |`
			);
		}
		say();
		const p95 = pct(saturated.times, 95);
		const result = saturated.result;
		return { p95, rps: result.requests.average };
	} catch (e) {
		say(`Not run: ${(e as Error).message}.`);
		say();
		return null;
	} finally {
		if (app.exitCode === null) {
			await sleep(1000); // let answers still on their way finish before PostgreSQL stops
			const exited = new Promise((r) => app.once('exit', r));
			app.kill('SIGINT');
			await exited;
		}
	}
}

/** Makes the city data under CITY_DATA_DIR when they are not there yet; runs (a), (b) and (c). */
export async function benchAid(say: Say, opts: { queue?: boolean } = {}) {
	say('## Mutual aid on city-scale data');
	say();
	const db = await startEmbedded(CITY_DATA_DIR);
	const database = connect(db.url, 4);
	let suggest, weekly;
	try {
		await runMigrations(database.db);
		if (await citySeeded(database.pool)) {
			say(`City data reused from \`${CITY_DATA_DIR}\`.`);
		} else {
			const t0 = performance.now();
			await seedCity(database.pool, (m) => console.log(m));
			say(
				`City data made in \`${CITY_DATA_DIR}\` (\`seedCity\`, as \`npm run seed:city\`): ${((performance.now() - t0) / 1000).toFixed(1)} s (target < 180 s).`
			);
		}
		say();
		suggest = await benchSuggest(database, say);
		weekly = await benchWeeklyReal(database, say);
	} finally {
		await database.close();
		await db.stop();
	}
	const queue = opts.queue === false ? null : await benchQueue(say);
	return { suggest, weekly, queue };
}
