import { PARTNER_KINDS } from '../../src/lib/server/network/index.ts';
import { THEMES } from '../../src/lib/themes.ts';

// The city's web (issue 13): households among its people, 500 partner organisations and 200 000 ties,
// all INSERT … SELECT generate_series in the seed's transaction, deterministic like the rest
// (pg_temp.uid, pg_temp.r from scripts/lib/city.ts).

export const NETWORK_SIZES = { partners: 500, personTies: 150_000, partnerTies: 50_000 } as const;

type Query = (text: string, params?: unknown[]) => Promise<number>;
type Step = (name: string, work: () => Promise<unknown>) => Promise<void>;

const textArray = (xs: readonly string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]::text[]`;

export async function seedCityNetwork(q: Query, step: Step) {
	await step('households (six in ten people, up to four each, within a district)', async () => {
		// Neighbours in the list of a district form a household of three or four: the first an adult and
		// its head, the next an adult, the others children half of the time.
		await q(`create temp table city_member on commit drop as
			select p.id as person_id, p.area_id, p.i, (rn - 1) / 4 as k, (rn - 1) % 4 as pos
			from (select p.*, row_number() over (partition by p.area_id order by p.i) as rn from city_person p where pg_temp.r(p.i, 200) < 0.6) p`);
		const households = await q(`insert into people_household (id, organisation_id, area_id, name)
			select distinct on (area_id, k) pg_temp.uid('wijkweb-city-household-' || area_id || '-' || k), pg_temp.uid('wijkweb-city-org'), area_id, null
			from city_member order by area_id, k`);
		await q(`insert into people_household_member (household_id, person_id, role, head, joined_on)
			select pg_temp.uid('wijkweb-city-household-' || area_id || '-' || k), person_id,
				case when pos < 2 or pg_temp.r(i, 201) < 0.5 then 'adult' else 'child' end, pos = 0,
				current_date - (30 + floor(pg_temp.r(i, 202) * 3000))::int
			from city_member`);
		return households;
	});

	await step(`${NETWORK_SIZES.partners} partner organisations`, async () => {
		const n = await q(
			`insert into network_partner (id, organisation_id, name, kind, phone, email, themes)
			select pg_temp.uid('wijkweb-city-partner-' || j), pg_temp.uid('wijkweb-city-org'),
				'Partner ' || j, (${textArray(PARTNER_KINDS)})[1 + (j % ${PARTNER_KINDS.length})],
				'+32 9 555 ' || lpad(j::text, 4, '0'), 'partner' || j || '@example.org',
				array_remove(array[(${textArray(THEMES)})[1 + floor(pg_temp.r(j, 210) * ${THEMES.length})::int],
					case when pg_temp.r(j, 211) < 0.5 then (${textArray(THEMES)})[1 + floor(pg_temp.r(j, 212) * ${THEMES.length})::int] end], null)
			from generate_series(1, ${NETWORK_SIZES.partners}) j`
		);
		await q(`insert into network_partner_area (partner_id, area_id)
			select distinct pg_temp.uid('wijkweb-city-partner-' || j), a.id
			from generate_series(1, ${NETWORK_SIZES.partners}) j cross join generate_series(0, 2) s
			join city_area a on a.idx = 1 + floor(pg_temp.r(j * 3 + s, 213) * 25)::int
			where s = 0 or pg_temp.r(j * 3 + s, 214) < 0.4`);
		return n;
	});

	await step(`${(NETWORK_SIZES.personTies + NETWORK_SIZES.partnerTies).toLocaleString('en')} relationships`, async () => {
		await q(`create temp table city_pa on commit drop as
			select p.i, p.id, p.area_id, row_number() over (partition by p.area_id order by p.i) as rn, count(*) over (partition by p.area_id) as cnt
			from city_person p`);
		await q(`create index on city_pa (area_id, rn)`);
		await q(`create index on city_pa (i)`);
		// Between people of one district: a person and one of the next forty in its district's list.
		const people =
			await q(`insert into network_relationship (organisation_id, area_id, type, from_kind, from_person_id, to_kind, to_person_id, starts_on, ends_on)
			select pg_temp.uid('wijkweb-city-org'), a.area_id,
				(${textArray(['knows', 'family', 'neighbour', 'works_with'])})[width_bucket(pg_temp.r(t, 303), array[0, 0.55, 0.75, 0.92]::float8[])],
				'person', a.id, 'person', b.id,
				current_date - (60 + floor(pg_temp.r(t, 304) * 2000))::int,
				case when pg_temp.r(t, 305) < 0.1 then current_date - floor(pg_temp.r(t, 306) * 50)::int end
			from generate_series(1, ${NETWORK_SIZES.personTies}) t
			join city_pa a on a.i = 1 + floor(pg_temp.r(t, 301) * (select count(*) from city_pa))::bigint
			join city_pa b on b.area_id = a.area_id and b.rn = ((a.rn + floor(pg_temp.r(t, 302) * least(40, a.cnt - 1))::int) % a.cnt) + 1
			where b.id <> a.id`);
		// People to partners: referred to (six in ten), member of (three), contact person at (one).
		const partners =
			await q(`insert into network_relationship (organisation_id, area_id, type, from_kind, from_person_id, to_kind, to_partner_id, role, starts_on)
			select pg_temp.uid('wijkweb-city-org'), a.area_id, k.type, 'person', a.id, 'partner',
				pg_temp.uid('wijkweb-city-partner-' || (1 + floor(pg_temp.r(t, 311) * ${NETWORK_SIZES.partners})::int)),
				case when k.type = 'contact_person_at' then 'medewerker' end,
				current_date - (30 + floor(pg_temp.r(t, 312) * 1500))::int
			from generate_series(1, ${NETWORK_SIZES.partnerTies}) t
			join city_pa a on a.i = 1 + floor(pg_temp.r(t, 310) * (select count(*) from city_pa))::bigint
			cross join lateral (select (${textArray(['referred_to', 'member_of', 'contact_person_at'])})[width_bucket(pg_temp.r(t, 313), array[0, 0.6, 0.9]::float8[])] as type) k`);
		return people + partners;
	});
}
