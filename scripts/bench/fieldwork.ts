import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { startEmbedded } from '../../src/lib/server/db/embedded.ts';
import { connect, runMigrations } from '../../src/lib/server/db/index.ts';
import { loadActor } from '../../src/lib/server/access/index.ts';
import { createToken } from '../../src/lib/server/auth/index.ts';
import { citySeeded, seedCity, CITY_COORDINATOR } from '../lib/city.ts';
import { FIELDWORK_SIZES, cityWorkerEmail } from '../lib/city-fieldwork.ts';
import { CITY_DATA_DIR } from './aid.ts';
import { signIn, startServer } from './server.ts';
import { f1, load, loop, ok, pct, request, row } from './measure.ts';

// `npm run bench -- fieldwork` (issue 14), on the city-scale data (1 000 000 contacts, scripts/lib/city-fieldwork.ts)
// and the production build in build/:
//   (a) logContact through the API, POST /api/v1/contacts, one token per worker and a fresh
//       Idempotency-Key and clientId per request: 50 workers in a closed loop (each logs a contact,
//       pauses 0.5–1.5 s, logs the next) — the target, p95 < 50 ms — and 50 without pause (capacity);
//   (b) the worker's home page GET /fieldwork, 50 workers each signed in with their own session, the
//       same two loads — target p95 < 100 ms;
//   (c) a year of figures, GET /api/v1/fieldwork/figures as the coordinator: one district (< 500 ms)
//       and the whole city (< 2 s).

const PORT = Number(process.env.BENCH_FIELDWORK_PORT ?? 3410);
const USERS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

type Say = (line?: string) => void;
type Worker = { email: string; token: string; organisationId: string; areaId: string | null; cookie?: string };

/** A street contact as the street log sends it (the shared logContact shape of issue 14). */
function contactBody(w: Worker) {
	return JSON.stringify({
		clientId: randomUUID(),
		organisationId: w.organisationId,
		areaId: w.areaId,
		type: 'street',
		startedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
		durationMinutes: 60,
		placeName: 'Plein',
		themes: ['leisure', 'education'],
		anonymousCount: 5,
		anonymousAgeFrom: 14,
		anonymousAgeTo: 18
	});
}

/** Tokens (read, write) for the 50 city workers and the coordinator, made in the database before the server starts. */
async function prepare(say: Say) {
	const db = await startEmbedded(CITY_DATA_DIR);
	const database = connect(db.url, 4);
	try {
		await runMigrations(database.pool);
		if (!(await citySeeded(database.pool))) {
			const t0 = performance.now();
			await seedCity(database.pool, (m) => console.log(m));
			say(`City data made in \`${CITY_DATA_DIR}\` (as \`npm run seed:city\`): ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
		} else say(`City data reused from \`${CITY_DATA_DIR}\`.`);
		const { rows } = await database.pool.query(`select count(*)::int as n from fieldwork_contact`);
		say(`${(rows[0].n as number).toLocaleString('en')} fieldwork contacts in the database.`);
		const tokenFor = async (email: string) => {
			const { rows: users } = await database.pool.query('select id from auth_user where email = $1', [email]);
			const actor = users[0] ? await loadActor(database.db, users[0].id as string) : null;
			if (!actor) throw new Error(`no account ${email}: the city data predate the fieldwork seed (remove ${CITY_DATA_DIR} and run again)`);
			const created = await createToken({ db: database.db, actor }, { name: 'bench fieldwork', scopes: ['read', 'write'], expiresInDays: 1 });
			const grant = actor.grants[0]!;
			return { email, token: created.token, organisationId: grant.organisationId, areaId: grant.areaId ?? null } satisfies Worker;
		};
		const workers: Worker[] = [];
		for (let k = 1; k <= Math.min(USERS, FIELDWORK_SIZES.workers); k++) workers.push(await tokenFor(cityWorkerEmail(k)));
		const coordinator = await tokenFor(CITY_COORDINATOR);
		const { rows: busiest } = await database.pool.query(
			`select area_id from fieldwork_contact where started_at > now() - interval '1 year' group by 1 order by count(*) desc limit 1`
		);
		return { workers, coordinator, areaId: busiest[0]?.area_id as string };
	} finally {
		await database.close();
		await db.stop();
	}
}

export async function benchFieldwork(say: Say) {
	say('## Fieldwork on city-scale data');
	say();
	const { workers, coordinator, areaId } = await prepare(say);
	say();
	// 50 workers sign in from one address within a second: the sign-in limit (10 a minute per address
	// by default) would refuse the eleventh, so this server allows more; likewise the API's 120
	// requests a minute per token, which one worker without pause passes in a few seconds (429s).
	// WIJKWEB_SEED=0: no demo data.
	const server = await startServer({
		port: PORT,
		dataDir: CITY_DATA_DIR,
		env: {
			WIJKWEB_SEED: '0',
			SIGN_IN_RATE_LIMIT: process.env.SIGN_IN_RATE_LIMIT ?? '1000',
			API_RATE_LIMIT: process.env.API_RATE_LIMIT ?? '100000'
		}
	});
	const base = server.base;
	try {
		say(`Production build on port ${PORT}; load average before: ${load()} (1 / 5 / 15 min; the machine is shared with other engineers' work).`);
		say();

		// (a) logContact
		const post = (agent: http.Agent, w: Worker) =>
			request(
				agent,
				'POST',
				`${base}/api/v1/contacts`,
				{ authorization: `Bearer ${w.token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
				contactBody(w)
			);
		const probe = await fetch(`${base}/api/v1/contacts`, {
			method: 'POST',
			headers: { authorization: `Bearer ${workers[0]!.token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
			body: contactBody(workers[0]!)
		});
		say(`### logContact, POST /api/v1/contacts, ${workers.length} workers`);
		say();
		if (probe.status >= 300) {
			say(`Not run: the probe answered ${probe.status} (${(await probe.text()).slice(0, 200)}).`);
		} else {
			const created = (s: number) => s === 201 || s === 200;
			await loop(workers.slice(0, 10), 2, false, post, created);
			// One worker, one request after the other: what a request costs when nothing queues.
			const alone = await loop(workers.slice(0, 1), 5, false, post, created);
			const users = await loop(workers, 2 * SECONDS, true, post, created);
			const capacity = await loop(workers, SECONDS, false, post, created);
			say(
				`A street contact (two themes, an anonymous count) per request, each worker with its own token, a new Idempotency-Key and clientId each time; load average after: ${load()}.`
			);
			say();
			say('| load | req/s | p50 ms | p95 ms | p99 ms | statuses | target |');
			say('| --- | --- | --- | --- | --- | --- | --- |');
			say(row('1 worker, one request after the other (5 s)', alone));
			say(
				row(
					`${workers.length} workers, 0.5–1.5 s between contacts (${2 * SECONDS} s)`,
					users,
					`p95 < 50 ${ok(pct(users.times, 95) < 50 && users.bad === 0)}`
				)
			);
			say(row(`${workers.length} workers, no pause (capacity, ${SECONDS} s)`, capacity));
		}
		say();

		// (b) the home page
		say(`### The worker's home page, GET /fieldwork, ${workers.length} workers`);
		say();
		try {
			for (const w of workers) w.cookie = await signIn(base, w.email);
			const check = await fetch(`${base}/fieldwork`, { headers: { cookie: workers[0]!.cookie! } });
			const html = await check.text();
			if (check.status !== 200) throw new Error(`GET /fieldwork answered ${check.status}`);
			const get = (agent: http.Agent, w: Worker) => request(agent, 'GET', `${base}/fieldwork`, { cookie: w.cookie! });
			const is200 = (s: number) => s === 200;
			await loop(workers.slice(0, 10), 2, false, get, is200);
			// One worker, one request after the other: what a request costs when nothing queues.
			const alone = await loop(workers.slice(0, 1), 5, false, get, is200);
			const users = await loop(workers, 2 * SECONDS, true, get, is200);
			const capacity = await loop(workers, SECONDS, false, get, is200);
			say(`Each worker signed in with their own session (${(html.length / 1024).toFixed(0)} KB of HTML); load average after: ${load()}.`);
			say();
			say('| load | req/s | p50 ms | p95 ms | p99 ms | statuses | target |');
			say('| --- | --- | --- | --- | --- | --- | --- |');
			say(row('1 worker, one request after the other (5 s)', alone));
			say(
				row(
					`${workers.length} workers, 0.5–1.5 s between pages (${2 * SECONDS} s)`,
					users,
					`p95 < 100 ${ok(pct(users.times, 95) < 100 && users.bad === 0)}`
				)
			);
			say(row(`${workers.length} workers, no pause (capacity, ${SECONDS} s)`, capacity));
		} catch (e) {
			say(`Not run: ${(e as Error).message}.`);
		}
		say();

		// (c) figures
		say('### A year of fieldwork figures, GET /api/v1/fieldwork/figures as the coordinator');
		say();
		const figures = async (query: string, n: number) => {
			const times: number[] = [];
			let status = 0;
			for (let i = 0; i < n + 2; i++) {
				const t0 = performance.now();
				const res = await fetch(`${base}/api/v1/fieldwork/figures${query}`, { headers: { authorization: `Bearer ${coordinator.token}` } });
				await res.arrayBuffer();
				status = res.status;
				if (i >= 2) times.push(performance.now() - t0);
			}
			return { times: times.sort((a, b) => a - b), status };
		};
		const district = await figures(`?areaId=${areaId}`, 20);
		const city = await figures('', 10);
		say(`The default period (the last twelve whole months), one request at a time after two warm-up requests; load average after: ${load()}.`);
		say();
		say('| scope | requests | status | p50 ms | p95 ms | max ms | target |');
		say('| --- | --- | --- | --- | --- | --- | --- |');
		const line = (label: string, r: typeof district, target: number) =>
			`| ${label} | ${r.times.length} | ${r.status} | ${f1(pct(r.times, 50))} | **${f1(pct(r.times, 95))}** | ${f1(r.times.at(-1)!)} | < ${target} ${ok(r.status === 200 && pct(r.times, 95) < target)} |`;
		say(line('the busiest district', district, 500));
		say(line('the whole city (25 districts)', city, 2000));
		say();
	} finally {
		await server.stop();
	}
}
