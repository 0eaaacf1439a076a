import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { startEmbedded } from '../../src/lib/server/db/embedded.ts';
import { connect, runMigrations, type Database } from '../../src/lib/server/db/index.ts';
import { loadActor } from '../../src/lib/server/access/index.ts';
import { consultationLog, erasePerson, exportPerson } from '../../src/lib/server/rights/index.ts';
import { createUser } from '../../src/lib/server/seed/index.ts';
import type { Ctx } from '../../src/lib/server/core/index.ts';

// The figure for a person's rights: exportPerson for a person with 1 000 audit rows and 200
// contacts (100 mutual-aid links and 100 office-hour visits, until the contact log of issue 14 exists)
// under 2 s, and erasing that person under 2 s. Among 5 000 other people with 50 000 audit rows and
// 5 000 links, so the queries have to find the person's rows, not read everything. Fresh data each run.

const DATA_DIR = resolve('.bench-data/rights');
const PEOPLE = 3;
type Say = (line?: string) => void;
const f0 = (n: number) => n.toFixed(0);

async function seed(database: Database) {
	const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
	const org = (await q(`insert into people_organisation (name, kind, lawful_basis) values ('Bench house', 'association', 'consent') returning id`))
		.rows[0].id as string;
	const area = (await q(`insert into areas_area (name, city, code) values ('Bench wijk', 'Gent', 'bench-1') returning id`)).rows[0].id as string;
	const { user, person } = await createUser(database.db, {
		email: 'bench-coordinator@example.test',
		name: 'Coordinator',
		password: 'bench password 1'
	});
	await q(`insert into access_role_grant (person_id, role, organisation_id) values ($1, 'coordinator', $2)`, [person.id, org]);
	// The others: people, each with a need and an offer, linked in pairs, and audit rows about them.
	await q(
		`insert into people_person (first_name, organisation_id, area_id, age_group) select 'Other ' || g, $1, $2, '30_49' from generate_series(1, 5000) g`,
		[org, area]
	);
	await q(
		`insert into aid_need (person_id, category, title, organisation_id, area_id) select id, 'errands', 'Need', organisation_id, area_id from people_person where first_name like 'Other %'`
	);
	await q(
		`insert into aid_offer (person_id, category, title, capacity, organisation_id, area_id) select id, 'errands', 'Offer', 20, organisation_id, area_id from people_person where first_name like 'Other %'`
	);
	await q(`
		insert into aid_link (need_id, offer_id, organisation_id, area_id, status, need_accepted_at, offer_accepted_at)
		select n.id, o.id, n.organisation_id, n.area_id, 'accepted', now() - interval '30 days', now() - interval '30 days'
		from (select id, organisation_id, area_id, row_number() over (order by id) r from aid_need) n
		join (select id, row_number() over (order by id) r from aid_offer) o on o.r = (n.r % 5000) + 1`);
	await q(
		`
		insert into core_audit (actor_user_id, actor_person_id, action, entity, entity_id)
		select $1, $2, 'read', 'people_person', p.id::text from people_person p, generate_series(1, 10) where p.first_name like 'Other %'`,
		[user.id, person.id]
	);
	const subjects: string[] = [];
	for (let i = 0; i < PEOPLE; i++) {
		const s = await createUser(database.db, { email: `bench-person-${i}@example.test`, name: `Subject ${i}`, password: 'bench password 1' });
		await q(
			`update people_person set organisation_id = $1, area_id = $2, last_name = 'Bench', phone = '+32 470 00 00 00', age_group = '50_64' where id = $3`,
			[org, area, s.person.id]
		);
		// 100 links: a need of theirs each, with an offer of one of the others.
		await q(
			`insert into aid_need (person_id, category, title, description, organisation_id, area_id) select $1, 'errands', 'Need ' || g, 'About me', $2, $3 from generate_series(1, 100) g`,
			[s.person.id, org, area]
		);
		await q(
			`insert into aid_link (need_id, offer_id, organisation_id, area_id, status, need_accepted_at, offer_accepted_at, reason)
			 select n.id, o.id, n.organisation_id, n.area_id, 'accepted', now() - interval '10 days', now() - interval '10 days', 'Because'
			 from (select id, organisation_id, area_id, row_number() over (order by id) r from aid_need where person_id = $1) n
			 join (select id, row_number() over (order by id) r from aid_offer limit 100) o on o.r = n.r`,
			[s.person.id]
		);
		await q(`insert into aid_visit (person_id, organisation_id, area_id) select $1, $2, $3 from generate_series(1, 100)`, [s.person.id, org, area]);
		// 1 000 audit rows: 600 reads of their record, 400 about their needs.
		await q(
			`insert into core_audit (actor_user_id, actor_person_id, action, entity, entity_id, reason) select $1, $2, 'read', 'people_person', $3, 'Office hour' from generate_series(1, 600)`,
			[user.id, person.id, s.person.id]
		);
		await q(
			`insert into core_audit (actor_user_id, actor_person_id, action, entity, entity_id) select $1, $2, 'update', 'aid_need', n.id::text from aid_need n, generate_series(1, 4) where n.person_id = $3`,
			[user.id, person.id, s.person.id]
		);
		subjects.push(s.person.id);
	}
	await q('analyze');
	const actor = await loadActor(database.db, user.id);
	return { ctx: { db: database.db, actor: actor! } satisfies Ctx, subjects };
}

export async function benchRights(say: Say) {
	say('## A person’s rights: export and erasure');
	say();
	rmSync(DATA_DIR, { recursive: true, force: true });
	const embedded = await startEmbedded(DATA_DIR);
	const database = connect(embedded.url, 4);
	try {
		await runMigrations(database.pool);
		const t0 = performance.now();
		const { ctx, subjects } = await seed(database);
		say(
			`Data: 5 000 other people with 50 000 audit rows and 5 000 links; ${PEOPLE} people with 1 000 audit rows, 100 links and 100 visits each (made in ${f0(performance.now() - t0)} ms).`
		);
		say();
		const exports: number[] = [];
		const logs: number[] = [];
		const erasures: number[] = [];
		let size = 0;
		let logRows = 0;
		for (const id of subjects) {
			let t = performance.now();
			const x = await exportPerson(ctx, { id });
			exports.push(performance.now() - t);
			size = JSON.stringify(x).length;
			logRows = x.consultationLog.length;
			t = performance.now();
			await consultationLog(ctx, { id, limit: 25 });
			logs.push(performance.now() - t);
		}
		for (const id of subjects) {
			const t = performance.now();
			await erasePerson(ctx, { id, reason: 'Bench' });
			erasures.push(performance.now() - t);
		}
		const max = (a: number[]) => Math.max(...a);
		say('| what | runs | slowest ms | target |');
		say('| --- | --- | --- | --- |');
		say(
			`| \`exportPerson\` (${logRows} log rows, ${(size / 1024).toFixed(0)} KB of JSON) | ${exports.length} | ${f0(max(exports))} | < 2 000 ${max(exports) < 2000 ? '✓' : '✗'} |`
		);
		say(`| \`consultationLog\` (first page of 25) | ${logs.length} | ${f0(max(logs))} | |`);
		say(`| \`erasePerson\` | ${erasures.length} | ${f0(max(erasures))} | < 2 000 ${max(erasures) < 2000 ? '✓' : '✗'} |`);
		say();
	} finally {
		await database.close();
		await embedded.stop();
	}
}
