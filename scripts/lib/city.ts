import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type pg from 'pg';
import { onClient } from '../../src/lib/server/db/index.ts';
import { createUser, DEMO_PASSWORD } from '../../src/lib/server/seed/index.ts';
import { accessRoleGrant } from '../../src/lib/server/access/index.ts';
import { peoplePerson } from '../../src/lib/server/people/index.ts';
import { CATEGORY_CODES } from '../../src/lib/server/aid/index.ts';
import { seedCityNetwork } from './city-network.ts';
import { seedCityFieldwork } from './city-fieldwork.ts';
import { seedCityActivities } from './city-activities.ts';

// The city-scale dataset for the mutual-aid and people-search benchmarks: Ghent's 25 real districts,
// 50 000 people (first and family names, birth years),
// 20 000 active offers, 8 000 open needs and 100 000 links over three years. Everything is made in
// SQL (INSERT … SELECT generate_series) inside one transaction, so a failure leaves nothing behind.
// Deterministic: ids are md5 of a fixed name, every "random" choice is hashint8extended(row, salt),
// so two seeds on the same day give the same rows (dates are relative to the day of seeding).

export const CITY_ORGANISATION = 'Stad Gent — Buurtwerk (city data)';
export const CITY_FACILITATOR = 'facilitator-city@example.org';
export const CITY_COORDINATOR = 'coordinator-city@example.org';
export const CITY_SEEDED = 'city_seeded';

export const SIZES = {
	people: 50_000,
	// People 1..VOLUNTEERS offer help (1..TWO_OFFERS of them twice); the others ask for it.
	volunteers: 14_000,
	activeOffers: 20_000,
	inactiveOffers: 1_000,
	openNeeds: 8_000,
	pastNeeds: 80_000,
	// Needs 1..earlierLinks had a declined or cancelled link before their last one: 80 000 + 20 000 = 100 000 links.
	earlierLinks: 20_000,
	// Past needs 1..currentLinks are recent and their link still holds a place (accepted / took place).
	currentLinks: 700,
	// Open needs 1..proposedLinks already have a proposal waiting for answers.
	proposedLinks: 400
} as const;

type Feature = { wijknr: number; name: string; district: string; centroid: [number, number]; geometry: { type: string; coordinates: unknown } };
type Districts = { attribution: string; source: string; features: Feature[] };

// Rough relative sizes of the districts (people living there, in thousands), so that the central and
// the big residential districts get more people than the port or the canal villages. Not official figures.
const WEIGHT: Record<number, number> = {
	1: 19, 2: 11, 3: 8, 4: 18, 5: 9, 6: 8, 7: 9, 8: 16, 9: 7, 10: 4, 11: 4, 12: 14, 13: 14,
	14: 27, 15: 8, 16: 13, 17: 5, 18: 10, 19: 8, 20: 8, 21: 9, 22: 13, 23: 7, 24: 13, 25: 13
}; // prettier-ignore

// Main language of the people registered (Ghent: Dutch first, then Turkish, Arabic, Bulgarian…).
const LANGUAGES: [string, number][] = [
	['nl', 58], ['tr', 9], ['ar', 8], ['bg', 6], ['fr', 5], ['en', 4], ['ro', 3], ['pl', 3], ['es', 2], ['sk', 2]
]; // prettier-ignore
const AGE_GROUPS: [string, number][] = [['0_17', 8], ['18_29', 22], ['30_49', 30], ['50_64', 20], ['65_plus', 20]]; // prettier-ignore
const OFFER_MIX: Record<string, number> = {
	errands: 12, company: 12, accompaniment: 8, paperwork: 8, homework: 10, childcare: 5, repairs: 8,
	gardening: 6, language: 9, transport: 7, meals: 6, moving: 4, other: 5
}; // prettier-ignore
const NEED_MIX: Record<string, number> = {
	errands: 14, company: 10, accompaniment: 8, paperwork: 12, homework: 10, childcare: 6, repairs: 9,
	gardening: 4, language: 8, transport: 7, meals: 5, moving: 3, other: 4
}; // prettier-ignore
// Help inside someone's home is safeguarded for part of these categories; childcare always is.
const AT_HOME: Record<string, number> = { company: 0.4, repairs: 0.3, meals: 0.2, errands: 0.1, homework: 0.3 };

const NAMES: Record<string, string[]> = {
	nl: ['Lotte', 'Emma', 'Lucas', 'Wout', 'Els', 'Pieter', 'An', 'Jan', 'Marie', 'Tom', 'Sofie', 'Bram', 'Hilde', 'Stijn'],
	tr: ['Fatma', 'Mehmet', 'Ayşe', 'Kenan', 'Elif', 'Emre', 'Zeynep', 'Murat'],
	ar: ['Mariam', 'Youssef', 'Fatima', 'Omar', 'Amina', 'Karim', 'Nadia', 'Bilal'],
	bg: ['Georgi', 'Maria', 'Ivan', 'Elena', 'Dimitar', 'Desislava'],
	fr: ['Camille', 'Julien', 'Chloé', 'Mathieu', 'Amélie', 'Nicolas'],
	en: ['Emily', 'James', 'Olivia', 'Daniel', 'Grace', 'Ryan'],
	ro: ['Andrei', 'Ioana', 'Mihai', 'Alexandru', 'Ana', 'Cristina'],
	pl: ['Katarzyna', 'Piotr', 'Agnieszka', 'Tomasz', 'Magda', 'Paweł'],
	es: ['Lucía', 'Javier', 'Carmen', 'Diego', 'Sofía', 'Pablo'],
	sk: ['Martin', 'Zuzana', 'Peter', 'Lucia']
};
// Family names that go with each main language (Belgian, Moroccan and Syrian, Turkish, Bulgarian…),
// with their accents, so that the name search (people/search.ts) is measured on what it really meets.
const LAST_NAMES: Record<string, string[]> = {
	nl: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Vermeulen', 'Van den Bossche', 'De Clercq', 'Vandenberghe', 'Dupont', 'Desmet'],
	tr: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Aydın', 'Öztürk', 'Arslan', 'Doğan'],
	ar: ['El Amrani', 'Benali', 'El Idrissi', 'Bouzid', 'Haddad', 'Al-Khatib', 'Khalil', 'Mansour', 'Azzouzi', 'Chaoui', 'Al-Hassan', 'Darwish'],
	bg: ['Petrov', 'Ivanova', 'Georgiev', 'Dimitrova', 'Nikolov', 'Stoyanova', 'Angelov', 'Todorova'],
	fr: ['Dubois', 'Lambert', 'Martin', 'Simon', 'Laurent', 'Lefèbvre', 'Dupont', 'Leroy'],
	en: ['Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Evans'],
	ro: ['Popescu', 'Ionescu', 'Stan', 'Dumitru', 'Constantin'],
	pl: ['Nowak', 'Kowalski', 'Wiśniewska', 'Wójcik', 'Kamińska'],
	es: ['García', 'Martínez', 'López', 'Sánchez', 'Fernández'],
	sk: ['Horváth', 'Kováč', 'Varga', 'Tóth']
}; // prettier-ignore
/** Ages in years covered by each age group, for a birth year that agrees with it. */
const AGE_SPANS: Record<string, [number, number]> = { '0_17': [0, 17], '18_29': [18, 29], '30_49': [30, 49], '50_64': [50, 64], '65_plus': [65, 92] };
const TITLES: Record<string, [need: string[], offer: string[]]> = {
	errands: [
		['Boodschappen doen', 'Iemand om naar de apotheek te gaan'],
		['Ik doe graag boodschappen', 'Boodschappen met de fiets']
	],
	company: [
		['Iemand om mee te praten', 'Samen wandelen'],
		['Een babbel en een koffie', 'Samen een wandeling maken']
	],
	accompaniment: [
		['Begeleiding naar het ziekenhuis', 'Mee naar de dokter'],
		['Ik ga mee naar afspraken', 'Begeleiding bij bezoeken']
	],
	paperwork: [
		['Hulp met brieven en formulieren', 'Belastingaangifte invullen'],
		['Hulp bij papieren', 'Formulieren en online diensten']
	],
	homework: [
		['Huiswerkbegeleiding voor mijn zoon', 'Hulp bij wiskunde'],
		['Huiswerkhulp lager onderwijs', 'Bijles wiskunde en Frans']
	],
	childcare: [
		['Opvang na school', 'Iemand om op de kinderen te passen'],
		['Kinderoppas op woensdag', 'Opvang na school']
	],
	repairs: [
		['Een lamp ophangen', 'Lekkende kraan'],
		['Kleine herstellingen in huis', 'Fietsherstelling']
	],
	gardening: [
		['Hulp in de tuin', 'Gras maaien'],
		['Tuinieren', 'Haag snoeien']
	],
	language: [
		['Nederlands oefenen', 'Samen Nederlands praten'],
		['Taalmaatje Nederlands', 'Praten in het Nederlands']
	],
	transport: [
		['Vervoer naar de markt', 'Rit naar het ziekenhuis'],
		['Ik heb een auto', 'Ritten op zaterdag']
	],
	meals: [
		['Een warme maaltijd', 'Samen koken'],
		['Ik kook een extra portie', 'Samen koken']
	],
	moving: [
		['Hulp bij verhuizen', 'Meubels dragen'],
		['Helpen verhuizen', 'Ik heb een bestelwagen']
	],
	other: [
		['Iets anders', 'Hulp met de computer'],
		['Wat nodig is', 'Hulp met de computer']
	]
};
const END_REASONS = ['Geen tijd meer', 'Andere oplossing gevonden', 'Verhuisd', 'Niet meer nodig', 'Past niet'];

/** Lower bounds of each choice on [0, 1), for width_bucket(r, bounds) → the 1-based choice. */
function bounds(weights: number[]): string {
	const total = weights.reduce((a, b) => a + b, 0);
	let acc = 0;
	const out = weights.map((w) => {
		const lower = acc / total;
		acc += w;
		return lower;
	});
	return `array[${out.map((v) => v.toFixed(6)).join(',')}]::float8[]`;
}

const textArray = (xs: string[]) => `array[${xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(',')}]::text[]`;

export function readDistricts(): Districts {
	return JSON.parse(readFileSync(new URL('./gent-stadswijken.json', import.meta.url), 'utf8')) as Districts;
}

/** Whether the city data are in this database already. */
export async function citySeeded(pool: pg.Pool): Promise<boolean> {
	const { rows } = await pool.query(
		`select exists (select 1 from people_organisation where name = $1) or exists (select 1 from core_setting where key = $2) as seeded`,
		[CITY_ORGANISATION, CITY_SEEDED]
	);
	return rows[0].seeded as boolean;
}

/**
 * Makes the city data in one transaction and returns per-step timings. Refuses (throws) when they are
 * there already. The caller runs the migrations first.
 */
export async function seedCity(pool: pg.Pool, log: (m: string) => void = console.log): Promise<{ step: string; ms: number }[]> {
	if (await citySeeded(pool)) throw new Error(`The city data are already in this database (organisation "${CITY_ORGANISATION}").`);
	const districts = readDistricts();
	const client = await pool.connect();
	const steps: { step: string; ms: number }[] = [];
	const step = async (name: string, work: () => Promise<unknown>) => {
		const t0 = performance.now();
		const result = await work();
		const ms = performance.now() - t0;
		steps.push({ step: name, ms });
		const count = typeof result === 'number' ? ` (${result.toLocaleString('en')} rows)` : '';
		log(`  ${name}${count}: ${(ms / 1000).toFixed(1)} s`);
	};
	const q = async (text: string, params: unknown[] = []) => (await client.query(text, params)).rowCount ?? 0;
	const cats = CATEGORY_CODES as string[];
	try {
		await q('begin');
		await q(`set local synchronous_commit = off`);
		await q(`set local work_mem = '64MB'`);
		// r(i, salt): a uniform number on [0, 1) from the row number and a salt; the same every run.
		// A deterministic id that is also a valid RFC 9562 UUID (version 4, variant 10): the routes check
		// ids with z.uuid(), which refuses a bare md5.
		await q(`create function pg_temp.uid(t text) returns uuid language sql immutable parallel safe as
			$$ select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid from (select md5(t) as h) x $$`);
		await q(`create function pg_temp.r(i bigint, salt int) returns float8 language sql immutable parallel safe as
			$$ select (hashint8extended(i, salt) & 2147483647)::float8 / 2147483648 $$`);
		// Up to three weekly windows on different days (d, d+1..3, then +1..2: never the same day twice),
		// starting between 08:00 and 18:30 on the half hour, one to three hours long.
		await q(`create function pg_temp.windows(i bigint, salt int) returns jsonb language sql immutable as $$
			with w as (
				select 1 + floor(pg_temp.r(i, salt) * 3)::int as k, floor(pg_temp.r(i, salt + 1) * 7)::int as d1,
					1 + floor(pg_temp.r(i, salt + 2) * 3)::int as s2, 1 + floor(pg_temp.r(i, salt + 3) * 2)::int as s3
			), days as (
				select 1 as n, d1 as day from w union all select 2, (d1 + s2) % 7 from w union all select 3, (d1 + s2 + s3) % 7 from w
			), times as (
				select n, day, 480 + 30 * floor(pg_temp.r(i, salt + 10 + n) * 22)::int as start, 60 * (1 + floor(pg_temp.r(i, salt + 20 + n) * 3)::int) as len
				from days, w where n <= w.k
			)
			select jsonb_agg(jsonb_build_object('day', day, 'start', start, 'end', start + len) order by day) from times $$`);

		await step('organisation and 25 districts', async () => {
			await q(`insert into people_organisation (id, name, kind, lawful_basis) values (pg_temp.uid('wijkweb-city-org'), $1, 'city', 'public_task')`, [
				CITY_ORGANISATION
			]);
			await q(`create temp table city_area (idx int primary key, id uuid, lat float8, lon float8, dlat float8, dlon float8) on commit drop`);
			for (const [i, f] of districts.features.entries()) {
				// Jitter people around the centroid by a third of the district's extent (capped at ~1.5 km).
				const ring = (f.geometry.coordinates as number[][][])[0]!;
				const lons = ring.map((c) => c[0]!);
				const lats = ring.map((c) => c[1]!);
				const dlon = Math.min((Math.max(...lons) - Math.min(...lons)) / 3, 0.02);
				const dlat = Math.min((Math.max(...lats) - Math.min(...lats)) / 3, 0.013);
				await q(
					`insert into areas_area (id, name, city, code, boundary, source) values (pg_temp.uid('wijkweb-city-area-' || $1), $2, 'Gent', 'city-gent-' || $1, $3, $4)`,
					[f.wijknr, f.name, JSON.stringify(f.geometry), districts.attribution]
				);
				await q(`insert into city_area values ($1, pg_temp.uid('wijkweb-city-area-' || $2), $3, $4, $5, $6)`, [
					i + 1,
					f.wijknr,
					f.centroid[1],
					f.centroid[0],
					dlat,
					dlon
				]);
			}
			return districts.features.length;
		});

		const areaBounds = bounds(districts.features.map((f) => WEIGHT[f.wijknr] ?? 8));
		const langs = LANGUAGES.map(([l]) => l);
		await step(`${SIZES.people.toLocaleString('en')} people`, async () => {
			await q(
				`create temp table city_person on commit drop as
				select i, pg_temp.uid('wijkweb-city-person-' || i) as id, a.id as area_id,
					a.lat + (pg_temp.r(i, 5) * 2 - 1) * a.dlat as lat, a.lon + (pg_temp.r(i, 6) * 2 - 1) * a.dlon as lon,
					(${textArray(langs)})[width_bucket(pg_temp.r(i, 2), ${bounds(LANGUAGES.map(([, w]) => w))})] as lang,
					(${textArray(AGE_GROUPS.map(([a]) => a))})[width_bucket(pg_temp.r(i, 3), ${bounds(AGE_GROUPS.map(([, w]) => w))})] as age
				from generate_series(1, ${SIZES.people}) i
				join city_area a on a.idx = width_bucket(pg_temp.r(i, 1), ${areaBounds})`
			);
			await q(`alter table city_person add primary key (i)`);
			await q(
				`insert into people_person (id, first_name, last_name, phone, organisation_id, area_id, languages, age_group, student,
					origin_group, birth_year, created_at, updated_at)
				select p.id,
					$1::jsonb -> p.lang ->> floor(pg_temp.r(i, 7) * jsonb_array_length($1::jsonb -> p.lang))::int,
					$2::jsonb -> p.lang ->> floor(pg_temp.r(i, 8) * jsonb_array_length($2::jsonb -> p.lang))::int,
					case when pg_temp.r(i, 9) < 0.6 then '+32 4' || lpad((floor(pg_temp.r(i, 10) * 100000000))::bigint::text, 8, '0') end,
					pg_temp.uid('wijkweb-city-org'), p.area_id,
					array_remove(array[p.lang,
						case when p.lang <> 'nl' and pg_temp.r(i, 11) < 0.55 then 'nl' end,
						case when p.lang <> 'en' and pg_temp.r(i, 12) < case when p.lang = 'nl' then 0.45 else 0.3 end then 'en' end,
						case when p.lang in ('nl', 'ar') and pg_temp.r(i, 13) < 0.25 then 'fr' end], null),
					p.age, p.age = '18_29' and pg_temp.r(i, 14) < 0.36,
					case when pg_temp.r(i, 15) < 0.4 then
						case when p.lang = 'nl' then case when pg_temp.r(i, 16) < 0.9 then 'belgium' else 'eu' end
							when p.lang in ('ar', 'tr') then case when pg_temp.r(i, 16) < 0.45 then 'belgium' else 'outside_eu' end
							when p.lang = 'en' then case when pg_temp.r(i, 16) < 0.5 then 'eu' else 'outside_eu' end
							else case when pg_temp.r(i, 16) < 0.1 then 'belgium' else 'eu' end end end,
					extract(year from now())::int - (($3::jsonb -> p.age ->> 0)::int
						+ floor(pg_temp.r(i, 18) * (($3::jsonb -> p.age ->> 1)::int - ($3::jsonb -> p.age ->> 0)::int + 1)))::int,
					now() - pg_temp.r(i, 17) * interval '1200 days', now() - pg_temp.r(i, 17) * interval '100 days'
				from city_person p`,
				[JSON.stringify(NAMES), JSON.stringify(LAST_NAMES), JSON.stringify(AGE_SPANS)]
			);
			// Consent per purpose (the organisation's 'contact' and 'intercultural', made by the
			// migration's trigger): 70 % agreed to be contacted, 40 % to the intercultural figures (those
			// whose origin group is kept), spoken when they were registered.
			await q(
				`insert into people_consent (person_id, purpose_id, version, given, method, recorded_at)
				select p.id, u.id, u.version, true, 'spoken', now() - pg_temp.r(i, 17) * interval '1200 days'
				from city_person p
				join people_purpose u on u.organisation_id = pg_temp.uid('wijkweb-city-org') and u.partner_id is null
				where (u.code = 'contact' and pg_temp.r(i, 9) < 0.7) or (u.code = 'intercultural' and pg_temp.r(i, 15) < 0.4)`
			);
			return SIZES.people;
		});

		const titles = (side: 0 | 1) => JSON.stringify(Object.fromEntries(cats.map((c) => [c, TITLES[c]![side]])));
		await step(`${SIZES.activeOffers.toLocaleString('en')} active offers (+ ${SIZES.inactiveOffers.toLocaleString('en')} paused or withdrawn)`, () =>
			// Offer j belongs to person ((j-1) mod volunteers)+1; a person's second offer is in another category.
			q(
				`insert into aid_offer (id, person_id, category, title, organisation_id, area_id, lat, lon, windows, languages, capacity, status, assisted,
					created_at, updated_at)
				select pg_temp.uid('wijkweb-city-offer-' || j), p.id, c.category,
					$1::jsonb -> c.category ->> floor(pg_temp.r(j, 31) * 2)::int,
					pg_temp.uid('wijkweb-city-org'), p.area_id, p.lat, p.lon, pg_temp.windows(j, 100),
					case when pg_temp.r(j, 32) < 0.3 then array[p.lang] else '{}'::text[] end,
					width_bucket(pg_temp.r(j, 33), ${bounds([50, 35, 15])}),
					case when j <= ${SIZES.activeOffers} then 'active' when pg_temp.r(j, 34) < 0.4 then 'paused' else 'withdrawn' end,
					pg_temp.r(j, 35) < 0.1,
					now() - (30 + pg_temp.r(j, 36) * 900) * interval '1 day', now() - pg_temp.r(j, 36) * interval '30 days'
				from generate_series(1, ${SIZES.activeOffers + SIZES.inactiveOffers}) j
				cross join lateral (select ((j - 1) % ${SIZES.volunteers}) + 1 as pi, (j - 1) / ${SIZES.volunteers} as slot) s
				join city_person p on p.i = s.pi
				cross join lateral (select width_bucket(pg_temp.r(s.pi, 20), ${bounds(cats.map((c) => OFFER_MIX[c] ?? 1))}) as first) f
				cross join lateral (select (${textArray(cats)})[case when s.slot = 0 then f.first
					else ((f.first - 1 + 1 + floor(pg_temp.r(s.pi, 21 + s.slot) * 12)::int) % 13) + 1 end] as category) c`,
				[titles(1)]
			)
		);

		await step('good-conduct certificates', async () => {
			// ~30 % of volunteers hold a valid one, ~8 % only an expired one, 5 % renewed an expired one.
			const valid = await q(
				`insert into aid_certificate (person_id, checked_on, valid_until, created_at)
				select p.id, current_date - c.ago, current_date - c.ago + 730, now() - c.ago * interval '1 day'
				from city_person p, lateral (select 1 + floor(pg_temp.r(p.i, 41) * 700)::int as ago) c
				where p.i <= ${SIZES.volunteers} and pg_temp.r(p.i, 40) < 0.30`
			);
			const expired = await q(
				`insert into aid_certificate (person_id, checked_on, valid_until, created_at)
				select p.id, current_date - c.ago, current_date - c.ago + 730, now() - c.ago * interval '1 day'
				from city_person p, lateral (select 760 + floor(pg_temp.r(p.i, 42) * 400)::int as ago) c
				where p.i <= ${SIZES.volunteers} and (pg_temp.r(p.i, 40) >= 0.30 and pg_temp.r(p.i, 40) < 0.38 or pg_temp.r(p.i, 40) < 0.05)`
			);
			return valid + expired;
		});

		// Needs: open ones (n = 1..openNeeds) and past ones (n = openNeeds + h), asked by people who do not
		// volunteer, in their own district, in the categories of NEED_MIX.
		const needSelect = (from: number, to: number, status: string, ageDays: string) => `
			select pg_temp.uid('wijkweb-city-need-' || n), p.id, c.category, $1::jsonb -> c.category ->> floor(pg_temp.r(n, 51) * 2)::int,
				pg_temp.uid('wijkweb-city-org'), p.area_id,
				case when pg_temp.r(n, 52) < 0.75 then p.lat end, case when pg_temp.r(n, 52) < 0.75 then p.lon end,
				case when pg_temp.r(n, 53) < 0.1 then '[]'::jsonb else pg_temp.windows(n, 200) end,
				case when pg_temp.r(n, 54) < 0.2 then array[p.lang] else '{}'::text[] end,
				(array['once', 'weekly', 'monthly', 'other'])[width_bucket(pg_temp.r(n, 55), ${bounds([40, 40, 12, 8])})],
				c.category = 'childcare' or pg_temp.r(n, 56) < coalesce(($2::jsonb ->> c.category)::float8, 0),
				${status}, pg_temp.r(n, 57) < 0.25, now() - (${ageDays}) * interval '1 day', now() - (${ageDays}) * interval '1 day'
			from generate_series(${from}, ${to}) n
			join city_person p on p.i = ${SIZES.volunteers} + 1 + floor(pg_temp.r(n, 50) * ${SIZES.people - SIZES.volunteers})::int
			cross join lateral (select (${textArray(cats)})[width_bucket(pg_temp.r(n, 58), ${bounds(cats.map((c) => NEED_MIX[c] ?? 1))})] as category) c`;
		const needColumns = `insert into aid_need (id, person_id, category, title, organisation_id, area_id, lat, lon, windows, languages, frequency, safeguarded,
			status, assisted, created_at, updated_at)`;
		await step(`${SIZES.openNeeds.toLocaleString('en')} open needs`, () =>
			q(`${needColumns} ${needSelect(1, SIZES.openNeeds, `'open'`, `pg_temp.r(n, 59) * 90`)}`, [titles(0), JSON.stringify(AT_HOME)])
		);
		const first = SIZES.openNeeds + 1;
		const recent = SIZES.openNeeds + SIZES.currentLinks;
		await step(`${SIZES.pastNeeds.toLocaleString('en')} past needs`, () =>
			q(
				`${needColumns} ${needSelect(
					first,
					SIZES.openNeeds + SIZES.pastNeeds,
					`case when n <= ${recent} then 'matched' when pg_temp.r(n, 60) < 0.80 then 'closed' when pg_temp.r(n, 61) < 0.5 then 'withdrawn' else 'closed' end`,
					`case when n <= ${recent} then 20 + pg_temp.r(n, 59) * 100 else 150 + pg_temp.r(n, 59) * 945 end`
				)}`,
				[titles(0), JSON.stringify(AT_HOME)]
			)
		);

		await step('offer lookup by category and district', async () => {
			await q(`create temp table city_offer on commit drop as
				select id, category, area_id,
					row_number() over (partition by category, area_id order by id) as rn, count(*) over (partition by category, area_id) as cnt,
					row_number() over (partition by category order by id) as rn_c, count(*) over (partition by category) as cnt_c
				from aid_offer where organisation_id = pg_temp.uid('wijkweb-city-org')`);
			await q(`create index on city_offer (category, area_id, rn)`);
			await q(`create index on city_offer (category, rn_c)`);
			return q(`analyze city_offer`);
		});

		// The offer of link number k for need n: one in the need's district and category (85 %), else
		// anywhere in the city in that category.
		const pickOffer = (k: string, salt: number) => `(
			select coalesce(
				(select o.id from city_offer o where pg_temp.r(${k}, ${salt}) < 0.85 and o.category = nd.category and o.area_id = nd.area_id
					and o.rn = 1 + floor(pg_temp.r(${k}, ${salt + 1}) * o.cnt)::int),
				(select o.id from city_offer o where o.category = nd.category and o.rn_c = 1 + floor(pg_temp.r(${k}, ${salt + 2}) *
					(select max(cnt_c) from city_offer x where x.category = nd.category))::int)))`;
		const needOf = (n: string) => `join aid_need nd on nd.id = pg_temp.uid('wijkweb-city-need-' || ${n})`;
		const linkColumns = `insert into aid_link (id, need_id, organisation_id, area_id, offer_id, status, need_accepted_at, offer_accepted_at, score, reason, took_place_at, closed_at,
			changed_at, created_at)`;
		await step(`${(SIZES.pastNeeds + SIZES.earlierLinks).toLocaleString('en')} past links`, async () => {
			// The last link of every past need: current ones hold a place, the others mostly took place
			// and were closed later, some were declined or cancelled.
			const last = await q(
				`${linkColumns}
				select pg_temp.uid('wijkweb-city-link-' || n), nd.id, nd.organisation_id, nd.area_id, ${pickOffer('n', 70)}, s.status,
					case when s.status <> 'declined' or pg_temp.r(n, 62) < 0.5 then t.created + interval '1 day' end,
					case when s.status <> 'declined' then t.created + interval '2 days' end,
					20 + floor(pg_temp.r(n, 63) * 70)::int,
					case when s.status in ('declined', 'cancelled') then ($1::text[])[1 + floor(pg_temp.r(n, 64) * ${END_REASONS.length})::int] end,
					case when s.status in ('took_place', 'closed') then t.created + t.took end,
					case when s.status = 'closed' then t.created + t.took + pg_temp.r(n, 65) * interval '100 days' end,
					case s.status when 'closed' then t.created + t.took + pg_temp.r(n, 65) * interval '100 days'
						when 'took_place' then t.created + t.took when 'accepted' then t.created + interval '2 days'
						else t.created + (1 + pg_temp.r(n, 66) * 10) * interval '1 day' end,
					t.created
				from generate_series(${first}, ${SIZES.openNeeds + SIZES.pastNeeds}) n
				${needOf('n')}
				cross join lateral (select nd.created_at + (3 + pg_temp.r(n, 67) * 2) * interval '1 day' as created,
					(4 + pg_temp.r(n, 68) * 10) * interval '1 day' as took) t
				cross join lateral (select case when n <= ${recent} then case when pg_temp.r(n, 69) < 0.4 then 'accepted' else 'took_place' end
					when nd.status = 'closed' and pg_temp.r(n, 60) < 0.80 then 'closed'
					when pg_temp.r(n, 61) < 0.65 then 'declined' else 'cancelled' end as status) s`,
				[END_REASONS]
			);
			// An earlier link that came to nothing, for the first past needs.
			const earlier = await q(
				`${linkColumns}
				select pg_temp.uid('wijkweb-city-link-' || n || '-earlier'), nd.id, nd.organisation_id, nd.area_id, ${pickOffer('n', 80)}, s.status,
					nd.created_at + interval '12 hours', case when s.status = 'cancelled' then nd.created_at + interval '1 day' end,
					20 + floor(pg_temp.r(n, 83) * 60)::int, ($1::text[])[1 + floor(pg_temp.r(n, 84) * ${END_REASONS.length})::int],
					null, null, nd.created_at + (1 + pg_temp.r(n, 85)) * interval '1 day', nd.created_at + interval '2 hours'
				from generate_series(${first}, ${SIZES.openNeeds + SIZES.earlierLinks}) n
				${needOf('n')}
				cross join lateral (select case when pg_temp.r(n, 86) < 0.7 then 'declined' else 'cancelled' end as status) s`,
				[END_REASONS]
			);
			return last + earlier;
		});

		await step(`${SIZES.proposedLinks} proposals waiting on open needs`, () =>
			q(
				`${linkColumns}
				select pg_temp.uid('wijkweb-city-link-' || n), nd.id, nd.organisation_id, nd.area_id, ${pickOffer('n', 90)}, 'proposed', null, null, 20 + floor(pg_temp.r(n, 93) * 70)::int,
					null, null, null, now() - pg_temp.r(n, 94) * interval '10 days', now() - pg_temp.r(n, 94) * interval '10 days'
				from generate_series(1, ${SIZES.proposedLinks}) n
				${needOf('n')}`
			)
		);

		await step('places held (active_links ≤ capacity)', async () => {
			// Where chance gave a volunteer more current links than places, the later ones ended already.
			const ended = await q(`with ranked as (
					select l.id, l.need_id, o.capacity, row_number() over (partition by l.offer_id order by l.created_at, l.id) as rn
					from aid_link l join aid_offer o on o.id = l.offer_id
					where o.organisation_id = pg_temp.uid('wijkweb-city-org') and l.status in ('accepted', 'took_place'))
				update aid_link l set status = 'closed', took_place_at = coalesce(l.took_place_at, l.created_at + interval '3 days'),
					closed_at = now() - interval '1 day', changed_at = now() - interval '1 day'
				from ranked where ranked.id = l.id and ranked.rn > ranked.capacity`);
			await q(`update aid_need n set status = 'closed' where n.organisation_id = pg_temp.uid('wijkweb-city-org') and n.status = 'matched'
				and not exists (select 1 from aid_link l where l.need_id = n.id and l.status in ('accepted', 'took_place'))`);
			await q(`update aid_offer o set active_links = c.n from (
					select l.offer_id, count(*)::int as n from aid_link l where l.status in ('accepted', 'took_place') group by 1) c
				where c.offer_id = o.id and o.organisation_id = pg_temp.uid('wijkweb-city-org')`);
			return ended;
		});

		await seedCityNetwork(q, step);
		await seedCityFieldwork(q, step, onClient(client), (await client.query(`select pg_temp.uid('wijkweb-city-org') as id`)).rows[0].id as string);

		await seedCityActivities(q, step);

		await step('facilitator and coordinator accounts', async () => {
			const db = onClient(client);
			const orgId = (await client.query(`select pg_temp.uid('wijkweb-city-org') as id`)).rows[0].id as string;
			const areaId = (await client.query(`select id from city_area where idx = 1`)).rows[0].id as string;
			for (const [email, name, role, area] of [
				[CITY_FACILITATOR, 'Youssef', 'facilitator', areaId],
				[CITY_COORDINATOR, 'Els', 'coordinator', null]
			] as const) {
				const { person } = await createUser(db, { email, name, password: DEMO_PASSWORD });
				await db.insert(accessRoleGrant).values({ personId: person.id, role, organisationId: orgId, areaId: area });
				await db.update(peoplePerson).set({ organisationId: orgId, areaId: area }).where(eq(peoplePerson.id, person.id));
			}
			await q(`insert into core_setting (key, value) values ($1, $2)`, [CITY_SEEDED, new Date().toISOString()]);
			return 2;
		});

		await step('commit', () => q('commit'));
	} catch (e) {
		await client.query('rollback').catch(() => {});
		throw e;
	} finally {
		client.release();
	}
	// VACUUM as well: it sets the visibility map (index-only scans) and means autovacuum does not start
	// on 250 000 fresh rows while the benchmark measures.
	await step('vacuum analyze', () =>
		pool.query(
			'vacuum (analyze) people_person, aid_offer, aid_need, aid_link, aid_experience, aid_certificate, areas_area, people_household, people_household_member, network_partner, network_partner_area, network_relationship, ' +
				'fieldwork_contact, fieldwork_contact_party, fieldwork_question, fieldwork_question_event, fieldwork_referral, fieldwork_referral_event, fieldwork_signal, fieldwork_signal_evidence, activities_activity, activities_session, activities_attendance'
		)
	);
	return steps;
}
