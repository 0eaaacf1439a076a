import { describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import {
	fieldworkContact,
	fieldworkContactParty,
	fieldworkQuestion,
	fieldworkQuestionEvent,
	QUESTION_STATUSES
} from '../../src/lib/server/fieldwork/schema.ts';
import { createQuestion, getQuestion, listQuestions, updateQuestion } from '../../src/lib/server/fieldwork/index.ts';
import { questionClass } from '../../src/lib/server/fieldwork/question-status.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';

// Questions through the verbs and /api/v1: scoped to the place of the contact (or person) they came
// from, every status change through the machine with its event row, bad steps a 422 that changes nothing.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const [rabot, muide] = [await makeArea(db), await makeArea(db)];
const worker = await makeActor(db, 'outreach', { organisationId: org.id, areaId: rabot.id });
const colleague = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: rabot.id });
const muideWorker = await makeActor(db, 'outreach', { organisationId: org.id, areaId: muide.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const stranger = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: rabot.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: rabot.id });
const w = ctxFor(db, worker.actor);

const person = await registerPerson(w, { firstName: 'Yasmina', organisationId: org.id, areaId: rabot.id });

/** A contact as the contacts engineer's verb would write it (that verb is on another branch). */
async function contactIn(areaId: string, organisationId = org.id, personId?: string) {
	const [c] = await db
		.insert(fieldworkContact)
		.values({
			organisationId,
			areaId,
			type: 'home_visit',
			startedAt: new Date(),
			durationMinutes: 30,
			themes: ['income'],
			recordedByUserId: worker.user.id
		})
		.returning();
	await db.insert(fieldworkContactParty).values({ contactId: c!.id, role: 'recorder', userId: worker.user.id });
	if (personId) await db.insert(fieldworkContactParty).values({ contactId: c!.id, role: 'with', personId });
	return c!;
}
const rabotContact = await contactIn(rabot.id, org.id, person.id);
const muideContact = await contactIn(muide.id);

const questions = async () => (await db.select({ n: count() }).from(fieldworkQuestion))[0]!.n;
const events = async (id: string) =>
	db.select().from(fieldworkQuestionEvent).where(eq(fieldworkQuestionEvent.questionId, id)).orderBy(fieldworkQuestionEvent.at);

describe('creating a question', () => {
	it('takes the contact’s place, the actor as owner, and writes an event and an audit row', async () => {
		const q = await createQuestion(w, { contactId: rabotContact.id, personId: person.id, title: 'Hulp bij de energiefactuur', theme: 'income' });
		const [row] = await db.select().from(fieldworkQuestion).where(eq(fieldworkQuestion.id, q.id));
		expect(row).toMatchObject({ organisationId: org.id, areaId: rabot.id, ownerUserId: worker.user.id, status: 'open', statusClass: 'open' });
		expect((await events(q.id)).map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, 'open']]);
		expect(await db.select().from(coreAudit).where(eq(coreAudit.entityId, q.id))).toHaveLength(1);
	});

	it('gives a colleague of the place as owner, refuses someone of another neighbourhood', async () => {
		const q = await createQuestion(w, { personId: person.id, title: 'Huurwaarborg', theme: 'housing', ownerUserId: colleague.user.id });
		expect((await db.select().from(fieldworkQuestion).where(eq(fieldworkQuestion.id, q.id)))[0]!.ownerUserId).toBe(colleague.user.id);
		const before = await questions();
		await expect(createQuestion(w, { personId: person.id, title: 'x', theme: 'housing', ownerUserId: muideWorker.user.id })).rejects.toMatchObject({
			status: 422,
			fields: { ownerUserId: 'fw_question_error_owner' }
		});
		expect(await questions()).toBe(before);
	});

	it('through the API: another neighbourhood’s contact is a 404, another organisation’s too; nothing written', async () => {
		const before = await questions();
		const body = { contactId: muideContact.id, title: 'Niet van mij', theme: 'income' };
		expect((await apiCall(worker.actor, { method: 'POST', path: '/questions', body })).status).toBe(404);
		expect((await apiCall(stranger.actor, { method: 'POST', path: '/questions', body: { ...body, contactId: rabotContact.id } })).status).toBe(404);
		expect(await questions()).toBe(before);
	});

	it('residents and volunteers are refused (403)', async () => {
		const before = await questions();
		for (const a of [resident, volunteer]) {
			const res = await apiCall(a.actor, { method: 'POST', path: '/questions', body: { personId: person.id, title: 'x', theme: 'income' } });
			expect(res.status).toBe(403);
		}
		expect(await questions()).toBe(before);
	});

	it('bad input is a 422 with a message in the caller’s language, and nothing written', async () => {
		const before = await questions();
		const res = await apiCall(worker.actor, { method: 'POST', path: '/questions', body: { personId: person.id, title: '', theme: 'nope' } }, 'nl');
		expect(res.status).toBe(422);
		expect(res.body.errors).toMatchObject({ theme: 'Kies een van de mogelijkheden.' });
		expect(await questions()).toBe(before);
	});
});

describe('changing a question’s status', () => {
	it('answers on the spot, reopens, and keeps every step as an event with who', async () => {
		const q = await createQuestion(w, { personId: person.id, title: 'Formulier kinderbijslag', theme: 'income' });
		await updateQuestion(w, { id: q.id, status: 'answered' });
		const [closed] = await db.select().from(fieldworkQuestion).where(eq(fieldworkQuestion.id, q.id));
		expect(closed!.closedAt).not.toBeNull();
		await updateQuestion(w, { id: q.id, status: 'in_progress', note: 'Kwam terug' });
		const [open] = await db.select().from(fieldworkQuestion).where(eq(fieldworkQuestion.id, q.id));
		expect(open!.closedAt).toBeNull();
		const history = await events(q.id);
		expect(history.map((e) => [e.fromStatus, e.toStatus, e.byUserId])).toEqual([
			[null, 'open', worker.user.id],
			['open', 'answered', worker.user.id],
			['answered', 'in_progress', worker.user.id]
		]);
		expect((await getQuestion(w, { id: q.id })).history).toHaveLength(3);
	});

	it('a step the machine lacks is a 422 through the API with a message, and changes nothing', async () => {
		const q = await createQuestion(w, { personId: person.id, title: 'Back to open?', theme: 'income' });
		await updateQuestion(w, { id: q.id, status: 'in_progress' });
		const res = await apiCall(worker.actor, { method: 'PATCH', path: `/questions/${q.id}`, body: { status: 'open' } }, 'en');
		expect(res.status).toBe(422);
		expect(res.body.errors).toEqual({ status: 'This status change is not possible from the current status.' });
		expect((await db.select().from(fieldworkQuestion).where(eq(fieldworkQuestion.id, q.id)))[0]!.status).toBe('in_progress');
		expect(await events(q.id)).toHaveLength(2);
	});

	it('another neighbourhood’s and another organisation’s worker get a 404 for its id; residents a 403', async () => {
		const q = await createQuestion(w, { personId: person.id, title: 'Scoped', theme: 'income' });
		for (const a of [muideWorker, stranger])
			expect((await apiCall(a.actor, { method: 'PATCH', path: `/questions/${q.id}`, body: { status: 'dropped' } })).status).toBe(404);
		for (const a of [resident, volunteer])
			expect((await apiCall(a.actor, { method: 'PATCH', path: `/questions/${q.id}`, body: { status: 'dropped' } })).status).toBe(403);
		expect((await db.select().from(fieldworkQuestion).where(eq(fieldworkQuestion.id, q.id)))[0]!.status).toBe('open');
		expect((await apiCall(worker.actor, { method: 'PATCH', path: `/questions/${q.id}`, body: { status: 'dropped' } })).status).toBe(200);
	});
});

describe('listing questions', () => {
	it('shows a worker their own, a coordinator the team’s with the owner’s name', async () => {
		const mine = await listQuestions(w);
		expect(mine.length).toBeGreaterThan(0);
		expect(mine.every((q) => q.ownerUserId === worker.user.id && q.statusClass === 'open')).toBe(true);
		const team = await listQuestions(ctxFor(db, coordinator.actor), { team: true });
		expect(team.some((q) => q.ownerUserId === colleague.user.id && q.ownerName)).toBe(true);
		expect(await listQuestions(ctxFor(db, muideWorker.actor), { team: true })).toEqual([]);
	});
});

describe('the generated status class', () => {
	it('agrees with the pure function for every status', async () => {
		const q = await createQuestion(w, { personId: person.id, title: 'Class', theme: 'income' });
		for (const status of QUESTION_STATUSES) {
			await db.execute(sql`update fieldwork_question set status = ${status} where id = ${q.id}`);
			const [row] = await db.select({ c: fieldworkQuestion.statusClass }).from(fieldworkQuestion).where(eq(fieldworkQuestion.id, q.id));
			expect([status, row!.c]).toEqual([status, questionClass(status)]);
		}
	});
});
