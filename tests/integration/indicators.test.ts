import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { activity, attend, contact, household, person, session } from '../factories/indicator-rows.ts';
import { defineIndicator, getIndicatorValues, listIndicators, recordIndicatorValue } from '../../src/lib/server/indicators/index.ts';
import { indicatorsIndicator, indicatorsValue } from '../../src/lib/server/indicators/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { ForbiddenError, InvalidError, NotFoundError } from '../../src/lib/server/core/errors.ts';

// The indicators over rows written straight into the tables with known dates (2025, Belgian time), so
// each value has a known answer; the verbs are called as the pages and the API call them.

const { db } = await freshAppDatabase();
const orgA = await makeOrganisation(db);
const orgB = await makeOrganisation(db);
const rabot = await makeArea(db, 'Rabot');
const muide = await makeArea(db, 'Muide');
const inRabot = { organisationId: orgA.id, areaId: rabot.id };

const coordinator = await makeActor(db, 'coordinator', { organisationId: orgA.id });
const facilitator = await makeActor(db, 'facilitator', { organisationId: orgA.id, areaId: rabot.id });
const officerMuide = await makeActor(db, 'officer', { organisationId: orgA.id, areaId: muide.id });
const coordinatorB = await makeActor(db, 'coordinator', { organisationId: orgB.id });
const resident = await makeActor(db, 'resident', { organisationId: orgA.id, areaId: rabot.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: orgA.id, areaId: rabot.id });
const as = (a: { actor: Parameters<typeof ctxFor>[1] }) => ctxFor(db, a.actor);

const YEAR = { startsOn: '2025-01-01', endsOn: '2025-12-31' };
const base = { organisationId: orgA.id, areaId: rabot.id, target: 10, periodType: 'month' as const, ...YEAR };
const define = (over: Record<string, unknown>, who = coordinator) => defineIndicator(as(who), { ...base, name: 'Test', ...over } as never);
const values = async (id: string, who = coordinator) => (await getIndicatorValues(as(who), { id })).periods;
const indicatorCount = async () => (await db.select({ n: count() }).from(indicatorsIndicator))[0]!.n;

// Sewing workshop in Rabot: 6 people in January (one of them at three sessions), 3 in February.
const workshop = await activity(db, inRabot, { title: 'Naaiatelier', themes: ['leisure'] });
const people = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => person(db, inRabot, 1990, `P${i}`)));
const jan = await Promise.all(['2025-01-07T18:00:00Z', '2025-01-14T18:00:00Z', '2025-01-21T18:00:00Z'].map((at) => session(db, workshop, at)));
await attend(db, jan[0]!, people.slice(0, 4));
await attend(db, jan[1]!, [people[0]!, people[4]!]);
await attend(db, jan[2]!, [people[0]!, people[5]!]);
const feb = await session(db, workshop, '2025-02-04T18:00:00Z');
await attend(db, feb, people.slice(0, 3));

describe('participants per month (attendance, distinct people)', () => {
	it('counts each person once however many sessions, hides 1–4 as <5, and changes right after a new row', async () => {
		const { id } = await define({ template: 'participants_per_month', name: 'Deelnemers' });
		let v = await values(id);
		expect(v).toHaveLength(12);
		expect(v[0]).toMatchObject({ from: '2025-01-01', to: '2025-02-01', value: { value: 6, suppressed: false }, status: 'behind' });
		expect(v[1]).toMatchObject({ value: { value: null, suppressed: true }, status: 'hidden' });
		expect(v[2]).toMatchObject({ value: { value: 0, suppressed: false } });
		// Two more people in February: live data, no rebuild.
		const more = await Promise.all([7, 8].map((i) => person(db, inRabot, 1990, `P${i}`)));
		await attend(db, feb, more);
		v = await values(id);
		expect(v[1]!.value).toEqual({ value: 5, suppressed: false });
	});

	it('says what it counts in words', async () => {
		const { id } = await define({ template: 'participants_per_month' });
		const nl = await getIndicatorValues(as(coordinator), { id, locale: 'nl' });
		expect(nl.indicator.counts).toBe('verschillende deelnemers aan activiteiten, per maand');
		const en = await getIndicatorValues(as(coordinator), { id, locale: 'en' });
		expect(en.indicator.counts).toBe('distinct participants in activities, per month');
	});

	it('a whole-organisation indicator counts every neighbourhood; another organisation’s rows never', async () => {
		const other = await activity(db, { organisationId: orgB.id, areaId: rabot.id }, { title: 'Elders' });
		const s = await session(db, other, '2025-01-08T18:00:00Z');
		await attend(db, s, await Promise.all([1, 2, 3, 4, 5].map(() => person(db, { organisationId: orgB.id, areaId: rabot.id }, 1990))));
		const { id } = await define({ template: 'participants_per_month', areaId: null });
		expect((await values(id))[0]!.value.value).toBe(6);
	});
});

describe('families (households at the session’s date)', () => {
	it('a household of five counts as one family; a person without one is a family of their own; a member who joined later is not yet in it', async () => {
		const grocery = await activity(db, inRabot, { title: 'Sociale kruidenier' });
		const five = await Promise.all([1, 2, 3, 4, 5].map(() => person(db, inRabot, 1980)));
		await household(db, inRabot, five);
		const alone = await Promise.all([1, 2, 3, 4].map(() => person(db, inRabot, 1970)));
		const late = await person(db, inRabot, 1975);
		await household(db, inRabot, [late], '2025-03-01');
		const s = await session(db, grocery, '2025-01-10T09:00:00Z');
		await attend(db, s, [...five, ...alone, late]);
		const { id } = await define({ template: 'grocery_families', filters: { activityIds: [grocery.id] } });
		// 1 household + 4 alone + the late one (no household on 10 January, so one of their own) = 6.
		expect((await values(id))[0]!.value).toEqual({ value: 6, suppressed: false });
		// The chosen activities only: the workshop's people are not in it.
		const people = await define({ template: 'participants_per_month', filters: { activityIds: [grocery.id] } });
		expect((await values(people.id))[0]!.value.value).toBe(10);
	});
});

describe('hours of direct contact with young people (12–25) per week', () => {
	it('counts street contacts with a young person or an anonymous group of young people, not calls or adults, in Brussels weeks', async () => {
		const young = await person(db, inRabot, 2009); // 16 in 2025
		const adult = await person(db, inRabot, 1980);
		// The week of the spring clock change: Monday 24 March 2025 to Monday 31 March (Sunday 30 March the clocks go forward).
		await contact(db, inRabot, { type: 'street', at: '2025-03-24T15:00:00Z', minutes: 120, with: [young] });
		await contact(db, inRabot, { type: 'street', at: '2025-03-29T15:00:00Z', minutes: 90, anonymous: { count: 6, from: 16, to: 20 } });
		await contact(db, inRabot, { type: 'phone', at: '2025-03-25T10:00:00Z', minutes: 60, with: [young] });
		await contact(db, inRabot, { type: 'home_visit', at: '2025-03-26T10:00:00Z', minutes: 60, with: [adult] });
		await contact(db, inRabot, { type: 'street', at: '2025-03-27T10:00:00Z', minutes: 60, anonymous: { count: 3, from: 30, to: 40 } });
		// Sunday 30 March 23:30 Brussels (21:30 UTC, summer time) for an hour: half in this week, half in the next.
		await contact(db, inRabot, { type: 'street', at: '2025-03-30T21:30:00Z', minutes: 60, with: [young] });
		const { id } = await define({
			template: 'young_contact_hours',
			name: 'Jongeren',
			target: 30,
			startsOn: '2025-03-03',
			endsOn: '2025-04-27',
			periodType: 'week'
		});
		const v = await values(id);
		expect(v.map((p) => p.from)).toEqual([
			'2025-03-03',
			'2025-03-10',
			'2025-03-17',
			'2025-03-24',
			'2025-03-31',
			'2025-04-07',
			'2025-04-14',
			'2025-04-21'
		]);
		expect(v[3]!.value.value).toBe(4); // 2 + 1.5 + 0.5
		expect(v[4]!.value.value).toBe(0.5);
		expect(v[3]).toMatchObject({ target: 30, status: 'behind' });
		const nl = await getIndicatorValues(as(coordinator), { id, locale: 'en' });
		expect(nl.indicator.counts).toMatch(/^hours of contact, with people aged 12–25, type: Home visit, Street contact/);
	});

	it('an average per week over a month divides by the month’s days ÷ 7', async () => {
		await contact(db, inRabot, { type: 'group', at: '2025-06-10T10:00:00Z', minutes: 720 });
		await contact(db, inRabot, { type: 'group', at: '2025-06-11T10:00:00Z', minutes: 720 });
		await contact(db, inRabot, { type: 'group', at: '2025-06-12T10:00:00Z', minutes: 720 });
		await contact(db, inRabot, { type: 'group', at: '2025-06-13T10:00:00Z', minutes: 720 });
		await contact(db, inRabot, { type: 'group', at: '2025-06-14T10:00:00Z', minutes: 720 });
		// 60 hours in June (30 days): 60 ÷ (30 ÷ 7) = 14 a week.
		const { id } = await define({ metric: 'fieldwork.contacts', measure: 'hours', perWeek: true, filters: { contactTypes: ['group'] }, target: 14 });
		const june = (await values(id))[5]!;
		expect(june).toMatchObject({ from: '2025-06-01', value: { value: 14, suppressed: false }, status: 'met' });
	});
});

describe('home visits per year and training sessions per month', () => {
	it('home visits are contact events of that type', async () => {
		const p = await person(db, inRabot, 1960);
		for (const day of ['2025-02-03', '2025-05-04', '2025-09-05'])
			await contact(db, inRabot, { type: 'home_visit', at: `${day}T09:00:00Z`, minutes: 45, with: [p] });
		const { id } = await define({ template: 'home_visits_per_year', periodType: 'year', target: 60 });
		// 3 here + the one of the young-people test (26 March).
		expect((await values(id))[0]).toMatchObject({
			from: '2025-01-01',
			to: '2026-01-01',
			target: 60,
			value: { value: 4, suppressed: false },
			status: 'behind'
		});
	});

	it('a training activity is a held session of an activity with the theme work and training (not cancelled)', async () => {
		const training = await activity(db, inRabot, { title: 'Sollicitatietraining', themes: ['work_training'] });
		await session(db, training, '2025-04-02T12:00:00Z');
		await session(db, training, '2025-04-16T12:00:00Z', 120, true);
		await session(db, training, '2025-05-07T12:00:00Z');
		const { id } = await define({ template: 'training_per_month', target: 1 });
		const v = await values(id);
		expect(v.slice(3, 6).map((p) => [p.value.value, p.status])).toEqual([
			[1, 'met'],
			[1, 'met'],
			[0, 'behind']
		]);
	});
});

describe('bad input: a clear 422, nothing written', () => {
	const cases: [string, Record<string, unknown>, string, string][] = [
		[
			'a period type that does not divide the range',
			{ template: 'participants_per_month', periodType: 'quarter', endsOn: '2025-05-31' },
			'endsOn',
			'ind_error_range_periods'
		],
		['a week range not on Mondays', { template: 'young_contact_hours', periodType: 'week' }, 'endsOn', 'ind_error_range_periods'],
		['a target of −5', { template: 'participants_per_month', target: -5 }, 'target', 'ind_error_target'],
		['an unknown theme', { template: 'contacts_per_theme', filters: { themes: ['astrology'] } }, 'filters', 'ind_error_theme'],
		[
			'a filter the metric does not take',
			{ metric: 'aid.links_made', measure: 'events', filters: { ageBand: { from: 12, to: 25 } } },
			'filters',
			'ind_error_filter'
		],
		['a measure the metric does not offer', { metric: 'fieldwork.contacts', measure: 'households' }, 'measure', 'ind_error_measure'],
		['an unknown metric', { metric: 'fieldwork.dreams', measure: 'events' }, 'metric', 'ind_error_metric'],
		[
			'a range before 1900',
			{ template: 'participants_per_month', startsOn: '1899-01-01', endsOn: '1899-12-31' },
			'startsOn',
			'ind_error_range_early'
		],
		['a range over 10 years', { template: 'participants_per_month', startsOn: '2020-01-01', endsOn: '2030-01-31' }, 'endsOn', 'ind_error_range_long'],
		[
			'a programme year without its month',
			{ template: 'participants_per_month', periodType: 'programme_year', startsOn: '2025-09-01', endsOn: '2026-08-31' },
			'programmeStartMonth',
			'ind_error_programme_month'
		],
		['an unknown filter name', { template: 'participants_per_month', filters: { colour: ['red'] } }, 'filters', 'ind_error_filter']
	];
	for (const [what, input, field, message] of cases)
		it(what, async () => {
			const before = await indicatorCount();
			const e = await define(input).catch((x: unknown) => x);
			expect(e).toBeInstanceOf(InvalidError);
			expect((e as InvalidError).fields[field]).toBe(message);
			expect(await indicatorCount()).toBe(before);
		});

	it('a programme year starting in September over whole programme years is accepted', async () => {
		const { id } = await define({
			template: 'participants_per_month',
			periodType: 'programme_year',
			programmeStartMonth: 9,
			startsOn: '2024-09-01',
			endsOn: '2026-08-31'
		});
		expect((await values(id)).map((p) => p.from)).toEqual(['2024-09-01', '2025-09-01']);
	});

	it('activities of another neighbourhood or organisation cannot be chosen', async () => {
		const there = await activity(db, { organisationId: orgA.id, areaId: muide.id }, { title: 'Muide' });
		const before = await indicatorCount();
		const e = await define({ template: 'grocery_families', filters: { activityIds: [there.id] } }).catch((x: unknown) => x);
		expect((e as InvalidError).fields.filters).toBe('ind_error_activities');
		expect(await indicatorCount()).toBe(before);
	});

	it('through the API: 422 with the message in the caller’s language', async () => {
		const before = await indicatorCount();
		const res = await apiCall(
			coordinator.actor,
			{ method: 'POST', path: '/indicators', body: { ...base, name: 'X', template: 'participants_per_month', target: -5 } },
			'nl'
		);
		expect(res.status).toBe(422);
		expect(JSON.stringify(res.body)).toContain('Het doel is een getal van 0 of meer.');
		const span = await apiCall(
			coordinator.actor,
			{ path: `/indicators/${(await define({ template: 'participants_per_month' })).id}/values?from=1850-01-01` },
			'nl'
		);
		expect(span.status).toBe(422);
		expect(await indicatorCount()).toBe(before + 1);
	});
});

describe('scope: wrong role, another neighbourhood, another organisation', () => {
	it('only coordinators define; a facilitator, a resident and a volunteer are refused (403), nothing written', async () => {
		const before = await indicatorCount();
		for (const who of [facilitator, resident, volunteer])
			await expect(define({ template: 'participants_per_month' }, who)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(define({ template: 'participants_per_month', organisationId: orgA.id }, coordinatorB)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await indicatorCount()).toBe(before);
		expect((await apiCall(resident.actor, { path: '/indicators' })).status).toBe(403);
		expect((await apiCall(volunteer.actor, { path: '/indicators' })).status).toBe(403);
	});

	it('an indicator of another neighbourhood or organisation is not found (404), and not listed', async () => {
		const { id } = await define({ template: 'participants_per_month', name: 'Rabot only' });
		await expect(getIndicatorValues(as(officerMuide), { id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(getIndicatorValues(as(coordinatorB), { id })).rejects.toBeInstanceOf(NotFoundError);
		expect((await apiCall(coordinatorB.actor, { path: `/indicators/${id}/values` })).status).toBe(404);
		expect((await listIndicators(as(coordinatorB), {})).map((i) => i.id)).not.toContain(id);
		expect((await listIndicators(as(officerMuide), {})).map((i) => i.id)).not.toContain(id);
		expect((await listIndicators(as(facilitator), {})).map((i) => i.id)).toContain(id);
		expect((await getIndicatorValues(as(facilitator), { id })).periods).toHaveLength(12);
	});
});

describe('manual indicators', () => {
	it('a value per period, replaced and audited, with who entered it', async () => {
		const { id } = await define({ template: 'manual', name: 'Tevredenheid', periodType: 'quarter', target: 8 });
		expect((await values(id))[0]).toMatchObject({ status: 'pending', value: { value: null } });
		await recordIndicatorValue(as(facilitator), { id, periodStart: '2025-01-01', value: 7, note: 'Enquête' });
		await recordIndicatorValue(as(facilitator), { id, periodStart: '2025-01-01', value: 9 });
		const got = await getIndicatorValues(as(coordinator), { id });
		expect(got.periods[0]).toMatchObject({
			value: { value: 9, suppressed: false },
			status: 'met',
			entry: { value: 9, enteredBy: facilitator.user.name }
		});
		expect(got.indicator.manual).toBe(true);
		const rows = await db.select().from(indicatorsValue).where(eq(indicatorsValue.indicatorId, id));
		expect(rows).toHaveLength(1);
		const audits = await db
			.select()
			.from(coreAudit)
			.where(and(eq(coreAudit.entity, 'indicators_value'), eq(coreAudit.entityId, rows[0]!.id)));
		expect(audits.map((a) => a.action).sort()).toEqual(['create', 'update']);
		expect(audits.find((a) => a.action === 'update')!.details).toMatchObject({ previous: 7, value: 9 });
	});

	it('a value for a computed indicator, a period not of it, or −1 is refused (422) and nothing changes', async () => {
		const computed = await define({ template: 'participants_per_month' });
		const manual = await define({ template: 'manual', periodType: 'quarter' });
		const valuesBefore = (await db.select({ n: count() }).from(indicatorsValue))[0]!.n;
		const e1 = await recordIndicatorValue(as(coordinator), { id: computed.id, periodStart: '2025-01-01', value: 3 }).catch((x: unknown) => x);
		expect((e1 as InvalidError).fields.value).toBe('ind_error_computed');
		const e2 = await recordIndicatorValue(as(coordinator), { id: manual.id, periodStart: '2025-02-01', value: 3 }).catch((x: unknown) => x);
		expect((e2 as InvalidError).fields.periodStart).toBe('ind_error_period');
		const e3 = await recordIndicatorValue(as(coordinator), { id: manual.id, periodStart: '2025-01-01', value: -1 }).catch((x: unknown) => x);
		expect((e3 as InvalidError).fields.value).toBe('ind_error_value');
		const res = await apiCall(
			coordinator.actor,
			{ method: 'POST', path: `/indicators/${computed.id}/values`, body: { periodStart: '2025-01-01', value: 3 } },
			'nl'
		);
		expect(res.status).toBe(422);
		expect(JSON.stringify(res.body)).toContain('wordt berekend uit de gegevens');
		expect((await db.select({ n: count() }).from(indicatorsValue))[0]!.n).toBe(valuesBefore);
	});

	it('an officer (reads, does not record) gets 403; another neighbourhood or organisation 404', async () => {
		const { id } = await define({ template: 'manual', periodType: 'quarter' });
		const inMuide = await makeActor(db, 'facilitator', { organisationId: orgA.id, areaId: muide.id });
		const officerRabot = await makeActor(db, 'officer', { organisationId: orgA.id, areaId: rabot.id });
		const facilitatorB = await makeActor(db, 'facilitator', { organisationId: orgB.id });
		const input = { id, periodStart: '2025-01-01', value: 3 };
		await expect(recordIndicatorValue(as(officerRabot), input)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(recordIndicatorValue(as(inMuide), input)).rejects.toBeInstanceOf(NotFoundError);
		await expect(recordIndicatorValue(as(facilitatorB), input)).rejects.toBeInstanceOf(NotFoundError);
		expect((await db.select().from(indicatorsValue).where(eq(indicatorsValue.indicatorId, id))).length).toBe(0);
	});
});
