import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { startEmbedded } from '../../src/lib/server/db/embedded.ts';
import { connect, runMigrations, type Database } from '../../src/lib/server/db/index.ts';
import { loadActor, accessRoleGrant } from '../../src/lib/server/access/index.ts';
import { buildGraph, getNetwork, networkLayout, networkMetrics, sampledBetweenness } from '../../src/lib/server/network/index.ts';
import { createUser, DEMO_PASSWORD } from '../../src/lib/server/seed/index.ts';

// `npm run bench -- network`: the network map of one neighbourhood of about 5 000 nodes and 20 000
// ties, on a bench database of its own (.bench-data/network, made again every run by one bulk insert):
//   (a) getNetwork on the server (the verb: queries, graph, isolation, betweenness, layout), p50/max of 5;
//   (b) its parts: building the graph + metrics, layout; exact betweenness (graphology-metrics) for
//       comparison, and the sampled estimate's error against it on this very graph;
//   (c) the page /network in Chromium (production build in build/: `npm run build` first): time from
//       navigation to sigma's first render with the data (the mark `netmap-first-render`).

const DATA_DIR = resolve(process.env.BENCH_NETWORK_DATA_DIR ?? '.bench-data/network');
const PORT = Number(process.env.BENCH_NETWORK_PORT ?? 3500);
const PEOPLE = 4_800;
const PARTNERS = 50;
const HOUSEHOLDS = 150;
const TIES = 20_000;
const EMAIL = 'network-bench@example.org';

type Say = (line?: string) => void;
const ms = (n: number) => `${Math.round(n)} ms`;

async function seed(database: Database) {
	const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
	const org = (await q(`insert into people_organisation (name, kind, lawful_basis) values ('Bench network', 'city', 'public_task') returning id`))
		.rows[0].id as string;
	const area = (await q(`insert into areas_area (name, city, code) values ('Bench wijk', 'Gent', 'bench-net') returning id`)).rows[0].id as string;
	const { person } = await createUser(database.db, { email: EMAIL, name: 'Bench', password: DEMO_PASSWORD });
	await database.db.insert(accessRoleGrant).values({ personId: person.id, role: 'facilitator', organisationId: org, areaId: null });
	await q(`select setseed(0.42)`);
	await q(
		`insert into people_person (first_name, last_name, organisation_id, area_id) select 'P' || g, 'L' || g, $1, $2 from generate_series(1, ${PEOPLE}) g`,
		[org, area]
	);
	await q(`insert into people_household (organisation_id, area_id, name) select $1, $2, 'H' || g from generate_series(1, ${HOUSEHOLDS}) g`, [
		org,
		area
	]);
	await q(
		`insert into network_partner (organisation_id, name, kind, themes) select $1, 'Partner ' || g, 'association', '{income}' from generate_series(1, ${PARTNERS}) g`,
		[org]
	);
	await q(`insert into network_partner_area (partner_id, area_id) select id, $1 from network_partner where organisation_id = $2`, [area, org]);
	// Three people per household (the first 450 people), one of them a child.
	await q(
		`with p as (select id, row_number() over (order by id) - 1 as i from people_person where area_id = $1),
		      h as (select id, row_number() over (order by id) - 1 as i from people_household where area_id = $1)
		 insert into people_household_member (household_id, person_id, role)
		 select h.id, p.id, case when p.i % 3 = 2 then 'child' else 'adult' end from p join h on h.i = p.i / 3 where p.i < ${HOUSEHOLDS * 3}`,
		[area]
	);
	// Ties: 90 % between two people (mostly within a "street" of 100, so there are groups to bridge),
	// 10 % from a person to a partner.
	await q(
		`with p as (select id, row_number() over (order by id) - 1 as i from people_person where area_id = $1),
		      o as (select id, row_number() over (order by id) - 1 as i from network_partner where organisation_id = $2),
		      pairs as (select g, floor(random() * ${PEOPLE})::int as a, random() as r1, random() as r2 from generate_series(1, ${TIES}) g)
		 insert into network_relationship (organisation_id, area_id, type, from_kind, from_person_id, to_kind, to_person_id, to_partner_id)
		 select $2, $1, case when pairs.g % 10 = 0 then 'referred_to' else 'knows' end, 'person', pa.id,
		        case when pairs.g % 10 = 0 then 'partner' else 'person' end,
		        case when pairs.g % 10 = 0 then null else pb.id end,
		        case when pairs.g % 10 = 0 then o.id else null end
		 from pairs
		 join p pa on pa.i = pairs.a
		 join p pb on pb.i = case when pairs.r1 < 0.9 then (pairs.a / 100) * 100 + floor(pairs.r2 * 100)::int else floor(pairs.r2 * ${PEOPLE})::int end % ${PEOPLE}
		 join o on o.i = floor(pairs.r2 * ${PARTNERS})::int
		 where pa.id <> pb.id`,
		[area, org]
	);
	return { area };
}

async function firstRender(area: string, url: string, say: Say) {
	const server = spawn(process.execPath, ['scripts/serve.ts'], {
		env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_URL: url, ORIGIN: `http://localhost:${PORT}` },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	try {
		const until = Date.now() + 120_000;
		while (Date.now() < until) {
			if (
				await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
					(r) => r.ok,
					() => false
				)
			)
				break;
			await new Promise((r) => setTimeout(r, 100));
		}
		const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
		try {
			const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
			await page.goto(`http://localhost:${PORT}/sign-in`);
			await page.getByLabel(/e-mail/i).fill(EMAIL);
			await page.getByLabel(/wachtwoord|password/i).fill(DEMO_PASSWORD);
			await page.locator('main form button').click();
			await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
			const times: number[] = [];
			for (let i = 0; i < 3; i++) {
				await page.goto(`http://localhost:${PORT}/network?area=${area}`, { timeout: 120_000 });
				await page.waitForSelector('[data-rendered="1"]', { timeout: 120_000 });
				times.push(await page.evaluate(() => performance.getEntriesByName('netmap-first-render')[0]!.startTime));
			}
			say(
				`- (c) /network in Chromium (headless, software WebGL), navigation → sigma's first render with the data: ${times.map(ms).join(', ')} (target < 2 s)`
			);
		} finally {
			await browser.close();
		}
	} finally {
		server.kill('SIGTERM');
	}
}

export async function benchNetwork(say: Say) {
	const embedded = await startEmbedded(DATA_DIR);
	const database = connect(embedded.url, 4);
	try {
		await runMigrations(database.pool);
		const done = (await database.pool.query(`select count(*)::int as n from areas_area where code = 'bench-net'`)).rows[0].n as number;
		const { area } = done
			? { area: (await database.pool.query(`select id from areas_area where code = 'bench-net'`)).rows[0].id as string }
			: await seed(database);
		const user = (await database.pool.query(`select id from auth_user where email = $1`, [EMAIL])).rows[0].id as string;
		const ctx = { db: database.db, actor: (await loadActor(database.db, user))! };
		say('## Network map, one neighbourhood');
		say();
		const runs: number[] = [];
		let map = await getNetwork(ctx, { area, caseload: '', names: '' });
		for (let i = 0; i < 5; i++) {
			const t0 = performance.now();
			map = await getNetwork(ctx, { area, caseload: '', names: '' });
			runs.push(performance.now() - t0);
		}
		runs.sort((a, b) => a - b);
		say(`Data: ${map.nodes.length} nodes, ${map.edges.length} edges; betweenness ${map.betweenness.method} (${map.betweenness.sources} sources).`);
		say();
		say(`- (a) getNetwork (queries, graph, isolation, betweenness, layout): p50 ${ms(runs[2]!)}, max ${ms(runs[4]!)}`);
		let t0 = performance.now();
		const graph = buildGraph(map.nodes, map.edges);
		const m = networkMetrics(graph);
		const metricsMs = performance.now() - t0;
		t0 = performance.now();
		networkLayout(graph);
		const layoutMs = performance.now() - t0;
		say(
			`- (b) graph + degree + isolation + ${m.method} betweenness: ${ms(metricsMs)}; layout (ForceAtlas2, iterations scaled to the size): ${ms(layoutMs)}`
		);
		t0 = performance.now();
		const exact = betweennessCentrality(graph, { getEdgeWeight: null });
		const exactMs = performance.now() - t0;
		const sampled = sampledBetweenness(graph, 256).betweenness;
		let sum = 0;
		let max = 0;
		for (const [id, v] of sampled) {
			const d = Math.abs(v - exact[id]!);
			sum += d;
			max = Math.max(max, d);
		}
		const topOf = (scores: [string, number][]) =>
			scores
				.filter(([id]) => id.startsWith('partner:'))
				.sort((a, b) => b[1] - a[1])
				.slice(0, 10)
				.map(([id]) => id);
		const exactTop = topOf(Object.entries(exact));
		const sampledTop = new Set(topOf([...sampled.entries()]));
		say(
			`- exact betweenness (graphology-metrics) on the same graph: ${ms(exactMs)}; sampled (256 sources) against it: mean absolute error ${(sum / graph.order).toExponential(2)}, max ${max.toExponential(2)}, top 10 partners in common ${exactTop.filter((id) => sampledTop.has(id)).length}/10`
		);
		await firstRender(area, embedded.url, say);
	} finally {
		await database.close();
		await embedded.stop();
	}
}
