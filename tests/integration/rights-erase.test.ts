import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { personWithEverything, PERSONAL } from '../factories/rights.ts';
import {
	archivePerson,
	askErasure,
	erasePerson,
	erasePersonData,
	listErasureRequests,
	ownErasureRequest,
	personReferences,
	refuseErasure
} from '../../src/lib/server/rights/index.ts';
import { getMutualAidReach } from '../../src/lib/server/aid/index.ts';
import { aidLink, aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { peopleOrganisation, peoplePerson } from '../../src/lib/server/people/schema.ts';
import { seedConsent } from '../../src/lib/server/people/index.ts';
import { authSession, authUser } from '../../src/lib/server/auth/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { rightsErasureRequest } from '../../src/lib/server/rights/schema.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../src/lib/server/core/errors.ts';

// Erasure (art. 17): every figure of getMutualAidReach identical before and after, no personal value
// left in the person's row or any row that references it, one audit row; the scope around it; a
// public body's archive; a resident's erasure request.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db);
const place = { organisationId: org.id, areaId: area.id };
const facilitator = await makeActor(db, 'facilitator', place);
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const otherCoordinator = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const as = (a: { actor: Parameters<typeof ctxFor>[1] }) => ctxFor(db, a.actor);
const worker = { personId: facilitator.person.id, userId: facilitator.user.id };

let seq = 0;
/** A person; `interculturalConsent` gives them the purpose intercultural's consent (people_consent). */
async function person({ interculturalConsent, ...facts }: Partial<typeof peoplePerson.$inferInsert> & { interculturalConsent?: boolean } = {}) {
	const [p] = await db
		.insert(peoplePerson)
		.values({ firstName: `P${++seq}`, ...place, ...facts })
		.returning();
	if (interculturalConsent) await seedConsent(db, [p!.id], 'intercultural');
	return p!.id;
}

/** A link made (both yeses) at `made`, on a need of `needPerson` and an offer of `offerPerson`. */
async function link(needPerson: string, offerPerson: string, made: string, extra: Partial<typeof aidLink.$inferInsert> = {}) {
	const [need] = await db
		.insert(aidNeed)
		.values({ personId: needPerson, category: 'errands', title: 'Need', ...place })
		.returning();
	const [offer] = await db
		.insert(aidOffer)
		.values({ personId: offerPerson, category: 'errands', title: 'Offer', capacity: 5, ...place })
		.returning();
	const at = new Date(made);
	await db
		.insert(aidLink)
		.values({ needId: need!.id, offerId: offer!.id, ...place, status: 'accepted', needAcceptedAt: at, offerAcceptedAt: at, ...extra });
}

const PERIODS = [
	{ from: '2024-01-01', to: '2024-12-31' },
	{ from: '2025-01-01', to: '2025-12-31' },
	{ from: '2025-03-01', to: '2025-06-30' },
	{ from: '2024-06-01', to: '2026-05-31' }
];
const allFigures = async () => {
	const ctx = as(coordinator);
	const out = [];
	for (const p of PERIODS) for (const areaId of [null, area.id]) out.push(await getMutualAidReach(ctx, { ...p, areaId }));
	return out;
};

/** The person's rows and every row that references them (and their links' rows), as one text to search. */
async function everythingAbout(ids: string[]) {
	const parts: unknown[] = [];
	const any = sql`ANY(${sql.param(ids)}::uuid[])`;
	parts.push((await db.execute(sql`SELECT to_jsonb(p) AS r FROM people_person p WHERE id = ${any}`)).rows);
	for (const { table, column } of await personReferences(db))
		parts.push((await db.execute(sql`SELECT to_jsonb(x) AS r FROM ${sql.identifier(table)} x WHERE ${sql.identifier(column)} = ${any}`)).rows);
	parts.push(
		(
			await db.execute(sql`
			SELECT to_jsonb(l) AS r FROM aid_link l WHERE need_id IN (SELECT id FROM aid_need WHERE person_id = ${any}) OR offer_id IN (SELECT id FROM aid_offer WHERE person_id = ${any})
			UNION ALL SELECT to_jsonb(f) FROM aid_feedback f JOIN aid_link l ON l.id = f.link_id JOIN aid_need n ON n.id = l.need_id WHERE n.person_id = ${any}
			UNION ALL SELECT to_jsonb(h) FROM people_household h WHERE id IN (SELECT household_id FROM people_household_member WHERE person_id = ${any})`)
		).rows
	);
	return JSON.stringify(parts);
}

describe('erasePerson', () => {
	it('removes every personal value and keeps every figure identical, over several periods and areas', async () => {
		const s = await personWithEverything(db, place, worker);
		// The person in enough links for the figures to show (groups under 5 are suppressed): as the one
		// helped (intergenerational, intercultural by origin) and as a volunteer (repeat links, active).
		for (let i = 0; i < 6; i++)
			await link(
				s.id,
				await person({ ageGroup: '65_plus', interculturalConsent: true, originGroup: 'belgium', student: i % 2 === 0 }),
				`2025-0${3 + (i % 4)}-1${i}T10:00:00Z`
			);
		const residents = [];
		for (let i = 0; i < 6; i++) residents.push(await person({ ageGroup: '0_17', interculturalConsent: true, languages: ['fr'] }));
		for (const r of residents) await link(r, s.id, '2024-02-01T10:00:00Z', { status: 'closed', closedAt: new Date('2024-03-01T10:00:00Z') });
		for (const r of residents) await link(r, s.id, '2025-05-01T10:00:00Z');
		for (let i = 0; i < 5; i++) await link(await person(), await person(), '2025-07-01T10:00:00Z');

		const before = await allFigures();
		// The figures do count this person (else the comparison would prove nothing).
		// 2025, all areas: 18 links made, 13 of them intergenerational through this person, 6 repeats.
		expect(before[2]!.figures).toMatchObject({ linksMade: { value: 18 }, intergenerational: { value: 13 }, repeatLinks: { value: 6 } });
		expect(await everythingAbout([s.id, s.merged.id])).toContain(PERSONAL.relationshipNote);

		const out = await erasePerson(as(coordinator), { id: s.id, reason: 'Asked at the office hour' });
		expect(out).toMatchObject({ erased: true, accountDeleted: true });

		expect(await allFigures()).toEqual(before);
		const text = await everythingAbout([s.id, s.merged.id]);
		for (const [what, value] of Object.entries(PERSONAL)) expect(text, what).not.toContain(value);
		expect(text).not.toContain(s.resident.email);
		const [row] = await db.select().from(peoplePerson).where(eq(peoplePerson.id, s.id));
		expect(row).toMatchObject({ firstName: '—', lastName: null, email: null, phone: null, userId: null });
		// The statistical attributes the activities' reach counts stay on the shell (docs/architecture.md "Reach").
		expect(row).toMatchObject({ birthYear: 1987, countryOfOrigin: 'MA' });
		expect(row!.erasedAt).toBeInstanceOf(Date);
		// Signed out and gone: the account, its sessions.
		expect(await db.select().from(authUser).where(eq(authUser.id, s.resident.user.id))).toEqual([]);
		expect(await db.select().from(authSession).where(eq(authSession.userId, s.resident.user.id))).toEqual([]);
		// One audit row: who, when, why; nothing of the person.
		const rows = await db
			.select()
			.from(coreAudit)
			.where(and(eq(coreAudit.entityId, s.id), eq(coreAudit.action, 'delete')));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ actorUserId: coordinator.user.id, reason: 'Asked at the office hour' });
		expect(JSON.stringify(rows[0]!.details)).not.toContain(PERSONAL.firstName);
		await expect(erasePerson(as(coordinator), { id: s.id, reason: 'Again' })).rejects.toBeInstanceOf(ConflictError);
	});

	it('refuses another organisation (404), a role without the right (403) and bad input (422), changing nothing', async () => {
		const s = await personWithEverything(db, place, worker);
		const snapshot = () => everythingAbout([s.id, s.merged.id]);
		const before = await snapshot();
		await expect(erasePerson(as(otherCoordinator), { id: s.id, reason: 'Not mine' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(erasePerson(as(facilitator), { id: s.id, reason: 'No right' })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(erasePerson(as(s.resident), { id: s.id, reason: 'Myself' })).rejects.toBeInstanceOf(ForbiddenError);
		const path = `/people/${s.id}/erase`;
		expect((await apiCall(otherCoordinator.actor, { method: 'POST', path, body: { reason: 'Not mine' } })).status).toBe(404);
		expect((await apiCall(facilitator.actor, { method: 'POST', path, body: { reason: 'No right' } })).status).toBe(403);
		const bad = await apiCall(coordinator.actor, { method: 'POST', path, body: { reason: '' } });
		expect(bad.status).toBe(422);
		expect(bad.body).toMatchObject({ code: 'error_invalid', errors: { reason: expect.any(String) } });
		const huge = await apiCall(coordinator.actor, { method: 'POST', path, body: { reason: 'x'.repeat(2000) } });
		expect(huge.status).toBe(422);
		expect(await snapshot()).toBe(before);
		expect(await db.select().from(authUser).where(eq(authUser.id, s.resident.user.id))).toHaveLength(1);
	});
});

describe('erasePersonData (the retention job’s door)', () => {
	it('erases in the caller’s transaction, checks no right and writes no audit row of its own', async () => {
		const s = await personWithEverything(db, place, worker);
		const audits = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(coreAudit))[0]!.n;
		const before = await audits();
		const counts = await db.transaction((tx) => erasePersonData(tx as unknown as typeof db, s.id, 'Retention: not seen for 2 years'));
		expect(counts.accountDeleted).toBe(true);
		expect(counts.records).toBeGreaterThan(10);
		expect(await audits()).toBe(before);
		const text = await everythingAbout([s.id, s.merged.id]);
		for (const [what, value] of Object.entries(PERSONAL)) expect(text, what).not.toContain(value);
	});
});

describe('archivePerson', () => {
	it('is only for organisations under public task, and leaves the record in place, read-only', async () => {
		const s = await personWithEverything(db, place, worker);
		await expect(archivePerson(as(coordinator), { id: s.id, reason: 'Legal period' })).rejects.toBeInstanceOf(ConflictError);
		const city = await makeOrganisation(db);
		await db.update(peopleOrganisation).set({ lawfulBasis: 'public_task' }).where(eq(peopleOrganisation.id, city.id));
		const cityCoordinator = await makeActor(db, 'coordinator', { organisationId: city.id });
		const c = await personWithEverything(db, { organisationId: city.id, areaId: area.id }, worker);
		await expect(archivePerson(as(coordinator), { id: c.id, reason: 'Not mine' })).rejects.toBeInstanceOf(NotFoundError);
		await archivePerson(as(cityCoordinator), { id: c.id, reason: 'Legal period' });
		const [row] = await db.select().from(peoplePerson).where(eq(peoplePerson.id, c.id));
		expect(row!.archivedAt).toBeInstanceOf(Date);
		expect(row!.firstName).toBe(PERSONAL.firstName);
		await expect(archivePerson(as(cityCoordinator), { id: c.id, reason: 'Again' })).rejects.toBeInstanceOf(ConflictError);
	});
});

describe('erasure requests', () => {
	it('a resident asks, the organisation’s coordinators see it and refuse or carry it out, the resident sees the state', async () => {
		const s = await personWithEverything(db, place, worker);
		const mine = as(s.resident);
		const first = await askErasure(mine);
		expect(first.created).toBe(true);
		expect(await askErasure(mine)).toEqual({ id: first.id, created: false });
		expect(await ownErasureRequest(mine)).toMatchObject({ handledAt: null, outcome: null });

		expect((await listErasureRequests(as(coordinator))).items.map((r) => r.id)).toContain(first.id);
		expect((await listErasureRequests(as(otherCoordinator))).items.map((r) => r.id)).not.toContain(first.id);
		await expect(listErasureRequests(mine)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(refuseErasure(as(otherCoordinator), { requestId: first.id, reason: 'Not mine' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(refuseErasure(as(facilitator), { requestId: first.id, reason: 'No right' })).rejects.toBeInstanceOf(ForbiddenError);

		await refuseErasure(as(coordinator), { requestId: first.id, reason: 'A legal duty to keep it for 5 years' });
		expect(await ownErasureRequest(mine)).toMatchObject({ outcome: 'refused', outcomeReason: 'A legal duty to keep it for 5 years' });

		const second = await askErasure(mine);
		expect(second.created).toBe(true);
		await erasePerson(as(coordinator), { id: s.id, reason: 'Asked from the account' });
		const [done] = await db.select().from(rightsErasureRequest).where(eq(rightsErasureRequest.id, second.id));
		expect(done).toMatchObject({ outcome: 'erased', handledByUserId: coordinator.user.id });
		expect(done!.handledAt).toBeInstanceOf(Date);
	});
});
