import { THEMES } from '../../src/lib/themes.ts';

// The city's activities (issue 15): 3 000 activities over the 25 districts, 60 000 sessions and
// 300 000 attendances in the last year. INSERT … SELECT generate_series in the seed's transaction,
// deterministic like the rest (pg_temp.uid, pg_temp.r from scripts/lib/city.ts). Activity a is in
// district 1 + ((a - 1) mod 25); its 20 sessions are weekly from a start in the year's first seven
// months, so every session is in the past; each session has 5 of the activity's 15 regulars (drawn
// among the people of its district, city_pa from the network step), so people come back, as they do.

export const ACTIVITY_SIZES = {
	activities: 3_000,
	sessionsPerActivity: 20,
	regulars: 15,
	perSession: 5
} as const;

type Query = (text: string, params?: unknown[]) => Promise<number>;
type Step = (name: string, work: () => Promise<unknown>) => Promise<void>;

const textArray = (xs: readonly string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]::text[]`;

export async function seedCityActivities(q: Query, step: Step) {
	const S = ACTIVITY_SIZES;
	const sessions = S.activities * S.sessionsPerActivity;
	await step(`${S.activities.toLocaleString('en')} activities`, async () => {
		await q(`create temp table city_act (a int primary key, id uuid, area_id uuid, kind text, starts_on date, minutes int) on commit drop`);
		await q(`insert into city_act
			select a, pg_temp.uid('wijkweb-city-activity-' || a), ar.id,
				case when pg_temp.r(a, 500) < 0.8 then 'recurring' when pg_temp.r(a, 500) < 0.95 then 'one_off' else 'focus_group' end,
				current_date - (150 + floor(pg_temp.r(a, 501) * 210))::int, 60 + 30 * floor(pg_temp.r(a, 502) * 5)::int
			from generate_series(1, ${S.activities}) a join city_area ar on ar.idx = 1 + ((a - 1) % 25)`);
		return q(`insert into activities_activity (id, organisation_id, area_id, kind, title, themes, target_groups, capacity, public, recurrence,
				starts_on, start_time, duration_minutes, created_at, updated_at)
			select id, pg_temp.uid('wijkweb-city-org'), area_id, kind, 'Activiteit ' || a,
				array[(${textArray(THEMES)})[1 + floor(pg_temp.r(a, 503) * ${THEMES.length})::int]], array['everyone'],
				case when pg_temp.r(a, 504) < 0.3 then 20 else 0 end, pg_temp.r(a, 505) < 0.4,
				case when kind = 'recurring' then 'weekly' else 'dates' end, starts_on, '14:00', minutes, now(), now()
			from city_act`);
	});

	await step(`${sessions.toLocaleString('en')} sessions`, async () => {
		await q(`create temp table city_ses on commit drop as
			select s, pg_temp.uid('wijkweb-city-session-' || s) as id, c.a, c.id as activity_id, c.area_id,
				((c.starts_on + 7 * ((s - 1) / ${S.activities})) + time '14:00') at time zone 'Europe/Brussels' as starts_at, c.minutes
			from generate_series(1, ${sessions}) s join city_act c on c.a = 1 + ((s - 1) % ${S.activities})`);
		return q(`insert into activities_session (id, activity_id, organisation_id, area_id, starts_at, ends_at, anonymous_count, closed_at, created_at, updated_at)
			select id, activity_id, pg_temp.uid('wijkweb-city-org'), area_id, starts_at, starts_at + minutes * interval '1 minute',
				case when pg_temp.r(s, 510) < 0.2 then floor(pg_temp.r(s, 511) * 8)::int else 0 end, starts_at + interval '3 hours', starts_at, starts_at
			from city_ses`);
	});

	await step(`${(sessions * S.perSession).toLocaleString('en')} attendances`, async () => {
		// The activity's regulars are 15 neighbours in its district's list; a session has 5 of them,
		// distinct (consecutive offsets from a drawn start), so no conflict is ever skipped.
		await q(`create temp table city_area_size on commit drop as select area_id, max(cnt) as cnt from city_pa group by 1`);
		return q(`insert into activities_attendance (session_id, person_id, activity_id, organisation_id, area_id, session_starts_at, recorded_at)
			select x.id, p.id, x.activity_id, pg_temp.uid('wijkweb-city-org'), x.area_id, x.starts_at, x.starts_at
			from city_ses x cross join generate_series(0, ${S.perSession - 1}) k
			join city_area_size z on z.area_id = x.area_id
			join city_pa p on p.area_id = x.area_id
				and p.rn = 1 + ((x.a * 37 + (floor(pg_temp.r(x.s, 520) * ${S.regulars})::int + k) % ${S.regulars}) % z.cnt)`);
	});
}
