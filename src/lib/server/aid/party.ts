import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { after, decodeCursor, defineVerb, NotFoundError, pageFields, pageOf, type Ctx } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { peopleOrganisation, peoplePerson } from '../people/index.ts';
import { areasArea, mappedAreas } from '../areas/index.ts';
import { aidFeedback, aidLink, aidNeed, aidOffer } from './schema.ts';
import type { LinkRow } from './links.ts';
import type { Reason } from './scoring.ts';
import type { Side } from './lifecycle.ts';
import { ownNeedsAndOffers } from './needs.ts';

// A resident's or volunteer's own links, as a party of each sees them ("My help", /help and GET /aid/me).

const needPerson = alias(peoplePerson, 'need_person');
const offerPerson = alias(peoplePerson, 'offer_person');

/** One's own links only: whoever has no person record has none (deny by default, no query needed). */
const own = (ctx: { actor: { personId: string | null } }) => ({ personId: ctx.actor.personId });

/**
 * The links of the actor, as a party sees them, newest change first, paged by (change, id). Before
 * both sides accepted, the other side is only a first name, a neighbourhood and the reasons; contact
 * details appear once both said yes.
 */
export const ownLinks = defineVerb({
	name: 'aid.own.links',
	summary: 'The caller’s own links, as a side of each sees them',
	permission: permission('aid.own.read'),
	input: z.object(pageFields).prefault({}),
	writes: false,
	access: own,
	run: async (ctx, q, { personId }) => {
		if (!personId) return { items: [], nextCursor: null };
		const key = q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : null;
		const rows = await partyRows(ctx, personId, key ? after([aidLink.changedAt, aidLink.id], key, 'desc') : undefined, q.limit + 1);
		const page = pageOf(rows, q.limit, (r) => [r.sortAt, r.link.id]);
		const mapped = await mappedOf(ctx, page.items);
		return { items: page.items.map((r) => partyView(personId, r, mapped)), nextCursor: page.nextCursor };
	}
});

/**
 * One of the actor's own links, as its side sees it, with what the question "do you want to help …"
 * needs besides: when the help is wanted and who brokers it. Anyone else's link is unknown (404).
 */
export const ownLink = defineVerb({
	name: 'aid.own.link',
	summary: 'One of the caller’s own links, as its side sees it (another person’s link is unknown)',
	permission: permission('aid.own.read'),
	input: z.object({ id: z.uuid('error_not_found') }),
	writes: false,
	access: own,
	run: async (ctx, { id }, { personId }) => {
		if (!personId) throw new NotFoundError();
		const [row] = await partyRows(ctx, personId, eq(aidLink.id, id), 1);
		if (!row) throw new NotFoundError();
		return { ...partyView(personId, row, await mappedOf(ctx, [row])), when: row.when, broker: row.broker };
	}
});

const needArea = alias(areasArea, 'need_area');
const offerArea = alias(areasArea, 'offer_area');

/** The links where `me` is a side, with both sides' facts; `where` narrows them further. */
function partyRows(ctx: Ctx, me: string, where: SQL | undefined, limit: number) {
	return ctx.db
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
			when: { windows: aidNeed.windows, dates: aidNeed.dates },
			broker: peopleOrganisation.name,
			myFeedback: sql<number | null>`(select rating from ${aidFeedback} f where f.link_id = ${aidLink.id} and f.person_id = ${me})`,
			// The cursor's key to the microsecond (a Date keeps milliseconds only).
			sortAt: sql<string>`to_char(${aidLink.changedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
		})
		.from(aidLink)
		.innerJoin(aidNeed, eq(aidNeed.id, aidLink.needId))
		.innerJoin(aidOffer, eq(aidOffer.id, aidLink.offerId))
		.innerJoin(needPerson, eq(needPerson.id, aidNeed.personId))
		.innerJoin(offerPerson, eq(offerPerson.id, aidOffer.personId))
		.innerJoin(needArea, eq(needArea.id, aidNeed.areaId))
		.innerJoin(offerArea, eq(offerArea.id, aidOffer.areaId))
		.leftJoin(peopleOrganisation, eq(peopleOrganisation.id, aidLink.organisationId))
		.where(and(or(eq(aidNeed.personId, me), eq(aidOffer.personId, me)), where))
		.orderBy(desc(aidLink.changedAt), desc(aidLink.id))
		.limit(limit);
}

/** The map picture of the other side's point needs a drawable boundary of its neighbourhood. */
async function mappedOf(ctx: Ctx, rows: { need: { areaId: string }; offer: { areaId: string } }[]) {
	return new Set((await mappedAreas(ctx, { ids: [...new Set(rows.flatMap((r) => [r.need.areaId, r.offer.areaId]))] })).keys());
}

/**
 * "My help" in one answer: one's own needs and offers, and the first page of one's links (the next
 * pages of links through `cursor`).
 */
export const ownAid = defineVerb({
	name: 'aid.own.overview',
	summary:
		'The caller’s own needs, offers and links (residents and volunteers); the other side of a link is a first name and a neighbourhood until both accepted',
	permission: permission('aid.own.read'),
	input: z.object(pageFields).prefault({}),
	writes: false,
	access: own,
	run: async (ctx, q) => {
		const [{ needs, offers }, links] = await Promise.all([ownNeedsAndOffers(ctx), ownLinks(ctx, q)]);
		return { needs, offers, links };
	}
});

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
