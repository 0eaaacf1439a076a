import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, belgianClock, defineVerb, NotFoundError, PUBLIC, startOfBelgianDay, todayInBelgium, type Ctx } from '../core/index.ts';
import { areasArea, areasPlace } from '../areas/index.ts';
import { activitiesActivity, activitiesRegistration, activitiesSession } from './schema.ts';

// What anyone may see of activities, signed in or not: the public ones (public = true, not archived)
// of one neighbourhood, and their sessions from today on. No personal data: only how many places are
// taken, never who took them.

/** The neighbourhood page and its feed show this far ahead. */
export const PUBLIC_WEEKS = 8;
/** An activity's own page and feed list at most this many sessions to come. */
const ACTIVITY_SESSIONS = 30;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A path's code or id: a long one is cut, never refused (it is then simply unknown).
const ref = z.string().transform((s) => s.slice(0, 100));

export type PublicSession = { id: string; startsAt: Date; endsAt: Date; place: string | null; updatedAt: Date };
/** How a series repeats, read on the Belgian clock of its next session (0 = Monday). */
export type PublicPattern = { recurrence: string; day: number; start: number; end: number } | null;
export type PublicActivity = {
	id: string;
	kind: string;
	title: string;
	description: string | null;
	place: string | null;
	address: string | null;
	pattern: PublicPattern;
	sessions: PublicSession[];
};

async function areaOf(ctx: Ctx, code: string) {
	const [area] = await ctx.db
		.select({ id: areasArea.id, name: areasArea.name, city: areasArea.city, code: areasArea.code })
		.from(areasArea)
		.where(eq(areasArea.code, code))
		.limit(1);
	if (!area) throw new NotFoundError();
	return area;
}

const shownActivity = (areaId: string) =>
	and(eq(activitiesActivity.areaId, areaId), eq(activitiesActivity.public, true), isNull(activitiesActivity.archivedAt));

async function activitiesWithSessions(ctx: Ctx, areaId: string, opts: { id?: string; weeks?: number; limit?: number }): Promise<PublicActivity[]> {
	const today = todayInBelgium();
	const rows = await ctx.db
		.select({
			id: activitiesActivity.id,
			kind: activitiesActivity.kind,
			title: activitiesActivity.title,
			description: activitiesActivity.description,
			recurrence: activitiesActivity.recurrence,
			placeName: activitiesActivity.placeName,
			placeHouse: areasPlace.name,
			address: areasPlace.address
		})
		.from(activitiesActivity)
		.leftJoin(areasPlace, eq(areasPlace.id, activitiesActivity.placeId))
		.where(and(shownActivity(areaId), opts.id ? eq(activitiesActivity.id, opts.id) : undefined))
		.orderBy(asc(activitiesActivity.title), asc(activitiesActivity.id));
	if (!rows.length) return [];
	const sessions = await ctx.db
		.select({
			id: activitiesSession.id,
			activityId: activitiesSession.activityId,
			startsAt: activitiesSession.startsAt,
			endsAt: activitiesSession.endsAt,
			placeName: activitiesSession.placeName,
			placeHouse: areasPlace.name,
			updatedAt: activitiesSession.updatedAt
		})
		.from(activitiesSession)
		.leftJoin(areasPlace, eq(areasPlace.id, activitiesSession.placeId))
		.where(
			and(
				inArray(
					activitiesSession.activityId,
					rows.map((r) => r.id)
				),
				isNull(activitiesSession.cancelledAt),
				// From today on: a session that already ended is not shown, one under way is.
				gte(activitiesSession.endsAt, new Date()),
				opts.weeks ? lt(activitiesSession.startsAt, startOfBelgianDay(addDays(today, opts.weeks * 7))) : undefined
			)
		)
		.orderBy(asc(activitiesSession.startsAt), asc(activitiesSession.id));
	const byActivity = new Map<string, PublicSession[]>();
	for (const s of sessions) {
		const list = byActivity.get(s.activityId) ?? [];
		if (!opts.limit || list.length < opts.limit)
			list.push({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, place: s.placeName ?? s.placeHouse ?? null, updatedAt: s.updatedAt });
		byActivity.set(s.activityId, list);
	}
	return rows.map((r) => {
		const list = byActivity.get(r.id) ?? [];
		const next = list[0];
		const pattern: PublicPattern =
			next && r.recurrence && r.recurrence !== 'dates'
				? {
						recurrence: r.recurrence,
						day: belgianClock(next.startsAt).dayOfWeek - 1,
						start: belgianClock(next.startsAt).minute,
						end: belgianClock(next.startsAt).minute + Math.round((next.endsAt.getTime() - next.startsAt.getTime()) / 60_000)
					}
				: null;
		return {
			id: r.id,
			kind: r.kind,
			title: r.title,
			description: r.description,
			place: next?.place ?? r.placeName ?? r.placeHouse ?? null,
			address: r.address ?? null,
			pattern,
			sessions: list
		};
	});
}

/** A neighbourhood's public activities with a session in the next eight weeks, and those sessions. */
export const publicActivities = defineVerb({
	name: 'activities.activity.public_list',
	summary: 'A neighbourhood’s public activities and their sessions of the next eight weeks. No token needed',
	permission: PUBLIC,
	input: z.object({ code: ref }),
	writes: false,
	access: () => null,
	run: async (ctx, { code }) => {
		const area = await areaOf(ctx, code);
		// Only what one can still go to: a one-off that took place, or a series with nothing planned, is left out.
		const activities = await activitiesWithSessions(ctx, area.id, { weeks: PUBLIC_WEEKS });
		return { area, activities: activities.filter((a) => a.sessions.length > 0) };
	}
});

/**
 * One public activity of a neighbourhood, its sessions to come and how many places are left. Private,
 * archived, another neighbourhood's or unknown: the same 404.
 */
export const publicActivity = defineVerb({
	name: 'activities.activity.public_read',
	summary: 'One public activity of a neighbourhood, its sessions to come and the places left. No token needed',
	permission: PUBLIC,
	input: z.object({ code: ref, id: ref }),
	writes: false,
	access: () => null,
	run: async (ctx, { code, id }) => {
		if (!UUID.test(id)) throw new NotFoundError();
		const area = await areaOf(ctx, code);
		const [activity] = await activitiesWithSessions(ctx, area.id, { id, limit: ACTIVITY_SESSIONS });
		if (!activity) throw new NotFoundError();
		const [{ capacity }] = (await ctx.db
			.select({ capacity: activitiesActivity.capacity })
			.from(activitiesActivity)
			.where(eq(activitiesActivity.id, id))) as [{ capacity: number }];
		const taken = await placesTaken(ctx, id);
		return { area, activity, capacity, placesLeft: capacity ? Math.max(0, capacity - taken) : null };
	}
});

/** Registrations that take a place (status registered), for the series or any of its sessions. */
export async function placesTaken(ctx: Ctx, activityId: string): Promise<number> {
	const [row] = await ctx.db
		.select({ n: sql<number>`count(*)::int` })
		.from(activitiesRegistration)
		.where(and(eq(activitiesRegistration.activityId, activityId), eq(activitiesRegistration.status, 'registered')));
	return row?.n ?? 0;
}
