import { eq, sql } from 'drizzle-orm';
import { createUser, DEMO_PASSWORD } from '../../src/lib/server/seed/index.ts';
import { accessRoleGrant } from '../../src/lib/server/access/index.ts';
import { peoplePerson } from '../../src/lib/server/people/index.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { THEMES } from '../../src/lib/themes.ts';

// The city's fieldwork (issue 14): 50 workers (a facilitator and an outreach worker per district),
// 1 000 000 contacts over three years with their party rows, 100 000 questions, 50 000 referrals and
// 300 signals with evidence. INSERT … SELECT generate_series in the seed's transaction, deterministic
// like the rest (pg_temp.uid, pg_temp.r from scripts/lib/city.ts). Worker k records contacts
// c = k, k + 50, k + 100 …, in district 1 + ((k - 1) mod 25).

export const FIELDWORK_SIZES = {
	workers: 50,
	contacts: 1_000_000,
	questions: 100_000,
	referrals: 50_000,
	signals: 300,
	evidencePerSignal: 60
} as const;
/** Worker k signs in as this address (password DEMO_PASSWORD); the bench logs contacts as them. */
export const cityWorkerEmail = (k: number) => `worker-city-${k}@example.org`;

type Query = (text: string, params?: unknown[]) => Promise<number>;
type Step = (name: string, work: () => Promise<unknown>) => Promise<void>;

const textArray = (xs: readonly string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]::text[]`;
const TYPES = ['street', 'home_visit', 'office_hours', 'phone', 'group', 'at_partner', 'online'];
/** Lower bounds of the types' shares on [0, 1): street 35 %, home visits 15 %, office hours 20 %, phone 15 %, group 8 %, at a partner 5 %, online 2 %. */
const TYPE_BOUNDS = 'array[0, 0.35, 0.50, 0.70, 0.85, 0.93, 0.98]::float8[]';
const QUESTION_TITLES = [
	'Formulier invullen',
	'Afspraak maken bij het OCMW',
	'Huurachterstand',
	'Huisarts zoeken',
	'Schoolkosten',
	'Cursus Nederlands',
	'Energiefactuur'
];

export async function seedCityFieldwork(q: Query, step: Step, db: Db, orgId: string) {
	const S = FIELDWORK_SIZES;
	await step(`${S.workers} fieldworkers (worker-city-1…${S.workers}@example.org)`, async () => {
		await q(`create temp table city_worker (k int primary key, user_id text, area_id uuid, outreach boolean) on commit drop`);
		for (let k = 1; k <= S.workers; k++) {
			const area = (await db.execute<{ id: string }>(sql`select id from city_area where idx = ${1 + ((k - 1) % 25)}`)).rows[0]!.id;
			const outreach = k > S.workers / 2;
			const { user, person } = await createUser(db, { email: cityWorkerEmail(k), name: `Werker ${k}`, password: DEMO_PASSWORD });
			await db
				.insert(accessRoleGrant)
				.values({ personId: person.id, role: outreach ? 'outreach' : 'facilitator', organisationId: orgId, areaId: area });
			await db.update(peoplePerson).set({ organisationId: orgId, areaId: area }).where(eq(peoplePerson.id, person.id));
			await q(`insert into city_worker values ($1, $2, $3, $4)`, [k, user.id, area, outreach]);
		}
		await q(`insert into fieldwork_worker (user_id, usual_minutes, weekly_target_hours) select user_id, case when outreach then 90 else 45 end,
			case when outreach then 30 end from city_worker`);
		return S.workers;
	});

	await step(`${S.contacts.toLocaleString('en')} contacts over three years`, async () => {
		// Outreach workers are in the street more; everybody's mix follows TYPE_BOUNDS otherwise.
		await q(`create temp table city_fw (c int primary key, id uuid, area_id uuid, user_id text, type text, started_at timestamptz, minutes int,
				theme text, themes text[], people int) on commit drop`);
		await q(`insert into city_fw
			select c, pg_temp.uid('wijkweb-city-contact-' || c), w.area_id, w.user_id, t.type, s.at,
				case t.type when 'home_visit' then 45 + 15 * floor(pg_temp.r(c, 403) * 4)::int when 'street' then 30 + 30 * floor(pg_temp.r(c, 403) * 5)::int
					when 'group' then 60 + 30 * floor(pg_temp.r(c, 403) * 3)::int when 'at_partner' then 30 + 15 * floor(pg_temp.r(c, 403) * 5)::int
					else 5 + 5 * floor(pg_temp.r(c, 403) * 6)::int end,
				th.a, array_remove(array[th.a, case when pg_temp.r(c, 405) < 0.4 and th.b <> th.a then th.b end], null),
				case t.type when 'street' then 0 when 'group' then 1 + floor(pg_temp.r(c, 406) * 3)::int else 1 + floor(pg_temp.r(c, 406) * 1.3)::int end
			from generate_series(1, ${S.contacts}) c
			join city_worker w on w.k = 1 + ((c - 1) % ${S.workers})
			cross join lateral (select case when w.outreach and pg_temp.r(c, 400) < 0.5 then 'street'
				else (${textArray(TYPES)})[width_bucket(pg_temp.r(c, 401), ${TYPE_BOUNDS})] end as type) t
			cross join lateral (select date_trunc('day', now() - pg_temp.r(c, 402) * interval '1095 days')
				+ (8 + floor(pg_temp.r(c, 407) * 12)) * interval '1 hour' + floor(pg_temp.r(c, 408) * 4) * interval '15 minutes' as at) s0
			cross join lateral (select least(s0.at, now() - interval '3 hours') as at) s
			cross join lateral (select (${textArray(THEMES)})[1 + floor(pg_temp.r(c, 404) * ${THEMES.length})::int] as a,
				(${textArray(THEMES)})[1 + floor(pg_temp.r(c, 409) * ${THEMES.length})::int] as b) th`);
		const n = await q(`insert into fieldwork_contact (id, organisation_id, area_id, type, started_at, duration_minutes, themes, anonymous_count,
				anonymous_age_from, anonymous_age_to, recorded_by_user_id, created_at, updated_at)
			select id, pg_temp.uid('wijkweb-city-org'), area_id, type, started_at, minutes, themes,
				case type when 'street' then 2 + floor(pg_temp.r(c, 410) * 7)::int when 'group' then floor(pg_temp.r(c, 410) * 16)::int else 0 end,
				case when type = 'street' then 12 + floor(pg_temp.r(c, 411) * 6)::int end,
				case when type = 'street' then 18 + floor(pg_temp.r(c, 412) * 8)::int end,
				user_id, started_at, started_at
			from city_fw`);
		await q(`analyze city_fw`);
		return n;
	});

	await step('contact parties (recorder + 0–3 people met)', async () => {
		const recorders = await q(`insert into fieldwork_contact_party (contact_id, role, user_id) select id, 'recorder', user_id from city_fw`);
		await q(`create temp table city_area_count on commit drop as select area_id, max(cnt) as cnt from city_pa group by 1`);
		// People met: drawn among the people of the worker's district (city_pa, from the network step).
		const met = await q(`insert into fieldwork_contact_party (contact_id, role, person_id)
			select f.id, 'with', p.id
			from city_fw f cross join generate_series(1, 3) s
			join city_area_count ac on ac.area_id = f.area_id
			join city_pa p on p.area_id = f.area_id and p.rn = 1 + floor(pg_temp.r(f.c::bigint * 3 + s, 420) * ac.cnt)::int
			where s <= f.people
			on conflict do nothing`);
		return recorders + met;
	});

	await step(`${S.questions.toLocaleString('en')} questions (+ their status rows)`, async () => {
		// Questions come from contacts with someone named on them (about half: street contacts name nobody).
		await q(`create temp table city_q on commit drop as
			select row_number() over (order by f.c) as n, pg_temp.uid('wijkweb-city-question-' || f.c) as id, f.c, f.id as contact_id, f.area_id, f.user_id, f.theme, f.started_at,
				(select pp.person_id from fieldwork_contact_party pp where pp.contact_id = f.id and pp.role = 'with' limit 1) as person_id,
				case when f.started_at > now() - interval '60 days' then (array['open', 'open', 'in_progress', 'answered'])[1 + floor(pg_temp.r(f.c, 431) * 4)::int]
					else (array['answered', 'answered', 'answered', 'referred', 'dropped', 'in_progress'])[1 + floor(pg_temp.r(f.c, 431) * 6)::int] end as status
			from city_fw f where f.people > 0 and pg_temp.r(f.c, 430) < 0.25 order by f.c limit ${S.questions}`);
		const n = await q(
			`insert into fieldwork_question (id, organisation_id, area_id, contact_id, person_id, title, theme, owner_user_id, due_on, status, closed_at,
				created_by_user_id, created_at, updated_at)
			select id, pg_temp.uid('wijkweb-city-org'), area_id, contact_id, person_id, ($1::text[])[1 + floor(pg_temp.r(c, 432) * ${QUESTION_TITLES.length})::int],
				theme, user_id, (started_at + (7 + floor(pg_temp.r(c, 433) * 21)) * interval '1 day')::date, status,
				case when status in ('answered', 'referred', 'dropped') then least(started_at + interval '20 days', now()) end,
				user_id, started_at, least(started_at + interval '20 days', now())
			from city_q`,
			[QUESTION_TITLES]
		);
		await q(`insert into fieldwork_question_event (question_id, from_status, to_status, by_user_id, at)
			select id, null, 'open', user_id, started_at from city_q
			union all select id, 'open', 'in_progress', user_id, least(started_at + interval '3 days', now()) from city_q where status <> 'open'
			union all select id, 'in_progress', status, user_id, least(started_at + interval '20 days', now()) from city_q where status in ('answered', 'referred', 'dropped')`);
		return n;
	});

	await step(`${S.referrals.toLocaleString('en')} referrals to partners (+ their status rows)`, async () => {
		await q(`create temp table city_r on commit drop as
			select pg_temp.uid('wijkweb-city-referral-' || x.c) as id, x.*,
				case when x.started_at > now() - interval '40 days' then (array['referred', 'accepted', 'arrived', 'helped'])[1 + floor(pg_temp.r(x.c, 441) * 4)::int]
					else (array['helped', 'helped', 'helped', 'not_helped', 'arrived', 'rejected', 'revoked'])[1 + floor(pg_temp.r(x.c, 441) * 7)::int] end as status
			from (select f.c, f.id as contact_id, f.area_id, f.user_id, f.started_at, p.person_id,
					q.id as question_id
				from city_fw f left join city_q q on q.c = f.c join lateral (select pp.person_id from fieldwork_contact_party pp where pp.contact_id = f.id and pp.role = 'with' limit 1) p on true
				where f.people > 0 and pg_temp.r(f.c, 440) < 0.13 order by f.c limit ${S.referrals}) x`);
		const n = await q(`insert into fieldwork_referral (id, organisation_id, area_id, person_id, question_id, contact_id, partner_id, status, reason,
				override_reason, override_by_user_id, shared, created_by_user_id, closed_at, created_at, updated_at)
			select id, pg_temp.uid('wijkweb-city-org'), area_id, person_id, question_id, contact_id,
				pg_temp.uid('wijkweb-city-partner-' || (1 + floor(pg_temp.r(c, 442) * 500)::int)), status,
				case when status = 'not_helped' then (array['did_not_go', 'waiting_list', 'not_eligible', 'unreachable'])[1 + floor(pg_temp.r(c, 443) * 4)::int] end,
				case when pg_temp.r(c, 444) < 0.02 then 'Dringend; mondeling akkoord' end, case when pg_temp.r(c, 444) < 0.02 then user_id end,
				'{"question": "Doorverwijzing"}'::jsonb, user_id,
				case when status in ('helped', 'not_helped', 'rejected', 'revoked') then least(started_at + interval '21 days', now()) end,
				started_at, least(started_at + interval '21 days', now())
			from city_r`);
		await q(`insert into fieldwork_referral_event (referral_id, from_status, to_status, by_user_id, at)
			select id, null, 'referred', user_id, started_at from city_r
			union all select id, 'referred', 'accepted', user_id, least(started_at + interval '4 days', now()) from city_r where status in ('accepted', 'arrived', 'helped', 'not_helped')
			union all select id, 'accepted', 'arrived', user_id, least(started_at + interval '10 days', now()) from city_r where status in ('arrived', 'helped', 'not_helped')
			union all select id, case when status in ('rejected', 'revoked') then 'referred' else 'arrived' end, status, user_id, least(started_at + interval '21 days', now())
				from city_r where status in ('helped', 'not_helped', 'rejected', 'revoked')`);
		return n;
	});

	await step(`${S.signals} signals with ${S.evidencePerSignal} contacts of evidence each`, async () => {
		// Signal s belongs to worker k = 1 + ((s - 1) mod 50): its district, evidence among that worker's contacts.
		const n =
			await q(`insert into fieldwork_signal (id, organisation_id, area_id, theme, title, description, status, escalated_to, escalated_on, answer,
				created_by_user_id, created_at)
			select pg_temp.uid('wijkweb-city-signal-' || s), pg_temp.uid('wijkweb-city-org'), w.area_id,
				(${textArray(THEMES)})[1 + floor(pg_temp.r(s, 450) * ${THEMES.length})::int], 'Signaal ' || s, 'Gezien bij meerdere mensen in de wijk.', st.status,
				case when st.status in ('escalated', 'answered') then 'Schepen van Welzijn' end,
				case when st.status in ('escalated', 'answered') then current_date - 30 end,
				case when st.status = 'answered' then 'Antwoord van de stad.' end,
				w.user_id, now() - (30 + floor(pg_temp.r(s, 452) * 900)) * interval '1 day'
			from generate_series(1, ${S.signals}) s join city_worker w on w.k = 1 + ((s - 1) % ${S.workers})
			cross join lateral (select (array['noted', 'substantiated', 'escalated', 'answered', 'closed'])[1 + floor(pg_temp.r(s, 451) * 5)::int] as status) st`);
		await q(`insert into fieldwork_signal_event (signal_id, from_status, to_status, by_user_id, at)
			select id, null, 'noted', created_by_user_id, created_at from fieldwork_signal where organisation_id = pg_temp.uid('wijkweb-city-org')`);
		await q(`insert into fieldwork_signal_evidence (signal_id, contact_id, linked_by_user_id, linked_at)
			select pg_temp.uid('wijkweb-city-signal-' || s), pg_temp.uid('wijkweb-city-contact-' ||
				(${S.workers} * floor(pg_temp.r(s * 1000 + e, 453) * ${S.contacts / S.workers})::int + 1 + ((s - 1) % ${S.workers}))),
				w.user_id, now() - floor(pg_temp.r(s * 1000 + e, 454) * 30) * interval '1 day'
			from generate_series(1, ${S.signals}) s cross join generate_series(1, ${S.evidencePerSignal}) e
			join city_worker w on w.k = 1 + ((s - 1) % ${S.workers})
			on conflict do nothing`);
		return n;
	});
}
