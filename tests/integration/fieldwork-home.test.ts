import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import { createPartner } from '../../src/lib/server/network/index.ts';
import { readHome, readWorker, updateWorker } from '../../src/lib/server/fieldwork/index.ts';
import {
	fieldworkContact,
	fieldworkContactParty,
	fieldworkQuestion,
	fieldworkReferral,
	fieldworkWorker,
	type ContactType
} from '../../src/lib/server/fieldwork/schema.ts';
import { addDays, belgianDateOf, dayOfWeek, startOfBelgianDay, startOfBelgianWeek, todayInBelgium } from '../../src/lib/server/core/index.ts';
import { weekProgress } from '../../src/lib/server/fieldwork/hours.ts';

// The worker's home page on a real PostgreSQL, with rows inserted directly: only the actor's own and
// in-scope contacts, questions and referrals; never a note; residents and volunteers refused.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db);
const otherArea = await makeArea(db);
const outreach = await makeActor(db, 'outreach', { organisationId: org.id, areaId: area.id });
const colleague = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const elsewhere = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: otherArea.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const stranger = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const me = ctxFor(db, outreach.actor);

const refused = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		return e as { status: number; fields?: Record<string, string> };
	}
	throw new Error('not refused');
};

const today = todayInBelgium();
// A moment today in Brussels, even when the test runs just after midnight.
const earlierToday = new Date(Math.max(Date.now() - 60_000, startOfBelgianDay(today).getTime() + 1000));
const SECRET = 'NOTE-NEVER-ON-THE-HOME-PAGE';

const contact = async (v: Partial<typeof fieldworkContact.$inferInsert> & { recordedByUserId: string | null }) => {
	const [row] = await db
		.insert(fieldworkContact)
		.values({
			organisationId: org.id,
			areaId: area.id,
			type: 'street',
			startedAt: earlierToday,
			durationMinutes: 60,
			themes: ['leisure'],
			note: SECRET,
			...v
		})
		.returning({ id: fieldworkContact.id });
	if (v.recordedByUserId) await db.insert(fieldworkContactParty).values({ contactId: row!.id, role: 'recorder', userId: v.recordedByUserId });
	return row!.id;
};

const samira = await registerPerson(ctxFor(db, colleague.actor), { firstName: 'Samira', organisationId: org.id, areaId: area.id });
const theirs = await registerPerson(ctxFor(db, stranger.actor), { firstName: 'Theirs', organisationId: otherOrg.id });
const partner = await createPartner(ctxFor(db, coordinator.actor), {
	name: 'OCMW Gent',
	kind: 'welfare',
	organisationId: org.id,
	themes: ['income'],
	areaIds: [area.id]
} as never);

const mineStreet = await contact({ recordedByUserId: outreach.user.id, anonymousCount: 6, anonymousAgeFrom: 16, anonymousAgeTo: 20 });
const mineHome = await contact({ recordedByUserId: outreach.user.id, type: 'home_visit', durationMinutes: 30, themes: ['housing', 'income'] });
await db.insert(fieldworkContactParty).values({ contactId: mineHome, role: 'with', personId: samira.id });
const minePhone = await contact({ recordedByUserId: outreach.user.id, type: 'phone', durationMinutes: 20 });
// A colleague's contact where I must act: mine too. Another colleague's contact without me: not.
const mustAct = await contact({ recordedByUserId: colleague.user.id, type: 'group', durationMinutes: 45 });
await db.insert(fieldworkContactParty).values({ contactId: mustAct, role: 'must_act', userId: outreach.user.id });
const notMine = await contact({ recordedByUserId: colleague.user.id });
// Recorded by me in another neighbourhood (a grant I no longer have): out of scope, never shown.
const otherNeighbourhood = await contact({ recordedByUserId: outreach.user.id, areaId: otherArea.id, durationMinutes: 300 });
const lastWeek = await contact({
	recordedByUserId: outreach.user.id,
	startedAt: new Date(startOfBelgianDay(addDays(today, -8)).getTime() + 3600_000)
});

const question = async (v: Partial<typeof fieldworkQuestion.$inferInsert>) => {
	const [row] = await db
		.insert(fieldworkQuestion)
		.values({ organisationId: org.id, areaId: area.id, title: 'Help with the energy bill', theme: 'income', ownerUserId: outreach.user.id, ...v })
		.returning({ id: fieldworkQuestion.id });
	return row!.id;
};
const overdue = await question({ dueOn: addDays(today, -2), title: 'Overdue one' });
const dueToday = await question({ dueOn: today, title: 'Due today' });
const later = await question({ dueOn: addDays(today, 30), title: 'Later one' });
const undated = await question({ dueOn: null, title: 'No date' });
const answered = await question({ dueOn: addDays(today, -2), status: 'answered', title: 'Answered' });
const colleagues = await question({ dueOn: addDays(today, -3), ownerUserId: colleague.user.id, title: 'Colleague overdue' });
const theirQuestion = await question({ organisationId: otherOrg.id, areaId: null, dueOn: addDays(today, -3), ownerUserId: stranger.user.id });

const referral = async (v: Partial<typeof fieldworkReferral.$inferInsert>) => {
	const [row] = await db
		.insert(fieldworkReferral)
		.values({
			organisationId: org.id,
			areaId: area.id,
			personId: samira.id,
			partnerId: partner.id,
			shared: {},
			createdByUserId: outreach.user.id,
			...v
		})
		.returning({ id: fieldworkReferral.id });
	return row!.id;
};
const waiting = await referral({ status: 'accepted' });
const done = await referral({ status: 'helped' });
const colleaguesReferral = await referral({ createdByUserId: colleague.user.id });
await referral({ organisationId: otherOrg.id, areaId: null, personId: theirs.id, status: 'referred', createdByUserId: stranger.user.id });

describe('the worker’s home page', () => {
	it('shows the contacts I recorded or must act on, this week and today, and never another neighbourhood’s', async () => {
		const home = await readHome(me);
		const week = [...home.todayContacts, ...home.earlierContacts].map((c) => c.id);
		expect(week.sort()).toEqual([mineStreet, mineHome, minePhone, mustAct].sort());
		expect(home.todayContacts.map((c) => c.id).sort()).toEqual([mineStreet, mineHome, minePhone, mustAct].sort());
		expect(home.counts).toEqual({ week: 4, today: 4, earlier: 0 });
		for (const id of [notMine, otherNeighbourhood, lastWeek]) expect(week).not.toContain(id);
		const visit = home.todayContacts.find((c) => c.id === mineHome)!;
		expect(visit.firstNames).toEqual(['Samira']);
		expect(visit.themes).toEqual(['housing', 'income']);
		expect(home.todayContacts.find((c) => c.id === mineStreet)!.anonymousCount).toBe(6);
	});

	it('never carries a note', async () => {
		const home = await readHome(me);
		expect(JSON.stringify(home)).not.toContain(SECRET);
		expect(home.todayContacts.length).toBeGreaterThan(0);
		for (const c of [...home.todayContacts, ...home.earlierContacts]) expect(Object.keys(c)).not.toContain('note');
	});

	it('splits my open questions into overdue, due this week and later; closed and others’ questions stay off', async () => {
		const { questions } = await readHome(me);
		expect(questions.overdue.map((q) => q.id)).toEqual([overdue]);
		expect(questions.thisWeek.map((q) => q.id)).toContain(dueToday);
		expect(questions.later.map((q) => q.id)).toEqual([later, undated]);
		expect((await readHome(me)).questionCounts).toEqual({ overdue: 1, thisWeek: questions.thisWeek.length, later: 2 });
		const all = [...questions.overdue, ...questions.thisWeek, ...questions.later].map((q) => q.id);
		for (const id of [answered, colleagues, theirQuestion]) expect(all).not.toContain(id);
	});

	it('lists the referrals I made that wait for an outcome, with the partner’s name', async () => {
		const { referrals } = await readHome(me);
		expect(referrals.map((r) => r.id)).toEqual([waiting]);
		expect((await readHome(me)).referralCount).toBe(1);
		expect(referrals[0]).toMatchObject({ partner: 'OCMW Gent', status: 'accepted' });
		expect(referrals.map((r) => r.id)).not.toContain(done);
		expect(referrals.map((r) => r.id)).not.toContain(colleaguesReferral);
	});

	it('counts direct contact this week (not the phone call) against the outreach default of 30 hours', async () => {
		const { hours, worker } = await readHome(me);
		// street 60 + home visit 30 + group 45; the phone call (20) and the other neighbourhood's (300) do not count.
		expect(hours.minutes).toBe(135);
		expect(hours.targetHours).toBe(30);
		expect(hours.percent).toBe(7);
		expect(worker.isOutreach).toBe(true);
	});

	it('offers the last neighbourhood I used', async () => {
		const { last } = await readHome(me);
		expect(last?.areaId).not.toBeNull();
	});

	it('gives a coordinator the team’s overdue questions in their scope only; a worker gets none', async () => {
		const home = await readHome(ctxFor(db, coordinator.actor));
		const ids = home.teamOverdue!.map((q) => q.id);
		expect(ids).toContain(overdue);
		expect(ids).toContain(colleagues);
		expect(ids).not.toContain(theirQuestion);
		expect(ids).not.toContain(answered);
		expect((await readHome(me)).teamOverdue).toBeNull();
		// The other organisation's coordinator sees only their own.
		const theirs = (await readHome(ctxFor(db, stranger.actor))).teamOverdue!.map((q) => q.id);
		expect(theirs).toEqual([theirQuestion]);
	});

	it('shows a worker of another neighbourhood none of it', async () => {
		const home = await readHome(ctxFor(db, elsewhere.actor));
		expect(home.todayContacts).toEqual([]);
		expect(home.earlierContacts).toEqual([]);
		expect(home.counts).toEqual({ week: 0, today: 0, earlier: 0 });
		expect(home.questions.overdue).toEqual([]);
		expect(home.referrals).toEqual([]);
	});

	it('refuses residents and volunteers (403)', async () => {
		expect((await refused(readHome(ctxFor(db, resident.actor)))).status).toBe(403);
		expect((await refused(readHome(ctxFor(db, volunteer.actor)))).status).toBe(403);
	});
});

describe('a busy week on the home page', () => {
	// 25 contacts today and (unless today is Monday) 14 earlier this week, for a worker of their own:
	// the page lists the newest 20 of today and 10 of the days before, counts all of them in SQL, and
	// sums the hours in SQL exactly as the pure rule (hours.ts) sums the same contacts.
	const busy = makeActor(db, 'outreach', { organisationId: org.id, areaId: area.id });
	const monday = startOfBelgianWeek(today);
	const isMonday = dayOfWeek(today) === 1;
	const made = (async () => {
		const { user } = await busy;
		const rows: { id: string; type: ContactType; startedAt: Date; durationMinutes: number }[] = [];
		const types: ContactType[] = ['street', 'phone', 'home_visit', 'online', 'group'];
		const todayFrom = startOfBelgianDay(today).getTime();
		for (let i = 0; i < 25; i++) {
			const startedAt = new Date(todayFrom + Math.floor(((earlierToday.getTime() - todayFrom) * i) / 25));
			const v = { type: types[i % 5]!, startedAt, durationMinutes: 10 + i };
			rows.push({ id: await contact({ recordedByUserId: user.id, ...v }), ...v });
		}
		if (!isMonday)
			for (let i = 0; i < 14; i++) {
				const startedAt = new Date(monday.getTime() + i * 60_000 * 37);
				const v = { type: types[i % 5]!, startedAt, durationMinutes: 5 + i };
				rows.push({ id: await contact({ recordedByUserId: user.id, ...v }), ...v });
			}
		return rows;
	})();

	it('lists today’s newest 20 and the week’s latest 10 before today, and counts the rest', async () => {
		const rows = await made;
		const home = await readHome(ctxFor(db, (await busy).actor));
		const newest = (list: typeof rows) =>
			[...list].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);
		const todays = rows.filter((r) => r.startedAt >= startOfBelgianDay(today));
		const earlier = rows.filter((r) => r.startedAt < startOfBelgianDay(today));
		expect(home.todayContacts.map((c) => c.id)).toEqual(newest(todays).slice(0, 20));
		expect(home.earlierContacts.map((c) => c.id)).toEqual(newest(earlier).slice(0, 10));
		expect(home.counts).toEqual({ week: rows.length, today: 25, earlier: isMonday ? 0 : 14 });
		expect(home.monday).toBe(belgianDateOf(monday));
	});

	it('lists the first 10 open questions of a group and counts them all', async () => {
		const { user, actor } = await busy;
		for (let i = 0; i < 12; i++) await question({ ownerUserId: user.id, dueOn: addDays(today, -1 - i), title: `Overdue ${i}` });
		await question({ ownerUserId: user.id, dueOn: null, title: 'Some day' });
		const home = await readHome(ctxFor(db, actor));
		expect(home.questions.overdue).toHaveLength(10);
		expect(home.questions.overdue[0]!.title).toBe('Overdue 11');
		expect(home.questionCounts).toEqual({ overdue: 12, thisWeek: 0, later: 1 });
		expect(home.questions.later.map((q) => q.title)).toEqual(['Some day']);
	});

	it('sums the week’s direct minutes in SQL as the pure rule does', async () => {
		const rows = await made;
		const home = await readHome(ctxFor(db, (await busy).actor));
		expect(home.hours.minutes).toBe(weekProgress(rows, 30).minutes);
		expect(home.hours.minutes).toBeGreaterThan(0);
	});
});

describe('the worker’s settings', () => {
	const rows = async () => ((await db.select({ n: count() }).from(fieldworkWorker)) as [{ n: number }])[0].n;

	it('refuse a duration of −5 or 10 000 minutes and a target of 500 hours, changing nothing', async () => {
		const before = await rows();
		for (const bad of [{ usualMinutes: -5 }, { usualMinutes: 10_000 }, { usualMinutes: 30, weeklyTargetHours: 500 }, { usualMinutes: 'x' }]) {
			const e = await refused(updateWorker(me, bad as never));
			expect(e.status).toBeGreaterThanOrEqual(400);
			expect(e.status).toBeLessThan(500);
		}
		expect(await rows()).toBe(before);
	});

	it('keep the usual duration and the target, which the home page then uses', async () => {
		await updateWorker(me, { usualMinutes: 45, weeklyTargetHours: 20 });
		expect(await readWorker(me)).toEqual({ usualMinutes: 45, weeklyTargetHours: 20 });
		expect((await readHome(me)).hours.targetHours).toBe(20);
		await updateWorker(me, { usualMinutes: 15, weeklyTargetHours: null });
		const [row] = await db.select().from(fieldworkWorker).where(eq(fieldworkWorker.userId, outreach.user.id));
		expect(row).toMatchObject({ usualMinutes: 15, weeklyTargetHours: null });
		expect((await readHome(me)).hours.targetHours).toBe(30);
	});

	it('are refused to residents and volunteers (403), and touch only the actor’s own row', async () => {
		expect((await refused(updateWorker(ctxFor(db, resident.actor), { usualMinutes: 30 }))).status).toBe(403);
		expect((await refused(updateWorker(ctxFor(db, volunteer.actor), { usualMinutes: 30 }))).status).toBe(403);
		await updateWorker(ctxFor(db, colleague.actor), { usualMinutes: 60 });
		expect((await readWorker(me)).usualMinutes).toBe(15);
	});
});
