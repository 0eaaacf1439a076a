import type { Db } from '../../src/lib/server/db/client.ts';
import { activitiesActivity, activitiesAttendance, activitiesSession } from '../../src/lib/server/activities/schema.ts';
import { fieldworkContact, fieldworkContactParty } from '../../src/lib/server/fieldwork/schema.ts';
import { peopleHousehold, peopleHouseholdMember, peoplePerson } from '../../src/lib/server/people/schema.ts';
import type { Theme } from '../../src/lib/themes.ts';

// Rows for the indicators' tests, written straight into the tables with chosen dates, so every value
// has a known answer (the activities' own verbs are built by another part at the same time).

type Place = { organisationId: string; areaId: string | null };

export async function person(db: Db, place: Place, birthYear: number | null = null, firstName = 'P') {
	const [p] = await db
		.insert(peoplePerson)
		.values({ ...place, firstName, birthYear })
		.returning({ id: peoplePerson.id });
	return p!.id;
}

/** A household with members since `joinedOn` (null: always). */
export async function household(db: Db, place: Place, members: string[], joinedOn: string | null = null) {
	const [h] = await db.insert(peopleHousehold).values(place).returning({ id: peopleHousehold.id });
	for (const personId of members) await db.insert(peopleHouseholdMember).values({ householdId: h!.id, personId, role: 'adult', joinedOn });
	return h!.id;
}

export async function activity(db: Db, place: Place, f: { title?: string; kind?: 'recurring' | 'one_off' | 'focus_group'; themes?: Theme[] } = {}) {
	const [a] = await db
		.insert(activitiesActivity)
		.values({ ...place, kind: f.kind ?? 'recurring', title: f.title ?? 'Naaiatelier', themes: f.themes ?? [], startsOn: '2025-01-01' })
		.returning({ id: activitiesActivity.id });
	return { id: a!.id, ...place };
}

/** A session starting at `at` (an ISO instant) lasting `minutes`, optionally cancelled. */
export async function session(db: Db, a: { id: string } & Place, at: string, minutes = 120, cancelled = false) {
	const startsAt = new Date(at);
	const [s] = await db
		.insert(activitiesSession)
		.values({
			activityId: a.id,
			organisationId: a.organisationId,
			areaId: a.areaId,
			startsAt,
			endsAt: new Date(startsAt.getTime() + minutes * 60_000),
			cancelledAt: cancelled ? new Date() : null
		})
		.returning({ id: activitiesSession.id });
	return { organisationId: a.organisationId, areaId: a.areaId, id: s!.id, activityId: a.id, startsAt };
}

export async function attend(db: Db, s: { id: string; activityId: string; startsAt: Date } & Place, personIds: string[]) {
	if (!personIds.length) return;
	await db.insert(activitiesAttendance).values(
		personIds.map((personId) => ({
			sessionId: s.id,
			personId,
			activityId: s.activityId,
			organisationId: s.organisationId,
			areaId: s.areaId,
			sessionStartsAt: s.startsAt
		}))
	);
}

export async function contact(
	db: Db,
	place: Place,
	f: {
		type: (typeof fieldworkContact.$inferInsert)['type'];
		at: string;
		minutes: number;
		themes?: Theme[];
		with?: string[];
		anonymous?: { count: number; from?: number; to?: number };
	}
) {
	const [c] = await db
		.insert(fieldworkContact)
		.values({
			...place,
			type: f.type,
			startedAt: new Date(f.at),
			durationMinutes: f.minutes,
			themes: f.themes ?? ['leisure'],
			anonymousCount: f.anonymous?.count ?? 0,
			anonymousAgeFrom: f.anonymous?.from ?? null,
			anonymousAgeTo: f.anonymous?.to ?? null
		})
		.returning({ id: fieldworkContact.id });
	for (const personId of f.with ?? []) await db.insert(fieldworkContactParty).values({ contactId: c!.id, role: 'with', personId });
	return c!.id;
}
