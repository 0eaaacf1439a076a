import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Ctx, InvalidError, NotFoundError, after, decodeCursor, defineVerb, pageOf } from '../core/index.ts';
import { can, inScope, permission, scopeFilter } from '../access/index.ts';
import { peoplePerson } from '../people/index.ts';
import { areaBoundary, areasArea } from '../areas/index.ts';
import { aidLink, aidNeed, aidOffer } from './schema.ts';
import { actingFor, ownOrStaff } from './scope.ts';
import { createNeedInput, createOfferInput, needQueryInput, pointInput } from './validation.ts';
import { pointInArea } from './form.ts';
import { heldForReview } from './review.ts';

const NONE = '00000000-0000-0000-0000-000000000000';

/**
 * The optional point must be a real place inside the chosen neighbourhood when that neighbourhood has a
 * boundary (one without accepts any valid point). Checked here, not only in the resident's form, so
 * the API and the office-hour walk-in get the same rule.
 */
export async function checkPoint(ctx: Ctx, areaId: string, point: { lat: number; lon: number } | null | undefined) {
	if (!point) return;
	if (!pointInput.safeParse(point).success) throw new InvalidError({ point: 'aid_error_coordinates' });
	const area = await areaBoundary(ctx, { id: areaId });
	if (!pointInArea(point, area?.boundary ?? null)) throw new InvalidError({ point: 'map_error_outside' });
}

/** Whose it is and who says it: the person themselves, or staff for them (assisted use, audited as such). */
const forWhom = (ctx: Ctx, input: { personId: string; areaId: string }) => actingFor(ctx, input.personId, input.areaId);

/** What a need and an offer share when they are written: where, what, when, and whether it waits for review. */
async function placed(ctx: Ctx, input: z.infer<typeof createNeedInput> | z.infer<typeof createOfferInput>, who: Awaited<ReturnType<typeof forWhom>>) {
	await checkPoint(ctx, input.areaId, input.point);
	const held = !who.assisted && (await heldForReview(ctx, who.person.id, who.organisationId));
	return {
		held,
		values: {
			personId: who.person.id,
			organisationId: who.organisationId,
			areaId: input.areaId,
			category: input.category,
			title: input.title,
			description: input.description ?? null,
			lat: input.point?.lat ?? null,
			lon: input.point?.lon ?? null,
			windows: input.windows,
			dates: input.dates ?? [],
			languages: input.languages,
			assisted: who.assisted,
			createdByUserId: ctx.actor.userId
		}
	};
}

const createdAudit =
	(entity: 'aid_need' | 'aid_offer') =>
	(input: { category: string }, row: { id: string; status: string }, who: Awaited<ReturnType<typeof forWhom>>) => ({
		action: 'create' as const,
		entity,
		entityId: row.id,
		onBehalfOfPersonId: who.assisted ? who.person.id : null,
		details: { assisted: who.assisted, category: input.category, held: row.status === 'review' }
	});

/** A resident's need, said by themselves or by a facilitator for them (assisted use, audited as such). */
export const createNeed = defineVerb({
	name: 'aid.need.create',
	summary: 'Say what a person needs (their own, or assisted by staff)',
	// Whose need it is decides which right applies: the person's own, or staff's for people of their organisation.
	permission: ownOrStaff('aid.own.write', 'aid.need.write'),
	input: createNeedInput,
	writes: true,
	access: forWhom,
	run: async (ctx, input, who) => {
		const { held, values } = await placed(ctx, input, who);
		const [row] = await ctx.db
			.insert(aidNeed)
			.values({ ...values, frequency: input.frequency, safeguarded: input.safeguarded, status: held ? 'review' : 'open' })
			.returning();
		return row!;
	},
	audit: createdAudit('aid_need')
});

/** A volunteer's offer: what, when, where and how many links at once. */
export const createOffer = defineVerb({
	name: 'aid.offer.create',
	summary: 'Say what a volunteer offers, when, and for how many people at once',
	permission: ownOrStaff('aid.own.write', 'aid.need.write'),
	input: createOfferInput,
	writes: true,
	access: forWhom,
	run: async (ctx, input, who) => {
		const { held, values } = await placed(ctx, input, who);
		const [row] = await ctx.db
			.insert(aidOffer)
			.values({ ...values, capacity: input.capacity, status: held ? 'review' : 'active' })
			.returning();
		return row!;
	},
	audit: createdAudit('aid_offer')
});

/**
 * The facilitator's queue: needs in the actor's organisations and areas, oldest waiting first, each
 * with its first name only (contact details are on the person page, an audited read) and whether a
 * link is already proposed. Paged by (createdAt, id), the queue's order.
 */
export const listNeeds = defineVerb({
	name: 'aid.need.list',
	summary: 'The queue of needs in the actor’s organisations and areas, oldest first',
	permission: permission('aid.need.read'),
	input: needQueryInput.prefault({}),
	writes: false,
	access: (ctx) => ({ where: scopeFilter(ctx.actor, 'aid.need.read', { organisation: aidNeed.organisationId, area: aidNeed.areaId }) }),
	run: async (ctx, q, scope) => {
		const key = q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : null;
		const rows = await ctx.db
			.select({
				id: aidNeed.id,
				category: aidNeed.category,
				title: aidNeed.title,
				status: aidNeed.status,
				safeguarded: aidNeed.safeguarded,
				assisted: aidNeed.assisted,
				windows: aidNeed.windows,
				dates: aidNeed.dates,
				areaId: aidNeed.areaId,
				areaName: areasArea.name,
				firstName: peoplePerson.firstName,
				createdAt: aidNeed.createdAt,
				// The cursor's key at PostgreSQL's precision (microseconds): a JS Date keeps milliseconds only,
				// and the row the page ended on would come again on the next one.
				sortedAt: sql<string>`${aidNeed.createdAt}::text`,
				openLinks: sql<number>`(select count(*)::int from ${aidLink} l where l.need_id = ${aidNeed.id} and l.status in ('proposed','accepted','took_place'))`
			})
			.from(aidNeed)
			.innerJoin(peoplePerson, eq(peoplePerson.id, aidNeed.personId))
			.innerJoin(areasArea, eq(areasArea.id, aidNeed.areaId))
			.where(
				and(
					scope.where,
					q.areaId ? eq(aidNeed.areaId, q.areaId) : undefined,
					// The waiting queue holds the needs still to review too: they wait for the same facilitators.
					q.status === 'all' ? undefined : q.status === 'open' ? inArray(aidNeed.status, ['open', 'review']) : eq(aidNeed.status, q.status),
					key ? after([aidNeed.createdAt, aidNeed.id], key, 'asc') : undefined
				)
			)
			.orderBy(asc(aidNeed.createdAt), asc(aidNeed.id))
			.limit(q.limit + 1);
		const page = pageOf(rows, q.limit, (r) => [r.sortedAt, r.id]);
		return { ...page, items: page.items.map(({ sortedAt: _, ...r }) => r) };
	}
});

const idInput = z.object({ id: z.uuid('error_not_found') });

/** The person's own record (they hold aid.own.read), else one in staff's scope; anything else is unknown (404). */
function ownOrInScope<R extends { personId: string; organisationId: string; areaId: string }>(ctx: Ctx, row: R | undefined): R {
	if (row && row.personId === ctx.actor.personId && can(ctx.actor, 'aid.own.read')) return row;
	return inScope(ctx.actor, 'aid.need.read', row);
}

/** One need with the person's first name and the area's name, or undefined. */
async function needWithNames(ctx: Ctx, id: string) {
	const [row] = await ctx.db
		.select({ need: aidNeed, firstName: peoplePerson.firstName, hasAccount: peoplePerson.userId, areaName: areasArea.name })
		.from(aidNeed)
		.innerJoin(peoplePerson, eq(peoplePerson.id, aidNeed.personId))
		.innerJoin(areasArea, eq(areasArea.id, aidNeed.areaId))
		.where(eq(aidNeed.id, id));
	return row && { ...row.need, firstName: row.firstName, hasAccount: !!row.hasAccount, areaName: row.areaName };
}

async function offerWithNames(ctx: Ctx, id: string) {
	const [row] = await ctx.db
		.select({ offer: aidOffer, firstName: peoplePerson.firstName, areaName: areasArea.name })
		.from(aidOffer)
		.innerJoin(peoplePerson, eq(peoplePerson.id, aidOffer.personId))
		.innerJoin(areasArea, eq(areasArea.id, aidOffer.areaId))
		.where(eq(aidOffer.id, id));
	return row && { ...row.offer, firstName: row.firstName, areaName: row.areaName };
}

/** Only the actor's own record; anybody else's is unknown (404). */
function own<R extends { personId: string }>(ctx: Ctx, row: R | undefined): R {
	if (!row || !ctx.actor.personId || row.personId !== ctx.actor.personId) throw new NotFoundError();
	return row;
}

/**
 * One need: as staff see it (first name, area; no contact details), scoped like the queue, or the
 * person's own. Anything else answers as unknown, 404.
 */
export const getNeed = defineVerb({
	name: 'aid.need.read',
	summary: 'One need with its text: the person’s own, or for staff one in their organisations and areas (anything else is a 404)',
	permission: ownOrStaff('aid.own.read', 'aid.need.read'),
	input: idInput,
	writes: false,
	access: async (ctx, { id }) => ownOrInScope(ctx, await needWithNames(ctx, id)),
	run: async (_ctx, _input, need) => need
});

/** One offer, the same way: staff in scope, or the volunteer's own. */
export const getOffer = defineVerb({
	name: 'aid.offer.read',
	summary: 'One offer with its text: the volunteer’s own, or for staff one in their organisations and areas (anything else is a 404)',
	permission: ownOrStaff('aid.own.read', 'aid.need.read'),
	input: idInput,
	writes: false,
	access: async (ctx, { id }) => ownOrInScope(ctx, await offerWithNames(ctx, id)),
	run: async (_ctx, _input, offer) => offer
});

/** One of the person's own needs (their "my help" pages): staff read needs on their own pages. */
export const ownNeed = defineVerb({
	name: 'aid.own.need',
	summary: 'One of the caller’s own needs',
	permission: permission('aid.own.read'),
	input: idInput,
	writes: false,
	access: async (ctx, { id }) => own(ctx, await needWithNames(ctx, id)),
	run: async (_ctx, _input, need) => need
});

/** One of the volunteer's own offers. */
export const ownOffer = defineVerb({
	name: 'aid.own.offer',
	summary: 'One of the caller’s own offers',
	permission: permission('aid.own.read'),
	input: idInput,
	writes: false,
	access: async (ctx, { id }) => own(ctx, await offerWithNames(ctx, id)),
	run: async (_ctx, _input, offer) => offer
});

/** Needs and offers of one person, for staff (assisted use) — scoped like the queue. */
export const personAid = defineVerb({
	name: 'aid.person.aid',
	summary: 'A person’s needs and offers, as staff in their organisations and areas see them',
	permission: permission('aid.need.read'),
	input: z.object({ personId: z.uuid('error_not_found') }),
	writes: false,
	access: (ctx) => ({
		needs: scopeFilter(ctx.actor, 'aid.need.read', { organisation: aidNeed.organisationId, area: aidNeed.areaId }),
		offers: scopeFilter(ctx.actor, 'aid.need.read', { organisation: aidOffer.organisationId, area: aidOffer.areaId })
	}),
	run: async (ctx, { personId }, scope) => {
		const [needs, offers] = await Promise.all([
			ctx.db
				.select()
				.from(aidNeed)
				.where(and(eq(aidNeed.personId, personId), scope.needs))
				.orderBy(desc(aidNeed.createdAt)),
			ctx.db
				.select()
				.from(aidOffer)
				.where(and(eq(aidOffer.personId, personId), scope.offers))
				.orderBy(desc(aidOffer.createdAt))
		]);
		return { needs, offers };
	}
});

/** The actor's own needs and offers (a resident's or volunteer's "my help" page). */
export const ownNeedsAndOffers = defineVerb({
	name: 'aid.own.list',
	summary: 'The caller’s own needs and offers',
	permission: permission('aid.own.read'),
	input: z.object({}).default({}),
	writes: false,
	// Only one's own: an account without a person has none.
	access: (ctx) => ({ personId: ctx.actor.personId ?? NONE }),
	run: async (ctx, _input, { personId }) => {
		const [needs, offers] = await Promise.all([
			ctx.db.select().from(aidNeed).where(eq(aidNeed.personId, personId)).orderBy(desc(aidNeed.createdAt)),
			ctx.db.select().from(aidOffer).where(eq(aidOffer.personId, personId)).orderBy(desc(aidOffer.createdAt))
		]);
		return { needs, offers };
	}
});
