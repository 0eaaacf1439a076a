import { describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { freshDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { createUser } from '../../src/lib/server/seed/demo.ts';
import { runRetention, startRetentionWorker } from '../../src/lib/server/privacy/index.ts';
import { getMutualAidReach } from '../../src/lib/server/aid/index.ts';
import { aidLink, aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { peopleConsent, peopleOrganisation, peoplePerson, peoplePurpose } from '../../src/lib/server/people/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { addDays, todayInBelgium } from '../../src/lib/server/core/time.ts';

// The clock is advanced, not waited for: the job is run with `now` = today + N days. Every row of
// people_person is compared before and after each run, so "exactly these rows changed" is checked,
// not only "these did".

const database = await freshDatabase();
const { db } = database;
const DAY = 86_400_000;
const T = new Date();
const at = (days: number) => new Date(T.getTime() + days * DAY);

const orgA = await makeOrganisation(db); // asks consent
const [orgB] = await db
	.insert(peopleOrganisation)
	.values({ name: `City ${T.getTime()}`, kind: 'city', lawfulBasis: 'public_task' })
	.returning();
const area = await makeArea(db);
// Every organisation gets the contact and intercultural purposes when it is made (migration 0014's
// trigger); this test sets up its own purposes, so it starts from none.
await db.delete(peoplePurpose).where(inArray(peoplePurpose.organisationId, [orgA.id, orgB!.id]));
const coordinator = await makeActor(db, 'coordinator', { organisationId: orgA.id });

const purpose = async (
	organisationId: string,
	code: 'contact' | 'intercultural' | 'origin_statistics',
	retentionDays: number,
	categories: NonNullable<(typeof peoplePurpose.$inferInsert)['categories']>
) => {
	const [p] = await db
		.insert(peoplePurpose)
		.values({ organisationId, code, retentionDays, categories, lawfulBasis: organisationId === orgA.id ? 'consent' : null })
		.returning();
	return p!;
};
const contact = await purpose(orgA.id, 'contact', 365, ['contact']);
const intercultural = await purpose(orgA.id, 'intercultural', 730, ['origin', 'languages']);
await purpose(orgB!.id, 'origin_statistics', 365, ['origin']);

type Facts = Partial<typeof peoplePerson.$inferInsert>;
let seq = 0;
async function person(facts: Facts, consents: { purposeId: string; given: boolean; at: Date }[] = []) {
	const [p] = await db
		.insert(peoplePerson)
		.values({
			firstName: `P${++seq}`,
			lastName: 'Peeters',
			phone: '0470 00 00 00',
			organisationId: orgA.id,
			areaId: area.id,
			lastSeenAt: T,
			...facts
		})
		.returning();
	for (const c of consents)
		await db
			.insert(peopleConsent)
			.values({ personId: p!.id, purposeId: c.purposeId, version: 1, given: c.given, method: 'spoken', recordedAt: c.at });
	return p!.id;
}
const both = (when: Date) => [
	{ purposeId: contact.id, given: true, at: when },
	{ purposeId: intercultural.id, given: true, at: when }
];

async function link(needPerson: string, offerPerson: string, made: Date) {
	const place = { organisationId: orgA.id, areaId: area.id };
	const [need] = await db
		.insert(aidNeed)
		.values({ personId: needPerson, category: 'errands', title: 'Need', ...place })
		.returning();
	const [offer] = await db
		.insert(aidOffer)
		.values({ personId: offerPerson, category: 'errands', title: 'Offer', capacity: 5, ...place })
		.returning();
	await db
		.insert(aidLink)
		.values({ needId: need!.id, offerId: offer!.id, ...place, status: 'accepted', needAcceptedAt: made, offerAcceptedAt: made });
}

// Five intercultural, intergenerational pairs seen today; five pairs last seen 300 days ago (same
// origin group and a shared language: never intercultural, but intergenerational).
const active: string[] = [];
const old: string[] = [];
for (let i = 0; i < 5; i++) {
	const a = await person({ ageGroup: '18_29', originGroup: 'belgium', countryOfOrigin: 'BE' }, both(at(-500)));
	const b = await person({ ageGroup: '65_plus', originGroup: 'outside_eu', countryOfOrigin: 'MA' }, both(at(-500)));
	await link(a, b, at(-200));
	active.push(a, b);
	const c = await person({ ageGroup: '0_17', originGroup: 'eu', countryOfOrigin: 'PL', languages: ['nl'], lastSeenAt: at(-300) }, both(at(-500)));
	const d = await person({ ageGroup: '50_64', originGroup: 'eu', countryOfOrigin: 'RO', languages: ['nl'], lastSeenAt: at(-300) }, both(at(-500)));
	await link(c, d, at(-320));
	old.push(c, d);
}
const withdrew = await person({ email: 'w@example.test', originGroup: 'eu', countryOfOrigin: 'FR' }, [
	...both(at(-30)),
	{ purposeId: contact.id, given: false, at: at(-1 / 24) }
]);
const noOrigin = await person({ originGroup: 'eu', countryOfOrigin: 'PL' }, [{ purposeId: contact.id, given: true, at: at(-30) }]);
const neverAsked = await person({});
const { user } = await createUser(db, { email: `holder-${T.getTime()}@example.test`, name: 'Holder', password: 'correct horse battery' });
const [holderRow] = await db
	.update(peoplePerson)
	.set({ organisationId: orgA.id, areaId: area.id, lastSeenAt: at(-300), phone: '0471 00 00 00', originGroup: 'eu', countryOfOrigin: 'NL' })
	.where(eq(peoplePerson.userId, user.id))
	.returning();
const holder = holderRow!.id;
await db
	.insert(peopleConsent)
	.values(both(at(-500)).map((c) => ({ ...c, personId: holder, version: 1, method: 'online' as const, recordedAt: c.at })));
const erased = await person({ firstName: '—', lastName: null, phone: null, erasedAt: at(-10) });
const cityPerson = await person({ organisationId: orgB!.id, originGroup: 'outside_eu', countryOfOrigin: 'TR' });

type Row = Record<string, unknown>;
async function snapshot(): Promise<Map<string, Row>> {
	const rows = await db.select().from(peoplePerson);
	return new Map(rows.map(({ updatedAt: _u, ...r }) => [r.id, r as Row]));
}
function changes(before: Map<string, Row>, after: Map<string, Row>): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const [id, row] of before) {
		const now = after.get(id)!;
		const fields = Object.keys(row).filter((k) => JSON.stringify(row[k]) !== JSON.stringify(now[k]));
		if (fields.length) out[id] = fields.sort();
	}
	return out;
}
const runAudits = () =>
	db
		.select()
		.from(coreAudit)
		.where(and(eq(coreAudit.entity, 'privacy_retention')));

const ctx = ctxFor(db, coordinator.actor);
const today = todayInBelgium(T);
const periods = [
	{ from: addDays(today, -730), to: today },
	{ from: addDays(today, -365), to: today },
	{ from: addDays(today, -1000), to: addDays(today, 400) }
];
const figures = () => Promise.all(periods.map((p) => getMutualAidReach(ctx, { areaId: null, ...p })));
// search_name is generated from the names (PostgreSQL), so it goes with them.
const ANONYMISED = ['erasedAt', 'firstName', 'lastName', 'phone', 'searchName'];
const reachBefore = await figures();

describe('the retention job, with the clock advanced', () => {
	it('the next day: removes the contact details of a withdrawn consent and an origin no purpose keeps, nothing else', async () => {
		const before = await snapshot();
		const counts = await runRetention(db, at(1));
		expect(changes(before, await snapshot())).toEqual({
			[withdrew]: ['email', 'phone'],
			[noOrigin]: ['countryOfOrigin', 'originGroup']
		});
		expect(counts).toEqual({ examined: 25, anonymised: 0, contactRemoved: 1, originCleared: 1 });
		const rows = await runAudits();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ actorUserId: null, action: 'update', reason: 'retention', details: { ...counts, at: at(1).toISOString() } });
	});

	it('440 days on: anonymises who was not seen for longer than their purposes keep them, drops expired contact and origin', async () => {
		const before = await snapshot();
		const counts = await runRetention(db, at(440));
		const expected: Record<string, string[]> = {
			// Unseen 440 days: contact (365 days) expired, the intercultural purpose (730) still keeps them.
			...Object.fromEntries(active.map((id) => [id, ['phone']])),
			// Unseen 740 days: longer than 730, the longest purpose they consented to.
			...Object.fromEntries(old.map((id) => [id, [...ANONYMISED, 'countryOfOrigin', 'originGroup'].sort()])),
			// Only contact (365) applied to them.
			[noOrigin]: ANONYMISED,
			// Public task: origin statistics (365) apply without asking, and expired.
			[cityPerson]: [...ANONYMISED, 'countryOfOrigin', 'originGroup'].sort(),
			// An account holder is not anonymised; what their purposes kept has expired all the same.
			[holder]: ['countryOfOrigin', 'email', 'originGroup', 'phone']
		};
		expect(changes(before, await snapshot())).toEqual(expected);
		expect(counts).toEqual({ examined: 25, anonymised: 12, contactRemoved: 11, originCleared: 12 });
		const rows = await runAudits();
		expect(rows).toHaveLength(2);
		expect(rows[1]!.details).toEqual({ ...counts, at: at(440).toISOString() });
		for (const id of [withdrew, neverAsked, erased]) expect(expected[id]).toBeUndefined();
	});

	it('leaves every mutual-aid figure as it was', async () => {
		const after = await figures();
		expect(after).toEqual(reachBefore);
		// The figures are not trivially empty: ten links made, five intercultural, ten intergenerational.
		expect(reachBefore[0]!.figures).toMatchObject({ linksMade: { value: 10 }, intercultural: { value: 5 }, intergenerational: { value: 10 } });
	});
});

describe('the retention job’s schedule', () => {
	it('is one daily schedule at 03:00 Brussels time on a singleton queue, however many servers start', async () => {
		const stops = [await startRetentionWorker(database.url, db), await startRetentionWorker(database.url, db)];
		try {
			const { rows } = await db.execute<{ cron: string; timezone: string }>(
				sql`select cron, timezone from pgboss.schedule where name = 'privacy-retention'`
			);
			expect(rows).toEqual([{ cron: '0 3 * * *', timezone: 'Europe/Brussels' }]);
			const { rows: queues } = await db.execute<{ policy: string }>(sql`select policy from pgboss.queue where name = 'privacy-retention'`);
			expect(queues).toEqual([{ policy: 'singleton' }]);
		} finally {
			for (const stop of stops) await stop();
		}
	}, 60_000);
});
