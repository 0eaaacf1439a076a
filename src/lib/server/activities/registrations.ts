import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { InvalidError, NotFoundError, defineVerb, todayInBelgium, type Ctx } from '../core/index.ts';
import { inScope, permission } from '../access/index.ts';
import { peopleHousehold, peopleHouseholdMember, peoplePerson } from '../people/index.ts';
import { activitiesRegistration, activitiesSession, type ActivityRow } from './schema.ts';
import { cancelRegistrationInput, registerInput } from './validation.ts';
import { activityFor } from './activities.ts';

// Registrations: a known person, or a whole household at once (one row per current member, the
// household noted), for the series or one session. Beyond the capacity people go on the waiting list
// in the order they came; a cancelled place goes to the first one waiting. The activity row is locked
// for the whole change, so two registrations at once cannot both take the last place.

type PgFailure = { code?: string; constraint?: string; cause?: PgFailure };

function twice(e: unknown): never {
	const pg = (e as PgFailure).cause ?? (e as PgFailure);
	if (pg.code === '23505' && pg.constraint === 'activities_registration_person') throw new InvalidError({ personId: 'act_error_already_registered' });
	throw e;
}

/** Registrations for the same thing: the series (session null), or one session. */
const sameTarget = (activityId: string, sessionId: string | null) =>
	and(
		eq(activitiesRegistration.activityId, activityId),
		sessionId ? eq(activitiesRegistration.sessionId, sessionId) : isNull(activitiesRegistration.sessionId)
	);

/** Places taken: for a session, those registered for it and for the whole series. */
async function taken(ctx: Ctx, activityId: string, sessionId: string | null): Promise<number> {
	const [row] = await ctx.db
		.select({ n: sql<number>`count(*)`.mapWith(Number) })
		.from(activitiesRegistration)
		.where(
			and(
				eq(activitiesRegistration.activityId, activityId),
				eq(activitiesRegistration.status, 'registered'),
				sessionId
					? or(eq(activitiesRegistration.sessionId, sessionId), isNull(activitiesRegistration.sessionId))
					: isNull(activitiesRegistration.sessionId)
			)
		);
	return row!.n;
}

/** A person of the activity's organisation the actor may read; anyone else is unknown. */
async function personFor(ctx: Ctx, activity: ActivityRow, personId: string) {
	const [p] = await ctx.db
		.select({
			id: peoplePerson.id,
			organisationId: peoplePerson.organisationId,
			areaId: peoplePerson.areaId,
			erasedAt: peoplePerson.erasedAt,
			mergedIntoId: peoplePerson.mergedIntoId
		})
		.from(peoplePerson)
		.where(eq(peoplePerson.id, personId));
	const person = inScope(ctx.actor, 'people.person.read', p && !p.erasedAt && !p.mergedIntoId ? p : undefined);
	if (person.organisationId !== activity.organisationId) throw new NotFoundError();
	return person.id;
}

/** The current members of a household of the activity's organisation (members today). */
async function membersOf(ctx: Ctx, activity: ActivityRow, householdId: string) {
	const [h] = await ctx.db.select().from(peopleHousehold).where(eq(peopleHousehold.id, householdId));
	const household = inScope(ctx.actor, 'people.person.read', h);
	if (household.organisationId !== activity.organisationId) throw new NotFoundError();
	const today = todayInBelgium();
	const members = await ctx.db
		.select({ personId: peopleHouseholdMember.personId })
		.from(peopleHouseholdMember)
		.innerJoin(peoplePerson, eq(peoplePerson.id, peopleHouseholdMember.personId))
		.where(
			and(
				eq(peopleHouseholdMember.householdId, household.id),
				or(isNull(peopleHouseholdMember.joinedOn), sql`${peopleHouseholdMember.joinedOn} <= ${today}`),
				or(isNull(peopleHouseholdMember.leftOn), sql`${peopleHouseholdMember.leftOn} > ${today}`),
				isNull(peoplePerson.erasedAt)
			)
		)
		.orderBy(asc(peopleHouseholdMember.createdAt));
	if (!members.length) throw new InvalidError({ householdId: 'act_error_household_empty' });
	return members.map((m) => m.personId);
}

export const registerForActivity = defineVerb({
	name: 'activities.registration.create',
	summary: 'Register a person or a whole household for an activity (the series or one session); beyond its capacity they go on the waiting list',
	permission: permission('activities.registration.manage'),
	input: registerInput,
	writes: true,
	access: (ctx, { activityId }) => activityFor(ctx, activityId, 'activities.registration.manage'),
	run: async (ctx, input, activity) => {
		const sessionId = input.sessionId ?? null;
		if (sessionId) {
			const [s] = await ctx.db.select().from(activitiesSession).where(eq(activitiesSession.id, sessionId));
			if (!s || s.activityId !== activity.id || s.cancelledAt) throw new InvalidError({ sessionId: 'error_choice' });
		}
		const candidates = input.personId ? [await personFor(ctx, activity, input.personId)] : await membersOf(ctx, activity, input.householdId!);
		const live = await ctx.db
			.select({ personId: activitiesRegistration.personId })
			.from(activitiesRegistration)
			.where(and(sameTarget(activity.id, sessionId), sql`${activitiesRegistration.status} <> 'cancelled'`));
		const already = new Set(live.map((r) => r.personId));
		// A household registered again adds only its members not yet on the list.
		const people = candidates.filter((id) => !already.has(id));
		if (!people.length)
			throw new InvalidError(input.personId ? { personId: 'act_error_already_registered' } : { householdId: 'act_error_already_registered' });
		let places = await taken(ctx, activity.id, sessionId);
		const rows = people.map((personId) => {
			const free = activity.capacity === 0 || places < activity.capacity;
			if (free) places++;
			return {
				activityId: activity.id,
				sessionId,
				organisationId: activity.organisationId,
				personId,
				householdId: input.householdId ?? null,
				status: free ? ('registered' as const) : ('waiting' as const),
				recordedByUserId: ctx.actor.userId
			};
		});
		const made = await ctx.db
			.insert(activitiesRegistration)
			.values(rows)
			.returning({ id: activitiesRegistration.id, personId: activitiesRegistration.personId, status: activitiesRegistration.status })
			.catch(twice);
		return { activityId: activity.id, registrations: made };
	},
	audit: (_input, out) =>
		out.registrations.map((r) => ({
			action: 'create' as const,
			entity: 'activities_registration',
			entityId: r.id,
			details: { activityId: out.activityId, status: r.status }
		}))
});

export const cancelRegistration = defineVerb({
	name: 'activities.registration.cancel',
	summary: 'Cancel a registration; a place it held goes to the first one on the waiting list',
	permission: permission('activities.registration.manage'),
	input: cancelRegistrationInput,
	writes: true,
	access: async (ctx, { id }) => {
		const [r] = await ctx.db.select().from(activitiesRegistration).where(eq(activitiesRegistration.id, id));
		if (!r) throw new NotFoundError();
		return { registration: r, activity: await activityFor(ctx, r.activityId, 'activities.registration.manage') };
	},
	run: async (ctx, _input, { registration, activity }) => {
		if (registration.status === 'cancelled') return { id: registration.id, activityId: activity.id, movedUp: [] as string[] };
		await ctx.db
			.update(activitiesRegistration)
			.set({ status: 'cancelled', updatedAt: new Date() })
			.where(eq(activitiesRegistration.id, registration.id));
		const movedUp: string[] = [];
		if (registration.status === 'registered') {
			const waiting = await ctx.db
				.select({ id: activitiesRegistration.id })
				.from(activitiesRegistration)
				.where(and(sameTarget(activity.id, registration.sessionId), eq(activitiesRegistration.status, 'waiting')))
				.orderBy(asc(activitiesRegistration.createdAt), asc(activitiesRegistration.id));
			let places = await taken(ctx, activity.id, registration.sessionId);
			for (const w of waiting) {
				if (activity.capacity !== 0 && places >= activity.capacity) break;
				await ctx.db.update(activitiesRegistration).set({ status: 'registered', updatedAt: new Date() }).where(eq(activitiesRegistration.id, w.id));
				movedUp.push(w.id);
				places++;
			}
		}
		return { id: registration.id, activityId: activity.id, movedUp };
	},
	audit: (_input, out) => [
		{ action: 'update' as const, entity: 'activities_registration', entityId: out.id, details: { status: 'cancelled' } },
		...out.movedUp.map((id) => ({
			action: 'update' as const,
			entity: 'activities_registration',
			entityId: id,
			details: { status: 'registered', movedUp: true }
		}))
	]
});
