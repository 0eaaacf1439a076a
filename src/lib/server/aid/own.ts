import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx, TxCtx } from '../core/index.ts';
import { inTransaction } from '../core/index.ts';
import { audit } from '../core/index.ts';
import { ConflictError, InvalidError, NotFoundError, parseInput } from '../core/index.ts';
import { requirePermission } from '../access/index.ts';
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

async function lockOwn<T extends typeof aidNeed | typeof aidOffer>(t: TxCtx, table: T, id: string) {
	const [row] = await t.db
		.select()
		.from(table as typeof aidNeed)
		.where(and(eq(table.id, id), eq(table.personId, t.actor.personId ?? NONE)))
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

/** The person changes what their need says, while nobody has taken it on yet (to review or open). */
export async function updateNeed(ctx: Ctx, raw: { id: string } & Record<string, unknown>) {
	requirePermission(ctx.actor, 'aid.own.write');
	const { id, ...rest } = raw;
	const change = parseInput(needChangeInput, rest);
	return inTransaction(ctx, async (t) => {
		const need = await lockOwn(t, aidNeed, id);
		if (!(CHANGEABLE_NEED as readonly string[]).includes(need.status)) throw new ConflictError('aid_error_need_not_open');
		await checkPlace(ctx, need, change);
		const patch = { ...content(change), frequency: change.frequency, safeguarded: change.safeguarded };
		const fields = changedFields(need, { ...patch, lat: patch.lat, lon: patch.lon });
		if (!fields.length) return need;
		const [row] = await t.db
			.update(aidNeed)
			.set({ ...patch, updatedAt: new Date() })
			.where(eq(aidNeed.id, need.id))
			.returning();
		await audit(t, { action: 'update', entity: 'aid_need', entityId: need.id, details: { fields } });
		return row!;
	});
}

/**
 * The person takes back their need. Links under way end with it, through the link verbs (so the
 * volunteer's place is freed where the counter is kept): a proposal or an accepted link is
 * cancelled with the person's reason; help that already took place is closed (it happened, and
 * counts). The volunteer sees the link cancelled on their page.
 */
export async function withdrawNeed(ctx: Ctx, raw: { id: string; reason?: string | null }) {
	requirePermission(ctx.actor, 'aid.own.write');
	const input = parseInput(withdrawNeedInput, raw);
	return inTransaction(ctx, async (t) => {
		// Links first, then the need: the order the link verbs lock in, so a withdrawal and an
		// acceptance at the same moment wait for each other instead of deadlocking.
		const links = await t.db
			.select({ id: aidLink.id, status: aidLink.status })
			.from(aidLink)
			.innerJoin(aidNeed, eq(aidNeed.id, aidLink.needId))
			.where(and(eq(aidLink.needId, input.id), eq(aidNeed.personId, ctx.actor.personId ?? NONE), inArray(aidLink.status, [...OPEN_LINK_STATUSES])))
			.for('update', { of: aidLink });
		const need = await lockOwn(t, aidNeed, input.id);
		if (need.status === 'withdrawn') return need;
		if (!(WITHDRAWABLE_NEED as readonly string[]).includes(need.status)) throw new ConflictError('aid_error_need_not_open');
		for (const l of links) {
			await endLink(t, { linkId: l.id, to: l.status === 'took_place' ? 'closed' : 'cancelled', reason: input.reason ?? null });
		}
		const [row] = await t.db
			.update(aidNeed)
			.set({ status: 'withdrawn', statusReason: input.reason ?? null, updatedAt: new Date() })
			.where(eq(aidNeed.id, need.id))
			.returning();
		await audit(t, {
			action: 'update',
			entity: 'aid_need',
			entityId: need.id,
			reason: input.reason ?? null,
			details: { from: need.status, to: 'withdrawn', linksEnded: links.length }
		});
		return row!;
	});
}

/**
 * The volunteer changes their offer, pauses it or takes it up again. A paused offer is never
 * suggested and takes no new link (takePlace reads 'active'); links under way go on. The number of
 * places may not drop below the links holding one now.
 */
export async function updateOffer(ctx: Ctx, raw: { id: string } & Record<string, unknown>) {
	requirePermission(ctx.actor, 'aid.own.write');
	const { id, ...rest } = raw;
	const change = parseInput(offerChangeInput, rest);
	return inTransaction(ctx, async (t) => {
		const offer = await lockOwn(t, aidOffer, id);
		if (offer.status === 'withdrawn') throw new ConflictError('aid_error_offer_withdrawn');
		// An offer still to review waits for the facilitators; pausing it would skip that look.
		if (change.status && offer.status === 'review') throw new ConflictError('aid_error_offer_in_review');
		if (change.capacity !== undefined && change.capacity < offer.activeLinks) throw new InvalidError({ capacity: 'aid_error_capacity_below_links' });
		await checkPlace(ctx, offer, change);
		const patch = { ...content(change), capacity: change.capacity, status: change.status };
		const fields = changedFields(offer, patch);
		if (!fields.length) return offer;
		const [row] = await t.db
			.update(aidOffer)
			.set({ ...patch, updatedAt: new Date() })
			.where(eq(aidOffer.id, offer.id))
			.returning();
		await audit(t, {
			action: 'update',
			entity: 'aid_offer',
			entityId: offer.id,
			details: { fields, ...(change.status && change.status !== offer.status ? { from: offer.status, to: change.status } : {}) }
		});
		return row!;
	});
}
