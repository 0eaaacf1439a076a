import { and, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { after, BELGIAN_ZONE, decodeCursor, defineVerb, pageFields, pageOf, type Ctx } from '../core/index.ts';
import { inScope, permission, scopeFilter } from '../access/index.ts';
import { peoplePerson } from '../people/index.ts';
import { areasArea } from '../areas/index.ts';
import { aidLink, aidNeed, aidOffer } from './schema.ts';

// The staff's lists of links: the links page, a need's page, the queue's reminder, one link by id.

const STALLED_DAYS = 14;
/** The start of today in Belgium (the day a nudge is counted on, see nudge.ts). */
const BELGIAN_TODAY = sql`(date_trunc('day', now() at time zone ${BELGIAN_ZONE}) at time zone ${BELGIAN_ZONE})`;

const needPerson = alias(peoplePerson, 'need_person');
const offerPerson = alias(peoplePerson, 'offer_person');

/** The same rule as the queue: the need's organisation and area. */
const needsInScope = (ctx: Ctx) => scopeFilter(ctx.actor, 'aid.need.read', { organisation: aidNeed.organisationId, area: aidNeed.areaId });

/** How many open links in the actor's scope had no change for 14 days (the queue's reminder). */
export const countStalledLinks = defineVerb({
	name: 'aid.link.count_stalled',
	summary: 'How many open links had no change for 14 days',
	permission: permission('aid.need.read'),
	input: z.object({ areaId: z.uuid('error_not_found').nullish() }).default({}),
	writes: false,
	// The link's own copy of the need's organisation and neighbourhood (kept equal by a foreign key) makes
	// this one range of the partial index aid_link_open_place_idx: it was ~3.5 ms a queue page under load
	// when every stalled link of the organisation looked its need up (docs/performance.md).
	access: (ctx) => ({ scope: scopeFilter(ctx.actor, 'aid.need.read', { organisation: aidLink.organisationId, area: aidLink.areaId }) }),
	run: async (ctx, input, { scope }) => {
		const [row] = await ctx.db
			.select({ n: sql<number>`count(*)::int` })
			.from(aidLink)
			.where(
				and(
					// Written out (not parameters) so the planner can match the partial index's own predicate.
					sql`${aidLink.status} in ('proposed', 'accepted', 'took_place')`,
					lt(aidLink.changedAt, sql`now() - make_interval(days => ${STALLED_DAYS})`),
					scope,
					input.areaId ? eq(aidLink.areaId, input.areaId) : undefined
				)
			);
		return row?.n ?? 0;
	}
});

/** A link as the staff lists show it: first names only (contact details are an audited read of the person). */
function linkRows(ctx: Ctx, where: SQL | undefined) {
	return ctx.db
		.select({
			id: aidLink.id,
			status: aidLink.status,
			score: aidLink.score,
			reason: aidLink.reason,
			changedAt: aidLink.changedAt,
			nudgedAt: aidLink.nudgedAt,
			needAcceptedAt: aidLink.needAcceptedAt,
			offerAcceptedAt: aidLink.offerAcceptedAt,
			needId: aidNeed.id,
			offerId: aidOffer.id,
			needTitle: aidNeed.title,
			category: aidNeed.category,
			needFirstName: needPerson.firstName,
			offerFirstName: offerPerson.firstName,
			areaId: aidNeed.areaId,
			areaName: areasArea.name,
			// The cursor's key to the microsecond: a Date keeps milliseconds, and a page would skip a row
			// changed within the same millisecond.
			sortAt: sql<string>`to_char(${aidLink.changedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
		})
		.from(aidLink)
		.innerJoin(aidNeed, eq(aidNeed.id, aidLink.needId))
		.innerJoin(aidOffer, eq(aidOffer.id, aidLink.offerId))
		.innerJoin(needPerson, eq(needPerson.id, aidNeed.personId))
		.innerJoin(offerPerson, eq(offerPerson.id, aidOffer.personId))
		.innerJoin(areasArea, eq(areasArea.id, aidNeed.areaId))
		.where(where);
}

type Listed = Awaited<ReturnType<typeof linkRows>>[number];
const shown = ({ sortAt: _, ...row }: Listed) => row;
export type LinkListItem = ReturnType<typeof shown>;

/**
 * Links in the actor's scope, newest change first; `stalled` keeps those open ones without a change
 * for 14 days, oldest change first. Paged by (change, id) in the list's order.
 */
export const listLinks = defineVerb({
	name: 'aid.link.list',
	summary:
		'Links in the actor’s organisations and areas, newest change first (staff); stalled=true keeps the open ones without a change for 14 days and those nudged today (Belgian day), oldest change first',
	permission: permission('aid.need.read'),
	input: z
		.object({
			stalled: z.boolean().default(false),
			areaId: z.uuid('error_not_found').nullish(),
			needId: z.uuid('error_not_found').optional(),
			...pageFields
		})
		.prefault({}),
	writes: false,
	access: (ctx) => ({ scope: needsInScope(ctx) }),
	run: async (ctx, q, { scope }) => {
		const direction = q.stalled ? 'asc' : 'desc';
		const key = q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : null;
		const where = and(
			scope,
			q.areaId ? eq(aidNeed.areaId, q.areaId) : undefined,
			q.needId ? eq(aidLink.needId, q.needId) : undefined,
			q.stalled
				? and(
						inArray(aidLink.status, ['proposed', 'accepted', 'took_place']),
						// A nudge counts as a change, but a link reminded today stays on the list (marked so) until
						// tomorrow: the facilitator sees what they did, and it is not yet moving again.
						or(lt(aidLink.changedAt, sql`now() - make_interval(days => ${STALLED_DAYS})`), gte(aidLink.nudgedAt, BELGIAN_TODAY))
					)
				: undefined,
			key ? after([aidLink.changedAt, aidLink.id], key, direction) : undefined
		);
		const order =
			direction === 'asc' ? [sql`${aidLink.changedAt} asc`, sql`${aidLink.id} asc`] : [sql`${aidLink.changedAt} desc`, sql`${aidLink.id} desc`];
		const rows = await linkRows(ctx, where)
			.orderBy(...order)
			.limit(q.limit + 1);
		const page = pageOf(rows, q.limit, (r) => [r.sortAt, r.id]);
		return { items: page.items.map(shown), nextCursor: page.nextCursor };
	}
});

/** One link as the lists show it, for staff who may read where its need is (anything else is a 404). */
export const getLink = defineVerb({
	name: 'aid.link.get',
	summary: 'One link, as the staff lists show it (first names only); a link outside the actor’s organisations and areas is a 404',
	permission: permission('aid.need.read'),
	input: z.object({ id: z.uuid('error_not_found') }),
	writes: false,
	access: async (ctx, { id }) => {
		const [place] = await ctx.db
			.select({ organisationId: aidNeed.organisationId, areaId: aidNeed.areaId })
			.from(aidLink)
			.innerJoin(aidNeed, eq(aidNeed.id, aidLink.needId))
			.where(eq(aidLink.id, id));
		return inScope(ctx.actor, 'aid.need.read', place);
	},
	run: async (ctx, { id }) => {
		const [row] = await linkRows(ctx, eq(aidLink.id, id));
		return shown(row!);
	}
});
