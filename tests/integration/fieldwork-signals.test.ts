import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import {
	fieldworkContact,
	fieldworkContactParty,
	fieldworkQuestion,
	fieldworkSignal,
	fieldworkSignalEvent,
	fieldworkSignalEvidence
} from '../../src/lib/server/fieldwork/schema.ts';
import { countEvidence, createSignal, getSignal, linkSignalEvidence, listSignals, updateSignal } from '../../src/lib/server/fieldwork/index.ts';
// The SQL twin of the evidence count, reached inside the module (tests may): it is no door of its own.
import { evidenceCounts } from '../../src/lib/server/fieldwork/signals.ts';
import { apiCall } from '../factories/api.ts';
import type { Theme } from '../../src/lib/themes.ts';

// Signals on a real PostgreSQL. Contacts and questions are inserted as rows: their verbs live on other branches.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const other = await makeOrganisation(db);
const [a, b] = [await makeArea(db, 'Rabot'), await makeArea(db, 'Muide')];
const admin = await makeActor(db, 'admin');
const workerA = await makeActor(db, 'coordinator', { organisationId: org.id, areaId: a.id });
const workerB = await makeActor(db, 'coordinator', { organisationId: org.id, areaId: b.id });
const outsider = await makeActor(db, 'coordinator', { organisationId: other.id, areaId: a.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: a.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: a.id });
const asA = ctxFor(db, workerA.actor);
const asB = ctxFor(db, workerB.actor);
const person = async (organisationId: string, areaId: string) =>
	(await registerPerson(ctxFor(db, admin.actor), { firstName: 'Mila', organisationId, areaId })).id;

async function contact(
	organisationId: string,
	areaId: string,
	people: string[],
	anonymousCount = 0,
	startedAt = new Date('2026-11-10T10:00:00Z'),
	themes: Theme[] = ['income']
) {
	const [c] = await db
		.insert(fieldworkContact)
		.values({ organisationId, areaId, type: 'home_visit', startedAt, durationMinutes: 30, themes, anonymousCount, note: 'Secret note' })
		.returning({ id: fieldworkContact.id });
	if (people.length) await db.insert(fieldworkContactParty).values(people.map((personId) => ({ contactId: c!.id, role: 'with' as const, personId })));
	return c!.id;
}
async function question(organisationId: string, areaId: string, personId: string | null) {
	const [q] = await db
		.insert(fieldworkQuestion)
		.values({ organisationId, areaId, personId, title: 'Energy bill', theme: 'income' })
		.returning({ id: fieldworkQuestion.id });
	return q!.id;
}
const newSignal = (ctx = asA, areaId = a.id) =>
	createSignal(ctx, {
		organisationId: org.id,
		areaId,
		theme: 'income',
		title: 'The welfare office only takes appointments online',
		description: 'Seen at many visits'
	});
const evidenceRows = async (signalId: string) =>
	(await db.select().from(fieldworkSignalEvidence).where(eq(fieldworkSignalEvidence.signalId, signalId))).length;

describe('signals', () => {
	it('counts distinct people: a person on two contacts and a question counts once; anonymous counts add', async () => {
		const s = await newSignal();
		const [p1, p2] = [await person(org.id, a.id), await person(org.id, a.id)];
		const c1 = await contact(org.id, a.id, [p1, p2]);
		const c2 = await contact(org.id, a.id, [p1], 6, new Date('2026-11-20T10:00:00Z'));
		const q1 = await question(org.id, a.id, p2);
		await linkSignalEvidence(asA, { id: s.id, contactIds: [c1, c2], questionIds: [q1] });
		// Linking twice is idempotent.
		expect((await linkSignalEvidence(asA, { id: s.id, contactIds: [c1], questionIds: [] })).linked).toBe(0);
		const got = await getSignal(asA, { id: s.id });
		expect([got.people, got.contacts, got.questions]).toEqual([2 + 6, 2, 1]);
		expect(JSON.stringify(got)).not.toContain('Secret note');
		expect(JSON.stringify(got)).not.toContain('Mila');
	});

	it('the SQL count and the pure count agree on the same rows', async () => {
		const s = await newSignal();
		const ps = [await person(org.id, a.id), await person(org.id, a.id), await person(org.id, a.id)];
		const cs = [await contact(org.id, a.id, [ps[0]!, ps[1]!], 2), await contact(org.id, a.id, [ps[1]!], 0), await contact(org.id, a.id, [], 4)];
		const qs = [await question(org.id, a.id, ps[2]!), await question(org.id, a.id, ps[0]!), await question(org.id, a.id, null)];
		await linkSignalEvidence(asA, { id: s.id, contactIds: cs, questionIds: qs });
		const contacts = await db
			.select()
			.from(fieldworkContact)
			.where(sql`${fieldworkContact.id} in ${cs}`);
		const parties = await db
			.select()
			.from(fieldworkContactParty)
			.where(sql`${fieldworkContactParty.contactId} in ${cs}`);
		const questions = await db
			.select()
			.from(fieldworkQuestion)
			.where(sql`${fieldworkQuestion.id} in ${qs}`);
		const pure = countEvidence(
			contacts.map((c) => ({
				id: c.id,
				startedAt: c.startedAt,
				anonymousCount: c.anonymousCount,
				personIds: parties.filter((p) => p.contactId === c.id && p.role === 'with').map((p) => p.personId!)
			})),
			questions.map((q) => ({ id: q.id, createdAt: q.createdAt, personId: q.personId }))
		);
		const twin = (await evidenceCounts(asA, [s.id])).get(s.id)!;
		expect(twin).toEqual(pure);
		expect(twin.people).toBe(3 + 6);
	});

	it('ranks the list by people behind a signal', async () => {
		const list = await listSignals(asA, {});
		const people = list.map((s) => s.people);
		expect(people).toEqual([...people].sort((x, y) => y - x));
		expect(people[0]).toBe(9);
	});

	it('refuses skipped steps and steps without their fields, changing nothing', async () => {
		const s = await newSignal();
		await expect(updateSignal(asA, { id: s.id, status: 'escalated', escalatedTo: 'OCMW', escalatedOn: '2026-11-30' })).rejects.toMatchObject({
			status: 422,
			fields: { status: 'fw_signal_error_substantiate_first' }
		});
		// Substantiated needs evidence.
		await expect(updateSignal(asA, { id: s.id, status: 'substantiated' })).rejects.toMatchObject({
			fields: { status: 'fw_signal_error_substantiate_first' }
		});
		await linkSignalEvidence(asA, { id: s.id, contactIds: [await contact(org.id, a.id, [], 3)] });
		await updateSignal(asA, { id: s.id, status: 'substantiated' });
		await expect(updateSignal(asA, { id: s.id, status: 'escalated' })).rejects.toMatchObject({
			fields: { escalatedTo: 'fw_signal_error_escalated_to', escalatedOn: 'fw_signal_error_escalated_on' }
		});
		await updateSignal(asA, { id: s.id, status: 'escalated', escalatedTo: 'OCMW Gent', escalatedOn: '2026-11-30' });
		await expect(updateSignal(asA, { id: s.id, status: 'closed' })).rejects.toMatchObject({ fields: { status: 'fw_signal_error_step' } });
		const [row] = await db.select().from(fieldworkSignal).where(eq(fieldworkSignal.id, s.id));
		expect([row!.status, row!.escalatedTo, row!.escalatedOn]).toEqual(['escalated', 'OCMW Gent', '2026-11-30']);
		const events = await db.select().from(fieldworkSignalEvent).where(eq(fieldworkSignalEvent.signalId, s.id));
		expect(events.map((e) => e.toStatus)).toEqual(['noted', 'substantiated', 'escalated']);
	});

	it('keeps neighbourhood B’s signals from a worker of A: 404 as for an unknown id', async () => {
		const sB = await newSignal(asB, b.id);
		await expect(getSignal(asA, { id: sB.id })).rejects.toMatchObject({ status: 404 });
		await expect(updateSignal(asA, { id: sB.id, title: 'Mine now' })).rejects.toMatchObject({ status: 404 });
		await expect(getSignal(ctxFor(db, outsider.actor), { id: sB.id })).rejects.toMatchObject({ status: 404 });
		expect((await listSignals(asA, {})).some((s) => s.id === sB.id)).toBe(false);
		await expect(newSignal(asA, b.id)).rejects.toMatchObject({ status: 422, fields: { areaId: 'fw_signal_error_place' } });
	});

	it('answers 404 through the API for B’s ids and 422 in the caller’s language for a skipped step, changing nothing', async () => {
		const sB = await newSignal(asB, b.id);
		expect((await apiCall(workerA.actor, { path: `/signals/${sB.id}` })).status).toBe(404);
		expect((await apiCall(workerA.actor, { method: 'PATCH', path: `/signals/${sB.id}`, body: { title: 'x' } })).status).toBe(404);
		const cB = await contact(org.id, b.id, [], 2);
		const sA = await newSignal();
		expect((await apiCall(workerA.actor, { method: 'POST', path: `/signals/${sA.id}/evidence`, body: { contactIds: [cB] } })).status).toBe(404);
		expect(await evidenceRows(sA.id)).toBe(0);
		const res = await apiCall(
			workerA.actor,
			{ method: 'PATCH', path: `/signals/${sA.id}`, body: { status: 'escalated', escalatedTo: 'OCMW', escalatedOn: '2026-11-30' } },
			'nl'
		);
		expect(res.status).toBe(422);
		expect(res.text).toContain('Onderbouw het eerst');
		const [row] = await db.select().from(fieldworkSignal).where(eq(fieldworkSignal.id, sA.id));
		expect(row!.status).toBe('noted');
		expect((await apiCall(resident.actor, { path: '/signals' })).status).toBe(403);
	});

	it('refuses linking a contact of another neighbourhood or organisation: 404, nothing linked', async () => {
		const s = await newSignal();
		const mine = await contact(org.id, a.id, [], 2);
		const ofB = await contact(org.id, b.id, [], 2);
		const ofOther = await contact(other.id, a.id, [], 2);
		await expect(linkSignalEvidence(asA, { id: s.id, contactIds: [mine, ofB] })).rejects.toMatchObject({ status: 404 });
		await expect(linkSignalEvidence(asA, { id: s.id, contactIds: [ofOther] })).rejects.toMatchObject({ status: 404 });
		await expect(linkSignalEvidence(asA, { id: s.id, questionIds: [await question(org.id, b.id, null)] })).rejects.toMatchObject({ status: 404 });
		expect(await evidenceRows(s.id)).toBe(0);
	});

	it('shows residents and volunteers nothing: 403', async () => {
		const s = await newSignal();
		for (const who of [resident, volunteer]) {
			const ctx = ctxFor(db, who.actor);
			await expect(listSignals(ctx, {})).rejects.toMatchObject({ status: 403 });
			await expect(getSignal(ctx, { id: s.id })).rejects.toMatchObject({ status: 403 });
			await expect(newSignal(ctx)).rejects.toMatchObject({ status: 403 });
		}
	});
});
