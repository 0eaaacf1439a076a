import { startEmbedded } from '../../src/lib/server/db/embedded.ts';
import { connect, runMigrations, type Database } from '../../src/lib/server/db/index.ts';
import { loadActor } from '../../src/lib/server/access/index.ts';
import type { Ctx } from '../../src/lib/server/core/index.ts';
import { addDays, addMonths, todayInBelgium } from '../../src/lib/server/core/index.ts';
import { lastTwelveMonths } from '../../src/lib/server/stats/index.ts';
import { getActivityReach } from '../../src/lib/server/activities/index.ts';
import { defineIndicator, getIndicatorValues } from '../../src/lib/server/indicators/index.ts';
import { citySeeded, seedCity, CITY_COORDINATOR } from '../lib/city.ts';
import { CITY_DATA_DIR } from './aid.ts';
import { f1, load, ok, pct } from './measure.ts';

// `npm run bench -- activities` (issue 15), on the city-scale data (3 000 activities, 60 000 sessions,
// 300 000 attendances, 1 000 000 contacts; scripts/lib/city-activities.ts), in this process as the
// city's coordinator; server time = the verb's wall-clock time with its queries:
//   (a) getActivityReach for the last twelve whole months: the busiest district (< 300 ms) and the
//       whole city (< 1.5 s);
//   (b) indicators: a year of weekly values of "hours of direct contact with young people" for the
//       busiest fieldwork district (< 300 ms), and a dashboard of 10 indicators (< 1 s).

type Say = (line?: string) => void;

async function ctxFor(database: Database, email: string): Promise<Ctx> {
	const { rows } = await database.pool.query('select id from auth_user where email = $1', [email]);
	const actor = rows[0] ? await loadActor(database.db, rows[0].id as string) : null;
	if (!actor) throw new Error(`No account ${email} in the city data.`);
	return { db: database.db, actor };
}

/** `n` timed calls after two warm-up calls, sorted. */
async function timed(n: number, call: () => Promise<unknown>): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < n + 2; i++) {
		const t0 = performance.now();
		await call();
		if (i >= 2) times.push(performance.now() - t0);
	}
	return times.sort((a, b) => a - b);
}

const line = (label: string, times: number[], target: number) =>
	`| ${label} | ${times.length} | ${f1(pct(times, 50))} | **${f1(pct(times, 95))}** | ${f1(times.at(-1)!)} | < ${target} ${ok(pct(times, 95) < target)} |`;

export async function benchActivities(say: Say) {
	say('## Activities and indicators on city-scale data');
	say();
	const embedded = await startEmbedded(CITY_DATA_DIR);
	const database = connect(embedded.url, 4);
	try {
		await runMigrations(database.pool);
		if (!(await citySeeded(database.pool))) {
			const t0 = performance.now();
			await seedCity(database.pool, (m) => console.log(m));
			say(`City data made in \`${CITY_DATA_DIR}\` (as \`npm run seed:city\`): ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
		} else say(`City data reused from \`${CITY_DATA_DIR}\`.`);
		const { rows: counts } = await database.pool.query(
			`select (select count(*) from activities_activity)::int as activities, (select count(*) from activities_session)::int as sessions,
				(select count(*) from activities_attendance)::int as attendances, (select count(*) from fieldwork_contact)::int as contacts`
		);
		const c = counts[0] as Record<string, number>;
		if (!c.attendances) throw new Error(`no attendance rows: the city data predate the activities seed (remove ${CITY_DATA_DIR} and run again)`);
		say(
			`${c.activities!.toLocaleString('en')} activities, ${c.sessions!.toLocaleString('en')} sessions, ${c.attendances!.toLocaleString('en')} attendances, ${c.contacts!.toLocaleString('en')} contacts; load average before: ${load()} (1 / 5 / 15 min).`
		);
		say();
		const ctx = await ctxFor(database, CITY_COORDINATOR);
		const organisationId = ctx.actor.grants[0]!.organisationId;
		const period = lastTwelveMonths(todayInBelgium());
		const { rows: busiest } = await database.pool.query(
			`select area_id from activities_attendance where session_starts_at > now() - interval '1 year' group by 1 order by count(*) desc limit 1`
		);
		const areaId = busiest[0]!.area_id as string;

		// (a) reach
		const district = await timed(20, () => getActivityReach(ctx, { ...period, areaId }));
		const city = await timed(10, () => getActivityReach(ctx, { ...period }));
		const sample = await getActivityReach(ctx, { ...period, areaId });
		say('### (a) Reach of a year of activities, getActivityReach');
		say();
		say(
			`The last twelve whole months (${period.from} … ${period.to}), one call after the other after two warm-up calls; the district's figures: ` +
				`${sample.figures.participants.value ?? '<5'} participants, ${sample.figures.sessions?.value ?? '—'} sessions. Load average after: ${load()}.`
		);
		say();
		say('| scope | calls | p50 ms | p95 ms | max ms | target |');
		say('| --- | --- | --- | --- | --- | --- |');
		say(line('the busiest district', district, 300));
		say(line('the whole city (25 districts)', city, 1500));
		say();

		// (b) indicators, defined in the bench's own transaction-free way: they stay in the bench database.
		const { rows: fwBusiest } = await database.pool.query(
			`select area_id from fieldwork_contact where started_at > now() - interval '1 year' group by 1 order by count(*) desc limit 1`
		);
		const monday = (() => {
			let d = addDays(todayInBelgium(), -364);
			while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 1) d = addDays(d, 1);
			return d;
		})();
		const weekly = await defineIndicator(ctx, {
			organisationId,
			areaId: fwBusiest[0]!.area_id as string,
			name: 'Bench: uren direct contact met jongeren per week',
			template: 'young_contact_hours',
			target: 30,
			periodType: 'week',
			startsOn: monday,
			endsOn: addDays(monday, 52 * 7 - 1)
		});
		const youngHours = await timed(20, () => getIndicatorValues(ctx, { id: weekly.id }));
		const year = `${todayInBelgium().slice(0, 4)}`;
		const monthStart = `${addMonths(todayInBelgium(), -11).slice(0, 7)}-01`;
		const monthEnd = addDays(`${addMonths(todayInBelgium(), 1).slice(0, 7)}-01`, -1);
		const { rows: acts } = await database.pool.query(`select id from activities_activity order by id limit 3`);
		const dashboard = [
			weekly.id,
			...(
				await Promise.all(
					(
						[
							['participants_per_month', 'month', {}],
							['training_per_month', 'month', {}],
							['home_visits_per_year', 'year', {}],
							['contacts_per_theme', 'month', { themes: ['housing'] }],
							['grocery_families', 'month', { activityIds: acts.map((a) => a.id as string) }],
							['aid_links_made', 'month', {}],
							['aid_links_completed', 'month', {}],
							['participants_per_month', 'month', {}]
						] as [string, 'month' | 'year', { themes?: string[]; activityIds?: string[] }][]
					).map(async ([template, periodType, filters], i) =>
						defineIndicator(ctx, {
							organisationId,
							areaId: i === 7 ? areaId : null,
							name: `Bench ${i + 1}: ${template}`,
							template,
							filters,
							target: 10,
							periodType,
							startsOn: periodType === 'year' ? `${year}-01-01` : monthStart,
							endsOn: periodType === 'year' ? `${year}-12-31` : monthEnd
						})
					)
				)
			).map((d) => d.id),
			(
				await defineIndicator(ctx, {
					organisationId,
					name: 'Bench 10: manual',
					template: 'manual',
					target: 1,
					periodType: 'year',
					startsOn: `${year}-01-01`,
					endsOn: `${year}-12-31`
				})
			).id
		];
		const all = await timed(10, () => Promise.all(dashboard.map((id) => getIndicatorValues(ctx, { id }))));
		say('### (b) Indicators, getIndicatorValues');
		say();
		say(
			`"Hours of direct contact with young people (12–25)", 52 weekly values for the busiest fieldwork district; and a dashboard of ${dashboard.length} indicators ` +
				`(that one, participants per month for the city and a district, training sessions per month, home visits this year, housing contacts per month, ` +
				`families of three activities per month, mutual-aid links made and completed, one manual), computed at once (Promise.all on a pool of 4). Load average after: ${load()}.`
		);
		say();
		say('| figure | calls | p50 ms | p95 ms | max ms | target |');
		say('| --- | --- | --- | --- | --- | --- |');
		say(line('a year of weekly young-contact hours, one district', youngHours, 300));
		say(line(`a dashboard of ${dashboard.length} indicators`, all, 1000));
		say();
	} finally {
		// The bench's indicators go again, so a second run starts from the same data.
		await database.pool.query(`delete from indicators_indicator where name like 'Bench%'`).catch(() => {});
		await database.close();
		await embedded.stop();
	}
}
