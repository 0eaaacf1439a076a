import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import { connect } from '../../src/lib/server/db/client.ts';
import { loadActor } from '../../src/lib/server/access/index.ts';
import { fieldworkContact, fieldworkContactParty } from '../../src/lib/server/fieldwork/schema.ts';
import { logContact } from '../../src/lib/server/fieldwork/index.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';

// The contact log on a real PostgreSQL: the walls between organisations and neighbourhoods, each
// refused input changing nothing, and a resend (even two at the same moment) making one row.

const { db, url } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db);
const otherArea = await makeArea(db);
const worker = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const stranger = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });
const w = ctxFor(db, worker.actor);
const amina = await registerPerson(w, { firstName: 'Amina', organisationId: org.id, areaId: area.id });
const outsider = await registerPerson(ctxFor(db, stranger.actor), { firstName: 'Elsewhere', organisationId: otherOrg.id });

const base = { organisationId: org.id, areaId: area.id, type: 'home_visit' as const, durationMinutes: 30, themes: ['housing' as const] };

const rows = async () => ({
	contacts: ((await db.select({ n: count() }).from(fieldworkContact)) as [{ n: number }])[0].n,
	parties: ((await db.select({ n: count() }).from(fieldworkContactParty)) as [{ n: number }])[0].n,
	people: ((await db.select({ n: count() }).from(peoplePerson)) as [{ n: number }])[0].n
});

const refused = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		return e as { status: number; key: string; fields?: Record<string, string> };
	}
	throw new Error('not refused');
};

describe('logContact', () => {
	it('writes the contact, the recorder, the people met and a new person, marks them seen and audits', async () => {
		// Seen a year ago: the contact of a minute ago is the new "last seen" (the retention job reads it).
		await db
			.update(peoplePerson)
			.set({ lastSeenAt: new Date(Date.now() - 365 * 86_400_000) })
			.where(eq(peoplePerson.id, amina.id));
		const before = await rows();
		const at = new Date(Date.now() - 60_000).toISOString();
		const out = await logContact(w, {
			...base,
			startedAt: at,
			themes: ['housing', 'income'],
			people: [{ personId: amina.id }],
			newPeople: [{ firstName: 'Youssef' }]
		});
		expect(out.repeated).toBe(false);
		const after = await rows();
		expect(after).toEqual({ contacts: before.contacts + 1, parties: before.parties + 3, people: before.people + 1 });
		const parties = await db.select().from(fieldworkContactParty).where(eq(fieldworkContactParty.contactId, out.id));
		expect(parties.map((p) => p.role).sort()).toEqual(['recorder', 'with', 'with']);
		expect(parties.find((p) => p.role === 'recorder')?.userId).toBe(worker.user.id);
		const [seen] = await db.select({ at: peoplePerson.lastSeenAt }).from(peoplePerson).where(eq(peoplePerson.id, amina.id));
		expect(seen!.at.toISOString()).toBe(at);
		const newcomer = parties.find((p) => p.personId && p.personId !== amina.id)!;
		const [youssef] = await db.select().from(peoplePerson).where(eq(peoplePerson.id, newcomer.personId!));
		expect({ first: youssef!.firstName, last: youssef!.lastName, org: youssef!.organisationId, area: youssef!.areaId }).toEqual({
			first: 'Youssef',
			last: null,
			org: org.id,
			area: area.id
		});
		const [audited] = await db.select({ n: count() }).from(coreAudit).where(eq(coreAudit.entityId, out.id));
		expect(audited!.n).toBe(1);
	});

	it('refuses a person of another organisation and writes nothing', async () => {
		const before = await rows();
		const e = await refused(logContact(w, { ...base, people: [{ personId: outsider.id }], newPeople: [{ firstName: 'Never' }] }));
		expect(e.status).toBe(422);
		expect(e.fields?.people).toBe('fw_contact_error_person');
		expect(await rows()).toEqual(before);
	});

	it('refuses another neighbourhood, another organisation, a volunteer and a resident', async () => {
		const before = await rows();
		expect((await refused(logContact(w, { ...base, areaId: otherArea.id, anonymousCount: 2 }))).status).toBe(403);
		expect((await refused(logContact(w, { ...base, organisationId: otherOrg.id, areaId: null, anonymousCount: 2 }))).status).toBe(403);
		expect((await refused(logContact(ctxFor(db, volunteer.actor), { ...base, anonymousCount: 2 }))).status).toBe(403);
		expect((await refused(logContact(ctxFor(db, resident.actor), { ...base, anonymousCount: 2 }))).status).toBe(403);
		expect(await rows()).toEqual(before);
	});

	it.each([
		['duration −5', { durationMinutes: -5 }, 'durationMinutes', 'fw_contact_error_duration'],
		['duration 10 000', { durationMinutes: 10_000 }, 'durationMinutes', 'fw_contact_error_duration'],
		['two days ahead', { startedAt: new Date(Date.now() + 2 * 86_400_000).toISOString() }, 'startedAt', 'fw_contact_error_future'],
		['an unknown theme', { themes: ['astrology'] }, 'themes', 'fw_contact_error_theme'],
		['nobody', { anonymousCount: 0, people: [] }, 'people', 'fw_contact_error_nobody'],
		['10 000 anonymous', { anonymousCount: 10_000 }, 'anonymousCount', 'fw_contact_error_anonymous'],
		['a 4001-character note', { note: 'x'.repeat(4001) }, 'note', 'fw_contact_error_note'],
		['a 1 MB note', { note: 'x'.repeat(1_000_000) }, 'note', 'fw_contact_error_note']
	])('refuses %s with a message and writes nothing', async (_label, change, field, key) => {
		const before = await rows();
		const started = Date.now();
		const e = await refused(logContact(w, { ...base, people: [{ personId: amina.id }], ...change } as never));
		expect(Date.now() - started).toBeLessThan(2000);
		expect(e.status).toBe(422);
		expect(e.fields?.[field]).toBe(key);
		expect(await rows()).toEqual(before);
	});

	it('answers a resend with the same clientId with the first contact, and refuses another body', async () => {
		const clientId = randomUUID();
		const first = await logContact(w, { ...base, clientId, anonymousCount: 3 });
		const before = await rows();
		const again = await logContact(w, { ...base, clientId, anonymousCount: 3 });
		expect(again).toEqual({ id: first.id, clientId, repeated: true });
		const e = await refused(logContact(w, { ...base, clientId, anonymousCount: 4 }));
		expect([e.status, e.key]).toEqual([422, 'error_idempotency_key_reused']);
		expect(await rows()).toEqual(before);
	});

	it('makes one row of two resends arriving at the same moment on separate connections', async () => {
		const one = connect(url, 2);
		const two = connect(url, 2);
		try {
			const clientId = randomUUID();
			const before = await rows();
			const input = { ...base, clientId, people: [{ personId: amina.id }], newPeople: [{ firstName: 'Once' }] };
			const [a, b] = await Promise.all([
				logContact(ctxFor(one.db, (await loadActor(one.db, worker.user.id))!), input),
				logContact(ctxFor(two.db, (await loadActor(two.db, worker.user.id))!), input)
			]);
			expect(a.id).toBe(b.id);
			expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
			expect(await rows()).toEqual({ contacts: before.contacts + 1, parties: before.parties + 3, people: before.people + 1 });
		} finally {
			await one.close();
			await two.close();
		}
	});
});
