import type { Db } from '../../src/lib/server/db/client.ts';
import { activitiesActivity, activitiesAttendance, activitiesSession } from '../../src/lib/server/activities/schema.ts';
import { peopleHousehold, peopleHouseholdMember, peoplePerson, peoplePurpose } from '../../src/lib/server/people/schema.ts';

// Activities, sessions and attendance written straight into the tables, with chosen dates and people,
// so every reach figure has a known answer (the activities' verbs are another part's).

type Place = { organisationId: string; areaId: string | null };
type ActivityKind = (typeof activitiesActivity.$inferInsert)['kind'];

let seq = 0;

export async function makeActivity(db: Db, place: Place, facts: { title?: string; kind?: ActivityKind } = {}) {
	const [a] = await db
		.insert(activitiesActivity)
		.values({ ...place, kind: facts.kind ?? 'recurring', title: facts.title ?? `Activity ${++seq}`, startsOn: '2024-01-01' })
		.returning();
	return a!;
}

/** A session of two hours starting at `startsAt` (an ISO instant), with an optional anonymous headcount. */
export async function makeSession(
	db: Db,
	activity: { id: string; organisationId: string; areaId: string | null },
	startsAt: string,
	anonymousCount = 0
) {
	const start = new Date(startsAt);
	const [s] = await db
		.insert(activitiesSession)
		.values({
			activityId: activity.id,
			organisationId: activity.organisationId,
			areaId: activity.areaId,
			startsAt: start,
			endsAt: new Date(start.getTime() + 2 * 3600_000),
			anonymousCount
		})
		.returning();
	return s!;
}

/** These people came to the session (the copied columns as the attendance verb writes them). */
export async function attend(
	db: Db,
	session: { id: string; activityId: string; organisationId: string; areaId: string | null; startsAt: Date },
	personIds: string[]
) {
	if (!personIds.length) return;
	await db.insert(activitiesAttendance).values(
		personIds.map((personId) => ({
			sessionId: session.id,
			personId,
			activityId: session.activityId,
			organisationId: session.organisationId,
			areaId: session.areaId,
			sessionStartsAt: session.startsAt
		}))
	);
}

export async function makePeople(db: Db, place: Place, n: number, facts: Partial<typeof peoplePerson.$inferInsert> = {}) {
	if (n === 0) return [];
	const rows = await db
		.insert(peoplePerson)
		.values(Array.from({ length: n }, () => ({ firstName: `R${++seq}`, ...place, ...facts })))
		.returning();
	return rows;
}

/** A household with these members (joined on `joinedOn`, or always). */
export async function makeHousehold(db: Db, place: Place, personIds: string[], joinedOn: string | null = null, leftOn: string | null = null) {
	const [h] = await db.insert(peopleHousehold).values({ organisationId: place.organisationId, areaId: place.areaId }).returning();
	await db.insert(peopleHouseholdMember).values(
		personIds.map((personId, i) => ({
			householdId: h!.id,
			personId,
			role: i === 0 ? ('adult' as const) : ('child' as const),
			head: i === 0,
			joinedOn,
			leftOn
		}))
	);
	return h!;
}

/** An active purpose of the organisation under a basis that needs no consent (or consent, asked per person). */
export async function makePurpose(
	db: Db,
	organisationId: string,
	code: (typeof peoplePurpose.$inferInsert)['code'],
	lawfulBasis: 'consent' | 'public_task' = 'public_task'
) {
	const [p] = await db.insert(peoplePurpose).values({ organisationId, code, lawfulBasis, retentionDays: 730 }).onConflictDoNothing().returning();
	return p;
}
