import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { personWithEverything, PERSONAL } from '../factories/rights.ts';
import { consultationLog, exportOwnData, exportPerson, personReferences, ERASURE_DECISIONS } from '../../src/lib/server/rights/index.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { ForbiddenError, NotFoundError } from '../../src/lib/server/core/errors.ts';

// The export (art. 15/20): every table that references a person, found from the database's foreign
// keys; the consultation log (who, when, in which role), itself audited; and the scope around it.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db);
const place = { organisationId: org.id, areaId: area.id };
const facilitator = await makeActor(db, 'facilitator', place);
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const outreach = await makeActor(db, 'outreach', place);
const otherCoordinator = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const subject = await personWithEverything(db, place, { personId: facilitator.person.id, userId: facilitator.user.id });
const as = (a: { actor: Parameters<typeof ctxFor>[1] }) => ctxFor(db, a.actor);
const auditCount = async (part: string) =>
	(
		await db
			.select({ n: sql<number>`count(*)::int` })
			.from(coreAudit)
			.where(and(eq(coreAudit.entityId, subject.id), sql`${coreAudit.details}->>'part' = ${part}`))
	)[0]!.n;

describe('exportPerson', () => {
	it('holds a row of every table that references a person, and an erasure decision for each reference', async () => {
		const refs = await personReferences(db);
		// The catalog must see the real schema: a dozen modules' tables reference people today.
		expect(refs.length).toBeGreaterThan(10);
		const x = await exportPerson(as(coordinator), { id: subject.id });
		for (const { table } of refs) {
			if (table === 'people_person') continue;
			// A new table that references people: give it a row in tests/factories/rights.ts and decide its erasure.
			expect(x.records[table]?.length ?? 0, `export of ${table}`).toBeGreaterThan(0);
		}
		expect(Object.keys(ERASURE_DECISIONS).sort()).toEqual(refs.map((r) => `${r.table}.${r.column}`).sort());
	});

	it('gives the person, what is reached through their rows, their account and the merged record', async () => {
		const x = await exportPerson(as(facilitator), { id: subject.id });
		expect(x.person).toMatchObject({ first_name: PERSONAL.firstName, email: PERSONAL.email, birth_year: 1987, country_of_origin: 'MA' });
		expect(x.recordIds.sort()).toEqual([subject.id, subject.merged.id].sort());
		expect(x.related.people_person_merged?.[0]).toMatchObject({ first_name: PERSONAL.mergedName, email: PERSONAL.mergedEmail });
		expect(x.related.aid_link?.map((l) => l.id)).toEqual([subject.link.id]);
		expect(x.related.aid_feedback_received?.map((f) => f.comment)).toEqual([PERSONAL.otherFeedback]);
		expect(x.related.people_household?.[0]).toMatchObject({ name: PERSONAL.household });
		// Every text version the person agreed to (the contact text of this test, and intercultural's default).
		expect(x.related.people_purpose_text?.find((t) => (t.texts as Record<string, string>).nl === 'We bellen u over uw vraag.')).toMatchObject({
			version: 1
		});
		expect(x.account?.user).toMatchObject({ email: subject.resident.email });
		expect(x.account?.sessions[0]).toMatchObject({ ip_address: '192.0.2.7' });
		expect(x.account?.logins[0]).toMatchObject({ provider_id: 'credential' });
		// Keys to the account are not data about the person: never in the file.
		const text = JSON.stringify(x);
		for (const secret of ['"password"', '"token_hash"', `t-${subject.id}`, `hash-${subject.id}`]) expect(text).not.toContain(secret);
	});

	it('includes the consultation log with who, when and the role, the merged record’s rows too', async () => {
		const x = await exportPerson(as(coordinator), { id: subject.id });
		const reads = x.consultationLog.filter(
			(e) => e.entity === 'people_person' && e.entityId === subject.id && e.action === 'read' && e.reason === 'Office hour'
		);
		expect(reads).toHaveLength(1);
		expect(reads[0]).toMatchObject({ actor: facilitator.user.name, roles: 'facilitator' });
		expect(x.consultationLog.some((e) => e.entityId === subject.merged.id && e.action === 'update')).toBe(true);
		expect(x.consultationLog.some((e) => e.entity === 'aid_need' && e.entityId === subject.need.id)).toBe(true);
		// Newest first.
		const times = x.consultationLog.map((e) => e.at);
		expect([...times].sort().reverse()).toEqual(times);
	});

	it('writes an audit row for each export, and one for each read of the consultation log', async () => {
		const [exports, logs] = [await auditCount('export'), await auditCount('consultation_log')];
		await exportPerson(as(coordinator), { id: subject.id });
		const page = await consultationLog(as(facilitator), { id: subject.id, limit: 2 });
		expect(page.items).toHaveLength(2);
		expect(page.nextCursor).not.toBeNull();
		const next = await consultationLog(as(facilitator), { id: subject.id, limit: 2, cursor: page.nextCursor! });
		expect(next.items[0]!.at <= page.items[1]!.at).toBe(true);
		expect(next.items.map((e) => e.id)).not.toContain(page.items[1]!.id);
		expect(await auditCount('export')).toBe(exports + 1);
		expect(await auditCount('consultation_log')).toBe(logs + 2);
		// The reading of the log is in the log, with who read it.
		const latest = await consultationLog(as(coordinator), { id: subject.id, limit: 1 });
		expect(latest.items[0]).toMatchObject({ action: 'read', actor: facilitator.user.name });
	});

	it('refuses another organisation (404) and a role without the right (403), through the API too', async () => {
		await expect(exportPerson(as(otherCoordinator), { id: subject.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(consultationLog(as(otherCoordinator), { id: subject.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(exportPerson(as(outreach), { id: subject.id })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(exportPerson(as(subject.resident), { id: subject.id })).rejects.toBeInstanceOf(ForbiddenError);
		const before = await auditCount('export');
		expect((await apiCall(otherCoordinator.actor, { path: `/people/${subject.id}/export` })).status).toBe(404);
		expect((await apiCall(outreach.actor, { path: `/people/${subject.id}/export` })).status).toBe(403);
		const bad = await apiCall(coordinator.actor, { path: '/people/not-an-id/export' });
		expect(bad.status).toBeGreaterThanOrEqual(400);
		expect(bad.status).toBeLessThan(500);
		expect(await auditCount('export')).toBe(before);
	});

	it('gives a resident their own export, and nothing of anyone else', async () => {
		const own = await exportOwnData(as(subject.resident));
		expect(own.personId).toBe(subject.id);
		expect(own.person.first_name).toBe(PERSONAL.firstName);
		const other = await exportOwnData(as(facilitator));
		expect(other.personId).toBe(facilitator.person.id);
		expect(JSON.stringify(other)).not.toContain(PERSONAL.lastName);
	});
});
