import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { ForbiddenError, InvalidError, NotFoundError, defineVerb, type AuditEntry, type Ctx } from '../core/index.ts';
import { covers, grantsHolding, inScope, permission } from '../access/index.ts';
import { peoplePerson, registerPerson } from '../people/index.ts';
import { activitiesActivity, activitiesAttendance, activitiesSession } from './schema.ts';
import { addParticipantInput, closeAttendanceInput, recordAttendanceInput, setHeadcountInput, tickInput } from './attendance-validation.ts';
import { diffAttendance, isLate, mayClose } from './attendance-rules.ts';

// Taking attendance (issue 15, attendance part): the phone's small verbs (tick, untick, add someone,
// the headcount, close) and the API's one verb that sets a session's list at once. Every row copies
// the session's activity, organisation, neighbourhood and start, so reach reads one index range.

const RECORD = 'activities.attendance.record' as const;

export type AttendanceSession = {
	id: string;
	activityId: string;
	organisationId: string;
	areaId: string | null;
	startsAt: Date;
	anonymousCount: number;
	cancelledAt: Date | null;
	closedAt: Date | null;
	organiserUserId: string | null;
};

/**
 * The session, locked, when the actor may record attendance at its place; otherwise the same 404 as an
 * unknown id (also when the path names another activity). `share` lets ticks run side by side while a
 * full list (`update`) waits for them and they for it, so a list and ticks never interleave.
 */
export async function sessionForAttendance(
	ctx: Ctx,
	sessionId: string,
	activityId: string | undefined,
	lock: 'update' | 'share' | null
): Promise<AttendanceSession> {
	const query = ctx.db
		.select({
			id: activitiesSession.id,
			activityId: activitiesSession.activityId,
			organisationId: activitiesSession.organisationId,
			areaId: activitiesSession.areaId,
			startsAt: activitiesSession.startsAt,
			anonymousCount: activitiesSession.anonymousCount,
			cancelledAt: activitiesSession.cancelledAt,
			closedAt: activitiesSession.closedAt,
			organiserUserId: activitiesActivity.organiserUserId
		})
		.from(activitiesSession)
		.innerJoin(activitiesActivity, eq(activitiesActivity.id, activitiesSession.activityId))
		.where(eq(activitiesSession.id, sessionId));
	const [row] = lock ? await query.for(lock, { of: activitiesSession }) : await query;
	const session = inScope(ctx.actor, RECORD, row);
	if (activityId && activityId !== session.activityId) throw new NotFoundError();
	return session;
}

/** A write's session: in scope, and not cancelled (nobody attends a session that did not take place). */
async function openSession(ctx: Ctx, sessionId: string, activityId: string | undefined, lock: 'update' | 'share') {
	const session = await sessionForAttendance(ctx, sessionId, activityId, lock);
	if (session.cancelledAt) throw new InvalidError({ sessionId: 'att_error_cancelled' });
	return session;
}

/** Every id must be a person of the session's organisation (not erased, not merged away): else 422, nothing written. */
async function checkPeople(ctx: Ctx, organisationId: string, ids: string[], field: string) {
	if (!ids.length) return;
	const rows = await ctx.db
		.select({ id: peoplePerson.id })
		.from(peoplePerson)
		.where(
			and(
				inArray(peoplePerson.id, ids),
				eq(peoplePerson.organisationId, organisationId),
				isNull(peoplePerson.erasedAt),
				isNull(peoplePerson.mergedIntoId)
			)
		);
	if (rows.length !== new Set(ids).size) throw new InvalidError({ [field]: 'att_error_person' });
}

const presentCount = async (ctx: Ctx, sessionId: string) =>
	(await ctx.db.select({ n: count() }).from(activitiesAttendance).where(eq(activitiesAttendance.sessionId, sessionId)))[0]!.n;

const rowFor = (ctx: Ctx, s: AttendanceSession, personId: string) => ({
	sessionId: s.id,
	personId,
	activityId: s.activityId,
	organisationId: s.organisationId,
	areaId: s.areaId,
	sessionStartsAt: s.startsAt,
	recordedByUserId: ctx.actor.userId
});

/** Inserts ticks (how many were new); a person already ticked (the primary key) is left as it was: a resend is a no-op. */
async function insertTicks(ctx: Ctx, s: AttendanceSession, ids: string[]): Promise<number> {
	if (!ids.length) return 0;
	const rows = await ctx.db
		.insert(activitiesAttendance)
		.values(ids.map((id) => rowFor(ctx, s, id)))
		.onConflictDoNothing()
		.returning({ personId: activitiesAttendance.personId });
	return rows.length;
}

type Change = {
	sessionId: string;
	/** People ticked now, and the anonymous headcount. */
	present: number;
	anonymousCount: number;
	changed: boolean;
	/** After the attendance was closed: a late correction. */
	late: boolean;
	before: { present: number; anonymousCount: number };
};

/** The audit row of a change: none when nothing changed; a late correction says so with both counts. */
const changeAudit =
	(what: string) =>
	(_input: unknown, out: Change): AuditEntry | null =>
		out.changed
			? {
					action: 'update',
					entity: 'activities_session',
					entityId: out.sessionId,
					details: {
						attendance: what,
						...(out.late ? { late: true } : {}),
						before: out.before,
						after: { present: out.present, anonymousCount: out.anonymousCount }
					}
				}
			: null;

/** Runs one change of attendance and tells the counts before and after it. */
async function change(ctx: Ctx, s: AttendanceSession, work: () => Promise<{ rows: number; anonymousCount?: number }>): Promise<Change> {
	const before = { present: await presentCount(ctx, s.id), anonymousCount: s.anonymousCount };
	const done = await work();
	const after = { present: await presentCount(ctx, s.id), anonymousCount: done.anonymousCount ?? s.anonymousCount };
	return {
		sessionId: s.id,
		...after,
		// Rows written or removed, not the counts: swapping one person for another keeps the count.
		changed: done.rows > 0 || after.anonymousCount !== before.anonymousCount,
		late: isLate(s),
		before
	};
}

export const recordAttendance = defineVerb({
	name: 'activities.attendance.record',
	summary: 'Set one session’s attendance to exactly this list of people (and the anonymous headcount): idempotent',
	permission: permission(RECORD),
	input: recordAttendanceInput,
	writes: true,
	access: (ctx, input) => openSession(ctx, input.sessionId, input.activityId, 'update'),
	run: async (ctx, input, s) => {
		await checkPeople(ctx, s.organisationId, input.personIds, 'personIds');
		return change(ctx, s, async () => {
			const present = await ctx.db
				.select({ personId: activitiesAttendance.personId })
				.from(activitiesAttendance)
				.where(eq(activitiesAttendance.sessionId, s.id));
			const { add, remove } = diffAttendance(
				present.map((p) => p.personId),
				input.personIds
			);
			const removed = remove.length
				? await ctx.db
						.delete(activitiesAttendance)
						.where(and(eq(activitiesAttendance.sessionId, s.id), inArray(activitiesAttendance.personId, remove)))
						.returning({ personId: activitiesAttendance.personId })
				: [];
			const rows = removed.length + (await insertTicks(ctx, s, add));
			if (input.anonymousCount === undefined || input.anonymousCount === s.anonymousCount) return { rows };
			await ctx.db
				.update(activitiesSession)
				.set({ anonymousCount: input.anonymousCount, updatedAt: new Date() })
				.where(eq(activitiesSession.id, s.id));
			return { rows, anonymousCount: input.anonymousCount };
		});
	},
	audit: changeAudit('set')
});

export const tickAttendance = defineVerb({
	name: 'activities.attendance.tick',
	summary: 'Tick one person present at a session (idempotent)',
	permission: permission(RECORD),
	input: tickInput,
	writes: true,
	access: (ctx, input) => openSession(ctx, input.sessionId, input.activityId, 'share'),
	run: async (ctx, input, s) => {
		await checkPeople(ctx, s.organisationId, [input.personId], 'personId');
		return change(ctx, s, async () => ({ rows: await insertTicks(ctx, s, [input.personId]) }));
	},
	audit: changeAudit('tick')
});

export const untickAttendance = defineVerb({
	name: 'activities.attendance.untick',
	summary: 'Take one person off a session’s attendance (idempotent)',
	permission: permission(RECORD),
	input: tickInput,
	writes: true,
	access: (ctx, input) => openSession(ctx, input.sessionId, input.activityId, 'share'),
	run: (ctx, input, s) =>
		change(ctx, s, async () => {
			const gone = await ctx.db
				.delete(activitiesAttendance)
				.where(and(eq(activitiesAttendance.sessionId, s.id), eq(activitiesAttendance.personId, input.personId)))
				.returning({ personId: activitiesAttendance.personId });
			return { rows: gone.length };
		}),
	audit: changeAudit('untick')
});

/**
 * Someone new on the spot: registered with a first name only (people's own verb, so consent and audit
 * are theirs) in the session's organisation and neighbourhood, then ticked.
 */
export const addParticipant = defineVerb({
	name: 'activities.attendance.add_participant',
	summary: 'Register a new person with a first name only and tick them present at a session',
	permission: permission(RECORD),
	input: addParticipantInput,
	writes: true,
	access: (ctx, input) => openSession(ctx, input.sessionId, input.activityId, 'share'),
	run: async (ctx, input, s) => {
		const person = await registerPerson(ctx, { firstName: input.firstName, organisationId: s.organisationId, areaId: s.areaId });
		const out = await change(ctx, s, async () => ({ rows: await insertTicks(ctx, s, [person.id]) }));
		return { ...out, personId: person.id };
	},
	audit: (input, out) => changeAudit('add_participant')(input, out)
});

export const setHeadcount = defineVerb({
	name: 'activities.attendance.headcount',
	summary: 'Set a session’s anonymous headcount (people who came but were not named)',
	permission: permission(RECORD),
	input: setHeadcountInput,
	writes: true,
	access: (ctx, input) => openSession(ctx, input.sessionId, input.activityId, 'update'),
	run: (ctx, input, s) =>
		change(ctx, s, async () => {
			if (input.anonymousCount === s.anonymousCount) return { rows: 0 };
			await ctx.db
				.update(activitiesSession)
				.set({ anonymousCount: input.anonymousCount, updatedAt: new Date() })
				.where(eq(activitiesSession.id, s.id));
			return { rows: 0, anonymousCount: input.anonymousCount };
		}),
	audit: changeAudit('headcount')
});

/** The roles of the actor's grants for recording that cover the session's place. */
const coveringRoles = (ctx: Ctx, s: AttendanceSession) =>
	grantsHolding(ctx.actor, RECORD)
		.filter((g) => covers(g, s))
		.map((g) => g.role);

/** Whether the actor may close this session's attendance (the checklist offers the button only then). */
export const mayCloseSession = (ctx: Ctx, s: AttendanceSession) => mayClose(ctx.actor, s.organiserUserId, coveringRoles(ctx, s));

export const closeAttendance = defineVerb({
	name: 'activities.attendance.close',
	summary: 'Close a session’s attendance (its organiser or a coordinator): later changes are late corrections',
	permission: permission(RECORD),
	input: closeAttendanceInput,
	writes: true,
	access: async (ctx, input) => {
		const s = await openSession(ctx, input.sessionId, input.activityId, 'update');
		if (!mayCloseSession(ctx, s)) throw new ForbiddenError('activities.attendance.close');
		return s;
	},
	run: async (ctx, _input, s) => {
		// Closing twice keeps the first close: who closed it and when stay true.
		if (s.closedAt) return { sessionId: s.id, closedAt: s.closedAt, changed: false, present: await presentCount(ctx, s.id) };
		const closedAt = new Date();
		await ctx.db
			.update(activitiesSession)
			.set({ closedAt, closedByUserId: ctx.actor.userId, updatedAt: closedAt })
			.where(eq(activitiesSession.id, s.id));
		return { sessionId: s.id, closedAt, changed: true, present: await presentCount(ctx, s.id) };
	},
	audit: (_input, out, s) =>
		out.changed
			? {
					action: 'update',
					entity: 'activities_session',
					entityId: out.sessionId,
					details: { attendance: 'close', present: out.present, anonymousCount: s.anonymousCount }
				}
			: null
});
