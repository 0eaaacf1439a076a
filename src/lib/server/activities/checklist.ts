import { and, count, desc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { containsPattern, defineVerb } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { peoplePerson } from '../people/index.ts';
import { activitiesActivity, activitiesAttendance, activitiesRegistration, activitiesSession } from './schema.ts';
import { checklistInput } from './attendance-validation.ts';
import { checklistOrder, nameMatches, shortName } from './attendance-rules.ts';
import { mayCloseSession, sessionForAttendance } from './attendance.ts';

// The checklist of one session (the read model of the attendance page): who registered, who came
// before to this activity, who is ticked, and a search over the organisation's people.

/** People who came before, most recent first: enough for a weekly workshop's regulars, not a year's list. */
const RETURNING_MAX = 150;
const SEARCH_MAX = 20;

type Named = { id: string; firstName: string; lastName: string | null };

export const getChecklist = defineVerb({
	name: 'activities.attendance.checklist',
	summary: 'One session’s attendance checklist: registered, regulars, who is ticked, and a name search (the read is audited)',
	permission: permission('activities.attendance.record'),
	input: checklistInput,
	writes: false,
	access: (ctx, input) => sessionForAttendance(ctx, input.sessionId, input.activityId, null),
	run: async (ctx, input, s) => {
		const live = and(isNull(peoplePerson.erasedAt), isNull(peoplePerson.mergedIntoId));
		const person = { id: peoplePerson.id, firstName: peoplePerson.firstName, lastName: peoplePerson.lastName };
		const forThis = and(
			eq(activitiesRegistration.activityId, s.activityId),
			or(isNull(activitiesRegistration.sessionId), eq(activitiesRegistration.sessionId, s.id)),
			eq(activitiesRegistration.status, 'registered')
		);
		const [info, registered, registeredCount, present, returning, found] = await Promise.all([
			ctx.db
				.select({
					title: activitiesActivity.title,
					startsAt: activitiesSession.startsAt,
					endsAt: activitiesSession.endsAt,
					placeName: sql<string | null>`coalesce(${activitiesSession.placeName}, ${activitiesActivity.placeName})`
				})
				.from(activitiesSession)
				.innerJoin(activitiesActivity, eq(activitiesActivity.id, activitiesSession.activityId))
				.where(eq(activitiesSession.id, s.id)),
			ctx.db
				.selectDistinct(person)
				.from(activitiesRegistration)
				.innerJoin(peoplePerson, eq(peoplePerson.id, activitiesRegistration.personId))
				.where(and(forThis, live)),
			ctx.db.select({ n: count() }).from(activitiesRegistration).where(forThis),
			ctx.db
				.select({ ...person, erased: sql<boolean>`${peoplePerson.erasedAt} is not null` })
				.from(activitiesAttendance)
				.innerJoin(peoplePerson, eq(peoplePerson.id, activitiesAttendance.personId))
				.where(eq(activitiesAttendance.sessionId, s.id)),
			ctx.db
				.select({ ...person, last: sql<Date>`max(${activitiesAttendance.sessionStartsAt})` })
				.from(activitiesAttendance)
				.innerJoin(peoplePerson, eq(peoplePerson.id, activitiesAttendance.personId))
				.where(and(eq(activitiesAttendance.activityId, s.activityId), ne(activitiesAttendance.sessionId, s.id), live))
				.groupBy(peoplePerson.id)
				.orderBy(desc(sql`max(${activitiesAttendance.sessionStartsAt})`))
				.limit(RETURNING_MAX),
			input.q
				? ctx.db
						.select(person)
						.from(peoplePerson)
						.where(
							and(
								eq(peoplePerson.organisationId, s.organisationId),
								live,
								sql`${peoplePerson.searchName} like people_fold(${containsPattern(input.q)})`
							)
						)
						.orderBy(peoplePerson.firstName, peoplePerson.lastName)
						.limit(SEARCH_MAX)
				: Promise.resolve([] as Named[])
		]);
		const ticked = new Set(present.map((p) => p.id));
		const named = (p: Named) => ({ id: p.id, name: shortName(p.firstName, p.lastName) });
		// Those ticked from a search stay on the list (after the others), so a tick can be undone.
		const listed = new Set([...registered, ...returning].map((p) => p.id));
		const extra = [...present.filter((p) => !p.erased && !listed.has(p.id)), ...found];
		// A search narrows the list to the names that match, and adds the organisation's other matches.
		const q = input.q;
		const keep = (p: Named) => !q || nameMatches(p.firstName, p.lastName, q);
		const people = checklistOrder(registered.filter(keep).map(named), returning.filter(keep).map(named), extra.filter(keep).map(named)).map((p) => ({
			...p,
			present: ticked.has(p.id),
			found: found.some((f) => f.id === p.id)
		}));
		return {
			session: {
				id: s.id,
				activityId: s.activityId,
				title: info[0]!.title,
				startsAt: info[0]!.startsAt,
				endsAt: info[0]!.endsAt,
				placeName: info[0]!.placeName,
				closedAt: s.closedAt,
				cancelled: s.cancelledAt !== null
			},
			mayClose: mayCloseSession(ctx, s),
			people,
			searched: input.q ?? null,
			counts: { present: present.length, anonymousCount: s.anonymousCount, registered: registeredCount[0]!.n }
		};
	},
	// Names of people at an activity are personal data: the read is audited.
	audit: ({ sessionId }) => ({ action: 'read', entity: 'activities_session', entityId: sessionId, details: { attendance: 'checklist' } })
});
