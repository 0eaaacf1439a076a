import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { InvalidError, NotFoundError, audit, defineVerb, type Ctx } from '../core/index.ts';
import { accessRoleGrant, covers, grantsHolding, loadActor, permission, scopeFilter, type Place } from '../access/index.ts';
import { authUser } from '../auth/index.ts';
import { peoplePerson } from '../people/index.ts';
import { fieldworkContact, fieldworkQuestion, fieldworkQuestionEvent, type QuestionStatus } from './schema.ts';
import { mayMoveQuestion, questionClass } from './question-status.ts';
import { createQuestionInput, listQuestionsInput, updateQuestionInput } from './questions-validation.ts';

// Questions a contact raises ("can you help me with my energy bill?"), owned by one worker until they
// close. Every status change goes through changeQuestionStatus: the machine, the row, its event row and
// the audit row, in the calling verb's transaction.

const MANAGE = 'fieldwork.question.manage' as const;

type QuestionRow = typeof fieldworkQuestion.$inferSelect;

/**
 * Moves a question to `to` when the machine allows it (a refused step is a 422 naming the status).
 * Call it with a verb's transaction ctx: the update, the event and the audit row commit together.
 */
export async function changeQuestionStatus(ctx: Ctx, question: Pick<QuestionRow, 'id' | 'status'>, to: QuestionStatus, note?: string | null) {
	if (!mayMoveQuestion(question.status, to)) throw new InvalidError({ status: 'fw_question_error_step' });
	const now = new Date();
	await ctx.db
		.update(fieldworkQuestion)
		.set({ status: to, closedAt: questionClass(to) === 'closed' ? now : null, updatedAt: now })
		.where(eq(fieldworkQuestion.id, question.id));
	await ctx.db
		.insert(fieldworkQuestionEvent)
		.values({ questionId: question.id, fromStatus: question.status, toStatus: to, byUserId: ctx.actor.userId, at: now, note: note ?? null });
	await audit(ctx, { action: 'update', entity: 'fieldwork_question', entityId: question.id, details: { from: question.status, to } });
}

/**
 * An owner must be staff (not merely an admin) of the question's organisation whose grant holding
 * question.manage covers its place: a question is never handed to someone who could not open it.
 */
async function checkOwner(ctx: Ctx, userId: string, place: Place) {
	const owner = await loadActor(ctx.db, userId);
	const ok = owner && grantsHolding(owner, MANAGE).some((g) => g.role !== 'admin' && covers(g, place));
	if (!ok) throw new InvalidError({ ownerUserId: 'fw_question_error_owner' });
}

/** The place of what the question is about: the contact's, else the person's; outside the actor's scope a 404. */
async function placeFor(ctx: Ctx, contactId: string | undefined, personId: string | undefined) {
	let place: Place | undefined;
	if (contactId) {
		const [c] = await ctx.db
			.select({ organisationId: fieldworkContact.organisationId, areaId: fieldworkContact.areaId })
			.from(fieldworkContact)
			.where(eq(fieldworkContact.id, contactId));
		if (!c || !grantsHolding(ctx.actor, MANAGE).some((g) => covers(g, c))) throw new NotFoundError();
		place = c;
	}
	if (personId) {
		const [p] = await ctx.db
			.select({ organisationId: peoplePerson.organisationId, areaId: peoplePerson.areaId })
			.from(peoplePerson)
			.where(eq(peoplePerson.id, personId));
		if (!p || !grantsHolding(ctx.actor, MANAGE).some((g) => covers(g, p))) throw new NotFoundError();
		// A question about a contact is about someone of that contact's organisation.
		if (place && p.organisationId !== place.organisationId) throw new InvalidError({ personId: 'fw_question_error_person' });
		place ??= p;
	}
	if (!place?.organisationId) throw new InvalidError({ contactId: 'fw_question_error_about' });
	return { organisationId: place.organisationId, areaId: place.areaId };
}

export const createQuestion = defineVerb({
	name: 'fieldwork.question.create',
	summary: 'Raise a question a contact (or a person) brought, with a theme, an owner and a due date',
	permission: permission(MANAGE),
	input: createQuestionInput,
	writes: true,
	access: async (ctx, input) => {
		const place = await placeFor(ctx, input.contactId, input.personId);
		const ownerUserId = input.ownerUserId ?? ctx.actor.userId!;
		await checkOwner(ctx, ownerUserId, place);
		return { place, ownerUserId };
	},
	run: async (ctx, input, { place, ownerUserId }) => {
		const [row] = await ctx.db
			.insert(fieldworkQuestion)
			.values({
				...place,
				contactId: input.contactId ?? null,
				personId: input.personId ?? null,
				title: input.title,
				theme: input.theme,
				ownerUserId,
				dueOn: input.dueOn ?? null,
				createdByUserId: ctx.actor.userId
			})
			.returning({ id: fieldworkQuestion.id, status: fieldworkQuestion.status });
		await ctx.db.insert(fieldworkQuestionEvent).values({ questionId: row!.id, fromStatus: null, toStatus: 'open', byUserId: ctx.actor.userId });
		return { id: row!.id, status: row!.status };
	},
	audit: (input, row) => ({ action: 'create', entity: 'fieldwork_question', entityId: row.id, details: { theme: input.theme } })
});

/** The question when the actor's grant holding question.manage covers it; an unknown id and one outside scope are the same 404. */
export async function questionInScope(ctx: Ctx, id: string, lock = false) {
	const q = ctx.db.select().from(fieldworkQuestion).where(eq(fieldworkQuestion.id, id));
	const [row] = lock ? await q.for('update') : await q;
	if (!row || !grantsHolding(ctx.actor, MANAGE).some((g) => covers(g, row))) throw new NotFoundError();
	return row;
}

export const updateQuestion = defineVerb({
	name: 'fieldwork.question.update',
	summary: 'Change a question: its status (only the steps its status allows), owner, due date or title',
	permission: permission(MANAGE),
	input: updateQuestionInput,
	writes: true,
	access: (ctx, { id }) => questionInScope(ctx, id, true),
	run: async (ctx, input, question) => {
		if (input.ownerUserId && input.ownerUserId !== question.ownerUserId) await checkOwner(ctx, input.ownerUserId, question);
		const fields: Partial<QuestionRow> = {};
		if (input.ownerUserId) fields.ownerUserId = input.ownerUserId;
		if (input.dueOn !== undefined) fields.dueOn = input.dueOn;
		if (input.title) fields.title = input.title;
		if (Object.keys(fields).length)
			await ctx.db
				.update(fieldworkQuestion)
				.set({ ...fields, updatedAt: new Date() })
				.where(eq(fieldworkQuestion.id, question.id));
		if (input.status && input.status !== question.status) await changeQuestionStatus(ctx, question, input.status, input.note);
		else if (input.status) throw new InvalidError({ status: 'fw_question_error_step' });
		const [row] = await ctx.db
			.select({ id: fieldworkQuestion.id, status: fieldworkQuestion.status })
			.from(fieldworkQuestion)
			.where(eq(fieldworkQuestion.id, question.id));
		return { ...row!, changed: Object.keys(fields) };
	},
	// The status change writes its own audit row; this one names the other fields changed.
	audit: (_input, out) =>
		out.changed.length ? { action: 'update', entity: 'fieldwork_question', entityId: out.id, details: { fields: out.changed } } : null
});

const questionColumns = {
	id: fieldworkQuestion.id,
	title: fieldworkQuestion.title,
	theme: fieldworkQuestion.theme,
	status: fieldworkQuestion.status,
	statusClass: fieldworkQuestion.statusClass,
	dueOn: fieldworkQuestion.dueOn,
	ownerUserId: fieldworkQuestion.ownerUserId,
	ownerName: authUser.name,
	personId: fieldworkQuestion.personId,
	contactId: fieldworkQuestion.contactId,
	organisationId: fieldworkQuestion.organisationId,
	areaId: fieldworkQuestion.areaId,
	createdAt: fieldworkQuestion.createdAt,
	closedAt: fieldworkQuestion.closedAt
};

/**
 * The actor's own questions, open ones by due date (none last); `team`: every question in the actor's
 * scope (a coordinator's view of the team, with the owner's name); `closed`: the closed ones instead.
 */
export const listQuestions = defineVerb({
	name: 'fieldwork.question.list',
	summary: 'The caller’s questions (or the team’s in the caller’s scope), open by due date or closed',
	permission: permission(MANAGE),
	input: listQuestionsInput,
	writes: false,
	access: (ctx) => scopeFilter(ctx.actor, MANAGE, { organisation: fieldworkQuestion.organisationId, area: fieldworkQuestion.areaId }),
	run: (ctx, { closed, team }, scope) =>
		ctx.db
			.select(questionColumns)
			.from(fieldworkQuestion)
			.leftJoin(authUser, eq(authUser.id, fieldworkQuestion.ownerUserId))
			.where(
				and(
					scope,
					team ? undefined : eq(fieldworkQuestion.ownerUserId, ctx.actor.userId!),
					eq(fieldworkQuestion.statusClass, closed ? 'closed' : 'open')
				)
			)
			.orderBy(closed ? desc(fieldworkQuestion.closedAt) : sql`${fieldworkQuestion.dueOn} asc nulls last`, asc(fieldworkQuestion.createdAt))
			.limit(500)
});

/** One question with its history of changes (who and when) and the colleagues it may be handed to. */
export const getQuestion = defineVerb({
	name: 'fieldwork.question.read',
	summary: 'One question with the history of its status changes',
	permission: permission(MANAGE),
	input: updateQuestionInput.pick({ id: true }),
	writes: false,
	access: (ctx, { id }) => questionInScope(ctx, id),
	run: async (ctx, _input, question) => {
		const [[row], history, person] = await Promise.all([
			ctx.db
				.select(questionColumns)
				.from(fieldworkQuestion)
				.leftJoin(authUser, eq(authUser.id, fieldworkQuestion.ownerUserId))
				.where(eq(fieldworkQuestion.id, question.id)),
			ctx.db
				.select({
					fromStatus: fieldworkQuestionEvent.fromStatus,
					toStatus: fieldworkQuestionEvent.toStatus,
					at: fieldworkQuestionEvent.at,
					note: fieldworkQuestionEvent.note,
					byName: authUser.name
				})
				.from(fieldworkQuestionEvent)
				.leftJoin(authUser, eq(authUser.id, fieldworkQuestionEvent.byUserId))
				.where(eq(fieldworkQuestionEvent.questionId, question.id))
				.orderBy(asc(fieldworkQuestionEvent.at), asc(fieldworkQuestionEvent.id)),
			question.personId
				? ctx.db.select({ firstName: peoplePerson.firstName }).from(peoplePerson).where(eq(peoplePerson.id, question.personId))
				: Promise.resolve([])
		]);
		return { ...row!, personFirstName: person[0]?.firstName ?? null, history };
	}
});

/**
 * The colleagues a question of `place` may be owned by: staff with a grant holding question.manage
 * that covers it (the owner field's choices).
 */
async function ownerChoices(ctx: Ctx, place: Place) {
	if (!place.organisationId) return [];
	const rows = await ctx.db
		.selectDistinct({ userId: authUser.id, name: authUser.name })
		.from(accessRoleGrant)
		.innerJoin(peoplePerson, eq(peoplePerson.id, accessRoleGrant.personId))
		.innerJoin(authUser, eq(authUser.id, peoplePerson.userId))
		.where(
			and(
				eq(accessRoleGrant.organisationId, place.organisationId),
				inArray(accessRoleGrant.role, ['facilitator', 'outreach', 'coordinator']),
				place.areaId ? or(isNull(accessRoleGrant.areaId), eq(accessRoleGrant.areaId, place.areaId)) : isNull(accessRoleGrant.areaId)
			)
		)
		.orderBy(asc(authUser.name));
	return rows;
}

/** What the new-question form offers: who the question is about and the colleagues who may own it. */
export const questionChoices = defineVerb({
	name: 'fieldwork.question.choices',
	summary: 'The person and the possible owners for a new question about a contact or a person',
	permission: permission(MANAGE),
	input: createQuestionInput.pick({ contactId: true, personId: true }),
	writes: false,
	access: (ctx, { contactId, personId }) => placeFor(ctx, contactId, personId),
	run: async (ctx, { personId }, place) => {
		const [owners, person] = await Promise.all([
			ownerChoices(ctx, place),
			personId ? ctx.db.select({ firstName: peoplePerson.firstName }).from(peoplePerson).where(eq(peoplePerson.id, personId)) : Promise.resolve([])
		]);
		return { owners, personFirstName: person[0]?.firstName ?? null };
	}
});
