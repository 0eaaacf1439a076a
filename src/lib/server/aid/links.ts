import { and, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
	AppError,
	audit,
	BELGIAN_ZONE,
	ConflictError,
	type Ctx,
	ForbiddenError,
	inTransaction,
	NotFoundError,
	type TxCtx,
	UnauthenticatedError
} from '../core/index.ts';
import { can, holds, requirePermission } from '../access/index.ts';
import { peoplePerson } from '../people/index.ts';
import { areasArea } from '../areas/index.ts';
import { mappedAreas } from '../areas/index.ts';
import { aidFeedback, aidLink, aidNeed, aidOffer, type LinkStatus } from './schema.ts';
import { scorePair, whyIneligible } from './matching.ts';
import type { Reason } from './scoring.ts';
import { scopeFilter } from '../access/index.ts';
import { canMove, sideOf, type Side } from './lifecycle.ts';

// The link between a need and an offer, from proposal to its end. Every change is one transaction
// with its audit row. A volunteer's places are counted in aid_offer.active_links, changed only here,
// under the row lock of that UPDATE; the table's CHECK makes overbooking impossible even if two
// facilitators accept at the same instant.

export type LinkRow = typeof aidLink.$inferSelect;
export type Loaded = {
	link: LinkRow;
	need: typeof aidNeed.$inferSelect;
	offer: typeof aidOffer.$inferSelect;
	needUser: string | null;
	offerUser: string | null;
};

const needPerson = alias(peoplePerson, 'need_person');
const offerPerson = alias(peoplePerson, 'offer_person');

/** The link with its need, offer and the two sides' accounts, locked for this transaction (also used by nudge.ts). */
export async function lockLink(t: TxCtx, linkId: string): Promise<Loaded> {
	const [row] = await t.db
		.select({ link: aidLink, need: aidNeed, offer: aidOffer, needUser: needPerson.userId, offerUser: offerPerson.userId })
		.from(aidLink)
		.innerJoin(aidNeed, eq(aidNeed.id, aidLink.needId))
		.innerJoin(aidOffer, eq(aidOffer.id, aidLink.offerId))
		.innerJoin(needPerson, eq(needPerson.id, aidNeed.personId))
		.innerJoin(offerPerson, eq(offerPerson.id, aidOffer.personId))
		.where(eq(aidLink.id, linkId))
		.for('update', { of: aidLink });
	if (!row) throw new NotFoundError();
	return row;
}

/** Staff who broker links where the need is. */
export const brokers = (ctx: Ctx, l: Loaded) => can(ctx.actor, 'aid.link.manage', { organisationId: l.need.organisationId, areaId: l.need.areaId });

/** Takes one of the volunteer's places, or refuses when none is left (the guarantee against overbooking). */
async function takePlace(t: TxCtx, offerId: string) {
	const taken = await t.db
		.update(aidOffer)
		.set({ activeLinks: sql`${aidOffer.activeLinks} + 1`, updatedAt: new Date() })
		.where(and(eq(aidOffer.id, offerId), lt(aidOffer.activeLinks, aidOffer.capacity), eq(aidOffer.status, 'active')))
		.returning({ id: aidOffer.id });
	if (!taken.length) throw new ConflictError('aid_error_full');
}

async function freePlace(t: TxCtx, offerId: string) {
	await t.db
		.update(aidOffer)
		.set({ activeLinks: sql`greatest(${aidOffer.activeLinks} - 1, 0)`, updatedAt: new Date() })
		.where(eq(aidOffer.id, offerId));
}

/** A need whose links all ended is open again (unless the help took place: then it is done). */
async function settleNeed(t: TxCtx, needId: string, status: 'open' | 'matched' | 'closed') {
	if (status === 'open') {
		const [other] = await t.db
			.select({ id: aidLink.id })
			.from(aidLink)
			.where(and(eq(aidLink.needId, needId), inArray(aidLink.status, ['accepted', 'took_place'])));
		if (other) return;
	}
	await t.db.update(aidNeed).set({ status, updatedAt: new Date() }).where(eq(aidNeed.id, needId));
}

async function move(t: TxCtx, l: Loaded, to: LinkStatus, patch: Partial<typeof aidLink.$inferInsert>, reason?: string | null) {
	const now = new Date();
	const [row] = await t.db
		.update(aidLink)
		.set({ ...patch, status: to, changedAt: now, reason: reason ?? l.link.reason })
		.where(eq(aidLink.id, l.link.id))
		.returning();
	await audit(t, { action: 'update', entity: 'aid_link', entityId: l.link.id, reason: reason ?? null, details: { from: l.link.status, to } });
	return row!;
}

/** Both sides said yes: the volunteer's place is taken and the need is matched. */
async function activate(t: TxCtx, l: Loaded, patch: Partial<typeof aidLink.$inferInsert>) {
	await takePlace(t, l.offer.id);
	const row = await move(t, l, 'accepted', patch);
	await settleNeed(t, l.need.id, 'matched');
	return row;
}

/**
 * Sends the reviewed pairs of a weekly proposal as proposals, each in its own transaction: one pair
 * that no longer fits (the volunteer got full meanwhile) does not stop the others, and comes back as
 * a message key in `failed`. Every need is checked first: a pair outside the actor's scope refuses the
 * whole send before anything is written.
 */
export async function sendProposals(ctx: Ctx, pairs: { needId: string; offerId: string }[]) {
	requirePermission(ctx.actor, 'aid.link.manage');
	const needIds = [...new Set(pairs.map((p) => p.needId))];
	const places = needIds.length
		? await ctx.db
				.select({ id: aidNeed.id, organisationId: aidNeed.organisationId, areaId: aidNeed.areaId })
				.from(aidNeed)
				.where(inArray(aidNeed.id, needIds))
		: [];
	const byId = new Map(places.map((n) => [n.id, n]));
	for (const id of needIds) {
		const n = byId.get(id);
		// Out of scope answers as unknown: a send never tells which needs exist elsewhere.
		if (!n || !can(ctx.actor, 'aid.link.manage', { organisationId: n.organisationId, areaId: n.areaId })) throw new NotFoundError();
	}
	let sent = 0;
	const failed: string[] = [];
	for (const p of pairs) {
		try {
			await proposeLink(ctx, p);
			sent++;
		} catch (e) {
			if (!(e instanceof AppError) || e.status === 401 || e.status === 403) throw e;
			failed.push(e.key);
		}
	}
	return { sent, failed };
}

/**
 * A facilitator proposes an offer for a need. A side without an account (a walk-in, someone without
 * a phone) has asked the facilitator in person, so the facilitator says yes for them: assisted use.
 */
export async function proposeLink(ctx: Ctx, input: { needId: string; offerId: string }) {
	requirePermission(ctx.actor, 'aid.link.manage');
	return inTransaction(ctx, async (t) => {
		const [need] = await t.db.select().from(aidNeed).where(eq(aidNeed.id, input.needId)).for('update');
		if (!need) throw new NotFoundError();
		// Another organisation's (or neighbourhood's) need answers as an unknown one: no hint that the id exists.
		if (!can(ctx.actor, 'aid.link.manage', { organisationId: need.organisationId, areaId: need.areaId })) throw new NotFoundError();
		if (need.status !== 'open') throw new ConflictError('aid_error_need_not_open');
		const scored = await scorePair(t.db, need, input.offerId);
		if (!scored) {
			// The one rule that applies; an unknown offer, or another organisation's, answers as unknown.
			const key = await whyIneligible(t.db, need, input.offerId);
			if (!key) throw new NotFoundError();
			throw new ConflictError(key);
		}
		const [existing] = await t.db
			.select({ id: aidLink.id })
			.from(aidLink)
			.where(and(eq(aidLink.needId, need.id), eq(aidLink.offerId, input.offerId), inArray(aidLink.status, ['proposed', 'accepted', 'took_place'])));
		if (existing) throw new ConflictError('aid_error_already_proposed');
		const [inserted] = await t.db
			.insert(aidLink)
			.values({
				needId: need.id,
				organisationId: need.organisationId,
				areaId: need.areaId,
				offerId: input.offerId,
				score: scored.score,
				reasons: scored.reasons,
				proposedByUserId: ctx.actor.userId
			})
			.returning();
		await audit(t, {
			action: 'create',
			entity: 'aid_link',
			entityId: inserted!.id,
			details: { needId: need.id, offerId: input.offerId, score: scored.score }
		});
		let l = await lockLink(t, inserted!.id);
		const now = new Date();
		const patch: Partial<typeof aidLink.$inferInsert> = {};
		if (!l.needUser) patch.needAcceptedAt = now;
		if (!l.offerUser) patch.offerAcceptedAt = now;
		if (patch.needAcceptedAt || patch.offerAcceptedAt) {
			await t.db.update(aidLink).set(patch).where(eq(aidLink.id, l.link.id));
			// Assisted use: the row names the person the facilitator said yes for (one row per side).
			for (const side of ['need', 'offer'] as const) {
				if (!(side === 'need' ? patch.needAcceptedAt : patch.offerAcceptedAt)) continue;
				await audit(
					{ ...t, onBehalfOfPersonId: side === 'need' ? l.need.personId : l.offer.personId },
					{ action: 'update', entity: 'aid_link', entityId: l.link.id, details: { assistedAccept: side } }
				);
			}
			l = await lockLink(t, l.link.id);
		}
		if (l.link.needAcceptedAt && l.link.offerAcceptedAt) return activate(t, l, {});
		return l.link;
	});
}

export type Answer = 'accept' | 'decline';

/**
 * The side a link is proposed to answers it. Accepting twice is harmless; a closed link or someone
 * else's link is refused with nothing changed. Staff may answer for a side without an account.
 */
export async function respondToLink(ctx: Ctx, input: { linkId: string; answer: Answer; reason?: string | null; side?: Side }) {
	// Who may act depends on the link, known only under its lock; nobody signed in is refused before
	// that, so an anonymous call neither waits for nor takes the lock.
	if (!ctx.actor.userId) throw new UnauthenticatedError();
	return inTransaction(ctx, async (t) => {
		const l = await lockLink(t, input.linkId);
		let side = sideOf(ctx.actor.personId, l.need.personId, l.offer.personId);
		let c: TxCtx = t;
		if (!side || (input.side && input.side !== side)) {
			const forSide = input.side;
			const sideUser = forSide === 'need' ? l.needUser : forSide === 'offer' ? l.offerUser : undefined;
			if (!brokers(ctx, l)) throw refusal(ctx, side);
			if (!forSide) throw new ForbiddenError('aid.link.respond');
			if (sideUser) throw new ConflictError('aid_error_answer_yourself');
			side = forSide;
			c = { ...t, onBehalfOfPersonId: side === 'need' ? l.need.personId : l.offer.personId };
		} else if (!can(ctx.actor, 'aid.own.write')) {
			throw new ForbiddenError('aid.own.write');
		}
		const accepted = side === 'need' ? l.link.needAcceptedAt : l.link.offerAcceptedAt;
		if (input.answer === 'accept') {
			if (accepted && l.link.status !== 'declined' && l.link.status !== 'cancelled') return l.link; // twice is harmless
			if (l.link.status !== 'proposed') throw new ConflictError('aid_error_link_closed');
			const now = new Date();
			const patch = side === 'need' ? { needAcceptedAt: now } : { offerAcceptedAt: now };
			const other = side === 'need' ? l.link.offerAcceptedAt : l.link.needAcceptedAt;
			if (other) return activate(c, l, patch);
			await c.db
				.update(aidLink)
				.set({ ...patch, changedAt: now })
				.where(eq(aidLink.id, l.link.id));
			await audit(c, { action: 'update', entity: 'aid_link', entityId: l.link.id, details: { accepted: side } });
			return { ...l.link, ...patch, changedAt: now };
		}
		if (l.link.status === 'declined') return l.link;
		if (!canMove(l.link.status, 'declined')) throw new ConflictError('aid_error_link_closed');
		const row = await move(c, l, 'declined', { closedAt: new Date() }, input.reason ?? null);
		await settleNeed(c, l.need.id, 'open');
		return row;
	});
}

/** Either side, or the facilitator, says the help took place. Saying it twice is harmless. */
export async function completeLink(ctx: Ctx, input: { linkId: string }) {
	if (!ctx.actor.userId) throw new UnauthenticatedError();
	return inTransaction(ctx, async (t) => {
		const l = await lockLink(t, input.linkId);
		authoriseParty(ctx, l);
		if (l.link.status === 'took_place') return l.link;
		if (!canMove(l.link.status, 'took_place')) throw new ConflictError('aid_error_link_state');
		return move(t, l, 'took_place', { tookPlaceAt: new Date() });
	});
}

/** The end of a link: closed after it took place, cancelled (with a reason) before. Frees the place. */
export async function endLink(ctx: Ctx, input: { linkId: string; to: 'closed' | 'cancelled'; reason?: string | null }) {
	if (!ctx.actor.userId) throw new UnauthenticatedError();
	return inTransaction(ctx, async (t) => {
		const l = await lockLink(t, input.linkId);
		authoriseParty(ctx, l);
		if (l.link.status === input.to) return l.link;
		if (!canMove(l.link.status, input.to)) throw new ConflictError('aid_error_link_state');
		const held = l.link.status === 'accepted' || l.link.status === 'took_place';
		const row = await move(t, l, input.to, { closedAt: new Date() }, input.reason ?? null);
		if (held) await freePlace(t, l.offer.id);
		await settleNeed(t, l.need.id, l.link.status === 'took_place' ? 'closed' : 'open');
		return row;
	});
}

function authoriseParty(ctx: Ctx, l: Loaded) {
	const side = sideOf(ctx.actor.personId, l.need.personId, l.offer.personId);
	if (side && can(ctx.actor, 'aid.own.write')) return;
	if (brokers(ctx, l)) return;
	throw refusal(ctx, side);
}

/**
 * Why someone may not act on a link: the wrong role (or a side without the right to act, like a
 * read-only token) is refused as such, 403; the right role for someone else's link gets what an
 * unknown link gets, 404: no hint that the id exists.
 */
function refusal(ctx: Ctx, side: Side | null) {
	if (side || (!can(ctx.actor, 'aid.own.write') && !holds(ctx.actor, 'aid.link.manage'))) return new ForbiddenError('aid.link');
	return new NotFoundError();
}

/** Short feedback after the help took place, once per person (a second time replaces the first). */
export async function giveFeedback(ctx: Ctx, input: { linkId: string; rating: number; comment?: string | null }) {
	requirePermission(ctx.actor, 'aid.own.write');
	return inTransaction(ctx, async (t) => {
		const l = await lockLink(t, input.linkId);
		const side = sideOf(ctx.actor.personId, l.need.personId, l.offer.personId);
		if (!side) throw new NotFoundError();
		if (l.link.status !== 'took_place' && l.link.status !== 'closed') throw new ConflictError('aid_error_link_state');
		await t.db
			.insert(aidFeedback)
			.values({ linkId: l.link.id, personId: ctx.actor.personId!, rating: input.rating, comment: input.comment ?? null })
			.onConflictDoUpdate({ target: [aidFeedback.linkId, aidFeedback.personId], set: { rating: input.rating, comment: input.comment ?? null } });
		await audit(t, { action: 'create', entity: 'aid_feedback', entityId: l.link.id });
	});
}

const STALLED_DAYS = 14;
/** The start of today in Belgium (the day a nudge is counted on, see nudge.ts). */
const BELGIAN_TODAY = sql`(date_trunc('day', now() at time zone ${BELGIAN_ZONE}) at time zone ${BELGIAN_ZONE})`;

/** How many open links in the actor's scope had no change for 14 days (the queue's reminder). */
export async function countStalledLinks(ctx: Ctx, q: { areaId?: string | null } = {}) {
	requirePermission(ctx.actor, 'aid.need.read');
	// The link's own copy of the need's organisation and neighbourhood (kept equal by a foreign key) makes
	// this one range of the partial index aid_link_open_place_idx: it was ~3.5 ms a queue page under load
	// when every stalled link of the organisation looked its need up (docs/performance.md).
	const [row] = await ctx.db
		.select({ n: sql<number>`count(*)::int` })
		.from(aidLink)
		.where(
			and(
				// Written out (not parameters) so the planner can match the partial index's own predicate.
				sql`${aidLink.status} in ('proposed', 'accepted', 'took_place')`,
				lt(aidLink.changedAt, sql`now() - make_interval(days => ${STALLED_DAYS})`),
				scopeFilter(ctx.actor, 'aid.need.read', { organisation: aidLink.organisationId, area: aidLink.areaId }),
				q.areaId ? eq(aidLink.areaId, q.areaId) : undefined
			)
		);
	return row?.n ?? 0;
}

/** Links in the actor's scope; `stalled` keeps those open ones without a change for 14 days. */
export async function listLinks(ctx: Ctx, q: { stalled?: boolean; areaId?: string | null; needId?: string; limit?: number } = {}) {
	requirePermission(ctx.actor, 'aid.need.read');
	const where = and(
		needsInScope(ctx),
		q.areaId ? eq(aidNeed.areaId, q.areaId) : undefined,
		q.needId ? eq(aidLink.needId, q.needId) : undefined,
		q.stalled
			? and(
					inArray(aidLink.status, ['proposed', 'accepted', 'took_place']),
					// A nudge counts as a change, but a link reminded today stays on the list (marked so) until
					// tomorrow: the facilitator sees what they did, and it is not yet moving again.
					or(lt(aidLink.changedAt, sql`now() - make_interval(days => ${STALLED_DAYS})`), gte(aidLink.nudgedAt, BELGIAN_TODAY))
				)
			: undefined
	);
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
			needTitle: aidNeed.title,
			category: aidNeed.category,
			needFirstName: needPerson.firstName,
			offerFirstName: offerPerson.firstName,
			areaName: areasArea.name
		})
		.from(aidLink)
		.innerJoin(aidNeed, eq(aidNeed.id, aidLink.needId))
		.innerJoin(aidOffer, eq(aidOffer.id, aidLink.offerId))
		.innerJoin(needPerson, eq(needPerson.id, aidNeed.personId))
		.innerJoin(offerPerson, eq(offerPerson.id, aidOffer.personId))
		.innerJoin(areasArea, eq(areasArea.id, aidNeed.areaId))
		.where(where)
		.orderBy(q.stalled ? aidLink.changedAt : desc(aidLink.changedAt))
		.limit(Math.min(q.limit ?? 100, 500));
}

/** The same rule as the queue: the need's organisation and area. */
const needsInScope = (ctx: Ctx) => scopeFilter(ctx.actor, 'aid.need.read', { organisation: aidNeed.organisationId, area: aidNeed.areaId });

/**
 * The links of the actor, as a party sees them. Before both sides accepted, the other side is only a
 * first name, a neighbourhood and the reasons; contact details appear once both said yes.
 */
export async function ownLinks(ctx: Ctx) {
	requirePermission(ctx.actor, 'aid.own.read');
	const me = ctx.actor.personId ?? '00000000-0000-0000-0000-000000000000';
	const needArea = alias(areasArea, 'need_area');
	const offerArea = alias(areasArea, 'offer_area');
	const rows = await ctx.db
		.select({
			link: aidLink,
			need: {
				id: aidNeed.id,
				title: aidNeed.title,
				category: aidNeed.category,
				personId: aidNeed.personId,
				areaId: aidNeed.areaId,
				lat: aidNeed.lat,
				lon: aidNeed.lon
			},
			offer: { id: aidOffer.id, title: aidOffer.title, personId: aidOffer.personId, areaId: aidOffer.areaId, lat: aidOffer.lat, lon: aidOffer.lon },
			needPerson: { firstName: needPerson.firstName, lastName: needPerson.lastName, phone: needPerson.phone, email: needPerson.email },
			offerPerson: { firstName: offerPerson.firstName, lastName: offerPerson.lastName, phone: offerPerson.phone, email: offerPerson.email },
			needArea: needArea.name,
			offerArea: offerArea.name,
			needAreaCode: needArea.code,
			offerAreaCode: offerArea.code,
			myFeedback: sql<number | null>`(select rating from ${aidFeedback} f where f.link_id = ${aidLink.id} and f.person_id = ${me})`
		})
		.from(aidLink)
		.innerJoin(aidNeed, eq(aidNeed.id, aidLink.needId))
		.innerJoin(aidOffer, eq(aidOffer.id, aidLink.offerId))
		.innerJoin(needPerson, eq(needPerson.id, aidNeed.personId))
		.innerJoin(offerPerson, eq(offerPerson.id, aidOffer.personId))
		.innerJoin(needArea, eq(needArea.id, aidNeed.areaId))
		.innerJoin(offerArea, eq(offerArea.id, aidOffer.areaId))
		.where(or(eq(aidNeed.personId, me), eq(aidOffer.personId, me)))
		.orderBy(desc(aidLink.changedAt))
		.limit(200);
	// The map picture of the other side's point needs a drawable boundary of its neighbourhood.
	const mapped = new Set((await mappedAreas(ctx, { ids: [...new Set(rows.flatMap((r) => [r.need.areaId, r.offer.areaId]))] })).keys());
	return rows.map((r) => partyView(me, r, mapped));
}

type PartyRow = {
	link: LinkRow;
	need: { id: string; title: string; category: string; personId: string; areaId: string; lat: number | null; lon: number | null };
	offer: { id: string; title: string; personId: string; areaId: string; lat: number | null; lon: number | null };
	needPerson: { firstName: string; lastName: string | null; phone: string | null; email: string | null };
	offerPerson: { firstName: string; lastName: string | null; phone: string | null; email: string | null };
	needArea: string;
	offerArea: string;
	needAreaCode: string;
	offerAreaCode: string;
	myFeedback: number | null;
};

/** Pure: what one party of a link may see of it. `mapped`: the areas with a boundary to draw a map of. */
const DISTANCE_BAND = 500;
const coarse = (reason: Reason): Reason =>
	reason.code === 'distance' ? { ...reason, metres: Math.max(DISTANCE_BAND, Math.ceil(reason.metres / DISTANCE_BAND) * DISTANCE_BAND) } : reason;

export function partyView(me: string, r: PartyRow, mapped: ReadonlySet<string> = new Set()) {
	const side: Side = r.need.personId === me ? 'need' : 'offer';
	const other = side === 'need' ? r.offerPerson : r.needPerson;
	const otherPoint = side === 'need' ? r.offer : r.need;
	const otherAreaCode = side === 'need' ? r.offerAreaCode : r.needAreaCode;
	const bothAccepted = !!r.link.needAcceptedAt && !!r.link.offerAcceptedAt && r.link.status !== 'declined' && r.link.status !== 'cancelled';
	return {
		id: r.link.id,
		side,
		status: r.link.status,
		title: r.need.title,
		category: r.need.category,
		// Before both said yes a distance is a 500 m band: exact metres from a few proposals could
		// give away where the other person lives.
		reasons: bothAccepted ? r.link.reasons : (r.link.reasons as Reason[]).map(coarse),
		iAccepted: !!(side === 'need' ? r.link.needAcceptedAt : r.link.offerAcceptedAt),
		changedAt: r.link.changedAt,
		myFeedback: r.myFeedback,
		other: {
			firstName: other.firstName,
			areaName: side === 'need' ? r.offerArea : r.needArea,
			// Only once both said yes: full name, phone, e-mail and the exact point.
			contact: bothAccepted
				? {
						lastName: other.lastName,
						phone: other.phone,
						email: other.email,
						point: otherPoint.lat === null || otherPoint.lon === null ? null : { lat: otherPoint.lat, lon: otherPoint.lon },
						// The neighbourhood whose map shows the point (/areas/<code>/map.svg), when it has one.
						mapCode: otherPoint.lat !== null && mapped.has(otherPoint.areaId) ? otherAreaCode : null
					}
				: null
		}
	};
}
