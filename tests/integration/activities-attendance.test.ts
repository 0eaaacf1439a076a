import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { makeActivity, makeRegistration, makeSession } from '../factories/activities.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import {
	addParticipant,
	closeAttendance,
	getChecklist,
	recordAttendance,
	setHeadcount,
	tickAttendance,
	untickAttendance
} from '../../src/lib/server/activities/index.ts';
import { activitiesAttendance, activitiesSession } from '../../src/lib/server/activities/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { apiCall } from '../factories/api.ts';

// Taking attendance on a real PostgreSQL: the session's place decides (another organisation's or
// neighbourhood's session is an unknown one), wrong roles are 403, bad input is a 422 that changes
// nothing, resends change nothing, late corrections are audited, and concurrent ticks are all kept once.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const rabot = await makeArea(db, 'Rabot');
const muide = await makeArea(db, 'Muide');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: rabot.id });
const colleague = await makeActor(db, 'outreach', { organisationId: org.id, areaId: rabot.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const muideFacilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: muide.id });
const stranger = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: rabot.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: rabot.id });
const officer = await makeActor(db, 'officer', { organisationId: org.id });
const f = ctxFor(db, facilitator.actor);
const c = ctxFor(db, coordinator.actor);

const people = async (n: number, organisationId = org.id, ctx = f) => {
	const out: string[] = [];
	for (let i = 0; i < n; i++) out.push((await registerPerson(ctx, { firstName: `P${i}`, lastName: 'Test', organisationId, areaId: rabot.id })).id);
	return out;
};
const activity = await makeActivity(db, { organisationId: org.id, areaId: rabot.id }, { organiserUserId: facilitator.user.id });
const newSession = (opts: Parameters<typeof makeSession>[2] = {}) => makeSession(db, activity, opts);
const outsider = (await registerPerson(ctxFor(db, stranger.actor), { firstName: 'Elsewhere', organisationId: otherOrg.id })).id;

const rowsOf = async (sessionId: string) =>
	(await db.select({ n: count() }).from(activitiesAttendance).where(eq(activitiesAttendance.sessionId, sessionId)))[0]!.n;
const snapshot = async () => ({
	attendance: (await db.select({ n: count() }).from(activitiesAttendance))[0]!.n,
	people: (await db.select({ n: count() }).from(peoplePerson))[0]!.n,
	sessions: JSON.stringify(await db.select().from(activitiesSession).orderBy(activitiesSession.id))
});
const refused = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		return e as { status: number; fields?: Record<string, string> };
	}
	throw new Error('not refused');
};
const lateAudits = async (sessionId: string) =>
	(
		await db
			.select()
			.from(coreAudit)
			.where(and(eq(coreAudit.entity, 'activities_session'), eq(coreAudit.entityId, sessionId)))
	).filter((a) => (a.details as { late?: boolean } | null)?.late === true);

describe('recordAttendance: one session set to exactly a list', () => {
	it('sets the list and copies the session onto each row; a resend changes nothing and writes no audit', async () => {
		const s = await newSession();
		const [a, b, d] = await people(3);
		const first = await recordAttendance(f, { sessionId: s.id, personIds: [a!, b!], anonymousCount: 2 });
		expect(first).toMatchObject({ present: 2, anonymousCount: 2, changed: true, late: false });
		const [row] = await db.select().from(activitiesAttendance).where(eq(activitiesAttendance.personId, a!));
		expect(row).toMatchObject({ activityId: activity.id, organisationId: org.id, areaId: rabot.id, recordedByUserId: facilitator.user.id });
		expect(row!.sessionStartsAt.getTime()).toBe(s.startsAt.getTime());

		const audits = async () => (await db.select({ n: count() }).from(coreAudit).where(eq(coreAudit.entityId, s.id)))[0]!.n;
		const before = await snapshot();
		const auditsBefore = await audits();
		const again = await recordAttendance(f, { sessionId: s.id, personIds: [b!, a!], anonymousCount: 2 });
		expect(again.changed).toBe(false);
		expect(await snapshot()).toEqual(before);
		expect(await audits()).toBe(auditsBefore);

		// Ticks added, unticks removed; the headcount left alone when not sent.
		const next = await recordAttendance(f, { sessionId: s.id, personIds: [b!, d!] });
		expect(next).toMatchObject({ present: 2, anonymousCount: 2, changed: true });
		const present = (await db.select().from(activitiesAttendance).where(eq(activitiesAttendance.sessionId, s.id))).map((r) => r.personId).sort();
		expect(present).toEqual([b!, d!].sort());
	});

	it('refuses bad input with a 422 and changes nothing', async () => {
		const s = await newSession();
		const [a, b] = await people(2);
		await recordAttendance(f, { sessionId: s.id, personIds: [a!], anonymousCount: 1 });
		const before = await snapshot();
		const cases: [unknown, string, string][] = [
			[{ sessionId: s.id, personIds: [a!, b!], anonymousCount: -1 }, 'anonymousCount', 'att_error_headcount'],
			[{ sessionId: s.id, personIds: [a!, b!], anonymousCount: 10000 }, 'anonymousCount', 'att_error_headcount'],
			[{ sessionId: s.id, personIds: [a!, b!, a!] }, 'personIds', 'att_error_duplicate'],
			[{ sessionId: s.id, personIds: [b!, outsider] }, 'personIds', 'att_error_person']
		];
		for (const [input, field, key] of cases) {
			const e = await refused(recordAttendance(f, input as never));
			expect(e.status, JSON.stringify(input)).toBe(422);
			expect(e.fields?.[field]).toBe(key);
		}
		expect(await snapshot()).toEqual(before);
	});

	it('refuses a cancelled session (422) and a session of another activity in the path (404)', async () => {
		const cancelled = await newSession({ cancelled: true });
		const [a] = await people(1);
		const other = await makeActivity(db, { organisationId: org.id, areaId: rabot.id });
		const s = await newSession();
		const before = await snapshot();
		expect((await refused(recordAttendance(f, { sessionId: cancelled.id, personIds: [a!] }))).fields?.sessionId).toBe('att_error_cancelled');
		expect((await refused(tickAttendance(f, { sessionId: cancelled.id, personId: a! }))).status).toBe(422);
		expect((await refused(recordAttendance(f, { sessionId: s.id, activityId: other.id, personIds: [a!] }))).status).toBe(404);
		expect(await snapshot()).toEqual(before);
	});
});

describe('scope: every verb', () => {
	it('another organisation or neighbourhood: 404 as unknown; resident, volunteer, officer: 403; nothing changes', async () => {
		const s = await newSession();
		const [a] = await people(1);
		const before = await snapshot();
		const calls = (ctx: ReturnType<typeof ctxFor>) => [
			() => recordAttendance(ctx, { sessionId: s.id, personIds: [a!] }),
			() => tickAttendance(ctx, { sessionId: s.id, personId: a! }),
			() => untickAttendance(ctx, { sessionId: s.id, personId: a! }),
			() => addParticipant(ctx, { sessionId: s.id, firstName: 'Nieuw' }),
			() => setHeadcount(ctx, { sessionId: s.id, anonymousCount: 3 }),
			() => closeAttendance(ctx, { sessionId: s.id }),
			() => getChecklist(ctx, { sessionId: s.id })
		];
		for (const actor of [stranger, muideFacilitator])
			for (const call of calls(ctxFor(db, actor.actor))) expect((await refused(call())).status).toBe(404);
		for (const actor of [resident, volunteer, officer])
			for (const call of calls(ctxFor(db, actor.actor))) expect((await refused(call())).status).toBe(403);
		// An unknown session is the same 404.
		expect((await refused(tickAttendance(f, { sessionId: crypto.randomUUID(), personId: a! }))).status).toBe(404);
		expect(await snapshot()).toEqual(before);
	});
});

describe('the phone’s small verbs', () => {
	it('tick and untick are idempotent; a person of another organisation is refused', async () => {
		const s = await newSession();
		const [a] = await people(1);
		expect((await tickAttendance(f, { sessionId: s.id, personId: a! })).changed).toBe(true);
		expect((await tickAttendance(f, { sessionId: s.id, personId: a! })).changed).toBe(false);
		expect(await rowsOf(s.id)).toBe(1);
		const e = await refused(tickAttendance(f, { sessionId: s.id, personId: outsider }));
		expect([e.status, e.fields?.personId]).toEqual([422, 'att_error_person']);
		expect(await rowsOf(s.id)).toBe(1);
		expect((await untickAttendance(f, { sessionId: s.id, personId: a! })).changed).toBe(true);
		expect((await untickAttendance(f, { sessionId: s.id, personId: a! })).changed).toBe(false);
		expect(await rowsOf(s.id)).toBe(0);
	});

	it('adds a new participant with a first name only, in the session’s organisation and neighbourhood, ticked', async () => {
		const s = await newSession();
		const out = await addParticipant(f, { sessionId: s.id, firstName: '  Samira ' });
		const [p] = await db.select().from(peoplePerson).where(eq(peoplePerson.id, out.personId));
		expect(p).toMatchObject({ firstName: 'Samira', lastName: null, organisationId: org.id, areaId: rabot.id });
		expect(await rowsOf(s.id)).toBe(1);
		const before = await snapshot();
		expect((await refused(addParticipant(f, { sessionId: s.id, firstName: '  ' }))).status).toBe(422);
		expect(await snapshot()).toEqual(before);
	});

	it('sets the headcount; −1 and 10 000 are refused and change nothing', async () => {
		const s = await newSession();
		expect((await setHeadcount(f, { sessionId: s.id, anonymousCount: 2 })).anonymousCount).toBe(2);
		const before = await snapshot();
		for (const n of [-1, 10000]) expect((await refused(setHeadcount(f, { sessionId: s.id, anonymousCount: n }))).status).toBe(422);
		expect(await snapshot()).toEqual(before);
	});

	it('the checklist lists the registered first, then those who came before, with counts; a search finds anyone of the organisation', async () => {
		// An activity of its own, so other tests' attendance does not make regulars here.
		const sewing = await makeActivity(db, { organisationId: org.id, areaId: rabot.id }, { organiserUserId: facilitator.user.id });
		const s = await makeSession(db, sewing, { startsAt: new Date('2026-12-01T13:00:00Z') });
		const earlier = await makeSession(db, sewing, { startsAt: new Date('2026-11-17T13:00:00Z') });
		const [reg, regular, someone] = await people(3);
		await db.update(peoplePerson).set({ firstName: 'Céline', lastName: 'Dubois' }).where(eq(peoplePerson.id, someone!));
		await makeRegistration(db, sewing, reg!);
		await tickAttendance(f, { sessionId: earlier.id, personId: regular! });
		await tickAttendance(f, { sessionId: s.id, personId: regular! });
		await setHeadcount(f, { sessionId: s.id, anonymousCount: 4 });
		const list = await getChecklist(f, { sessionId: s.id, activityId: sewing.id });
		expect(list.people.map((p) => [p.group, p.id, p.present])).toEqual([
			['registered', reg!, false],
			['returning', regular!, true]
		]);
		expect(list.counts).toEqual({ present: 1, anonymousCount: 4, registered: 1 });
		expect(list.mayClose).toBe(true);
		const found = await getChecklist(f, { sessionId: s.id, q: 'celine' });
		expect(found.people.find((p) => p.id === someone)).toMatchObject({ name: 'Céline D.', group: 'other', found: true });
		// A colleague who is not the organiser records attendance but does not close it.
		expect((await getChecklist(ctxFor(db, colleague.actor), { sessionId: s.id })).mayClose).toBe(false);
	});
});

describe('closing and late corrections', () => {
	it('the organiser or a coordinator closes; another facilitator may not (403)', async () => {
		const s = await newSession();
		expect((await refused(closeAttendance(ctxFor(db, colleague.actor), { sessionId: s.id }))).status).toBe(403);
		expect((await closeAttendance(c, { sessionId: s.id })).changed).toBe(true);
		const s2 = await newSession();
		const out = await closeAttendance(f, { sessionId: s2.id });
		expect(out.changed).toBe(true);
		const [row] = await db.select().from(activitiesSession).where(eq(activitiesSession.id, s2.id));
		expect(row!.closedByUserId).toBe(facilitator.user.id);
		// Closing again keeps the first close.
		expect((await closeAttendance(c, { sessionId: s2.id })).changed).toBe(false);
		const [again] = await db.select().from(activitiesSession).where(eq(activitiesSession.id, s2.id));
		expect(again!.closedByUserId).toBe(facilitator.user.id);
	});

	it('a change after closing is still allowed and audited as late, with the counts before and after', async () => {
		const s = await newSession();
		const [a, b] = await people(2);
		await recordAttendance(f, { sessionId: s.id, personIds: [a!], anonymousCount: 1 });
		await closeAttendance(f, { sessionId: s.id });
		expect(await lateAudits(s.id)).toHaveLength(0);
		const out = await tickAttendance(ctxFor(db, colleague.actor), { sessionId: s.id, personId: b! });
		expect(out).toMatchObject({ late: true, present: 2 });
		await setHeadcount(f, { sessionId: s.id, anonymousCount: 3 });
		await recordAttendance(f, { sessionId: s.id, personIds: [b!] });
		const late = await lateAudits(s.id);
		expect(late.map((a) => a.details)).toEqual([
			{ attendance: 'tick', late: true, before: { present: 1, anonymousCount: 1 }, after: { present: 2, anonymousCount: 1 } },
			{ attendance: 'headcount', late: true, before: { present: 2, anonymousCount: 1 }, after: { present: 2, anonymousCount: 3 } },
			{ attendance: 'set', late: true, before: { present: 2, anonymousCount: 3 }, after: { present: 1, anonymousCount: 3 } }
		]);
		expect(late.every((a) => a.actorUserId)).toBe(true);
	});
});

describe('two organisers at once', () => {
	it('20 concurrent ticks by two actors on separate transactions: exactly 20 rows, none lost or doubled', async () => {
		const s = await newSession();
		const ids = await people(20);
		const g = ctxFor(db, colleague.actor);
		await Promise.all(ids.map((id, i) => tickAttendance(i % 2 ? f : g, { sessionId: s.id, personId: id })));
		expect(await rowsOf(s.id)).toBe(20);
		// Both tick everyone again at once: still 20.
		await Promise.all([
			...ids.map((id) => tickAttendance(f, { sessionId: s.id, personId: id })),
			...ids.map((id) => tickAttendance(g, { sessionId: s.id, personId: id }))
		]);
		expect(await rowsOf(s.id)).toBe(20);
	});

	it('two full lists at once do not interleave: the result is exactly one of them', async () => {
		const s = await newSession();
		const ids = await people(12);
		const one = ids.slice(0, 8);
		const two = ids.slice(4);
		const g = ctxFor(db, colleague.actor);
		await Promise.all([recordAttendance(f, { sessionId: s.id, personIds: one }), recordAttendance(g, { sessionId: s.id, personIds: two })]);
		const present = (await db.select().from(activitiesAttendance).where(eq(activitiesAttendance.sessionId, s.id))).map((r) => r.personId).sort();
		expect([JSON.stringify([...one].sort()), JSON.stringify([...two].sort())]).toContain(JSON.stringify(present));
	});
});

describe('the API: recordAttendance', () => {
	const put = (actor: typeof facilitator, activityId: string, sessionId: string, body: unknown) =>
		apiCall(actor.actor, { method: 'PUT', path: `/activities/${activityId}/sessions/${sessionId}/attendance`, body }, 'nl');

	it('sets the list (a resend says changed: false); other organisation or neighbourhood 404, wrong roles 403, bad input 422 in Dutch; nothing changed', async () => {
		const s = await newSession();
		const [a, b] = await people(2);
		const ok = await put(facilitator, activity.id, s.id, { personIds: [a, b], anonymousCount: 2 });
		expect([ok.status, ok.body.present, ok.body.changed]).toEqual([200, 2, true]);
		const again = await put(facilitator, activity.id, s.id, { personIds: [b, a], anonymousCount: 2 });
		expect([again.status, again.body.changed]).toEqual([200, false]);
		const before = await snapshot();
		for (const actor of [stranger, muideFacilitator]) expect((await put(actor, activity.id, s.id, { personIds: [a] })).status).toBe(404);
		for (const actor of [resident, volunteer, officer]) expect((await put(actor, activity.id, s.id, { personIds: [a] })).status).toBe(403);
		const other = await makeActivity(db, { organisationId: org.id, areaId: rabot.id });
		expect((await put(facilitator, other.id, s.id, { personIds: [a] })).status).toBe(404);
		const bad = await put(facilitator, activity.id, s.id, { personIds: [a], anonymousCount: 10000 });
		expect(bad.status).toBe(422);
		expect(JSON.stringify(bad.body)).toContain('Geef een aantal van 0 tot 5000.');
		for (const body of [{ personIds: [a], anonymousCount: -1 }, { personIds: [a, a] }, { personIds: [outsider] }])
			expect((await put(facilitator, activity.id, s.id, body)).status, JSON.stringify(body)).toBe(422);
		const rows = (await snapshot()).attendance;
		expect(rows).toBe(before.attendance);
		expect(await rowsOf(s.id)).toBe(2);
	});
});
