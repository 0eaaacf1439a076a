import { startEmbedded } from '../../src/lib/server/db/embedded.ts';
import { connect, runMigrations } from '../../src/lib/server/db/index.ts';
import { loadActor } from '../../src/lib/server/access/index.ts';
import { searchPeople } from '../../src/lib/server/people/index.ts';
import type { Ctx } from '../../src/lib/server/core/index.ts';
import { CITY_COORDINATOR, CITY_ORGANISATION, citySeeded, seedCity } from '../lib/city.ts';
import { CITY_DATA_DIR } from './aid.ts';

// `npm run bench -- search`: searchPeople (people/search.ts) among the city data's 50 000 people, as
// the city's coordinator (the whole organisation in scope): server time p50/p95/max over queries of
// the kinds staff type — a first name without its accent, first and family name, the start of a
// name, a family name with a typo — and the plan, which must use the trigram index.

type Say = (line?: string) => void;
const WARM_UP = 30;
const SAMPLES = Number(process.env.BENCH_SEARCH_SAMPLES ?? 400);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').toLowerCase();

/** The queries: from real rows, the same every run (rows taken in id order, every k-th). */
function queries(names: { first: string; last: string }[]): string[] {
	const out: string[] = [];
	names.forEach(({ first, last }, i) => {
		const kind = i % 4;
		if (kind === 0) out.push(fold(first));
		else if (kind === 1) out.push(`${first} ${last}`);
		else if (kind === 2) out.push(first.slice(0, 4));
		// A typo: one letter of the family name doubled.
		else out.push(`${last.slice(0, 3)}${last.slice(2)}`);
	});
	return out;
}

export async function benchSearch(say: Say) {
	say('## People: searchPeople among 50 000 people');
	say();
	const embedded = await startEmbedded(CITY_DATA_DIR);
	const database = connect(embedded.url, 4);
	try {
		await runMigrations(database.pool);
		if (!(await citySeeded(database.pool))) await seedCity(database.pool, (m) => console.log(m));
		const { rows: counts } = await database.pool.query(
			`select count(*)::int as people, count(last_name)::int as named, count(birth_year)::int as born
			from people_person p join people_organisation g on g.id = p.organisation_id where g.name = $1`,
			[CITY_ORGANISATION]
		);
		const { rows: sampleRows } = await database.pool.query(
			`select first_name as first, last_name as last from (
				select first_name, last_name, row_number() over (order by p.id) as n from people_person p
				join people_organisation g on g.id = p.organisation_id where g.name = $1 and last_name is not null) s
			where n % 97 = 0 limit $2`,
			[CITY_ORGANISATION, WARM_UP + SAMPLES]
		);
		const { rows: users } = await database.pool.query('select id from auth_user where email = $1', [CITY_COORDINATOR]);
		const actor = await loadActor(database.db, users[0]!.id as string);
		const ctx: Ctx = { db: database.db, actor: actor! };
		const qs = queries(sampleRows as { first: string; last: string }[]);
		for (const q of qs.slice(0, WARM_UP)) await searchPeople(ctx, { q });
		const times: number[] = [];
		const byKind: number[][] = [[], [], [], []];
		let found = 0;
		for (const [i, q] of qs.slice(WARM_UP).entries()) {
			const t0 = performance.now();
			found += (await searchPeople(ctx, { q })).length;
			const ms = performance.now() - t0;
			times.push(ms);
			byKind[(i + WARM_UP) % 4]!.push(ms);
		}
		times.sort((a, b) => a - b);
		const p95 = pct(times, 95);
		say(
			`${counts[0].people.toLocaleString('en')} people in the organisation (${counts[0].named.toLocaleString('en')} with a family name, ${counts[0].born.toLocaleString('en')} with a birth year); ${times.length} queries after ${WARM_UP} to warm up, ${(found / times.length).toFixed(1)} results on average (at most 20).`
		);
		say();
		say('| measure | ms | target |');
		say('| --- | --- | --- |');
		say(`| p50 | ${pct(times, 50).toFixed(1)} | |`);
		say(`| **p95** | **${p95.toFixed(1)}** | < 30 ${p95 < 30 ? '✓' : '✗'} |`);
		say(`| max | ${times[times.length - 1]!.toFixed(1)} | |`);
		say();
		say('| kind of query | p50 ms | p95 ms |');
		say('| --- | --- | --- |');
		for (const [k, label] of [
			'a first name, accents dropped',
			'first and family name',
			'the first four letters',
			'a family name with a typo'
		].entries()) {
			const sorted = byKind[k]!.sort((a, b) => a - b);
			say(`| ${label} | ${pct(sorted, 50).toFixed(1)} | ${pct(sorted, 95).toFixed(1)} |`);
		}
		say();
		// The plan of the verb's own query shape (scope of an org-wide grant, a first name without accents).
		const { rows: plan } = await database.pool.query(
			`explain (analyze, costs off, timing off, summary off)
			select p.id, word_similarity(people_fold($2), p.search_name) from people_person p
			where p.organisation_id = (select id from people_organisation where name = $1) and p.merged_into_id is null and p.erased_at is null
			order by people_fold($2) <<-> p.search_name limit 20`,
			[CITY_ORGANISATION, 'Celine']
		);
		const lines = plan.map((r) => r['QUERY PLAN'] as string);
		say(
			`Plan of the search for "Celine" (\`EXPLAIN ANALYZE\`; ${lines.some((l) => l.includes('people_person_search_gist_idx')) ? 'uses' : '**does not use**'} the trigram index \`people_person_search_gist_idx\`):`
		);
		say();
		say('```text');
		for (const l of lines) say(l);
		say('```');
		say();
		return { p50: pct(times, 50), p95 };
	} finally {
		await database.close();
		await embedded.stop();
	}
}
