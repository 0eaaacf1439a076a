import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { mergePeople, registerPerson } from '../../src/lib/server/people/index.ts';
import { activitiesAttendance, activitiesRegistration, activitiesSession } from '../../src/lib/server/activities/schema.ts';
import { createActivity, registerForActivity } from '../../src/lib/server/activities/index.ts';
import { addDays, todayInBelgium } from '../../src/lib/server/core/index.ts';

// Merging two records of one person who both came to the same session: the attendance primary key
// (session, person) would be broken by the move, so the merged record's row goes first and the session
// still counts one person. Their sessions apart move over; a double registration is cancelled.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const area = await makeArea(db);
const worker = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const w = ctxFor(db, worker.actor);

describe('mergePeople with activities', () => {
	it('keeps one attendance row per session and moves the rest', async () => {
		const kept = await registerPerson(w, { firstName: 'Fatma', organisationId: org.id, areaId: area.id });
		const gone = await registerPerson(w, { firstName: 'Fatma', lastName: 'Y.', organisationId: org.id, areaId: area.id });
		const today = todayInBelgium();
		const { id } = await createActivity(w, {
			organisationId: org.id,
			areaId: area.id,
			kind: 'recurring',
			title: 'Sociale kruidenier',
			placeName: 'Buurthuis',
			recurrence: 'weekly',
			startsOn: addDays(today, -14),
			endsOn: addDays(today, -1),
			startTime: '10:00',
			durationMinutes: 60
		});
		const sessions = await db.select().from(activitiesSession).where(eq(activitiesSession.activityId, id)).orderBy(activitiesSession.startsAt);
		const row = (sessionId: string, personId: string) => ({
			sessionId,
			personId,
			activityId: id,
			organisationId: org.id,
			areaId: area.id,
			sessionStartsAt: sessions.find((s) => s.id === sessionId)!.startsAt
		});
		// Both records came to the first session; only the merged one to the second.
		await db.insert(activitiesAttendance).values([row(sessions[0]!.id, kept.id), row(sessions[0]!.id, gone.id), row(sessions[1]!.id, gone.id)]);
		await registerForActivity(w, { activityId: id, personId: kept.id });
		await registerForActivity(w, { activityId: id, personId: gone.id });

		const out = await mergePeople(w, { id: gone.id, into: kept.id });
		expect(out.resolved).toMatchObject({ 'activities_attendance.deleted': 1, 'activities_registration.cancelled': 1 });
		const attendance = await db.select().from(activitiesAttendance).where(eq(activitiesAttendance.activityId, id));
		expect(attendance.map((a) => [a.sessionId, a.personId]).sort()).toEqual(
			[
				[sessions[0]!.id, kept.id],
				[sessions[1]!.id, kept.id]
			].sort()
		);
		const regs = await db.select().from(activitiesRegistration).where(eq(activitiesRegistration.activityId, id));
		expect(regs.map((r) => [r.personId, r.status]).sort()).toEqual([
			[kept.id, 'cancelled'],
			[kept.id, 'registered']
		]);
	});
});
