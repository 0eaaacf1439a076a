import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDatabase } from './db.ts';
import { seedDemo } from '../../src/lib/server/seed/demo.ts';
import { loadActor } from '../../src/lib/server/access/index.ts';
import { getMutualAidReach, lastTwelveMonths, listNeeds, suggestMatches } from '../../src/lib/server/aid/index.ts';
import { listPartners } from '../../src/lib/server/network/index.ts';
import { todayInBelgium } from '../../src/lib/server/core/time.ts';
import { authUser } from '../../src/lib/server/auth/schema.ts';
import { eq } from 'drizzle-orm';
import { getCall, listCalls } from '../../src/lib/server/funding/index.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';

const { db } = await freshDatabase();

describe('the demo seed', () => {
	it('runs once, with mutual aid a facilitator can work with', async () => {
		expect(await seedDemo(db)).toBe(true);
		expect(await seedDemo(db)).toBe(false);
		// Every volunteer's counted places match their accepted links, within capacity.
		const drift = await db.execute(sql`
			select o.id from aid_offer o
			where o.active_links <> (select count(*) from aid_link l where l.offer_id = o.id and l.status in ('accepted','took_place'))`);
		expect(drift.rows).toEqual([]);
		const [user] = await db.select().from(authUser).where(eq(authUser.email, 'facilitator@example.org'));
		const actor = (await loadActor(db, user!.id))!;
		const queue = (await listNeeds({ db, actor })).items;
		expect(queue.length).toBeGreaterThanOrEqual(3);
		const withCandidates = await Promise.all(queue.map((n) => suggestMatches({ db, actor }, { needId: n.id })));
		expect(withCandidates.some((s) => s.candidates.length > 0)).toBe(true);
		// A need on a specific day (a move) meets a volunteer free that day, and the reason says so.
		const moving = queue.find((n) => n.dates.length > 0);
		expect(moving, 'a demo need with a date').toBeTruthy();
		const forMoving = withCandidates.find((s) => s.needId === moving!.id)!;
		expect(forMoving.candidates[0]?.reasons.map((r) => r.code)).toContain('date');
		// Enough links in the last year that the coordinator's figures are not all suppressed.
		const made = await db.execute<{ n: number }>(sql`select count(*)::int as n from aid_link where took_place_at > now() - interval '365 days'`);
		expect(made.rows[0]!.n).toBeGreaterThanOrEqual(5);
	});

	it('gives the coordinator real figures over the default period: every figure shown, a bar in every month and most categories', async () => {
		const [user] = await db.select().from(authUser).where(eq(authUser.email, 'coordinator@example.org'));
		const actor = (await loadActor(db, user!.id))!;
		const reach = await getMutualAidReach({ db, actor }, { areaId: null, ...lastTwelveMonths(todayInBelgium()) });
		const hidden = Object.entries(reach.figures).filter(([, c]) => c.suppressed || !c.value);
		expect(hidden, 'figures hidden or zero').toEqual([]);
		expect(reach.monthly).toHaveLength(12);
		for (const month of reach.monthly) {
			expect(month.made.value, `made in ${month.month}`).toBeGreaterThanOrEqual(5);
			expect(month.completed.value, `completed in ${month.month}`).toBeGreaterThanOrEqual(5);
		}
		const withBars = reach.byCategory.filter((c) => (c.made.value ?? 0) >= 5);
		expect(withBars.length).toBeGreaterThanOrEqual(10);
		expect(reach.byCategory.filter((c) => c.made.suppressed || c.completed.suppressed)).toEqual([]);
	});

	it('has the web a community worker knows: households, twenty partners, ties with bridges and isolated people', async () => {
		const [user] = await db.select().from(authUser).where(eq(authUser.email, 'facilitator@example.org'));
		const ctx = { db, actor: (await loadActor(db, user!.id))! };
		expect((await listPartners(ctx)).length).toBe(20);
		const families = await db.execute(sql`
			select h.id from people_household h join people_household_member m on m.household_id = h.id and m.left_on is null
			group by h.id having count(*) filter (where m.role = 'child') = 2`);
		expect(families.rows.length).toBeGreaterThanOrEqual(1);
		const ties = await db.execute(sql`select count(*)::int as n from network_relationship`);
		expect((ties.rows[0] as { n: number }).n).toBeGreaterThanOrEqual(20);
		// Isolated people (no tie, no household) and partners with ties into both neighbourhoods (bridges).
		const isolated = await db.execute(sql`
			select p.id from people_person p where p.user_id is null
			and not exists (select 1 from network_relationship r where r.from_key = 'person:' || p.id or r.to_key = 'person:' || p.id)
			and not exists (select 1 from people_household_member m where m.person_id = p.id)`);
		expect(isolated.rows.length).toBeGreaterThanOrEqual(2);
		const bridges = await db.execute(sql`
			select r.to_key from network_relationship r where r.to_kind = 'partner' group by r.to_key having count(distinct r.area_id) > 1`);
		expect(bridges.rows.length).toBeGreaterThanOrEqual(2);
	});

	it('has a year of fieldwork: about 60 home visits, street work near 30 hours a week, questions, referrals with consent, signals with evidence', async () => {
		const one = async (query: ReturnType<typeof sql>) => (await db.execute(query)).rows[0] as Record<string, number>;
		const byType = await db.execute<{ email: string; type: string; n: number }>(sql`
			select u.email, c.type, count(*)::int as n from fieldwork_contact c join auth_user u on u.id = c.recorded_by_user_id group by 1, 2`);
		const count = (email: string, type: string) => byType.rows.find((r) => r.email === email && r.type === type)?.n ?? 0;
		expect(count('facilitator@example.org', 'home_visit')).toBeGreaterThanOrEqual(45);
		expect(count('facilitator@example.org', 'home_visit')).toBeLessThanOrEqual(75);
		for (const type of ['office_hours', 'phone', 'group']) expect(count('facilitator@example.org', type), type).toBeGreaterThanOrEqual(30);
		expect(count('outreach@example.org', 'street')).toBeGreaterThanOrEqual(500);
		// Every contact has its recorder row and at least one person or an anonymous count; nothing in the future.
		const shape = await one(sql`
			select count(*) filter (where not exists (select 1 from fieldwork_contact_party p where p.contact_id = c.id and p.role = 'recorder' and p.user_id = c.recorded_by_user_id))::int as no_recorder,
				count(*) filter (where c.anonymous_count = 0 and not exists (select 1 from fieldwork_contact_party p where p.contact_id = c.id and p.role = 'with'))::int as nobody,
				count(*) filter (where c.started_at > now())::int as future,
				count(*) filter (where c.type = 'street' and (c.anonymous_count not between 2 and 8 or c.anonymous_age_from < 12 or c.anonymous_age_to > 25))::int as odd_street,
				count(*) filter (where c.note_shareable)::int as shareable
			from fieldwork_contact c`);
		expect(shape).toMatchObject({ no_recorder: 0, nobody: 0, future: 0, odd_street: 0 });
		expect(shape.shareable).toBeGreaterThanOrEqual(5);
		// The outreach worker's full weeks (Belgian ISO weeks before this one): 25–32 h in most, 30 h on average over those.
		const weeks = await db.execute<{ hours: number }>(sql`
			with w as (
				select date_trunc('week', c.started_at at time zone 'Europe/Brussels') as week, sum(c.duration_minutes) / 60.0 as hours
				from fieldwork_contact c join auth_user u on u.id = c.recorded_by_user_id
				where u.email = 'outreach@example.org' and c.type not in ('phone', 'online')
				group by 1)
			select s.week, coalesce(w.hours, 0)::float8 as hours
			from generate_series(date_trunc('week', now() at time zone 'Europe/Brussels') - interval '52 weeks',
				date_trunc('week', now() at time zone 'Europe/Brussels') - interval '1 week', interval '1 week') s(week)
			left join w on w.week = s.week`);
		expect(weeks.rows).toHaveLength(52);
		const near = weeks.rows.filter((w) => w.hours >= 25 && w.hours <= 32);
		expect(near.length, 'weeks with 25–32 h').toBeGreaterThanOrEqual(44);
		const mean = near.reduce((a, w) => a + w.hours, 0) / near.length;
		expect(mean).toBeGreaterThan(27.5);
		expect(mean).toBeLessThan(30.5);
		const target = await one(
			sql`select w.weekly_target_hours as h from fieldwork_worker w join auth_user u on u.id = w.user_id where u.email = 'outreach@example.org'`
		);
		expect(target.h).toBe(30);
		// Questions on about a quarter of the home visits, in several statuses, each with its history from 'open'.
		const q = await one(sql`
			select count(*)::int as n, count(distinct status)::int as statuses,
				count(*) filter (where owner_user_id is null or due_on is null)::int as unowned,
				count(*) filter (where not exists (select 1 from fieldwork_question_event e where e.question_id = q.id and e.from_status is null and e.to_status = 'open'))::int as no_history,
				count(*) filter (where status <> (select e.to_status from fieldwork_question_event e where e.question_id = q.id order by e.at desc limit 1))::int as drift
			from fieldwork_question q`);
		expect(q.n).toBeGreaterThanOrEqual(12);
		expect(q.statuses).toBeGreaterThanOrEqual(4);
		expect(q).toMatchObject({ unowned: 0, no_history: 0, drift: 0 });
		// Referrals: a spread of outcomes; each either with the person's consent to share with that partner, or an override reason.
		const r = await one(sql`
			select count(*)::int as n, count(distinct status)::int as statuses,
				count(*) filter (where override_reason is not null)::int as overridden,
				count(*) filter (where override_reason is null and not exists (
					select 1 from people_consent pc join people_purpose pp on pp.id = pc.purpose_id
					where pc.person_id = r.person_id and pp.code = 'share_partner' and pp.partner_id = r.partner_id and pc.given))::int as without_consent,
				count(*) filter (where status <> (select e.to_status from fieldwork_referral_event e where e.referral_id = r.id order by e.at desc limit 1)
					or not exists (select 1 from fieldwork_referral_event e where e.referral_id = r.id and e.from_status is null and e.to_status = 'referred'))::int as drift
			from fieldwork_referral r`);
		expect(r.n).toBeGreaterThanOrEqual(12);
		expect(r.statuses).toBeGreaterThanOrEqual(4);
		expect(r.overridden).toBeGreaterThanOrEqual(1);
		expect(r.overridden).toBeLessThanOrEqual(3);
		expect(r.without_consent).toBe(0);
		expect(r.drift).toBe(0);
		// 6–10 signals in at least four statuses, each with evidence; the OCMW one among them.
		const s = await db.execute<{ title: string; status: string; evidence: number }>(sql`
			select s.title, s.status, (select count(*)::int from fieldwork_signal_evidence e where e.signal_id = s.id) as evidence from fieldwork_signal s`);
		expect(s.rows.length).toBeGreaterThanOrEqual(6);
		expect(s.rows.length).toBeLessThanOrEqual(10);
		expect(new Set(s.rows.map((x) => x.status)).size).toBeGreaterThanOrEqual(4);
		expect(s.rows.filter((x) => x.evidence < 2)).toEqual([]);
		expect(s.rows.map((x) => x.title)).toContain('Het OCMW maakt enkel online afspraken');
	});

	it('has a year of activities whose reach comes out of attendance rows: the grocery, the sewing workshop, the holiday offer', async () => {
		const one = async (q: ReturnType<typeof sql>) => (await db.execute<Record<string, number>>(q)).rows[0]!;
		// The grocery: about 120 distinct families (heads of household) in each whole month of the last year.
		const grocery = await db.execute<{ month: string; families: number }>(sql`
			select to_char(a.session_starts_at at time zone 'Europe/Brussels', 'YYYY-MM') as month, count(distinct m.household_id)::int as families
			from activities_attendance a
			join activities_activity act on act.id = a.activity_id and act.title = 'Sociale kruidenier'
			join people_household_member m on m.person_id = a.person_id and m.left_on is null
			where a.session_starts_at < date_trunc('month', now()) and a.session_starts_at >= date_trunc('month', now()) - interval '11 months'
			group by 1`);
		expect(grocery.rows.length).toBe(11);
		for (const m of grocery.rows) expect(m.families, m.month).toBeGreaterThanOrEqual(100);
		for (const m of grocery.rows) expect(m.families, m.month).toBeLessThanOrEqual(130);
		// The sewing workshop: about 70 participants over the year, from 11 countries, each for a stretch (in- and outflow).
		const sewing = await one(sql`
			select count(distinct a.person_id)::int as people, count(distinct p.country_of_origin)::int as countries
			from activities_attendance a join people_person p on p.id = a.person_id
			join activities_activity act on act.id = a.activity_id and act.title = 'Naaiatelier'`);
		expect(sewing.people).toBeGreaterThanOrEqual(60);
		expect(sewing.people).toBeLessThanOrEqual(70);
		expect(sewing.countries).toBe(11);
		// The holiday offer: 31 families and 70 children, everyone came at least once.
		const holiday = await one(sql`
			select count(distinct m.household_id)::int as families,
				count(distinct a.person_id) filter (where extract(year from a.session_starts_at at time zone 'Europe/Brussels') - p.birth_year < 18)::int as children
			from activities_attendance a join people_person p on p.id = a.person_id
			join people_household_member m on m.person_id = a.person_id and m.left_on is null
			join activities_activity act on act.id = a.activity_id and act.title = 'Vakantiewerking voor gezinnen'`);
		expect(holiday).toEqual({ families: 31, children: 70 });
		// Sessions to come are open and have no attendance; past ones are closed.
		const s = await one(sql`
			select count(*) filter (where starts_at > now())::int as future,
				count(*) filter (where starts_at > now() and (closed_at is not null or exists (select 1 from activities_attendance a where a.session_id = s.id)))::int as future_touched,
				count(*) filter (where starts_at < now() - interval '1 day' and closed_at is null)::int as past_open
			from activities_session s`);
		expect(s.future).toBeGreaterThanOrEqual(16);
		expect(s).toMatchObject({ future_touched: 0, past_open: 0 });
	});

	it('has the three template calls: the improvement contract open for about six weeks with its PDF, the participatory call open, one closed', async () => {
		const calls = await listCalls({ db, actor: anonymous });
		const byTemplate = (title: string) => calls.find((c) => c.title.toLowerCase().includes(title))!;
		expect(calls).toHaveLength(3);
		const contract = byTemplate('wijkverbetering');
		expect(contract.open).toBe(true);
		const weeks = (contract.closesAt.getTime() - Date.now()) / (7 * 86_400_000);
		expect(weeks).toBeGreaterThan(5);
		expect(weeks).toBeLessThan(7);
		expect(calls.filter((c) => c.open)).toHaveLength(2);
		expect(calls[2]!.open).toBe(false);
		expect(calls[2]!.closesAt.getTime()).toBeLessThan(Date.now() - 25 * 86_400_000);
		const full = await getCall({ db, actor: anonymous }, { id: contract.id });
		expect(full.documents.map((d) => d.mediaType)).toEqual(['application/pdf']);
	});

	it('has applications at every stage an applicant meets, one granted and running, each sent one passing every rule of its call when it was sent', async () => {
		const rows = await db.execute<{ status: string; title: string; submitted: boolean; versions: number; events: number }>(sql`
			select a.status, a.body->>'title' as title, a.submitted_at is not null as submitted,
				(select count(*)::int from funding_application_version v where v.application_id = a.id) as versions,
				(select count(*)::int from funding_application_event e where e.application_id = a.id) as events
			from funding_application a order by a.created_at`);
		expect(rows.rows.map((r) => r.status).sort()).toEqual(['draft', 'eligible', 'granted', 'in_review', 'ineligible', 'submitted', 'withdrawn']);
		for (const r of rows.rows) {
			expect(r.submitted).toBe(r.status !== 'draft');
			expect(r.versions).toBe(r.status === 'draft' ? 0 : 1);
			// Submitted, then each officer's or applicant's step to where it is.
			expect(r.events).toBe({ draft: 0, submitted: 1, eligible: 2, ineligible: 2, withdrawn: 2, in_review: 3, granted: 4 }[r.status]);
		}
		// The draft breaks the co-financing rule (15 % where 20 % is asked), which its check page explains.
		const draft = await db.execute<{
			body: import('../../src/lib/funding/types.ts').ApplicationBody;
			rules: import('../../src/lib/funding/types.ts').CallRules;
		}>(sql`select a.body, c.rules from funding_application a join funding_call c on c.id = a.call_id where a.status = 'draft'`);
		const { checkApplication } = await import('../../src/lib/funding/rules.ts');
		const failing = checkApplication(draft.rows[0]!.rules, draft.rows[0]!.body, { now: new Date(), applicantKind: 'association' }).filter(
			(r) => !r.pass
		);
		expect(failing.map((r) => r.rule)).toEqual(['cofinancing_min']);
	});
});
