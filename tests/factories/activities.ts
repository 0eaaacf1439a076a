import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/lib/server/db/client.ts';
import { activitiesActivity, activitiesRegistration, activitiesSession } from '../../src/lib/server/activities/schema.ts';

// Activities and sessions written straight into their tables: the attendance tests need a session to
// take attendance at, not the activities part's verbs (built beside them).

const suffix = () => randomBytes(3).toString('hex');

export async function makeActivity(
	db: Db,
	place: { organisationId: string; areaId: string | null },
	opts: { title?: string; organiserUserId?: string | null; kind?: 'recurring' | 'one_off' | 'focus_group' } = {}
) {
	const [row] = await db
		.insert(activitiesActivity)
		.values({
			organisationId: place.organisationId,
			areaId: place.areaId,
			kind: opts.kind ?? 'recurring',
			title: opts.title ?? `Naaiatelier ${suffix()}`,
			organiserUserId: opts.organiserUserId ?? null,
			recurrence: 'weekly',
			startsOn: '2026-01-05',
			placeName: 'Buurthuis Rabot'
		})
		.returning();
	return row!;
}

/** A session of `activity`, starting `startsAt` (two hours long); cancelled or closed when asked. */
export async function makeSession(
	db: Db,
	activity: { id: string; organisationId: string; areaId: string | null },
	opts: { startsAt?: Date; cancelled?: boolean; closed?: boolean } = {}
) {
	const startsAt = opts.startsAt ?? new Date('2026-11-24T13:00:00Z');
	const [row] = await db
		.insert(activitiesSession)
		.values({
			activityId: activity.id,
			organisationId: activity.organisationId,
			areaId: activity.areaId,
			startsAt,
			endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
			cancelledAt: opts.cancelled ? new Date() : null,
			closedAt: opts.closed ? new Date() : null
		})
		.returning();
	return row!;
}

/** A person registered ahead for the whole series of `activity`. */
export async function makeRegistration(db: Db, activity: { id: string; organisationId: string }, personId: string) {
	await db
		.insert(activitiesRegistration)
		.values({ activityId: activity.id, organisationId: activity.organisationId, personId, status: 'registered' });
}
