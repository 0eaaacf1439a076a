import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { AppError, ConflictError, ForbiddenError, NotFoundError, defineVerb, type AuditEntry, type Ctx, type Permission } from '../core/index.ts';
import { can, holds, inScope, permission } from '../access/index.ts';
import { peoplePerson } from '../people/index.ts';
import { aidFeedback, aidLink, aidNeed, aidOffer, type LinkStatus } from './schema.ts';
import { scorePair, whyIneligible } from './matching.ts';
import { canMove, sideOf, type Side } from './lifecycle.ts';
import { endLinkInput, feedbackInput, linkIdInput, proposeLinkInput, respondInput } from './validation.ts';

// The link between a need and an offer, from proposal to its end. Every change is a verb (one
// transaction, its audit rows written by the runner). A volunteer's places are counted in
// aid_offer.active_links, changed only here, under the row lock of that UPDATE; the table's CHECK makes
// overbooking impossible even if two facilitators accept at the same instant.

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

/**
 * The link with its need, offer and the two sides' accounts, locked for this transaction (also used by
 * nudge.ts). Called from a write verb's access, so the lock is taken after the runner's 401 and
 * permission check, never for someone who may not act at all.
 */
export async function lockLink(ctx: Ctx, linkId: string): Promise<Loaded> {
	const [row] = await ctx.db
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

/**
 * The permission of a verb that a side of a link (aid.own.write) or the facilitator who brokers it
 * (aid.link.manage) may call: held when either is. Which of the two applies to this link is the verb's
 * access, under the link's lock.
 */
export const SIDE_OR_BROKER: Permission = {
	name: 'aid.own.write|aid.link.manage',
	write: true,
	holds: (actor) => holds(actor, 'aid.own.write') || holds(actor, 'aid.link.manage')
};

/** What a change to a link is allowed on, and the audit rows its steps add (written by the runner). */
type Change = { l: Loaded; side: Side | null; trail: AuditEntry[] };

/** Takes one of the volunteer's places, or refuses when none is left (the guarantee against overbooking). */
async function takePlace(ctx: Ctx, offerId: string) {
	const taken = await ctx.db
		.update(aidOffer)
		.set({ activeLinks: sql`${aidOffer.activeLinks} + 1`, updatedAt: new Date() })
		.where(and(eq(aidOffer.id, offerId), lt(aidOffer.activeLinks, aidOffer.capacity), eq(aidOffer.status, 'active')))
		.returning({ id: aidOffer.id });
	if (!taken.length) throw new ConflictError('aid_error_full');
}

async function freePlace(ctx: Ctx, offerId: string) {
	await ctx.db
		.update(aidOffer)
		.set({ activeLinks: sql`greatest(${aidOffer.activeLinks} - 1, 0)`, updatedAt: new Date() })
		.where(eq(aidOffer.id, offerId));
}

/** A need whose links all ended is open again (unless the help took place: then it is done). */
async function settleNeed(ctx: Ctx, needId: string, status: 'open' | 'matched' | 'closed') {
	if (status === 'open') {
		const [other] = await ctx.db
			.select({ id: aidLink.id })
			.from(aidLink)
			.where(and(eq(aidLink.needId, needId), inArray(aidLink.status, ['accepted', 'took_place'])));
		if (other) return;
	}
	await ctx.db.update(aidNeed).set({ status, updatedAt: new Date() }).where(eq(aidNeed.id, needId));
}

async function move(
	ctx: Ctx,
	c: Change,
	to: LinkStatus,
	patch: Partial<typeof aidLink.$inferInsert>,
	reason?: string | null,
	onBehalfOfPersonId?: string
) {
	const { l } = c;
	const [row] = await ctx.db
		.update(aidLink)
		.set({ ...patch, status: to, changedAt: new Date(), reason: reason ?? l.link.reason })
		.where(eq(aidLink.id, l.link.id))
		.returning();
	c.trail.push({
		action: 'update',
		entity: 'aid_link',
		entityId: l.link.id,
		reason: reason ?? null,
		details: { from: l.link.status, to },
		onBehalfOfPersonId
	});
	return row!;
}

/** Both sides said yes: the volunteer's place is taken and the need is matched. */
async function activate(ctx: Ctx, c: Change, patch: Partial<typeof aidLink.$inferInsert>, onBehalfOfPersonId?: string) {
	await takePlace(ctx, c.l.offer.id);
	const row = await move(ctx, c, 'accepted', patch, undefined, onBehalfOfPersonId);
	await settleNeed(ctx, c.l.need.id, 'matched');
	return row;
}

/**
 * A facilitator proposes an offer for a need. A side without an account (a walk-in, someone without
 * a phone) has asked the facilitator in person, so the facilitator says yes for them: assisted use.
 */
export const proposeLink = defineVerb({
	name: 'aid.link.propose',
	summary:
		'Propose an offer for a need (sides without an account are accepted by the facilitator). A 409 names the one rule that applies: another kind of help, the person’s own offer, withdrawn, paused, no place left, no certificate or an expired one; an unknown offer, or another organisation’s, is a 404',
	permission: permission('aid.link.manage'),
	input: proposeLinkInput,
	writes: true,
	access: async (ctx, input) => {
		const [need] = await ctx.db.select().from(aidNeed).where(eq(aidNeed.id, input.needId)).for('update');
		// Another organisation's (or neighbourhood's) need answers as an unknown one: no hint that the id exists.
		return { need: inScope(ctx.actor, 'aid.link.manage', need), trail: [] as AuditEntry[] };
	},
	run: async (ctx, input, { need, trail }) => {
		if (need.status !== 'open') throw new ConflictError('aid_error_need_not_open');
		const scored = await scorePair(ctx.db, need, input.offerId);
		if (!scored) {
			// The one rule that applies; an unknown offer, or another organisation's, answers as unknown.
			const key = await whyIneligible(ctx.db, need, input.offerId);
			if (!key) throw new NotFoundError();
			throw new ConflictError(key);
		}
		const [existing] = await ctx.db
			.select({ id: aidLink.id })
			.from(aidLink)
			.where(and(eq(aidLink.needId, need.id), eq(aidLink.offerId, input.offerId), inArray(aidLink.status, ['proposed', 'accepted', 'took_place'])));
		if (existing) throw new ConflictError('aid_error_already_proposed');
		const [inserted] = await ctx.db
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
		trail.push({
			action: 'create',
			entity: 'aid_link',
			entityId: inserted!.id,
			details: { needId: need.id, offerId: input.offerId, score: scored.score }
		});
		let l = await lockLink(ctx, inserted!.id);
		const now = new Date();
		const patch: Partial<typeof aidLink.$inferInsert> = {};
		if (!l.needUser) patch.needAcceptedAt = now;
		if (!l.offerUser) patch.offerAcceptedAt = now;
		if (patch.needAcceptedAt || patch.offerAcceptedAt) {
			await ctx.db.update(aidLink).set(patch).where(eq(aidLink.id, l.link.id));
			// Assisted use: the row names the person the facilitator said yes for (one row per side).
			for (const side of ['need', 'offer'] as const) {
				if (!(side === 'need' ? patch.needAcceptedAt : patch.offerAcceptedAt)) continue;
				trail.push({
					action: 'update',
					entity: 'aid_link',
					entityId: l.link.id,
					details: { assistedAccept: side },
					onBehalfOfPersonId: side === 'need' ? l.need.personId : l.offer.personId
				});
			}
			l = await lockLink(ctx, l.link.id);
		}
		if (l.link.needAcceptedAt && l.link.offerAcceptedAt) return activate(ctx, { l, side: null, trail }, {});
		return l.link;
	},
	audit: (_input, _link, { trail }) => trail
});

/**
 * Sends the reviewed pairs of a weekly proposal as proposals, each through proposeLink in its own
 * transaction: one pair that no longer fits (the volunteer got full meanwhile) does not stop the
 * others, and comes back as a message key in `failed`. Every need is checked first: a pair outside the
 * actor's scope refuses the whole send before anything is written.
 */
export const sendProposals = defineVerb({
	name: 'aid.link.send_proposals',
	summary: 'Send the pairs of a weekly proposal as proposals, each on its own',
	permission: permission('aid.link.manage'),
	// As many as the weekly page sends at most.
	input: z.object({ pairs: z.array(proposeLinkInput).max(2000, 'error_choice') }),
	// Its writes are the proposeLink verbs it runs, each with its own transaction and audit rows.
	writes: false,
	access: async (ctx, { pairs }) => {
		const needIds = [...new Set(pairs.map((p) => p.needId))];
		const places = needIds.length
			? await ctx.db
					.select({ id: aidNeed.id, organisationId: aidNeed.organisationId, areaId: aidNeed.areaId })
					.from(aidNeed)
					.where(inArray(aidNeed.id, needIds))
			: [];
		const byId = new Map(places.map((n) => [n.id, n]));
		// Out of scope answers as unknown: a send never tells which needs exist elsewhere.
		for (const id of needIds) inScope(ctx.actor, 'aid.link.manage', byId.get(id));
		return { needIds };
	},
	run: async (ctx, { pairs }) => {
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
});

/**
 * Who acts on a locked link: one of its sides, who holds aid.own.write, or a facilitator who brokers
 * where its need is. Anyone else: see `refusal`.
 */
async function sideOrBroker(ctx: Ctx, linkId: string): Promise<Change> {
	const l = await lockLink(ctx, linkId);
	const side = sideOf(ctx.actor.personId, l.need.personId, l.offer.personId);
	if ((side && can(ctx.actor, 'aid.own.write')) || brokers(ctx, l)) return { l, side, trail: [] };
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

/** A facilitator's answer for a side without an account: whose yes or no it is (assisted use). */
type Answering = Change & { side: Side; forPersonId?: string };

/**
 * The side a link is proposed to answers it. Accepting twice is harmless; a closed link or someone
 * else's link is refused with nothing changed. Staff may answer for a side without an account.
 */
export const respondToLink = defineVerb({
	name: 'aid.link.respond',
	summary: 'Accept or decline a proposed link, by the side it is proposed to (accepting twice is harmless)',
	permission: SIDE_OR_BROKER,
	input: respondInput,
	writes: true,
	access: async (ctx, input): Promise<Answering> => {
		const l = await lockLink(ctx, input.linkId);
		const side = sideOf(ctx.actor.personId, l.need.personId, l.offer.personId);
		if (side && (!input.side || input.side === side)) {
			if (!can(ctx.actor, 'aid.own.write')) throw new ForbiddenError('aid.own.write');
			return { l, side, trail: [] };
		}
		if (!brokers(ctx, l)) throw refusal(ctx, side);
		if (!input.side) throw new ForbiddenError('aid.link.respond');
		return { l, side: input.side, trail: [], forPersonId: input.side === 'need' ? l.need.personId : l.offer.personId };
	},
	run: async (ctx, input, c) => {
		const { l, side, forPersonId } = c;
		// A side with an account answers for themselves: the facilitator may not say yes for them.
		if (forPersonId && (side === 'need' ? l.needUser : l.offerUser)) throw new ConflictError('aid_error_answer_yourself');
		const accepted = side === 'need' ? l.link.needAcceptedAt : l.link.offerAcceptedAt;
		if (input.answer === 'accept') {
			if (accepted && l.link.status !== 'declined' && l.link.status !== 'cancelled') return l.link; // twice is harmless
			if (l.link.status !== 'proposed') throw new ConflictError('aid_error_link_closed');
			const now = new Date();
			const patch = side === 'need' ? { needAcceptedAt: now } : { offerAcceptedAt: now };
			const other = side === 'need' ? l.link.offerAcceptedAt : l.link.needAcceptedAt;
			if (other) return activate(ctx, c, patch, forPersonId);
			await ctx.db
				.update(aidLink)
				.set({ ...patch, changedAt: now })
				.where(eq(aidLink.id, l.link.id));
			c.trail.push({ action: 'update', entity: 'aid_link', entityId: l.link.id, details: { accepted: side }, onBehalfOfPersonId: forPersonId });
			return { ...l.link, ...patch, changedAt: now };
		}
		if (l.link.status === 'declined') return l.link;
		if (!canMove(l.link.status, 'declined')) throw new ConflictError('aid_error_link_closed');
		const row = await move(ctx, c, 'declined', { closedAt: new Date() }, input.reason ?? null, forPersonId);
		await settleNeed(ctx, l.need.id, 'open');
		return row;
	},
	audit: (_input, _link, { trail }) => trail
});

/** Either side, or the facilitator, says the help took place. Saying it twice is harmless. */
export const completeLink = defineVerb({
	name: 'aid.link.complete',
	summary:
		'Say that the help took place, by either side or a facilitator (send an empty JSON body, {}, with Content-Type: application/json: a POST without a content type is refused as a cross-site form)',
	permission: SIDE_OR_BROKER,
	input: linkIdInput,
	writes: true,
	access: (ctx, input) => sideOrBroker(ctx, input.linkId),
	run: async (ctx, _input, c) => {
		if (c.l.link.status === 'took_place') return c.l.link;
		if (!canMove(c.l.link.status, 'took_place')) throw new ConflictError('aid_error_link_state');
		return move(ctx, c, 'took_place', { tookPlaceAt: new Date() });
	},
	audit: (_input, _link, { trail }) => trail
});

/** The end of a link: closed after it took place, cancelled (with a reason) before. Frees the place. */
export const endLink = defineVerb({
	name: 'aid.link.end',
	summary:
		'End a link, by either side or a facilitator: closed after the help took place, cancelled before that (a reason is then required); frees the volunteer’s place',
	permission: SIDE_OR_BROKER,
	input: endLinkInput,
	writes: true,
	access: (ctx, input) => sideOrBroker(ctx, input.linkId),
	run: async (ctx, input, c) => {
		const { l } = c;
		if (l.link.status === input.to) return l.link;
		if (!canMove(l.link.status, input.to)) throw new ConflictError('aid_error_link_state');
		const held = l.link.status === 'accepted' || l.link.status === 'took_place';
		const row = await move(ctx, c, input.to, { closedAt: new Date() }, input.reason ?? null);
		if (held) await freePlace(ctx, l.offer.id);
		await settleNeed(ctx, l.need.id, l.link.status === 'took_place' ? 'closed' : 'open');
		return row;
	},
	audit: (_input, _link, { trail }) => trail
});

/** Short feedback after the help took place, once per person (a second time replaces the first). */
export const giveFeedback = defineVerb({
	name: 'aid.link.feedback',
	summary: 'Short feedback by a side of the link after the help took place; giving it again replaces the first',
	permission: permission('aid.own.write'),
	input: feedbackInput,
	writes: true,
	access: async (ctx, input) => {
		const l = await lockLink(ctx, input.linkId);
		// Only a side gives feedback; anyone else's link answers as an unknown one.
		if (!sideOf(ctx.actor.personId, l.need.personId, l.offer.personId)) throw new NotFoundError();
		return { l, personId: ctx.actor.personId! };
	},
	run: async (ctx, input, { l, personId }) => {
		if (l.link.status !== 'took_place' && l.link.status !== 'closed') throw new ConflictError('aid_error_link_state');
		const comment = input.comment ?? null;
		await ctx.db
			.insert(aidFeedback)
			.values({ linkId: l.link.id, personId, rating: input.rating, comment })
			.onConflictDoUpdate({ target: [aidFeedback.linkId, aidFeedback.personId], set: { rating: input.rating, comment } });
		return { linkId: l.link.id, rating: input.rating, comment };
	},
	audit: (_input, out) => ({ action: 'create', entity: 'aid_feedback', entityId: out.linkId })
});
