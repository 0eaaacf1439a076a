import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { belgianDateOf, ConflictError, NotFoundError, defineVerb, type Ctx } from '../core/index.ts';
import { holds, inScope, permission } from '../access/index.ts';
import { getPerson, peoplePerson } from '../people/index.ts';
import { areasArea } from '../areas/index.ts';
import { addToOutbox, announceMail, smtpTransport } from '../mail/index.ts';
import { aidLink, aidNeed } from './schema.ts';
import { brokers, lockLink, type LinkRow, type Loaded } from './links.ts';
import { nudgeMail } from './nudge-mail.ts';
import type { Side } from './lifecycle.ts';
import { accountAddress, mailOrigin } from '../auth/index.ts';

/** How to reach a side without an account: what the person record holds (both null: nothing on record). */
export type Contact = { phone: string | null; email: string | null };
/** One side the link waits for, and whether a reminder went to them by mail. */
export type NudgedSide = { side: Side; firstName: string; mailed: boolean; contact?: Contact | null };
export type Nudge = { link: LinkRow; sides: NudgedSide[] };

/**
 * Pure: who a link waits for. Proposed: each side that has not said yes. Accepted: both, to say whether
 * the help took place. After that only the facilitator has something left to do (close it).
 */
export function waitingSides(link: Pick<LinkRow, 'status' | 'needAcceptedAt' | 'offerAcceptedAt'>): Side[] {
	if (link.status === 'accepted') return ['need', 'offer'];
	if (link.status !== 'proposed') return [];
	return (['need', 'offer'] as const).filter((s) => !(s === 'need' ? link.needAcceptedAt : link.offerAcceptedAt));
}

const STILL_OPEN = ['proposed', 'accepted', 'took_place'];

/**
 * A facilitator nudges a stalled link: the date is kept (it counts as a change) and every side the link
 * waits for that has an account gets a short reminder mail in their own language, with the other side
 * named by first name, neighbourhood and kind of help only, and a link to their help page. A side
 * without an account is returned as not mailed: the page tells the facilitator to call or visit, and
 * with `withContact` (the page, not the API) how: the person's phone and address, read through the
 * people module's audited read and only when the actor may read that person.
 *
 * Once a day per link (the Belgian calendar day): a second nudge is refused with 409
 * `nudge_error_today` and changes nothing. A refusal rather than a quiet OK, so that neither the page
 * nor an API client can take it for a second round of mail.
 *
 * The mails are written to the outbox in the nudge's transaction, so they exist only if it commits,
 * and are handed to the job queue after the commit.
 */
export const nudgeLink = defineVerb({
	name: 'aid.link.nudge',
	summary: `A facilitator nudges a stalled link: it counts as a change, and each side it waits for gets a reminder mail when they have an account; once a day per link, a second nudge that day is a 409 (send an empty JSON body, {}, with Content-Type: application/json: a POST without a content type is refused as a cross-site form)`,
	permission: permission('aid.link.manage'),
	input: z.object({ linkId: z.uuid('error_not_found'), withContact: z.boolean().default(false) }),
	// Its write is recordNudge, committed before the mails are handed to the queue: a job sent earlier
	// could run before the outbox rows are visible and find nothing to send.
	writes: false,
	access: async (ctx, { linkId }) => {
		const [place] = await ctx.db
			.select({ organisationId: aidNeed.organisationId, areaId: aidNeed.areaId })
			.from(aidLink)
			.innerJoin(aidNeed, eq(aidNeed.id, aidLink.needId))
			.where(eq(aidLink.id, linkId));
		// A link brokered elsewhere answers as an unknown one.
		return inScope(ctx.actor, 'aid.link.manage', place);
	},
	run: async (ctx, input): Promise<Nudge> => {
		const { nudge, mailIds, unmailed } = await recordNudge(ctx, { linkId: input.linkId });
		if (input.withContact) {
			for (const s of nudge.sides) {
				const personId = unmailed[s.side];
				if (personId) s.contact = await contactOf(ctx, personId);
			}
		}
		try {
			await announceMail(ctx.db, mailIds, smtpTransport());
		} catch (e) {
			// The nudge and its mails are committed; mails still queued are picked up when the worker starts again.
			console.error('[aid] nudge mail not handed to the queue:', e instanceof Error ? e.message : e);
		}
		return nudge;
	}
});

/** The nudge's write: the date, the outbox mails and the audit row, in one transaction under the link's lock. */
const recordNudge = defineVerb({
	name: 'aid.link.nudge_record',
	summary: 'Record a nudge and queue its reminder mails (run by nudgeLink)',
	permission: permission('aid.link.manage'),
	input: z.object({ linkId: z.uuid('error_not_found') }),
	writes: true,
	access: async (ctx, { linkId }) => {
		const l = await lockLink(ctx, linkId);
		if (!brokers(ctx, l)) throw new NotFoundError();
		return l;
	},
	run: async (ctx, _input, l) => {
		if (!STILL_OPEN.includes(l.link.status)) throw new ConflictError('aid_error_link_state');
		const now = new Date();
		if (l.link.nudgedAt && belgianDateOf(l.link.nudgedAt) === belgianDateOf(now)) throw new ConflictError('nudge_error_today');
		// Links in mail come from the configured origin only, never from a request's Host (issue 10, item 3).
		const help = `${mailOrigin()}/help`;
		// A side still to answer goes straight to the question; "did it take place?" is asked on /help.
		const answer = `${help}/links/${l.link.id}`;
		const parties = { need: await party(ctx, l, 'need'), offer: await party(ctx, l, 'offer') };
		const sides: NudgedSide[] = [];
		const mailIds: string[] = [];
		const unmailed: Partial<Record<Side, string>> = {};
		for (const side of waitingSides(l.link)) {
			const me = parties[side];
			const other = parties[side === 'need' ? 'offer' : 'need'];
			if (!me.email) {
				sides.push({ side, firstName: me.firstName, mailed: false });
				unmailed[side] = side === 'need' ? l.need.personId : l.offer.personId;
				continue;
			}
			const kind = l.link.status === 'accepted' ? 'happened' : side === 'need' ? 'answer_need' : 'answer_offer';
			const mail = nudgeMail({
				kind,
				to: me.email,
				locale: me.locale,
				name: me.firstName,
				other: { firstName: other.firstName, areaName: other.areaName },
				category: l.need.category,
				link: kind === 'happened' ? help : answer
			});
			mailIds.push(await addToOutbox(ctx.db, mail));
			sides.push({ side, firstName: me.firstName, mailed: true });
		}
		const [row] = await ctx.db.update(aidLink).set({ nudgedAt: now, changedAt: now }).where(eq(aidLink.id, l.link.id)).returning();
		return { nudge: { link: row!, sides } satisfies Nudge, mailIds, unmailed };
	},
	audit: (_input, { nudge }) => ({
		action: 'update',
		entity: 'aid_link',
		entityId: nudge.link.id,
		details: {
			nudged: true,
			mailed: nudge.sides.filter((s) => s.mailed).map((s) => s.side),
			unreachable: nudge.sides.filter((s) => !s.mailed).map((s) => s.side)
		}
	})
});

/** One side's first name, account address and language, and the neighbourhood of its need or offer. */
async function party(ctx: Ctx, l: Loaded, side: Side) {
	const personId = side === 'need' ? l.need.personId : l.offer.personId;
	const areaId = side === 'need' ? l.need.areaId : l.offer.areaId;
	const [row] = await ctx.db
		.select({ firstName: peoplePerson.firstName, userId: peoplePerson.userId, areaName: areasArea.name })
		.from(peoplePerson)
		.innerJoin(areasArea, eq(areasArea.id, areaId))
		.where(eq(peoplePerson.id, personId));
	// One primary-key read per side; a nudge has two sides, so this stays two small queries.
	const address = row!.userId ? await accountAddress(ctx.db, row!.userId) : null;
	return { firstName: row!.firstName, email: address?.email ?? null, locale: address?.locale ?? null, areaName: row!.areaName };
}

/** A person's phone and address for staff who may read them (null: not theirs to read); the read is audited (people module). */
async function contactOf(ctx: Ctx, personId: string): Promise<Contact | null> {
	if (!holds(ctx.actor, 'people.person.read')) return null;
	try {
		const p = await getPerson(ctx, { id: personId, reason: 'nudge: no account, call or visit' });
		return { phone: p.phone, email: p.email };
	} catch (e) {
		if (e instanceof NotFoundError) return null;
		throw e;
	}
}
