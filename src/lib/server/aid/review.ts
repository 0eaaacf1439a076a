import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Ctx, ConflictError, InvalidError, NotFoundError, PUBLIC, defineVerb, pageFields, after, decodeCursor, pageOf } from '../core/index.ts';
import { accessRoleGrant, inScope, instanceWide, permission, scopeFilter } from '../access/index.ts';
import { peoplePerson } from '../people/index.ts';
import { areasArea, areasPlace } from '../areas/index.ts';
import { aidLink, aidNeed, aidOffer, aidOfficeHour, OPEN_LINK_STATUSES } from './schema.ts';
import { duplicateNeedInput, joinInput, needIdInput } from './own-validation.ts';

// Someone who signed up alone chooses a neighbourhood with a neighbourhood house and becomes a
// resident there at once, unreviewed: they may ask for and offer help straight away, and what they
// say waits ('review') for that neighbourhood's facilitators, who confirm the person (then the need
// and any offer go into matching) or close it. Until then it is never suggested, proposed, on the
// board or in a weekly proposal. The resident sees only their own records, as any resident.

const OWN_ROLES = ['resident', 'volunteer'] as const;

/**
 * Is what this person says for this organisation held for review? Fails closed: only a reviewed
 * resident or volunteer grant in that organisation lets it through (a person recorded by one
 * organisation who joined another's neighbourhood has none there, and is held).
 */
export async function heldForReview(ctx: Ctx, personId: string, organisationId: string): Promise<boolean> {
	const grants = await ctx.db
		.select({ reviewed: accessRoleGrant.reviewed })
		.from(accessRoleGrant)
		.where(
			and(eq(accessRoleGrant.personId, personId), eq(accessRoleGrant.organisationId, organisationId), inArray(accessRoleGrant.role, [...OWN_ROLES]))
		);
	return grants.length === 0 || grants.every((g) => !g.reviewed);
}

export type JoinChoice = {
	areaId: string;
	areaName: string;
	areaCode: string;
	house: string;
	address: string | null;
	hours: { day: number; start: number; end: number; place: string }[];
};

/** The neighbourhoods one can join: those with a neighbourhood house of an organisation, with its public office hours. */
export const joinChoices = defineVerb({
	name: 'aid.join.choices',
	summary: 'The neighbourhoods one can join, with their neighbourhood house and its public office hours',
	// What the public pages show anyway: houses and their public hours, nobody's personal data.
	permission: PUBLIC,
	input: z.object({}).default({}),
	writes: false,
	access: instanceWide,
	run: async (ctx): Promise<JoinChoice[]> => {
		const db = ctx.db;
		const houses = await db
			.select({
				areaId: areasArea.id,
				areaName: areasArea.name,
				areaCode: areasArea.code,
				organisationId: areasPlace.organisationId,
				house: areasPlace.name,
				address: areasPlace.address
			})
			.from(areasPlace)
			.innerJoin(areasArea, eq(areasArea.id, areasPlace.areaId))
			.where(and(eq(areasPlace.kind, 'neighbourhood_house'), isNotNull(areasPlace.organisationId)))
			.orderBy(asc(areasArea.name), asc(areasPlace.name), asc(areasPlace.id));
		const first = new Map<string, (typeof houses)[number]>();
		for (const h of houses) if (!first.has(h.areaId)) first.set(h.areaId, h);
		const chosen = [...first.values()];
		const hours = chosen.length
			? await db
					.select({
						areaId: aidOfficeHour.areaId,
						organisationId: aidOfficeHour.organisationId,
						day: aidOfficeHour.day,
						start: aidOfficeHour.start,
						end: aidOfficeHour.end,
						place: aidOfficeHour.place
					})
					.from(aidOfficeHour)
					.where(
						and(
							inArray(
								aidOfficeHour.areaId,
								chosen.map((h) => h.areaId)
							),
							eq(aidOfficeHour.public, true)
						)
					)
					.orderBy(asc(aidOfficeHour.day), asc(aidOfficeHour.start))
			: [];
		return chosen.map((h) => ({
			areaId: h.areaId,
			areaName: h.areaName,
			areaCode: h.areaCode,
			house: h.house,
			address: h.address,
			hours: hours
				.filter((o) => o.areaId === h.areaId && o.organisationId === h.organisationId)
				.map(({ day, start, end, place }) => ({ day, start, end, place }))
		}));
	}
});

/**
 * An account without any role becomes a resident of the chosen neighbourhood's house, unreviewed.
 * Anyone who already holds a role (staff, or a resident the house added) is refused: roles are
 * otherwise only given by an admin, and staff do not say needs in their own name.
 */
export const joinNeighbourhood = defineVerb({
	name: 'aid.own.join',
	summary: 'An account without a role joins a neighbourhood with a house, as a resident to review',
	permission: permission('aid.own.join'),
	input: joinInput,
	writes: true,
	// One's own person only, locked: two tabs joining at once make one grant, not two.
	access: async (ctx) => {
		const [person] = ctx.actor.personId
			? await ctx.db
					.select({ id: peoplePerson.id, areaId: peoplePerson.areaId, organisationId: peoplePerson.organisationId })
					.from(peoplePerson)
					.where(eq(peoplePerson.id, ctx.actor.personId))
					.for('update')
			: [];
		if (!person) throw new NotFoundError();
		return person;
	},
	run: async (ctx, input, person) => {
		const [held] = await ctx.db.select({ id: accessRoleGrant.id }).from(accessRoleGrant).where(eq(accessRoleGrant.personId, person.id)).limit(1);
		if (held) throw new ConflictError('aid_error_already_member');
		const [house] = await ctx.db
			.select({ organisationId: areasPlace.organisationId })
			.from(areasPlace)
			.where(and(eq(areasPlace.areaId, input.areaId), eq(areasPlace.kind, 'neighbourhood_house'), isNotNull(areasPlace.organisationId)))
			.orderBy(asc(areasPlace.name), asc(areasPlace.id))
			.limit(1);
		if (!house) throw new InvalidError({ areaId: 'error_choice' });
		// A person an organisation recorded (then linked to this account) belongs to that organisation:
		// joining another's neighbourhood would put what they say in the first one's queue, unreviewed.
		if (person.organisationId && person.organisationId !== house.organisationId) throw new ConflictError('aid_error_already_member');
		const [grant] = await ctx.db
			.insert(accessRoleGrant)
			.values({ personId: person.id, role: 'resident', organisationId: house.organisationId!, areaId: input.areaId, reviewed: false })
			.returning();
		if (!person.areaId) await ctx.db.update(peoplePerson).set({ areaId: input.areaId, updatedAt: new Date() }).where(eq(peoplePerson.id, person.id));
		return grant!;
	},
	audit: (input, grant) => ({
		action: 'create',
		entity: 'access_role_grant',
		entityId: grant.id,
		details: { role: 'resident', selfService: true, organisationId: grant.organisationId, areaId: input.areaId }
	})
});

type Confirmed = { grants: string[]; needs: string[]; offers: string[] };

/** The person's grants in the organisation become reviewed; their needs there open, their offers active. */
async function confirmPerson(ctx: Ctx, personId: string, organisationId: string): Promise<Confirmed> {
	const grants = await ctx.db
		.update(accessRoleGrant)
		.set({ reviewed: true })
		.where(and(eq(accessRoleGrant.personId, personId), eq(accessRoleGrant.organisationId, organisationId), eq(accessRoleGrant.reviewed, false)))
		.returning({ id: accessRoleGrant.id });
	const needs = await ctx.db
		.update(aidNeed)
		.set({ status: 'open', updatedAt: new Date() })
		.where(and(eq(aidNeed.personId, personId), eq(aidNeed.organisationId, organisationId), eq(aidNeed.status, 'review')))
		.returning({ id: aidNeed.id });
	const offers = await ctx.db
		.update(aidOffer)
		.set({ status: 'active', updatedAt: new Date() })
		.where(and(eq(aidOffer.personId, personId), eq(aidOffer.organisationId, organisationId), eq(aidOffer.status, 'review')))
		.returning({ id: aidOffer.id });
	return { grants: grants.map((g) => g.id), needs: needs.map((n) => n.id), offers: offers.map((o) => o.id) };
}

/** One audit row per record the confirmation changed, each for the person confirmed (assisted use). */
const confirmedAudit = (personId: string, c: Confirmed) => [
	...c.grants.map((id) => ({
		action: 'update' as const,
		entity: 'access_role_grant',
		entityId: id,
		details: { reviewed: true },
		onBehalfOfPersonId: personId
	})),
	...c.needs.map((id) => ({
		action: 'update' as const,
		entity: 'aid_need',
		entityId: id,
		details: { from: 'review', to: 'open' },
		onBehalfOfPersonId: personId
	})),
	...c.offers.map((id) => ({
		action: 'update' as const,
		entity: 'aid_offer',
		entityId: id,
		details: { from: 'review', to: 'active' },
		onBehalfOfPersonId: personId
	}))
];

/** A record a facilitator decides on, locked: outside the facilitator's organisation and area it is unknown (404). */
async function lockedInScope<T extends typeof aidNeed | typeof aidOffer>(ctx: Ctx, table: T, id: string) {
	const [row] = await ctx.db
		.select()
		.from(table as typeof aidNeed)
		.where(eq(table.id, id))
		.for('update');
	return inScope(ctx.actor, 'aid.link.manage', row as unknown as T['$inferSelect'] | undefined);
}

/**
 * A facilitator of the need's neighbourhood has looked at a need to review and confirms the person:
 * their grants in that organisation are reviewed from now on, the need is open for matching, and
 * their offers waiting there become active.
 */
export const confirmNeed = defineVerb({
	name: 'aid.need.confirm',
	summary: 'A facilitator confirms the person of a need to review: their needs open, their offers active',
	permission: permission('aid.link.manage'),
	input: needIdInput,
	writes: true,
	access: (ctx, { id }) => lockedInScope(ctx, aidNeed, id),
	run: async (ctx, _input, need) => {
		if (need.status !== 'review') throw new ConflictError('aid_error_not_in_review');
		const confirmed = await confirmPerson(ctx, need.personId, need.organisationId);
		return { ...need, status: 'open' as const, confirmed };
	},
	audit: (_input, out) => confirmedAudit(out.personId, out.confirmed)
});

/** The same for someone who only offered help: confirmed from the queue's list of offers to review. */
export const confirmOffer = defineVerb({
	name: 'aid.offer.confirm',
	summary: 'A facilitator confirms the person of an offer to review: their needs open, their offers active',
	permission: permission('aid.link.manage'),
	input: needIdInput,
	writes: true,
	access: (ctx, { id }) => lockedInScope(ctx, aidOffer, id),
	run: async (ctx, _input, offer) => {
		if (offer.status !== 'review') throw new ConflictError('aid_error_not_in_review');
		const confirmed = await confirmPerson(ctx, offer.personId, offer.organisationId);
		return { ...offer, status: 'active' as const, confirmed };
	},
	audit: (_input, out) => confirmedAudit(out.personId, out.confirmed)
});

/**
 * Offers waiting for review where the actor brokers (the queue lists them: someone may offer without
 * asking); staff who do not broker see none. Oldest first, paged like the queue.
 */
export const offersToReview = defineVerb({
	name: 'aid.offer.to_review',
	summary: 'Offers waiting for review in the actor’s organisations and areas, oldest first',
	permission: permission('aid.need.read'),
	input: z
		.object({
			areaId: z
				.uuid('error_not_found')
				.nullish()
				.or(z.literal('').transform(() => null)),
			...pageFields
		})
		.prefault({}),
	writes: false,
	// Confirming is brokering: only where the actor holds aid.link.manage (none for outreach or coordinators).
	access: (ctx) => ({ where: scopeFilter(ctx.actor, 'aid.link.manage', { organisation: aidOffer.organisationId, area: aidOffer.areaId }) }),
	run: async (ctx, q, scope) => {
		const key = q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : null;
		const rows = await ctx.db
			.select({
				id: aidOffer.id,
				title: aidOffer.title,
				category: aidOffer.category,
				firstName: peoplePerson.firstName,
				areaName: areasArea.name,
				personId: aidOffer.personId,
				createdAt: aidOffer.createdAt,
				// The cursor's key at PostgreSQL's precision (microseconds): a JS Date keeps milliseconds only,
				// and the row a page ended on would come again on the next one.
				sortedAt: sql<string>`${aidOffer.createdAt}::text`
			})
			.from(aidOffer)
			.innerJoin(peoplePerson, eq(peoplePerson.id, aidOffer.personId))
			.innerJoin(areasArea, eq(areasArea.id, aidOffer.areaId))
			.where(
				and(
					eq(aidOffer.status, 'review'),
					scope.where,
					q.areaId ? eq(aidOffer.areaId, q.areaId) : undefined,
					key ? after([aidOffer.createdAt, aidOffer.id], key, 'asc') : undefined
				)
			)
			.orderBy(asc(aidOffer.createdAt), asc(aidOffer.id))
			.limit(q.limit + 1);
		const page = pageOf(rows, q.limit, (r) => [r.sortedAt, r.id]);
		return { ...page, items: page.items.map(({ sortedAt: _, ...r }) => r) };
	}
});

/**
 * A facilitator closes a need as the same as another one, with a reason the person reads on their
 * page. Only a need nobody has taken on (to review or open, no link under way): one with a link is
 * ended through the link first.
 */
export const closeNeedAsDuplicate = defineVerb({
	name: 'aid.need.close_duplicate',
	summary: 'A facilitator closes a need nobody took on as a duplicate, with a reason the person reads (kept, status duplicate)',
	permission: permission('aid.link.manage'),
	input: duplicateNeedInput,
	writes: true,
	access: (ctx, { id }) => lockedInScope(ctx, aidNeed, id),
	run: async (ctx, input, need) => {
		if (need.status !== 'open' && need.status !== 'review') throw new ConflictError('aid_error_need_not_open');
		const [open] = await ctx.db
			.select({ id: aidLink.id })
			.from(aidLink)
			.where(and(eq(aidLink.needId, need.id), inArray(aidLink.status, [...OPEN_LINK_STATUSES])))
			.limit(1);
		if (open) throw new ConflictError('aid_error_need_has_links');
		const [row] = await ctx.db
			.update(aidNeed)
			.set({ status: 'duplicate', statusReason: input.reason, updatedAt: new Date() })
			.where(eq(aidNeed.id, need.id))
			.returning();
		return row!;
	},
	audit: (input, _row, need) => ({
		action: 'update',
		entity: 'aid_need',
		entityId: need.id,
		reason: input.reason,
		onBehalfOfPersonId: need.personId,
		details: { from: need.status, to: 'duplicate' }
	})
});
