import { and, asc, eq, gt, inArray, isNull, notExists, sql } from 'drizzle-orm';
import { ForbiddenError, belgianDateOf, defineVerb, type Ctx } from '../core/index.ts';
import { can, inScope, permission } from '../access/index.ts';
import { activitiesActivity, activitiesAttendance, activitiesRegistration, activitiesSession, type ActivityRow } from './schema.ts';
import { createActivityInput, updateActivityInput, type CreateActivityInput, type UpdateActivityInput } from './validation.ts';
import { layOutSeries, slotOn, type Slot } from './series.ts';
import { checkOrganiser, checkPlace } from './checks.ts';

// Activities and their series. Sessions are rows: creating a series lays them out once; changing it
// lays them out again and replaces only the sessions still to come that nobody attended and nobody
// closed. What happened stays as it happened.

type Schedule = Pick<CreateActivityInput, 'kind' | 'recurrence' | 'startsOn' | 'endsOn' | 'startTime' | 'durationMinutes' | 'dates'>;

/** The sessions an activity's schedule gives: a series' layout, or one session for a one-off or a focus group. */
function slotsOf(s: Schedule): Slot[] {
	if (s.kind === 'recurring' && s.recurrence)
		return layOutSeries({
			recurrence: s.recurrence,
			startsOn: s.startsOn,
			endsOn: s.endsOn ?? null,
			startTime: s.startTime,
			durationMinutes: s.durationMinutes,
			dates: s.dates
		});
	return [slotOn(s.startsOn, s.startTime, s.durationMinutes)];
}

/** The stored schedule: a series keeps its rhythm; picked dates span their first to last day. */
function scheduleColumns(s: Schedule, slots: Slot[]) {
	const recurring = s.kind === 'recurring';
	const days = recurring && s.recurrence === 'dates' ? [...s.dates].sort() : null;
	return {
		recurrence: recurring ? (s.recurrence ?? null) : null,
		startsOn: days ? days[0]! : s.startsOn,
		endsOn: days ? days[days.length - 1]! : recurring ? (s.endsOn ?? null) : s.startsOn,
		startTime: s.startTime,
		durationMinutes: s.durationMinutes,
		sessions: slots.length
	};
}

const recordFields = (i: CreateActivityInput | UpdateActivityInput) => ({
	title: i.title,
	description: i.description ?? null,
	placeId: i.placeId ?? null,
	placeName: i.placeId ? null : (i.placeName ?? null),
	lat: i.lat ?? null,
	lon: i.lon ?? null,
	themes: i.themes,
	targetGroups: i.targetGroups,
	capacity: i.capacity,
	public: i.public
});

const sessionRows = (a: Pick<ActivityRow, 'id' | 'organisationId' | 'areaId' | 'placeId' | 'placeName'>, slots: Slot[]) =>
	slots.map((s) => ({
		activityId: a.id,
		organisationId: a.organisationId,
		areaId: a.areaId,
		startsAt: s.startsAt,
		endsAt: s.endsAt,
		placeId: a.placeId,
		placeName: a.placeName
	}));

export const createActivity = defineVerb({
	name: 'activities.activity.create',
	summary: 'Create an activity (a recurring series with its sessions laid out, a one-off event or a focus group)',
	permission: permission('activities.activity.manage'),
	input: createActivityInput,
	writes: true,
	access: (ctx, { organisationId, areaId }) => {
		const where = { organisationId, areaId: areaId ?? null };
		if (!can(ctx.actor, 'activities.activity.manage', where)) throw new ForbiddenError('activities.activity.manage');
		return where;
	},
	run: async (ctx, input, where) => {
		await checkPlace(ctx, input.placeId, where);
		const organiser = input.organiserUserId ?? ctx.actor.userId;
		if (input.organiserUserId) await checkOrganiser(ctx, input.organiserUserId, where.organisationId);
		const slots = slotsOf(input);
		const { sessions, ...schedule } = scheduleColumns(input, slots);
		const [row] = await ctx.db
			.insert(activitiesActivity)
			.values({ ...where, kind: input.kind, ...recordFields(input), ...schedule, organiserUserId: organiser, createdByUserId: ctx.actor.userId })
			.returning();
		await ctx.db.insert(activitiesSession).values(sessionRows(row!, slots));
		return { id: row!.id, sessions };
	},
	audit: (_input, out) => ({ action: 'create', entity: 'activities_activity', entityId: out.id, details: { sessions: out.sessions } })
});

/** The activity locked for a change: unknown and out of reach look alike; readable but not changeable is a 403. */
export async function activityFor(
	ctx: Ctx,
	id: string,
	manage: 'activities.activity.manage' | 'activities.registration.manage'
): Promise<ActivityRow> {
	const [a] = await ctx.db.select().from(activitiesActivity).where(eq(activitiesActivity.id, id)).for('update');
	const activity = inScope(ctx.actor, 'activities.activity.read', a);
	if (!can(ctx.actor, manage, activity)) throw new ForbiddenError(manage);
	return activity;
}

/** Sessions still to come that may be laid out again: not attended by anyone, not closed. */
async function replaceable(ctx: Ctx, activityId: string, now: Date) {
	return ctx.db
		.select({ id: activitiesSession.id, startsAt: activitiesSession.startsAt })
		.from(activitiesSession)
		.where(
			and(
				eq(activitiesSession.activityId, activityId),
				gt(activitiesSession.startsAt, now),
				isNull(activitiesSession.closedAt),
				notExists(
					ctx.db
						.select({ one: sql`1` })
						.from(activitiesAttendance)
						.where(eq(activitiesAttendance.sessionId, activitiesSession.id))
				)
			)
		)
		.orderBy(asc(activitiesSession.startsAt));
}

export const updateActivity = defineVerb({
	name: 'activities.activity.update',
	summary:
		'Change an activity; a new time, length, place, rhythm or end replaces only its sessions to come that nobody attended and that are not closed',
	permission: permission('activities.activity.manage'),
	input: updateActivityInput,
	writes: true,
	access: (ctx, { id }) => activityFor(ctx, id, 'activities.activity.manage'),
	run: async (ctx, input, activity) => {
		await checkPlace(ctx, input.placeId, activity);
		if (input.organiserUserId) await checkOrganiser(ctx, input.organiserUserId, activity.organisationId);
		const now = new Date();
		const schedule = { ...input, kind: activity.kind };
		const slots = slotsOf(schedule);
		const { sessions: _count, ...columns } = scheduleColumns(schedule, slots);
		const record = recordFields(input);
		const [row] = await ctx.db
			.update(activitiesActivity)
			.set({ ...record, ...columns, organiserUserId: input.organiserUserId ?? activity.organiserUserId, updatedAt: now })
			.where(eq(activitiesActivity.id, activity.id))
			.returning();

		// Kept: every past session, and those to come someone attended or the organiser closed.
		const open = await replaceable(ctx, activity.id, now);
		const all = await ctx.db
			.select({ id: activitiesSession.id, startsAt: activitiesSession.startsAt })
			.from(activitiesSession)
			.where(eq(activitiesSession.activityId, activity.id));
		const openIds = new Set(open.map((s) => s.id));
		// A day that keeps a session (attended, closed) gets no second one from the new layout.
		const keptDays = new Set(all.filter((s) => !openIds.has(s.id)).map((s) => belgianDateOf(s.startsAt)));
		const wanted = slots.filter((s) => s.startsAt > now && !keptDays.has(belgianDateOf(s.startsAt)));
		// Pair the open sessions with the new layout in order and move them: their registrations stay theirs.
		const paired = Math.min(open.length, wanted.length);
		for (let i = 0; i < paired; i++)
			await ctx.db
				.update(activitiesSession)
				.set({
					startsAt: wanted[i]!.startsAt,
					endsAt: wanted[i]!.endsAt,
					placeId: row!.placeId,
					placeName: row!.placeName,
					cancelledAt: null,
					updatedAt: now
				})
				.where(eq(activitiesSession.id, open[i]!.id));
		if (wanted.length > paired) await ctx.db.insert(activitiesSession).values(sessionRows(row!, wanted.slice(paired)));
		const left = open.slice(paired).map((s) => s.id);
		let removed = 0;
		let cancelled = 0;
		if (left.length) {
			// A session someone registered for alone is cancelled (they can be told), the others removed.
			const held = await ctx.db
				.selectDistinct({ id: activitiesRegistration.sessionId })
				.from(activitiesRegistration)
				.where(inArray(activitiesRegistration.sessionId, left));
			const heldIds = held.map((h) => h.id!);
			const free = left.filter((id) => !heldIds.includes(id));
			if (heldIds.length)
				await ctx.db.update(activitiesSession).set({ cancelledAt: now, updatedAt: now }).where(inArray(activitiesSession.id, heldIds));
			if (free.length) await ctx.db.delete(activitiesSession).where(inArray(activitiesSession.id, free));
			removed = free.length;
			cancelled = heldIds.length;
		}
		return { id: activity.id, moved: paired, added: wanted.length - paired, removed, cancelled };
	},
	audit: (_input, out) => ({
		action: 'update',
		entity: 'activities_activity',
		entityId: out.id,
		details: { moved: out.moved, added: out.added, removed: out.removed, cancelled: out.cancelled }
	})
});
