import { and, asc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Ctx } from '../core/index.ts';
import type { Db } from '../db/index.ts';
import { can, requirePermission } from '../access/index.ts';
import { NotFoundError } from '../core/index.ts';
import { peoplePerson } from '../people/index.ts';
import { areasArea } from '../areas/index.ts';
import { aidCertificate, aidExperience, aidLink, aidNeed, aidOffer } from './schema.ts';
import { getNeed } from './needs.ts';
import { todayInBelgium } from '../core/index.ts';
import { scopeFilter } from '../access/index.ts';
import {
	POINTS,
	TIME_TIER,
	exclusion,
	rank,
	type DateItem,
	type NeedFacts,
	type OfferFacts,
	type Reason,
	type TimeFit,
	type Window
} from './scoring.ts';
import { weeklyProposal, greedyProposal, type Candidate } from './weekly.ts';
import type { Category } from './categories.ts';

// Loads the facts that scoring needs from the database, then leaves the judgement to the pure
// scoring.ts. Offers come from the need's own organisation: that is who brokers the link.
//
// Performance, measured on the city-scale data (`npm run seed:city`: 20 000 active offers, 100 000
// links; docs/performance.md). For one need, suggestMatches:
// - reads the offers of the need's category in the same round trip as the need itself (the scope
//   check still decides: nothing is returned when getNeed refuses), in plain SQL (Drizzle's row
//   mapping cost ~10 ms on 1 500 rows), with the volunteer's languages kept on the offer row by the
//   database (volunteer_languages: a lookup per offer cost ~4 ms);
// - leaves out in SQL what a rule would exclude anyway (the need's own person; without a valid
//   certificate when the need is safeguarded);
// - asks experience (aid_experience, kept by a trigger when help takes place) only for the offers that
//   can still reach the top of the ranking, and names only for the offers it returns.

export type OfferRow = OfferFacts & { firstName: string; areaName: string };

// Certificates are valid by the Belgian day, as the person page shows them.
const today = () => todayInBelgium();
const point = (lat: number | null, lon: number | null) => (lat === null || lon === null ? null : { lat, lon });

type OfferDbRow = {
	id: string;
	person_id: string;
	category: string;
	area_id: string;
	lat: number | null;
	lon: number | null;
	volunteer_languages: string[];
	windows: Window[];
	dates: DateItem[];
	capacity: number;
	active_links: number;
	certificate: string | null;
	first_name?: string;
	area_name?: string;
};

/** Active offers with room, as scoring facts without experience, filtered by `where` (on `o`). */
async function offerFacts(db: Db, where: SQL, needsCertificate: SQL = sql`true`): Promise<OfferFacts[]> {
	const { rows } = await db.execute<OfferDbRow>(sql`
		select o.id, o.person_id, o.category, o.area_id, o.lat, o.lon, o.volunteer_languages, o.windows, o.dates, o.capacity, o.active_links,
			-- Only safeguarded help looks at certificates: 2 000 lookups saved for every other need.
			case when ${needsCertificate} then (select max(c.valid_until)::text from ${aidCertificate} c where c.person_id = o.person_id) end as certificate
		from ${aidOffer} o
		where o.status = 'active' and o.active_links < o.capacity and ${where}`);
	return rows.map(toFacts);
}

function toFacts(r: OfferDbRow): OfferFacts {
	return {
		id: r.id,
		personId: r.person_id,
		category: r.category as Category,
		areaId: r.area_id,
		point: point(r.lat, r.lon),
		languages: r.volunteer_languages,
		windows: r.windows,
		dates: r.dates,
		capacity: r.capacity,
		activeLinks: r.active_links,
		helpedBefore: {},
		certificateValidUntil: r.certificate
	};
}

/**
 * Experience: links that took place, per volunteer (person) and the age group of the person helped, in
 * the offer's category and organisation (aid_experience, kept by the database), into the offers'
 * helpedBefore. `persons` narrows it to the volunteers of the given offers (for a few hundred offers;
 * not for all of an organisation's).
 */
async function withExperience<T extends OfferFacts>(
	db: Db,
	organisationId: string,
	offers: T[],
	scope: { category?: string; persons: boolean }
): Promise<T[]> {
	if (!offers.length) return offers;
	const persons = scope.persons ? [...new Set(offers.map((o) => o.personId))] : null;
	const experience = await db
		.select({ personId: aidExperience.personId, category: aidExperience.category, ageGroup: aidExperience.ageGroup, n: aidExperience.links })
		.from(aidExperience)
		.where(
			and(
				eq(aidExperience.organisationId, organisationId),
				scope.category ? eq(aidExperience.category, scope.category) : undefined,
				persons ? inArray(aidExperience.personId, persons) : undefined
			)
		);
	const helped = new Map<string, Record<string, number>>();
	for (const r of experience) {
		const key = `${r.personId}|${r.category}`;
		const m = helped.get(key) ?? {};
		m[r.ageGroup] = r.n;
		helped.set(key, m);
	}
	return offers.map((o) => ({ ...o, helpedBefore: helped.get(`${o.personId}|${o.category}`) ?? {} }));
}

/** Active offers with room, in one organisation, as scoring facts with names and experience. */
export async function loadOffers(db: Db, organisationId: string, category?: string): Promise<OfferRow[]> {
	// Every offer of the organisation: here one join over the people is cheaper than a lookup per offer.
	const { rows } = await db.execute<OfferDbRow>(sql`
		select o.id, o.person_id, o.category, o.area_id, o.lat, o.lon, o.volunteer_languages, o.windows, o.dates, o.capacity, o.active_links,
			p.first_name, a.name as area_name,
			(select max(c.valid_until)::text from ${aidCertificate} c where c.person_id = o.person_id) as certificate
		from ${aidOffer} o join ${peoplePerson} p on p.id = o.person_id join ${areasArea} a on a.id = o.area_id
		where o.organisation_id = ${organisationId} ${category ? sql`and o.category = ${category}` : sql``}
			and o.status = 'active' and o.active_links < o.capacity`);
	const offers = rows.map((r) => ({ ...toFacts(r), firstName: r.first_name!, areaName: r.area_name! }));
	return withExperience(db, organisationId, offers, { category, persons: false });
}

type OfferNames = { firstName: string; areaName: string; title: string; description: string | null };

/** The volunteer's first name, the offer's area name and the offer's own words, for the offers shown. */
async function offerNames(db: Db, offerIds: string[]): Promise<Map<string, OfferNames>> {
	if (!offerIds.length) return new Map();
	const rows = await db
		.select({
			id: aidOffer.id,
			firstName: peoplePerson.firstName,
			areaName: areasArea.name,
			title: aidOffer.title,
			description: aidOffer.description
		})
		.from(aidOffer)
		.innerJoin(peoplePerson, eq(peoplePerson.id, aidOffer.personId))
		.innerJoin(areasArea, eq(areasArea.id, aidOffer.areaId))
		.where(inArray(aidOffer.id, offerIds));
	return new Map(rows.map((r) => [r.id, { firstName: r.firstName, areaName: r.areaName, title: r.title, description: r.description }]));
}

type NeedRow = typeof aidNeed.$inferSelect;
type NeedPerson = { languages: string[]; ageGroup: string | null };

function needFacts(need: NeedRow, person: NeedPerson | undefined): NeedFacts {
	return {
		id: need.id,
		category: need.category as Category,
		areaId: need.areaId,
		point: point(need.lat, need.lon),
		languages: [...new Set([...need.languages, ...(person?.languages ?? [])])],
		windows: need.windows,
		dates: need.dates,
		safeguarded: need.safeguarded,
		ageGroup: person?.ageGroup ?? null
	};
}

/** The languages and age group of the people the needs are for, by person id. */
async function needPersons(db: Db, personIds: string[] | SQLWrapper): Promise<Map<string, NeedPerson>> {
	if (Array.isArray(personIds) && !personIds.length) return new Map();
	const rows = await db
		.select({ id: peoplePerson.id, languages: peoplePerson.languages, ageGroup: peoplePerson.ageGroup })
		.from(peoplePerson)
		.where(Array.isArray(personIds) ? inArray(peoplePerson.id, [...new Set(personIds)]) : inArray(peoplePerson.id, personIds));
	return new Map(rows.map((r) => [r.id, { languages: r.languages, ageGroup: r.ageGroup }]));
}

export type Suggestion = {
	offerId: string;
	personId: string;
	firstName: string;
	areaName: string;
	/** The offer's own words, as the volunteer (or the facilitator for them) wrote them. */
	offerTitle: string;
	offerDescription: string | null;
	score: number;
	reasons: Reason[];
	timeFit: TimeFit;
	activeLinks: number;
	capacity: number;
	alreadyProposed: boolean;
};

/** A field of the need, as a subquery PostgreSQL runs once (an InitPlan) and then uses like a constant. */
const ofNeed = (needId: string, column: SQLWrapper) => sql`(select ${column} from ${aidNeed} where ${aidNeed.id} = ${needId})`;

/**
 * Offers of the need's organisation and category, without the need's own person and, for a safeguarded
 * need, without a valid certificate. The need's fields come in as InitPlans, not a join: with a join
 * PostgreSQL hashed all 21 000 offers (8 ms); with them it walks aid_offer_match_idx (1.6 ms).
 */
const offersForNeed = (db: Db, needId: string, day: string, offerId?: string) =>
	offerFacts(
		db,
		sql`o.organisation_id = ${ofNeed(needId, aidNeed.organisationId)} and o.category = ${ofNeed(needId, aidNeed.category)}
			and o.person_id <> ${ofNeed(needId, aidNeed.personId)}
			and (not ${ofNeed(needId, aidNeed.safeguarded)}
				or exists (select 1 from ${aidCertificate} c where c.person_id = o.person_id and c.valid_until >= ${day}::date))
			${offerId ? sql`and o.id = ${offerId}` : sql``}`,
		ofNeed(needId, aidNeed.safeguarded)
	);

/** Offers of the need's category that a rule keeps off the list, by the one reason that applies (paused before full before certificate). */
export type LeftOut = { paused: number; full: number; certificate: number };

/**
 * How many offers of the need's organisation and category are not on its list, and why: counted by the
 * database over the same index range as the offers themselves (aid_offer_match_idx), no rows sent.
 * Withdrawn offers are not counted (the volunteer stopped), nor the need's own person.
 */
async function leftOutFor(db: Db, needId: string, day: string): Promise<LeftOut> {
	const { rows } = await db.execute<LeftOut>(sql`
		select count(*) filter (where o.status = 'paused')::int as paused,
			count(*) filter (where o.status = 'active' and o.active_links >= o.capacity)::int as full,
			-- The need's flag first: for any other need the certificate lookup is never made.
			count(*) filter (where ${ofNeed(needId, aidNeed.safeguarded)} and o.status = 'active' and o.active_links < o.capacity
				and not exists (select 1 from ${aidCertificate} c where c.person_id = o.person_id and c.valid_until >= ${day}::date))::int as certificate
		from ${aidOffer} o
		where o.organisation_id = ${ofNeed(needId, aidNeed.organisationId)} and o.category = ${ofNeed(needId, aidNeed.category)}
			and o.status in ('active', 'paused') and o.person_id <> ${ofNeed(needId, aidNeed.personId)}`);
	return rows[0] ?? { paused: 0, full: 0, certificate: 0 };
}

/**
 * For one need: the offers that may be proposed, best first, each with its score, the reasons that
 * make it up and how its time meets the need's (candidates with common time always before those
 * without, see compareScored); and how many offers a rule left out (safeguarding, capacity, paused),
 * which never appear themselves. Same data, same order.
 */
export async function suggestMatches(ctx: Ctx, needId: string, limit = 10): Promise<{ needId: string; candidates: Suggestion[]; leftOut: LeftOut }> {
	requirePermission(ctx.actor, 'aid.need.read');
	const day = today();
	// getNeed is the scope check; the other reads go by the need's id alongside it and are dropped when it refuses.
	const [need, persons, offers, open, leftOut] = await Promise.all([
		getNeed(ctx, needId),
		needPersons(ctx.db, ctx.db.select({ id: aidNeed.personId }).from(aidNeed).where(eq(aidNeed.id, needId))),
		offersForNeed(ctx.db, needId, day),
		ctx.db
			.select({ offerId: aidLink.offerId })
			.from(aidLink)
			.where(and(eq(aidLink.needId, needId), inArray(aidLink.status, ['proposed', 'accepted', 'took_place']))),
		leftOutFor(ctx.db, needId, day)
	]);
	// getNeed also gives a person their own need; suggestions (other people's offers) are for staff of that
	// need's organisation and area only, whatever other roles the caller holds.
	if (!can(ctx.actor, 'aid.need.read', { organisationId: need.organisationId, areaId: need.areaId })) throw new NotFoundError();
	const facts = needFacts(need, persons.get(need.personId));
	const k = Math.min(Math.max(limit, 1), 50);
	// Experience adds 0 to POINTS.experienceMax and nothing else depends on it (not the time tier), so
	// it is asked only where it can change the top k: first for the k best without it; their k-th
	// (tier, score) with it is a bar that only offers of a better tier, or of the same tier within
	// experienceMax below it, can still reach (every other one has k offers strictly above it). Same
	// result as ranking every offer with its experience, for a fraction of the aggregate over links →
	// needs → people.
	const bare = rank(facts, offers, day, Infinity);
	const byOffer = new Map(offers.map((o) => [o.id, o]));
	const experienced = (ids: string[]) =>
		withExperience(
			ctx.db,
			need.organisationId,
			ids.map((id) => byOffer.get(id)!),
			{ category: need.category, persons: true }
		);
	const first = await experienced(bare.slice(0, k).map((s) => s.offerId));
	const firstRanked = rank(facts, first, day, k);
	const bar = firstRanked.length >= k ? firstRanked[k - 1]! : null;
	const more = await experienced(
		bare
			.slice(k)
			.filter(
				(s) =>
					!bar ||
					TIME_TIER[s.timeFit] < TIME_TIER[bar.timeFit] ||
					(TIME_TIER[s.timeFit] === TIME_TIER[bar.timeFit] && s.score + POINTS.experienceMax >= bar.score)
			)
			.map((s) => s.offerId)
	);
	const contenders = [...first, ...more];
	const ranked = rank(facts, contenders, day, k);
	const names = await offerNames(
		ctx.db,
		ranked.map((s) => s.offerId)
	);
	const byId = new Map(contenders.map((o) => [o.id, o]));
	const proposed = new Set(open.map((o) => o.offerId));
	return {
		needId,
		leftOut,
		candidates: ranked.map((s) => {
			const o = byId.get(s.offerId)!;
			const name = names.get(o.id)!;
			return {
				offerId: o.id,
				personId: o.personId,
				firstName: name.firstName,
				areaName: name.areaName,
				offerTitle: name.title,
				offerDescription: name.description,
				score: s.score,
				reasons: s.reasons,
				timeFit: s.timeFit,
				activeLinks: o.activeLinks,
				capacity: o.capacity,
				alreadyProposed: proposed.has(o.id)
			};
		})
	};
}

/** Scores one need against one offer (to store with a proposed link), or the rule that excludes it. */
export async function scorePair(db: Db, need: NeedRow, offerId: string) {
	const day = today();
	const [persons, offers] = await Promise.all([needPersons(db, [need.personId]), offersForNeed(db, need.id, day, offerId)]);
	const [offer] = await withExperience(db, need.organisationId, offers, { category: need.category, persons: true });
	if (!offer) return null;
	const [scored] = rank(needFacts(need, persons.get(need.personId)), [offer], day, 1);
	return scored ?? null;
}

/** Why an offer cannot be proposed for a need: the one rule that applies, as its message key. */
export type IneligibleKey =
	| 'aid_error_offer_other_category'
	| 'aid_error_offer_own'
	| 'aid_error_offer_withdrawn'
	| 'aid_error_offer_paused'
	| 'aid_error_full'
	| 'aid_error_certificate_missing'
	| 'aid_error_certificate_expired'
	| 'error_conflict';

/**
 * The rule that keeps `offerId` off the need's list, checked in the order the list applies them, or
 * null when the offer is unknown or another organisation's (the caller answers as for an unknown id:
 * no hint that it exists). Called only after scorePair refused, so one rule always applies otherwise.
 */
export async function whyIneligible(db: Db, need: NeedRow, offerId: string): Promise<IneligibleKey | null> {
	const { rows } = await db.execute<OfferDbRow & { organisation_id: string; status: string }>(sql`
		select o.id, o.person_id, o.organisation_id, o.category, o.area_id, o.lat, o.lon, o.volunteer_languages, o.windows, o.dates,
			o.capacity, o.active_links, o.status,
			(select max(c.valid_until)::text from ${aidCertificate} c where c.person_id = o.person_id) as certificate
		from ${aidOffer} o where o.id = ${offerId}`);
	const row = rows[0];
	if (!row || row.organisation_id !== need.organisationId) return null;
	if (row.category !== need.category) return 'aid_error_offer_other_category';
	if (row.person_id === need.personId) return 'aid_error_offer_own';
	if (row.status === 'withdrawn') return 'aid_error_offer_withdrawn';
	if (row.status === 'paused') return 'aid_error_offer_paused';
	const rule = exclusion(needFacts(need, undefined), toFacts(row), today());
	if (rule === 'at_capacity') return 'aid_error_full';
	if (rule === 'certificate_expired') return 'aid_error_certificate_expired';
	if (rule === 'certificate_missing') return 'aid_error_certificate_missing';
	// Every rule passes now: it changed between the two reads (a place came free, a certificate was recorded).
	return 'error_conflict';
}

/**
 * The weekly proposal for a neighbourhood: every open need without a link, its 20 best candidates,
 * then the pairing with the highest total score that keeps every volunteer within their room.
 */
export async function weeklyProposalFor(ctx: Ctx, areaId: string) {
	requirePermission(ctx.actor, 'aid.need.read');
	const needs = await ctx.db
		.select()
		.from(aidNeed)
		.where(
			and(
				eq(aidNeed.areaId, areaId),
				eq(aidNeed.status, 'open'),
				scopeFilter(ctx.actor, 'aid.need.read', { organisation: aidNeed.organisationId, area: aidNeed.areaId }),
				sql`not exists (select 1 from ${aidLink} l where l.need_id = ${aidNeed.id} and l.status in ('proposed','accepted','took_place'))`
			)
		)
		.orderBy(asc(aidNeed.createdAt))
		.limit(2000);
	// Offers by organisation, then by category, loaded once; the need's people in one query.
	const offersByOrg = new Map<string, Map<string, OfferRow[]>>();
	const offerById = new Map<string, OfferRow>();
	const persons = await needPersons(
		ctx.db,
		needs.map((n) => n.personId)
	);
	const candidates: Candidate[] = [];
	const room: Record<string, number> = {};
	// One day for the whole proposal: certificates and particular days are judged on the same date.
	const day = today();
	for (const need of needs) {
		if (!offersByOrg.has(need.organisationId)) {
			const byCategory = new Map<string, OfferRow[]>();
			for (const o of await loadOffers(ctx.db, need.organisationId)) {
				const list = byCategory.get(o.category) ?? [];
				list.push(o);
				byCategory.set(o.category, list);
				offerById.set(o.id, o);
			}
			offersByOrg.set(need.organisationId, byCategory);
		}
		const offers = (offersByOrg.get(need.organisationId)!.get(need.category) ?? []).filter((o) => o.personId !== need.personId);
		const facts = needFacts(need, persons.get(need.personId));
		for (const s of rank(facts, offers, day, 20)) {
			// Sent without a look at each pair: a volunteer who is never free when the need is stays off it
			// (a facilitator may still propose them from the need's page).
			if (s.timeFit === 'none') continue;
			const o = offerById.get(s.offerId)!;
			room[o.id] = o.capacity - o.activeLinks;
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
			firstName: offerById.get(p.volunteerId)!.firstName,
			score: p.score
		}))
	};
}
