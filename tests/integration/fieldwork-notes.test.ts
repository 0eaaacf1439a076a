import { describe, expect, it } from 'vitest';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { registerPerson, mergePeople } from '../../src/lib/server/people/index.ts';
import { erasePerson } from '../../src/lib/server/rights/index.ts';
import { fieldworkContact, fieldworkContactParty } from '../../src/lib/server/fieldwork/schema.ts';
import { getContact, listContacts, logContact, readContactNote } from '../../src/lib/server/fieldwork/index.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import type { Actor } from '../../src/lib/server/core/context.ts';

// Reading contacts: the neighbourhood's wall (lists and ids, verbs and API), the note for the author's
// team only with a second factor (TWO_FACTOR=required, the production default), every read audited,
// and what an erasure or a merge of a person on a contact leaves.

process.env.TWO_FACTOR = 'required';

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const [areaA, areaB] = [await makeArea(db), await makeArea(db)];
const enrolled = (a: Actor): Actor => ({ ...a, secondFactor: true });
const workerA = enrolled((await makeActor(db, 'facilitator', { organisationId: org.id, areaId: areaA.id })).actor);
const colleagueA = enrolled((await makeActor(db, 'outreach', { organisationId: org.id, areaId: areaA.id })).actor);
const workerB = enrolled((await makeActor(db, 'facilitator', { organisationId: org.id, areaId: areaB.id })).actor);
const coordinator = enrolled((await makeActor(db, 'coordinator', { organisationId: org.id })).actor);
const admin = enrolled((await makeActor(db, 'admin', { organisationId: org.id })).actor);
const stranger = enrolled((await makeActor(db, 'coordinator', { organisationId: otherOrg.id })).actor);
const volunteer = (await makeActor(db, 'volunteer', { organisationId: org.id, areaId: areaA.id })).actor;
const unenrolled = (await makeActor(db, 'facilitator', { organisationId: org.id, areaId: areaA.id })).actor;
const a = ctxFor(db, workerA);

const NOTE = 'Worried about the rent; the landlord threatens eviction.';
const person = (firstName: string) => registerPerson(a, { firstName, organisationId: org.id, areaId: areaA.id });
const amina = await person('Amina');
const contactA = await logContact(a, {
	organisationId: org.id,
	areaId: areaA.id,
	type: 'home_visit',
	durationMinutes: 45,
	themes: ['housing'],
	people: [{ personId: amina.id }],
	note: NOTE
});
const contactB = await logContact(ctxFor(db, workerB), {
	organisationId: org.id,
	areaId: areaB.id,
	type: 'street',
	durationMinutes: 20,
	themes: ['leisure'],
	anonymousCount: 5
});

const noteReads = async (id: string) =>
	(
		(await db
			.select({ n: count() })
			.from(coreAudit)
			.where(and(eq(coreAudit.entityId, id), eq(coreAudit.action, 'read'), sql`${coreAudit.details}->>'part' = 'note'`))) as [{ n: number }]
	)[0].n;

const refused = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		return (e as { status: number }).status;
	}
	throw new Error('not refused');
};

describe('listing and reading contacts', () => {
	it('lists only the neighbourhood’s contacts; the coordinator sees both; another organisation none', async () => {
		const ids = async (actor: Actor) => (await listContacts(ctxFor(db, actor), {})).items.map((c) => c.id);
		expect(await ids(workerA)).toEqual([contactA.id]);
		expect(await ids(workerB)).toEqual([contactB.id]);
		expect((await ids(coordinator)).sort()).toEqual([contactA.id, contactB.id].sort());
		expect(await ids(stranger)).toEqual([]);
		expect((await listContacts(a, { mine: true, type: 'home_visit', theme: 'housing', personId: amina.id })).items.map((c) => c.id)).toEqual([
			contactA.id
		]);
		expect((await listContacts(a, { theme: 'income' })).items).toEqual([]);
	});

	it('pages with a cursor, newest first, without repeating', async () => {
		for (const m of [1, 2, 3])
			await logContact(a, {
				organisationId: org.id,
				areaId: areaA.id,
				type: 'phone',
				durationMinutes: m,
				themes: ['other'],
				anonymousCount: 1,
				startedAt: new Date(Date.now() - m * 3_600_000).toISOString()
			});
		const first = await listContacts(a, { type: 'phone', limit: 2 });
		const second = await listContacts(a, { type: 'phone', limit: 2, cursor: first.nextCursor! });
		expect([...first.items, ...second.items].map((c) => c.durationMinutes)).toEqual([1, 2, 3]);
		expect(second.nextCursor).toBeNull();
	});

	it('answers another neighbourhood’s contact as an unknown one (verb and API), and refuses a volunteer', async () => {
		expect(await refused(getContact(a, { id: contactB.id }))).toBe(404);
		expect(await refused(getContact(ctxFor(db, stranger), { id: contactA.id }))).toBe(404);
		expect(await refused(listContacts(ctxFor(db, volunteer), {}))).toBe(403);
		expect((await apiCall(workerA, { path: `/contacts/${contactB.id}` })).status).toBe(404);
		expect((await apiCall(workerA, { path: `/contacts/${crypto.randomUUID()}` })).status).toBe(404);
		const listed = await apiCall(workerA, { path: `/contacts?areaId=${areaB.id}` });
		expect([listed.status, listed.body.items]).toEqual([200, []]);
		expect((await apiCall(volunteer, { path: '/contacts' })).status).toBe(403);
	});

	it('refuses bad input through the API with a message in the caller’s language and writes nothing', async () => {
		const [before] = await db.select({ n: count() }).from(fieldworkContact);
		const res = await apiCall(
			workerA,
			{ method: 'POST', path: '/contacts', body: { organisationId: org.id, areaId: areaA.id, type: 'street', durationMinutes: -5, themes: ['x'] } },
			'nl'
		);
		expect(res.status).toBe(422);
		expect(JSON.stringify(res.body)).toContain('De duur is tussen 1 en 720 minuten.');
		const other = await apiCall(workerA, {
			method: 'POST',
			path: '/contacts',
			body: { organisationId: org.id, areaId: areaB.id, type: 'street', durationMinutes: 5, themes: ['leisure'], anonymousCount: 1 }
		});
		expect(other.status).toBe(403);
		const [after] = await db.select({ n: count() }).from(fieldworkContact);
		expect(after!.n).toBe(before!.n);
	});

	it('answers a resend through the API with 200 and the first contact', async () => {
		const body = {
			clientId: crypto.randomUUID(),
			organisationId: org.id,
			areaId: areaA.id,
			type: 'street',
			durationMinutes: 5,
			themes: ['leisure'],
			anonymousCount: 2
		};
		const first = await apiCall(workerA, { method: 'POST', path: '/contacts', body });
		const again = await apiCall(workerA, { method: 'POST', path: '/contacts', body });
		expect([first.status, again.status]).toEqual([201, 200]);
		expect(again.body.id).toBe(first.body.id);
		expect(first.headers.get('location')).toBe(`/api/v1/contacts/${first.body.id}`);
		const changed = await apiCall(workerA, { method: 'POST', path: '/contacts', body: { ...body, anonymousCount: 3 } });
		expect(changed.status).toBe(422);
	});
});

describe('the note', () => {
	it('is read by the author’s team (the author, a colleague, the org-wide coordinator), each read audited', async () => {
		for (const actor of [workerA, colleagueA, coordinator]) {
			const before = await noteReads(contactA.id);
			expect((await readContactNote(ctxFor(db, actor), { id: contactA.id })).note).toBe(NOTE);
			expect((await getContact(ctxFor(db, actor), { id: contactA.id })).note).toBe(NOTE);
			expect(await noteReads(contactA.id)).toBe(before + 2);
		}
	});

	it('is refused to another neighbourhood, another organisation, the admin and a worker without a second factor', async () => {
		const before = await noteReads(contactA.id);
		expect(await refused(readContactNote(ctxFor(db, workerB), { id: contactA.id }))).toBe(404);
		expect(await refused(readContactNote(ctxFor(db, stranger), { id: contactA.id }))).toBe(404);
		expect(await refused(readContactNote(ctxFor(db, admin), { id: contactA.id }))).toBe(403);
		expect(await refused(readContactNote(ctxFor(db, unenrolled), { id: contactA.id }))).toBe(403);
		// The admin reads the contact, but not its note.
		const seen = await getContact(ctxFor(db, admin), { id: contactA.id });
		expect([seen.note, seen.noteHidden, seen.people.length]).toEqual([null, true, 1]);
		expect(await noteReads(contactA.id)).toBe(before);
	});

	it('names only the people the reader may read', async () => {
		const seen = await getContact(a, { id: contactA.id });
		expect(seen.people).toEqual([{ personId: amina.id, firstName: 'Amina' }]);
	});
});

describe('a person on a contact', () => {
	it('is erased without changing the contacts, their people or their hours; the note is gone', async () => {
		const youssef = await person('Youssef');
		const c = await logContact(a, {
			organisationId: org.id,
			areaId: areaA.id,
			type: 'office_hours',
			durationMinutes: 60,
			themes: ['income'],
			people: [{ personId: youssef.id }],
			note: 'Youssef told about his debts.'
		});
		const figures = async () => {
			const [row] = await db
				.select({
					contacts: sql<number>`count(distinct ${fieldworkContact.id})::int`,
					minutes: sql<number>`sum(${fieldworkContact.durationMinutes})::int`
				})
				.from(fieldworkContact);
			const [people] = await db.select({ n: count() }).from(fieldworkContactParty).where(eq(fieldworkContactParty.role, 'with'));
			return { ...row!, people: people!.n };
		};
		const before = await figures();
		await erasePerson(ctxFor(db, admin), { id: youssef.id, reason: 'Asked at the office hour' });
		expect(await figures()).toEqual(before);
		const [after] = await db.select({ note: fieldworkContact.note }).from(fieldworkContact).where(eq(fieldworkContact.id, c.id));
		expect(after!.note).toBeNull();
	});

	it('is merged with a duplicate on the same contact: one party row stays', async () => {
		const [one, two] = [await person('Samira'), await person('Samira')];
		const c = await logContact(a, {
			organisationId: org.id,
			areaId: areaA.id,
			type: 'group',
			durationMinutes: 90,
			themes: ['language'],
			people: [{ personId: one.id }, { personId: two.id }]
		});
		await mergePeople(ctxFor(db, admin), { id: two.id, into: one.id });
		const parties = await db
			.select({ personId: fieldworkContactParty.personId })
			.from(fieldworkContactParty)
			.where(and(eq(fieldworkContactParty.contactId, c.id), inArray(fieldworkContactParty.role, ['with'])));
		expect(parties).toEqual([{ personId: one.id }]);
	});
});
