import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Ctx } from '../core/context.ts';
import type { Db } from '../db/client.ts';
import { requirePermission } from '../access/can.ts';
import { peoplePerson } from '../people/schema.ts';
import { areasArea } from '../areas/schema.ts';
import { aidCertificate, aidLink, aidNeed, aidOffer } from './schema.ts';
import { getNeed } from './needs.ts';
import { scopeWhere } from './scope.ts';
import { rank, type NeedFacts, type OfferFacts, type Reason } from './scoring.ts';
import { weeklyProposal, greedyProposal, type Candidate } from './weekly.ts';
import type { Category } from './categories.ts';

// Loads the facts that scoring needs from the database, then leaves the judgement to the pure
// scoring.ts. Offers come from the need's own organisation: that is who brokers the link.

export type OfferRow = OfferFacts & { firstName: string; areaName: string };

const today = () => new Date().toISOString().slice(0, 10);
const point = (lat: number | null, lon: number | null) => (lat === null || lon === null ? null : { lat, lon });

/** Active offers with room, in one organisation (and one category when given), as scoring facts. */
export async function loadOffers(db: Db, organisationId: string, category?: string): Promise<OfferRow[]> {
	const rows = await db
		.select({
			id: aidOffer.id,
			personId: aidOffer.personId,
			category: aidOffer.category,
			areaId: aidOffer.areaId,
			lat: aidOffer.lat,
			lon: aidOffer.lon,
			languages: aidOffer.languages,
			personLanguages: peoplePerson.languages,
			windows: aidOffer.windows,
			capacity: aidOffer.capacity,
			activeLinks: aidOffer.activeLinks,
			firstName: peoplePerson.firstName,
			areaName: areasArea.name,
			certificate: sql<string | null>`(select max(${aidCertificate.validUntil})::text from ${aidCertificate} where ${aidCertificate.personId} = ${aidOffer.personId})`
		})
		.from(aidOffer)
		.innerJoin(peoplePerson, eq(peoplePerson.id, aidOffer.personId))
		.innerJoin(areasArea, eq(areasArea.id, aidOffer.areaId))
		.where(
			and(
				eq(aidOffer.organisationId, organisationId),
				category ? eq(aidOffer.category, category) : undefined,
				eq(aidOffer.status, 'active'),
				lt(aidOffer.activeLinks, aidOffer.capacity)
			)
		);
	// Experience: links that took place, per volunteer (person) and age group of the person helped.
	const experience = await db.execute<{ person_id: string; category: string; age_group: string | null; n: number }>(sql`
		select o.person_id, o.category, np.age_group, count(*)::int as n
		from ${aidLink} l
		join ${aidOffer} o on o.id = l.offer_id
		join ${aidNeed} n on n.id = l.need_id
		join ${peoplePerson} np on np.id = n.person_id
		where o.organisation_id = ${organisationId} and l.took_place_at is not null
		${category ? sql`and o.category = ${category}` : sql``}
		group by 1, 2, 3`);
	const helped = new Map<string, Record<string, number>>();
	for (const r of experience.rows) {
		const key = `${r.person_id}|${r.category}`;
		const m = helped.get(key) ?? {};
		m[r.age_group ?? 'unknown'] = (m[r.age_group ?? 'unknown'] ?? 0) + r.n;
		helped.set(key, m);
	}
	return rows.map((r) => ({
		id: r.id,
		personId: r.personId,
		category: r.category as Category,
		areaId: r.areaId,
		point: point(r.lat, r.lon),
		languages: [...new Set([...r.languages, ...r.personLanguages])],
		windows: r.windows,
		capacity: r.capacity,
		activeLinks: r.activeLinks,
		helpedBefore: helped.get(`${r.personId}|${r.category}`) ?? {},
		certificateValidUntil: r.certificate,
		firstName: r.firstName,
		areaName: r.areaName
	}));
}

type NeedRow = typeof aidNeed.$inferSelect;

async function needFacts(db: Db, need: NeedRow): Promise<NeedFacts> {
	const [person] = await db
		.select({ languages: peoplePerson.languages, ageGroup: peoplePerson.ageGroup })
		.from(peoplePerson)
		.where(eq(peoplePerson.id, need.personId));
	return {
		id: need.id,
		category: need.category as Category,
		areaId: need.areaId,
		point: point(need.lat, need.lon),
		languages: [...new Set([...need.languages, ...(person?.languages ?? [])])],
		windows: need.windows,
		safeguarded: need.safeguarded,
		ageGroup: person?.ageGroup ?? null
	};
}

export type Suggestion = {
	offerId: string;
	personId: string;
	firstName: string;
	areaName: string;
	score: number;
	reasons: Reason[];
	activeLinks: number;
	capacity: number;
	alreadyProposed: boolean;
};

/**
 * For one need: the offers that may be proposed, best first, each with its score and the reasons that
 * make it up. Offers excluded by a rule (safeguarding, capacity) never appear. Same data, same order.
 */
export async function suggestMatches(ctx: Ctx, needId: string, limit = 10): Promise<{ needId: string; candidates: Suggestion[] }> {
	requirePermission(ctx.actor, 'aid.need.read');
	const need = await getNeed(ctx, needId);
	const [facts, offers, open] = await Promise.all([
		needFacts(ctx.db, need),
		loadOffers(ctx.db, need.organisationId, need.category),
		ctx.db
			.select({ offerId: aidLink.offerId })
			.from(aidLink)
			.where(and(eq(aidLink.needId, needId), inArray(aidLink.status, ['proposed', 'accepted', 'took_place'])))
	]);
	const mine = offers.filter((o) => o.personId !== need.personId);
	const byId = new Map(mine.map((o) => [o.id, o]));
	const proposed = new Set(open.map((o) => o.offerId));
	const ranked = rank(facts, mine, today(), Math.min(Math.max(limit, 1), 50));
	return {
		needId,
		candidates: ranked.map((s) => {
			const o = byId.get(s.offerId)!;
			return {
				offerId: o.id,
				personId: o.personId,
				firstName: o.firstName,
				areaName: o.areaName,
				score: s.score,
				reasons: s.reasons,
				activeLinks: o.activeLinks,
				capacity: o.capacity,
				alreadyProposed: proposed.has(o.id)
			};
		})
	};
}

/** Scores one need against one offer (to store with a proposed link), or the rule that excludes it. */
export async function scorePair(db: Db, need: NeedRow, offerId: string) {
	const [facts, offers] = await Promise.all([needFacts(db, need), loadOffers(db, need.organisationId, need.category)]);
	const offer = offers.find((o) => o.id === offerId && o.personId !== need.personId);
	if (!offer) return null;
	const [scored] = rank(facts, [offer], today(), 1);
	return scored ?? null;
}

/**
 * The weekly proposal for a neighbourhood: every open need without a link, its 20 best candidates,
 * then the pairing with the highest total score that keeps every volunteer within their room.
 */
export async function weeklyProposalFor(ctx: Ctx, areaId: string) {
	requirePermission(ctx.actor, 'aid.need.read', undefined);
	const needs = await ctx.db
		.select()
		.from(aidNeed)
		.where(
			and(
				eq(aidNeed.areaId, areaId),
				eq(aidNeed.status, 'open'),
				scopeWhere(ctx, 'aid.need.read', aidNeed.organisationId, aidNeed.areaId),
				sql`not exists (select 1 from ${aidLink} l where l.need_id = ${aidNeed.id} and l.status in ('proposed','accepted','took_place'))`
			)
		)
		.orderBy(asc(aidNeed.createdAt))
		.limit(2000);
	const offersByOrg = new Map<string, OfferRow[]>();
	const candidates: Candidate[] = [];
	const room: Record<string, number> = {};
	const names = new Map<string, OfferRow>();
	for (const need of needs) {
		if (!offersByOrg.has(need.organisationId)) offersByOrg.set(need.organisationId, await loadOffers(ctx.db, need.organisationId));
		const offers = offersByOrg.get(need.organisationId)!.filter((o) => o.category === need.category && o.personId !== need.personId);
		const facts = await needFacts(ctx.db, need);
		for (const s of rank(facts, offers, today(), 20)) {
			const o = offers.find((x) => x.id === s.offerId)!;
			room[o.id] = o.capacity - o.activeLinks;
			names.set(o.id, o);
			candidates.push({ needId: need.id, volunteerId: o.id, score: s.score });
		}
	}
	const best = weeklyProposal(candidates, room);
	const greedy = greedyProposal(candidates, room);
	const needById = new Map(needs.map((n) => [n.id, n]));
	return {
		needs: needs.length,
		total: best.total,
		greedyTotal: greedy.total,
		greedyCovered: greedy.pairs.length,
		pairs: best.pairs.map((p) => ({
			needId: p.needId,
			needTitle: needById.get(p.needId)!.title,
			category: needById.get(p.needId)!.category,
			offerId: p.volunteerId,
			firstName: names.get(p.volunteerId)!.firstName,
			score: p.score
		}))
	};
}
