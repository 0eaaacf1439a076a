import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { freshDatabase } from './db.ts';
import { makeArea, makeOrganisation } from '../factories/index.ts';
import { aidExperience, aidLink, aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';

// Three facts the database keeps for the ranking and the queue (migration 0005): an offer's
// volunteer_languages, the experience counts in aid_experience, and a link's copy of its need's
// organisation and neighbourhood. Each is checked against what it stands for, after the writes that
// can change it.

const { db, url } = await freshDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const areas = [await makeArea(db), await makeArea(db)];

let seed = 11;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const AGES = ['0_17', '18_29', '30_49', '50_64', '65_plus', null] as const;
const CATEGORIES = ['errands', 'company', 'repairs'] as const;

async function person(languages: string[] = [], ageGroup: (typeof AGES)[number] = null) {
	const [p] = await db.insert(peoplePerson).values({ firstName: 'P', organisationId: org.id, areaId: areas[0]!.id, languages, ageGroup }).returning();
	return p!;
}

const volunteerLanguages = async (offerId: string) =>
	(await db.select({ l: aidOffer.volunteerLanguages }).from(aidOffer).where(eq(aidOffer.id, offerId)))[0]!.l;

describe('volunteer_languages', () => {
	it('is the sorted union of the offer’s and the person’s languages, after every change of either', async () => {
		const p = await person(['tr', 'nl']);
		const [o] = await db
			.insert(aidOffer)
			.values({ personId: p.id, organisationId: org.id, areaId: areas[0]!.id, category: 'errands', title: 'O', capacity: 2, languages: ['fr', 'nl'] })
			.returning();
		expect(await volunteerLanguages(o!.id)).toEqual(['fr', 'nl', 'tr']);
		await db
			.update(aidOffer)
			.set({ languages: ['bg'] })
			.where(eq(aidOffer.id, o!.id));
		expect(await volunteerLanguages(o!.id)).toEqual(['bg', 'nl', 'tr']);
		await db
			.update(peoplePerson)
			.set({ languages: ['ar'] })
			.where(eq(peoplePerson.id, p.id));
		expect(await volunteerLanguages(o!.id)).toEqual(['ar', 'bg']);
		// Written directly, it is put right again: only the database keeps it.
		await db
			.update(aidOffer)
			.set({ volunteerLanguages: ['xx'] })
			.where(eq(aidOffer.id, o!.id));
		expect(await volunteerLanguages(o!.id)).toEqual(['ar', 'bg']);
		await db.update(peoplePerson).set({ languages: [] }).where(eq(peoplePerson.id, p.id));
		await db.update(aidOffer).set({ languages: [] }).where(eq(aidOffer.id, o!.id));
		expect(await volunteerLanguages(o!.id)).toEqual([]);
	});
});

describe('volunteer_languages under concurrency', () => {
	it('gets the person’s new languages when an offer is written while they change', async () => {
		const p = await person(['nl']);
		const [one, two] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
		await Promise.all([one.connect(), two.connect()]);
		try {
			await one.query('begin');
			await one.query(`update people_person set languages = '{tr}' where id = $1`, [p.id]);
			// Written while the change is not committed yet: the trigger waits for it instead of reading the old value.
			const insert = two.query(
				`insert into aid_offer (person_id, organisation_id, area_id, category, title, capacity, languages)
				values ($1, $2, $3, 'errands', 'O', 1, '{fr}') returning id`,
				[p.id, org.id, areas[0]!.id]
			);
			await new Promise((r) => setTimeout(r, 200));
			await one.query('commit');
			const { rows } = await insert;
			expect(await volunteerLanguages(rows[0].id as string)).toEqual(['fr', 'tr']);
		} finally {
			await Promise.all([one.end(), two.end()]);
		}
	});
});

describe('aid_experience', () => {
	it('equals the links that took place, per volunteer, organisation, category and age group', async () => {
		const volunteers = [await person(), await person(), await person()];
		const offers = [];
		for (const v of volunteers)
			for (const category of CATEGORIES)
				for (const o of [org, otherOrg]) {
					const [offer] = await db
						.insert(aidOffer)
						.values({ personId: v.id, organisationId: o.id, areaId: areas[0]!.id, category, title: 'O', capacity: 20 })
						.returning();
					offers.push(offer!);
				}
		const links: string[] = [];
		for (let i = 0; i < 120; i++) {
			const offer = pick(offers);
			const helped = await person([], pick(AGES));
			const [need] = await db
				.insert(aidNeed)
				.values({ personId: helped.id, organisationId: offer.organisationId, areaId: pick(areas).id, category: offer.category, title: 'N' })
				.returning();
			const at = new Date();
			// Some took place when written (history), some later, some never; some are then closed.
			const now = rnd() < 0.3;
			const [link] = await db
				.insert(aidLink)
				.values({ needId: need!.id, organisationId: need!.organisationId, areaId: need!.areaId, offerId: offer.id, tookPlaceAt: now ? at : null })
				.returning();
			links.push(link!.id);
			if (!now && rnd() < 0.6) await db.update(aidLink).set({ status: 'took_place', tookPlaceAt: at }).where(eq(aidLink.id, link!.id));
			if (rnd() < 0.5) await db.update(aidLink).set({ status: 'closed', closedAt: at }).where(eq(aidLink.id, link!.id));
		}
		// A second write of took_place_at on a link that already took place counts nothing more.
		for (const id of links.slice(0, 30))
			await db
				.update(aidLink)
				.set({ tookPlaceAt: sql`${aidLink.tookPlaceAt}` })
				.where(eq(aidLink.id, id));
		const expected = await db.execute<{ organisation_id: string; person_id: string; category: string; age_group: string; links: number }>(sql`
			select o.organisation_id, o.person_id, o.category, coalesce(p.age_group, 'unknown') as age_group, count(*)::int as links
			from ${aidLink} l join ${aidOffer} o on o.id = l.offer_id join ${aidNeed} n on n.id = l.need_id join ${peoplePerson} p on p.id = n.person_id
			where l.took_place_at is not null group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
		const kept = await db.execute(sql`
			select organisation_id, person_id, category, age_group, links from ${aidExperience} order by 1, 2, 3, 4`);
		expect(expected.rows.length).toBeGreaterThan(20);
		expect(kept.rows).toEqual(expected.rows);
	});
});

describe('a link’s organisation and neighbourhood', () => {
	it('must be its need’s: the database refuses any other', async () => {
		const p = await person();
		const [need] = await db
			.insert(aidNeed)
			.values({ personId: p.id, organisationId: org.id, areaId: areas[0]!.id, category: 'errands', title: 'N' })
			.returning();
		const [offer] = await db
			.insert(aidOffer)
			.values({ personId: (await person()).id, organisationId: org.id, areaId: areas[0]!.id, category: 'errands', title: 'O', capacity: 2 })
			.returning();
		const before = (await db.select({ n: sql<number>`count(*)::int` }).from(aidLink))[0]!.n;
		await expect(
			db.insert(aidLink).values({ needId: need!.id, organisationId: org.id, areaId: areas[1]!.id, offerId: offer!.id })
		).rejects.toMatchObject({ cause: { constraint: 'aid_link_need_place' } });
		await expect(
			db.insert(aidLink).values({ needId: need!.id, organisationId: otherOrg.id, areaId: areas[0]!.id, offerId: offer!.id })
		).rejects.toMatchObject({ cause: { constraint: 'aid_link_need_place' } });
		expect((await db.select({ n: sql<number>`count(*)::int` }).from(aidLink))[0]!.n).toBe(before);
		const [ok] = await db.insert(aidLink).values({ needId: need!.id, organisationId: org.id, areaId: areas[0]!.id, offerId: offer!.id }).returning();
		expect(ok!.areaId).toBe(areas[0]!.id);
		// A need that moves takes its link's copy along (no 500 for a later "move this need").
		await db.update(aidNeed).set({ areaId: areas[1]!.id }).where(eq(aidNeed.id, need!.id));
		const [moved] = await db.select().from(aidLink).where(eq(aidLink.id, ok!.id));
		expect(moved!.areaId).toBe(areas[1]!.id);
	});
});
