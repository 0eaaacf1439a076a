import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { audit, type Ctx, inTransaction, InvalidError, NotFoundError, UnauthenticatedError } from '../core/index.ts';
import { can, holds, requirePermission } from '../access/index.ts';
import { peoplePerson } from '../people/index.ts';
import { areasArea } from '../areas/index.ts';
import { areaBoundary } from '../areas/index.ts';
import { aidLink, aidNeed, aidOffer } from './schema.ts';
import { actingFor } from './scope.ts';
import { scopeFilter } from '../access/index.ts';
import { pointInput, type CreateNeedInput, type CreateOfferInput } from './validation.ts';
import { pointInArea } from './form.ts';
import { heldForReview } from './review.ts';

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

/** A resident's need, said by themselves or by a facilitator for them (assisted use, audited as such). */
export async function createNeed(ctx: Ctx, input: CreateNeedInput) {
	// Nobody signed in is a 401 before any query; the permission itself depends on whose need it is.
	if (!ctx.actor.userId) throw new UnauthenticatedError();
	const { person, organisationId, assisted } = await actingFor(ctx, input.personId, input.areaId);
	await checkPoint(ctx, input.areaId, input.point);
	const held = !assisted && (await heldForReview(ctx, person.id, organisationId));
	const c = assisted ? { ...ctx, onBehalfOfPersonId: person.id } : ctx;
	return inTransaction(c, async (t) => {
		const [row] = await t.db
			.insert(aidNeed)
			.values({
				personId: person.id,
				organisationId,
				areaId: input.areaId,
				category: input.category,
				title: input.title,
				description: input.description ?? null,
				lat: input.point?.lat ?? null,
				lon: input.point?.lon ?? null,
				windows: input.windows,
				dates: input.dates ?? [],
				languages: input.languages,
				frequency: input.frequency,
				safeguarded: input.safeguarded,
				status: held ? 'review' : 'open',
				assisted,
				createdByUserId: ctx.actor.userId
			})
			.returning();
		await audit(t, { action: 'create', entity: 'aid_need', entityId: row!.id, details: { assisted, category: input.category, held } });
		return row!;
	});
}

/** A volunteer's offer: what, when, where and how many links at once. */
export async function createOffer(ctx: Ctx, input: CreateOfferInput) {
	if (!ctx.actor.userId) throw new UnauthenticatedError();
	const { person, organisationId, assisted } = await actingFor(ctx, input.personId, input.areaId);
	await checkPoint(ctx, input.areaId, input.point);
	const held = !assisted && (await heldForReview(ctx, person.id, organisationId));
	const c = assisted ? { ...ctx, onBehalfOfPersonId: person.id } : ctx;
	return inTransaction(c, async (t) => {
		const [row] = await t.db
			.insert(aidOffer)
			.values({
				personId: person.id,
				organisationId,
				areaId: input.areaId,
				category: input.category,
				title: input.title,
				description: input.description ?? null,
				lat: input.point?.lat ?? null,
				lon: input.point?.lon ?? null,
				windows: input.windows,
				dates: input.dates ?? [],
				languages: input.languages,
				capacity: input.capacity,
				status: held ? 'review' : 'active',
				assisted,
				createdByUserId: ctx.actor.userId
			})
			.returning();
		await audit(t, { action: 'create', entity: 'aid_offer', entityId: row!.id, details: { assisted, category: input.category, held } });
		return row!;
	});
}

export type NeedQuery = { areaId?: string | null; status?: 'open' | 'review' | 'matched' | 'closed' | 'all'; limit?: number; offset?: number };

/**
 * The facilitator's queue: needs in the actor's organisations and areas, oldest waiting first, each
 * with its first name only (contact details are on the person page, an audited read) and whether a
 * link is already proposed.
 */
export async function listNeeds(ctx: Ctx, q: NeedQuery = {}) {
	requirePermission(ctx.actor, 'aid.need.read');
	const status = q.status ?? 'open';
	const where = and(
		scopeFilter(ctx.actor, 'aid.need.read', { organisation: aidNeed.organisationId, area: aidNeed.areaId }),
		q.areaId ? eq(aidNeed.areaId, q.areaId) : undefined,
		// The waiting queue holds the needs still to review too: they wait for the same facilitators.
		status === 'all' ? undefined : status === 'open' ? inArray(aidNeed.status, ['open', 'review']) : eq(aidNeed.status, status)
	);
	const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
	return ctx.db
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
			openLinks: sql<number>`(select count(*)::int from ${aidLink} l where l.need_id = ${aidNeed.id} and l.status in ('proposed','accepted','took_place'))`
		})
		.from(aidNeed)
		.innerJoin(peoplePerson, eq(peoplePerson.id, aidNeed.personId))
		.innerJoin(areasArea, eq(areasArea.id, aidNeed.areaId))
		.where(where)
		.orderBy(asc(aidNeed.createdAt), asc(aidNeed.id))
		.limit(limit)
		.offset(Math.max(q.offset ?? 0, 0));
}

/**
 * One need: as staff see it (first name, area; no contact details), scoped like the queue, or the
 * person's own. Anything else answers as unknown, 404.
 */
export async function getNeed(ctx: Ctx, id: string) {
	const where = readableBy(ctx, 'aid.need.read', aidNeed);
	const [row] = await ctx.db
		.select({ need: aidNeed, firstName: peoplePerson.firstName, hasAccount: peoplePerson.userId, areaName: areasArea.name })
		.from(aidNeed)
		.innerJoin(peoplePerson, eq(peoplePerson.id, aidNeed.personId))
		.innerJoin(areasArea, eq(areasArea.id, aidNeed.areaId))
		.where(and(eq(aidNeed.id, id), where));
	if (!row) throw new NotFoundError();
	return { ...row.need, firstName: row.firstName, hasAccount: !!row.hasAccount, areaName: row.areaName };
}

/** One offer, the same way: staff in scope, or the volunteer's own. */
export async function getOffer(ctx: Ctx, id: string) {
	const where = readableBy(ctx, 'aid.need.read', aidOffer);
	const [row] = await ctx.db
		.select({ offer: aidOffer, firstName: peoplePerson.firstName, areaName: areasArea.name })
		.from(aidOffer)
		.innerJoin(peoplePerson, eq(peoplePerson.id, aidOffer.personId))
		.innerJoin(areasArea, eq(areasArea.id, aidOffer.areaId))
		.where(and(eq(aidOffer.id, id), where));
	if (!row) throw new NotFoundError();
	return { ...row.offer, firstName: row.firstName, areaName: row.areaName };
}

/** Staff's scope, the actor's own rows, or both; neither permission is a 401/403 before any read. */
function readableBy(ctx: Ctx, staff: 'aid.need.read', table: typeof aidNeed | typeof aidOffer): SQL | undefined {
	const mayStaff = holds(ctx.actor, staff);
	const mayOwn = can(ctx.actor, 'aid.own.read') && !!ctx.actor.personId;
	if (!mayStaff && !mayOwn) requirePermission(ctx.actor, staff);
	const own = mayOwn ? eq(table.personId, ctx.actor.personId!) : undefined;
	if (!mayStaff) return own;
	const scoped = scopeFilter(ctx.actor, staff, { organisation: table.organisationId, area: table.areaId }) ?? sql`true`;
	return own ? or(scoped, own) : scoped;
}

/** Needs and offers of one person, for staff (assisted use) — scoped like the queue. */
export async function personAid(ctx: Ctx, personId: string) {
	requirePermission(ctx.actor, 'aid.need.read');
	const [needs, offers] = await Promise.all([
		ctx.db
			.select()
			.from(aidNeed)
			.where(
				and(eq(aidNeed.personId, personId), scopeFilter(ctx.actor, 'aid.need.read', { organisation: aidNeed.organisationId, area: aidNeed.areaId }))
			)
			.orderBy(desc(aidNeed.createdAt)),
		ctx.db
			.select()
			.from(aidOffer)
			.where(
				and(
					eq(aidOffer.personId, personId),
					scopeFilter(ctx.actor, 'aid.need.read', { organisation: aidOffer.organisationId, area: aidOffer.areaId })
				)
			)
			.orderBy(desc(aidOffer.createdAt))
	]);
	return { needs, offers };
}

/** The actor's own needs and offers (a resident's or volunteer's "my help" page). */
export async function ownNeedsAndOffers(ctx: Ctx) {
	requirePermission(ctx.actor, 'aid.own.read');
	const me = ctx.actor.personId ?? '00000000-0000-0000-0000-000000000000';
	const [needs, offers] = await Promise.all([
		ctx.db.select().from(aidNeed).where(eq(aidNeed.personId, me)).orderBy(desc(aidNeed.createdAt)),
		ctx.db.select().from(aidOffer).where(eq(aidOffer.personId, me)).orderBy(desc(aidOffer.createdAt))
	]);
	return { needs, offers };
}
