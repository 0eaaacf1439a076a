import { and, eq, inArray } from 'drizzle-orm';
import { type Ctx, ConflictError, InvalidError, NotFoundError, defineVerb } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { aidLink, aidNeed, aidOffer, OPEN_LINK_STATUSES } from './schema.ts';
import { actingFor } from './scope.ts';
import { checkPoint } from './needs.ts';
import { endLink } from './links.ts';
import { needChangeInput, offerChangeInput, withdrawNeedInput, type NeedChange, type OfferChange } from './own-validation.ts';

// A person's own need or offer after it was said: change it, pause an offer, withdraw a need. Only
// the person themselves (aid.own.write); someone else's id answers as unknown. Rows are never
// deleted: a withdrawal is a status with its audit row.

const NONE = '00000000-0000-0000-0000-000000000000';

/** Needs that may still be changed: nobody has taken them on yet. */
const CHANGEABLE_NEED = ['review', 'open'] as const;
/** A need may be withdrawn until it is over. */
const WITHDRAWABLE_NEED = ['review', 'open', 'matched'] as const;

/** One's own row, locked for the change; anybody else's is unknown (404). */
async function lockOwn<T extends typeof aidNeed | typeof aidOffer>(ctx: Ctx, table: T, id: string) {
	const [row] = await ctx.db
		.select()
		.from(table as typeof aidNeed)
		.where(and(eq(table.id, id), eq(table.personId, ctx.actor.personId ?? NONE)))
		.for('update');
	if (!row) throw new NotFoundError();
	return row as unknown as T['$inferSelect'];
}

/** Which fields a change really changes, for the audit row (names only: the texts stay out of the log). */
const changedFields = (before: Record<string, unknown>, after: Record<string, unknown>) =>
	Object.keys(after).filter((k) => after[k] !== undefined && JSON.stringify(after[k]) !== JSON.stringify(before[k] ?? null));

/**
 * The place may move only within the neighbourhoods the person may choose, and only within the same
 * organisation: a need never slips into another house's queue by an edit.
 */
async function checkPlace(
	ctx: Ctx,
	row: { personId: string; organisationId: string; areaId: string; lat: number | null; lon: number | null },
	change: { areaId?: string; point?: unknown }
) {
	const areaId = change.areaId ?? row.areaId;
	if (areaId !== row.areaId) {
		const { organisationId } = await actingFor(ctx, row.personId, areaId);
		if (organisationId !== row.organisationId) throw new InvalidError({ areaId: 'error_choice' });
	}
	if (change.point !== undefined) await checkPoint(ctx, areaId, change.point as { lat: number; lon: number } | null);
	// A move to another neighbourhood keeps the stored place only if it lies there too.
	else if (areaId !== row.areaId && row.lat !== null && row.lon !== null) await checkPoint(ctx, areaId, { lat: row.lat, lon: row.lon });
}

const content = (c: NeedChange | OfferChange) => ({
	category: c.category,
	title: c.title,
	description: c.description,
	areaId: c.areaId,
	lat: c.point === undefined ? undefined : (c.point?.lat ?? null),
	lon: c.point === undefined ? undefined : (c.point?.lon ?? null),
	windows: c.windows,
	dates: c.dates,
	languages: c.languages
});

const needPatch = (c: NeedChange) => ({ ...content(c), frequency: c.frequency, safeguarded: c.safeguarded });
const offerPatch = (c: OfferChange) => ({ ...content(c), capacity: c.capacity, status: c.status });

/** The person changes what their need says, while nobody has taken it on yet (to review or open). */
export const updateNeed = defineVerb({
	name: 'aid.need.update',
	summary: 'The person changes their own need while it is to review or open (only the fields sent change); 409 once someone took it on',
	permission: permission('aid.own.write'),
	input: needChangeInput.extend({ id: withdrawNeedInput.shape.id }),
	writes: true,
	access: (ctx, { id }) => lockOwn(ctx, aidNeed, id),
	run: async (ctx, { id: _, ...change }, need) => {
		if (!(CHANGEABLE_NEED as readonly string[]).includes(need.status)) throw new ConflictError('aid_error_need_not_open');
		await checkPlace(ctx, need, change);
		const patch = needPatch(change);
		if (!changedFields(need, patch).length) return need;
		const [row] = await ctx.db
			.update(aidNeed)
			.set({ ...patch, updatedAt: new Date() })
			.where(eq(aidNeed.id, need.id))
			.returning();
		return row!;
	},
	audit: ({ id: _, ...change }, _row, before) => {
		const fields = changedFields(before, needPatch(change));
		return fields.length ? { action: 'update', entity: 'aid_need', entityId: before.id, details: { fields } } : null;
	}
});

/**
 * The person takes back their need. Links under way end with it, through the link verbs (so the
 * volunteer's place is freed where the counter is kept): a proposal or an accepted link is
 * cancelled with the person's reason; help that already took place is closed (it happened, and
 * counts). The volunteer sees the link cancelled on their page.
 */
export const withdrawNeed = defineVerb({
	name: 'aid.need.withdraw',
	summary:
		'The person withdraws their own need (kept, status withdrawn): a proposal or accepted link is cancelled with the reason and the volunteer’s place freed; help that took place is closed',
	permission: permission('aid.own.write'),
	input: withdrawNeedInput,
	writes: true,
	access: async (ctx, { id }) => {
		// Links first, then the need: the order the link verbs lock in, so a withdrawal and an
		// acceptance at the same moment wait for each other instead of deadlocking.
		const links = await ctx.db
			.select({ id: aidLink.id, status: aidLink.status })
			.from(aidLink)
			.innerJoin(aidNeed, eq(aidNeed.id, aidLink.needId))
			.where(and(eq(aidLink.needId, id), eq(aidNeed.personId, ctx.actor.personId ?? NONE), inArray(aidLink.status, [...OPEN_LINK_STATUSES])))
			.for('update', { of: aidLink });
		return { need: await lockOwn(ctx, aidNeed, id), links };
	},
	run: async (ctx, input, { need, links }) => {
		if (need.status === 'withdrawn') return need;
		if (!(WITHDRAWABLE_NEED as readonly string[]).includes(need.status)) throw new ConflictError('aid_error_need_not_open');
		for (const l of links) {
			await endLink(ctx, { linkId: l.id, to: l.status === 'took_place' ? 'closed' : 'cancelled', reason: input.reason ?? null });
		}
		const [row] = await ctx.db
			.update(aidNeed)
			.set({ status: 'withdrawn', statusReason: input.reason ?? null, updatedAt: new Date() })
			.where(eq(aidNeed.id, need.id))
			.returning();
		return row!;
	},
	audit: (input, _row, { need, links }) =>
		need.status === 'withdrawn'
			? null
			: {
					action: 'update',
					entity: 'aid_need',
					entityId: need.id,
					reason: input.reason ?? null,
					details: { from: need.status, to: 'withdrawn', linksEnded: links.length }
				}
});

/**
 * The volunteer changes their offer, pauses it or takes it up again. A paused offer is never
 * suggested and takes no new link (takePlace reads 'active'); links under way go on. The number of
 * places may not drop below the links holding one now.
 */
export const updateOffer = defineVerb({
	name: 'aid.offer.update',
	summary:
		'The volunteer changes their own offer (only the fields sent change), or pauses it (status paused: not suggested, links under way go on) or takes it up again (active)',
	permission: permission('aid.own.write'),
	input: offerChangeInput.extend({ id: withdrawNeedInput.shape.id }),
	writes: true,
	access: (ctx, { id }) => lockOwn(ctx, aidOffer, id),
	run: async (ctx, { id: _, ...change }, offer) => {
		if (offer.status === 'withdrawn') throw new ConflictError('aid_error_offer_withdrawn');
		// An offer still to review waits for the facilitators; pausing it would skip that look.
		if (change.status && offer.status === 'review') throw new ConflictError('aid_error_offer_in_review');
		if (change.capacity !== undefined && change.capacity < offer.activeLinks) throw new InvalidError({ capacity: 'aid_error_capacity_below_links' });
		await checkPlace(ctx, offer, change);
		const patch = offerPatch(change);
		if (!changedFields(offer, patch).length) return offer;
		const [row] = await ctx.db
			.update(aidOffer)
			.set({ ...patch, updatedAt: new Date() })
			.where(eq(aidOffer.id, offer.id))
			.returning();
		return row!;
	},
	audit: ({ id: _, ...change }, _row, before) => {
		const fields = changedFields(before, offerPatch(change));
		if (!fields.length) return null;
		const moved = change.status && change.status !== before.status ? { from: before.status, to: change.status } : {};
		return { action: 'update', entity: 'aid_offer', entityId: before.id, details: { fields, ...moved } };
	}
});
