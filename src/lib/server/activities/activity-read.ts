import { and, arrayContains, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { after, belgianDateOf, decodeCursor, defineVerb, pageOf } from '../core/index.ts';
import { grantedAreas, grantedOrganisations, inScope, permission, scopeFilter } from '../access/index.ts';
import { areasArea, areasPlace } from '../areas/index.ts';
import { peopleOrganisation, peoplePerson } from '../people/index.ts';
import { activitiesActivity, activitiesRegistration, activitiesSession } from './schema.ts';
import { activityIdInput, listActivitiesInput } from './validation.ts';
import { organisersOf } from './checks.ts';

// Reading activities: the list (scoped like every list: one OR term per grant) and one activity with its
// sessions and registrations, the waiting list in the order people joined it.

const placeOfActivity = { organisation: activitiesActivity.organisationId, area: activitiesActivity.areaId };

export const listActivities = defineVerb({
	name: 'activities.activity.list',
	summary: 'The activities the caller may see, newest first (filter by neighbourhood, kind, theme, public, period)',
	permission: permission('activities.activity.read'),
	input: listActivitiesInput,
	writes: false,
	access: (ctx) => scopeFilter(ctx.actor, 'activities.activity.read', placeOfActivity),
	run: async (ctx, input, scope) => {
		const key = input.cursor ? decodeCursor(input.cursor, ['string', 'string']) : null;
		const rows = await ctx.db
			.select({
				id: activitiesActivity.id,
				organisationId: activitiesActivity.organisationId,
				areaId: activitiesActivity.areaId,
				area: areasArea.name,
				kind: activitiesActivity.kind,
				title: activitiesActivity.title,
				themes: activitiesActivity.themes,
				public: activitiesActivity.public,
				capacity: activitiesActivity.capacity,
				startsOn: activitiesActivity.startsOn,
				endsOn: activitiesActivity.endsOn,
				nextSessionAt:
					sql<Date | null>`(select min(s.starts_at) from activities_session s where s.activity_id = ${activitiesActivity.id} and s.starts_at > now() and s.cancelled_at is null)`.mapWith(
						(v: string | null) => (v === null ? null : new Date(v))
					),
				sessions:
					sql<number>`(select count(*) from activities_session s where s.activity_id = ${activitiesActivity.id} and s.cancelled_at is null)`.mapWith(
						Number
					)
			})
			.from(activitiesActivity)
			.leftJoin(areasArea, eq(areasArea.id, activitiesActivity.areaId))
			.where(
				and(
					scope,
					isNull(activitiesActivity.archivedAt),
					input.areaId ? eq(activitiesActivity.areaId, input.areaId) : undefined,
					input.kind ? eq(activitiesActivity.kind, input.kind) : undefined,
					input.theme ? arrayContains(activitiesActivity.themes, [input.theme]) : undefined,
					input.public != null ? eq(activitiesActivity.public, input.public) : undefined,
					// An activity runs over [startsOn, endsOn]; a period is [from, to).
					input.to ? lt(activitiesActivity.startsOn, input.to) : undefined,
					input.from ? or(isNull(activitiesActivity.endsOn), gte(activitiesActivity.endsOn, input.from)) : undefined,
					key ? after([activitiesActivity.startsOn, activitiesActivity.id], key, 'desc') : undefined
				)
			)
			.orderBy(desc(activitiesActivity.startsOn), desc(activitiesActivity.id))
			.limit(input.limit + 1);
		return pageOf(rows, input.limit, (r) => [r.startsOn, r.id]);
	}
});

export const getActivity = defineVerb({
	name: 'activities.activity.read',
	summary: 'One activity with its sessions and registrations (the waiting list in order)',
	permission: permission('activities.activity.read'),
	input: activityIdInput,
	writes: false,
	access: async (ctx, { id }) => {
		const [a] = await ctx.db.select().from(activitiesActivity).where(eq(activitiesActivity.id, id));
		return inScope(ctx.actor, 'activities.activity.read', a);
	},
	run: async (ctx, _input, activity) => {
		const [sessions, registrations, extra] = await Promise.all([
			ctx.db
				.select({
					id: activitiesSession.id,
					startsAt: activitiesSession.startsAt,
					endsAt: activitiesSession.endsAt,
					placeId: activitiesSession.placeId,
					placeName: sql<string | null>`coalesce(${areasPlace.name}, ${activitiesSession.placeName})`,
					anonymousCount: activitiesSession.anonymousCount,
					cancelledAt: activitiesSession.cancelledAt,
					closedAt: activitiesSession.closedAt,
					attended: sql<number>`(select count(*) from activities_attendance t where t.session_id = ${activitiesSession.id})`.mapWith(Number)
				})
				.from(activitiesSession)
				.leftJoin(areasPlace, eq(areasPlace.id, activitiesSession.placeId))
				.where(eq(activitiesSession.activityId, activity.id))
				.orderBy(asc(activitiesSession.startsAt)),
			ctx.db
				.select({
					id: activitiesRegistration.id,
					sessionId: activitiesRegistration.sessionId,
					personId: activitiesRegistration.personId,
					householdId: activitiesRegistration.householdId,
					firstName: sql<string | null>`coalesce(${peoplePerson.firstName}, ${activitiesRegistration.firstName})`,
					lastName: peoplePerson.lastName,
					status: activitiesRegistration.status,
					statusClass: activitiesRegistration.statusClass,
					counted: activitiesRegistration.counted,
					createdAt: activitiesRegistration.createdAt
				})
				.from(activitiesRegistration)
				.leftJoin(peoplePerson, eq(peoplePerson.id, activitiesRegistration.personId))
				.where(eq(activitiesRegistration.activityId, activity.id))
				.orderBy(asc(activitiesRegistration.createdAt), asc(activitiesRegistration.id)),
			ctx.db
				.select({ place: areasPlace.name, area: areasArea.name, organisation: peopleOrganisation.name })
				.from(peopleOrganisation)
				.leftJoin(areasPlace, activity.placeId ? eq(areasPlace.id, activity.placeId) : sql`false`)
				.leftJoin(areasArea, activity.areaId ? eq(areasArea.id, activity.areaId) : sql`false`)
				.where(eq(peopleOrganisation.id, activity.organisationId))
		]);
		const organiser = activity.organiserUserId
			? (await organisersOf(ctx, [activity.organisationId])).find((o) => o.userId === activity.organiserUserId)
			: undefined;
		// The waiting list's order is the order people joined it, per series or per session.
		const waitingRank = new Map<string, number>();
		const counters = new Map<string, number>();
		for (const r of registrations)
			if (r.status === 'waiting') {
				const k = r.sessionId ?? '';
				const n = (counters.get(k) ?? 0) + 1;
				counters.set(k, n);
				waitingRank.set(r.id, n);
			}
		return {
			...activity,
			startTime: activity.startTime?.slice(0, 5) ?? null,
			place: extra[0]?.place ?? activity.placeName,
			area: extra[0]?.area ?? null,
			organisation: extra[0]?.organisation ?? '',
			organiser: organiser ? [organiser.firstName, organiser.lastName].filter(Boolean).join(' ') : null,
			sessions: sessions.map((s) => ({ ...s, day: belgianDateOf(s.startsAt) })),
			registrations: registrations.map((r) => ({ ...r, position: waitingRank.get(r.id) ?? null })),
			taken: registrations.filter((r) => r.counted && r.sessionId === null).length
		};
	},
	audit: (_input, out) => ({ action: 'read', entity: 'activities_activity', entityId: out.id, details: { registrations: out.registrations.length } })
});

/** What the activity form offers: the organisations and neighbourhoods where the actor manages activities, their houses and staff. */
export const activityChoices = defineVerb({
	name: 'activities.activity.choices',
	summary: 'The organisations, neighbourhoods, places and organisers the caller may create activities with',
	permission: permission('activities.activity.manage'),
	input: activityIdInput.partial().prefault({}),
	writes: false,
	access: (ctx) => ({
		organisationIds: grantedOrganisations(ctx.actor, 'activities.activity.manage'),
		areaIds: grantedAreas(ctx.actor, 'activities.activity.manage')
	}),
	run: async (ctx, _input, { organisationIds, areaIds }) => {
		const organisations = await ctx.db
			.select({ id: peopleOrganisation.id, name: peopleOrganisation.name })
			.from(peopleOrganisation)
			.where(organisationIds ? inArray(peopleOrganisation.id, organisationIds) : undefined)
			.orderBy(asc(peopleOrganisation.name));
		const orgIds = organisations.map((o) => o.id);
		const [areas, places, organisers] = await Promise.all([
			ctx.db
				.select({ id: areasArea.id, name: areasArea.name })
				.from(areasArea)
				.where(areaIds ? inArray(areasArea.id, areaIds) : undefined)
				.orderBy(asc(areasArea.name)),
			ctx.db
				.select({ id: areasPlace.id, name: areasPlace.name, areaId: areasPlace.areaId, organisationId: areasPlace.organisationId })
				.from(areasPlace)
				.where(areaIds ? inArray(areasPlace.areaId, areaIds) : undefined)
				.orderBy(asc(areasPlace.name)),
			organisersOf(ctx, orgIds)
		]);
		return {
			organisations,
			areas,
			places: places.filter((p) => p.organisationId === null || orgIds.includes(p.organisationId)),
			organisers: [...new Map(organisers.map((o) => [o.userId, o])).values()],
			// Nobody bound to a neighbourhood may make an organisation-wide activity.
			areaRequired: areaIds !== null
		};
	}
});
