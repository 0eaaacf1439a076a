import { describe, expect, it } from 'vitest';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { getFieldworkFigures, type FieldworkFigures } from '../../src/lib/server/fieldwork/index.ts';
import { fieldworkContact, fieldworkContactParty, fieldworkQuestion, fieldworkReferral } from '../../src/lib/server/fieldwork/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import { networkPartner } from '../../src/lib/server/network/schema.ts';
import { ForbiddenError, InvalidError, NotFoundError, UnauthenticatedError } from '../../src/lib/server/core/errors.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';
import type { Theme } from '../../src/lib/themes.ts';

// Contacts, questions and referrals are inserted directly with chosen dates, so every cell has a known
// answer. The period is 2025 in Belgian time.

const { db } = await freshAppDatabase();
const orgA = await makeOrganisation(db);
const orgB = await makeOrganisation(db);
const area1 = await makeArea(db, 'Aaa wijk');
const area2 = await makeArea(db, 'Bbb wijk');

const coordinator = await makeActor(db, 'coordinator', { organisationId: orgA.id });
const officer2 = await makeActor(db, 'officer', { organisationId: orgA.id, areaId: area2.id });
const coordinatorB = await makeActor(db, 'coordinator', { organisationId: orgB.id });
const admin = await makeActor(db, 'admin', { organisationId: orgA.id });
// Five workers of A who make the home visits (two each).
const workers = await Promise.all([1, 2, 3, 4, 5].map(() => makeActor(db, 'facilitator', { organisationId: orgA.id })));

let seq = 0;
type Facts = {
	org?: string;
	area?: string | null;
	type: (typeof fieldworkContact.$inferInsert)['type'];
	at: string;
	minutes: number;
	themes: Theme[];
	anonymous?: number;
	withPerson?: boolean;
	recorder?: string;
};
async function contacts(n: number, f: Facts) {
	const ids: string[] = [];
	for (let i = 0; i < n; i++) {
		const organisationId = f.org ?? orgA.id;
		const [c] = await db
			.insert(fieldworkContact)
			.values({
				organisationId,
				areaId: f.area === undefined ? area1.id : f.area,
				type: f.type,
				startedAt: new Date(f.at),
				durationMinutes: f.minutes,
				themes: f.themes,
				anonymousCount: f.anonymous ?? 0,
				recordedByUserId: f.recorder ?? workers[i % 5]!.user.id
			})
			.returning();
		if (f.withPerson) {
			const [p] = await db
				.insert(peoplePerson)
				.values({ firstName: `P${++seq}`, organisationId })
				.returning();
			await db.insert(fieldworkContactParty).values({ contactId: c!.id, role: 'with', personId: p!.id });
		}
		ids.push(c!.id);
	}
	return ids;
}

// A, area 1 and 2, in 2025 (Belgian time):
const homeVisits = await contacts(10, {
	type: 'home_visit',
	at: '2025-03-12T09:00:00Z',
	minutes: 60,
	themes: ['housing', 'income'],
	withPerson: true
});
await contacts(7, { type: 'street', area: area2.id, at: '2025-05-10T15:00:00Z', minutes: 30, themes: ['leisure'], anonymous: 3 });
await contacts(2, { type: 'phone', at: '2025-06-02T08:00:00Z', minutes: 15, themes: ['health'] });
// 31 March 22:30 UTC is 1 April 00:30 in Brussels (summer time since 30 March): April, not March.
await contacts(5, { type: 'office_hours', at: '2025-03-31T22:30:00Z', minutes: 60, themes: ['administration'] });
// 31 December 2024 23:30 UTC is 1 January 2025 00:30 in Brussels (winter time): in the period.
await contacts(5, { type: 'group', at: '2024-12-31T23:30:00Z', minutes: 120, themes: ['language'] });
// 31 October 23:30 UTC is 1 November 00:30 in Brussels (winter time since 26 October): November.
await contacts(5, { type: 'online', at: '2025-10-31T23:30:00Z', minutes: 90, themes: ['services'] });
// Outside the period: 31 December 2024 22:30 UTC is 23:30 in Brussels.
await contacts(3, { type: 'group', at: '2024-12-31T22:30:00Z', minutes: 60, themes: ['language'] });
// Another organisation, same neighbourhood and month: never in A's figures.
await contacts(20, { org: orgB.id, type: 'home_visit', at: '2025-03-12T09:00:00Z', minutes: 45, themes: ['health'], recorder: coordinatorB.user.id });

// Questions (A, area 1): 6 open, 5 answered, 1 dropped; one of another organisation.
async function questions(n: number, status: (typeof fieldworkQuestion.$inferInsert)['status'], org = orgA.id) {
	for (let i = 0; i < n; i++)
		await db.insert(fieldworkQuestion).values({
			organisationId: org,
			areaId: area1.id,
			contactId: org === orgA.id ? homeVisits[i % 10]! : null,
			title: 'Energy bill',
			theme: 'housing',
			status,
			createdAt: new Date('2025-04-01T10:00:00Z')
		});
}
await questions(6, 'open');
await questions(5, 'answered');
await questions(1, 'dropped');
await questions(7, 'open', orgB.id);

// Referrals (A, area 1): 8 referred to the welfare office (2 with a consent override), 5 helped by the school.
const [welfare] = await db
	.insert(networkPartner)
	.values({ organisationId: orgA.id, name: 'OCMW Gent', kind: 'welfare', themes: ['income'] })
	.returning();
const [school] = await db
	.insert(networkPartner)
	.values({ organisationId: orgA.id, name: 'Basisschool De Boom', kind: 'school', themes: ['education'] })
	.returning();
const [someone] = await db.insert(peoplePerson).values({ firstName: 'R', organisationId: orgA.id }).returning();
async function referrals(n: number, partnerId: string, status: (typeof fieldworkReferral.$inferInsert)['status'], overrides = 0) {
	for (let i = 0; i < n; i++)
		await db.insert(fieldworkReferral).values({
			organisationId: orgA.id,
			areaId: area1.id,
			personId: someone!.id,
			partnerId,
			status,
			shared: { firstName: 'R' },
			overrideReason: i < overrides ? 'Urgent: no way to ask' : null,
			overrideByUserId: i < overrides ? coordinator.user.id : null,
			createdAt: new Date('2025-05-01T10:00:00Z')
		});
}
await referrals(8, welfare!.id, 'referred', 2);
await referrals(5, school!.id, 'helped');

const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const v = (f: { value: number | null; suppressed: boolean }) => (f.suppressed ? '<5' : f.value);
const rowsOf = <R extends { contacts: { value: number | null; suppressed: boolean } }>(rows: R[], key: keyof R) =>
	Object.fromEntries(rows.filter((r) => r.contacts.value !== 0).map((r) => [String(r[key]), v(r.contacts)]));

describe('fieldwork figures: known rows in, known cells out', async () => {
	const f = await getFieldworkFigures(ctxFor(db, coordinator.actor), YEAR);

	it('counts contacts, hours, people reached and anonymous people of the organisation only', () => {
		expect(f.period).toEqual(YEAR);
		// 10 + 7 + 2 + 5 + 5 + 5 contacts; 600 + 210 + 30 + 300 + 600 + 450 minutes = 36.5 h.
		expect(v(f.totals.contacts)).toBe(34);
		expect(v(f.totals.hours)).toBe(37);
		expect(v(f.totals.knownPeople)).toBe(10);
		expect(v(f.totals.anonymousPeople)).toBe(21);
		expect(v(f.totals.homeVisits)).toBe(10);
	});

	it('hides groups of 1 to 4, and a second cell where one hidden cell could be worked out', () => {
		// phone 2 is hidden; office hours (the first smallest other) too, so the total does not give it back.
		expect(rowsOf(f.byType, 'type')).toEqual({ home_visit: 10, street: 7, office_hours: '<5', phone: '<5', group: 5, online: 5 });
		expect(f.byType.find((r) => r.type === 'phone')!.hours).toEqual({ value: null, suppressed: true });
		expect(v(f.byType.find((r) => r.type === 'home_visit')!.hours)).toBe(10);
		// A contact with two themes counts in both.
		expect(rowsOf(f.byTheme, 'theme')).toEqual({ services: '<5', leisure: 7, income: 10, housing: 10, health: '<5', language: 5, administration: 5 });
		expect(f.byArea.map((r) => [r.name, v(r.contacts), v(r.hours)])).toEqual([
			['Aaa wijk', 27, 33],
			['Bbb wijk', 7, 4]
		]);
	});

	it('groups contacts and their hours in Brussels months, across the clock changes', () => {
		expect(f.byMonth).toHaveLength(12);
		const m = Object.fromEntries(f.byMonth.map((r) => [r.month, [v(r.contacts), v(r.hours)]]));
		expect(m['2025-01']).toEqual(['<5', '<5']); // 5 at 00:30 on 1 January, hidden with June's 2
		expect(m['2025-03']).toEqual([10, 10]);
		expect(m['2025-04']).toEqual([5, 5]);
		expect(m['2025-05']).toEqual([7, 4]);
		expect(m['2025-06']).toEqual(['<5', '<5']);
		expect(m['2025-10']).toEqual([0, 0]);
		expect(m['2025-11']).toEqual([5, 8]);
	});

	it('gives home visits per year against the target as an average over five or more workers', () => {
		expect(f.homeVisits.target).toBe(60);
		expect(f.homeVisits.years).toEqual([
			{
				year: '2025',
				months: 12,
				target: 60,
				total: { value: 10, suppressed: false },
				workers: { value: 5, suppressed: false },
				perWorker: { value: 2, suppressed: false }
			}
		]);
	});

	it('counts questions by status and referrals by status, by partner and with a consent override', () => {
		expect(f.questions.byStatus.map((r) => [r.status, v(r.count)])).toEqual([
			['open', 6],
			['in_progress', 0],
			['answered', '<5'],
			['referred', 0],
			['dropped', '<5']
		]);
		expect(v(f.questions.total)).toBe(12);
		expect(f.referrals.byStatus.filter((r) => r.count.value !== 0).map((r) => [r.status, v(r.count)])).toEqual([
			['referred', 8],
			['helped', 5]
		]);
		expect(f.referrals.byPartner.map((r) => [r.name, v(r.count)])).toEqual([
			['Basisschool De Boom', 5],
			['OCMW Gent', 8]
		]);
		expect(v(f.referrals.total)).toBe(13);
		expect(v(f.referrals.overrides)).toBe('<5');
	});
});

describe('fieldwork figures: scope', () => {
	it('another organisation counts only its own rows', async () => {
		const f = await getFieldworkFigures(ctxFor(db, coordinatorB.actor), YEAR);
		expect(v(f.totals.contacts)).toBe(20);
		expect(v(f.totals.homeVisits)).toBe(20);
		// One worker made all 20: no average over fewer than five workers.
		expect(f.homeVisits.years[0]!.perWorker.suppressed).toBe(true);
		expect(f.homeVisits.years[0]!.workers.suppressed).toBe(true);
		expect(v(f.questions.total)).toBe(7);
		expect(v(f.referrals.total)).toBe(0);
	});

	it('an officer bound to a neighbourhood sees only that neighbourhood, and another one is not found', async () => {
		const f = await getFieldworkFigures(ctxFor(db, officer2.actor), YEAR);
		expect(v(f.totals.contacts)).toBe(7);
		expect(v(f.totals.anonymousPeople)).toBe(21);
		expect(f.byArea.map((r) => r.name)).toEqual(['Bbb wijk']);
		expect(v(f.questions.total)).toBe(0);
		await expect(getFieldworkFigures(ctxFor(db, officer2.actor), { ...YEAR, areaId: area1.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(getFieldworkFigures(ctxFor(db, officer2.actor), { ...YEAR, areaId: crypto.randomUUID() })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('refuses facilitators, outreach workers, volunteers, residents and nobody', async () => {
		for (const role of ['facilitator', 'outreach', 'volunteer', 'resident'] as const) {
			const a = await makeActor(db, role, { organisationId: orgA.id });
			await expect(getFieldworkFigures(ctxFor(db, a.actor), YEAR), role).rejects.toBeInstanceOf(ForbiddenError);
		}
		await expect(getFieldworkFigures(ctxFor(db, anonymous), YEAR)).rejects.toBeInstanceOf(UnauthenticatedError);
	});

	it('an admin sees every organisation', async () => {
		const f = await getFieldworkFigures(ctxFor(db, admin.actor), YEAR);
		expect(v(f.totals.contacts)).toBe(54);
	});
});

describe('fieldwork figures: filters and bad input', () => {
	it('filters by neighbourhood, theme and type', async () => {
		const ctx = ctxFor(db, coordinator.actor);
		const byArea = await getFieldworkFigures(ctx, { ...YEAR, areaId: area1.id });
		expect(v(byArea.totals.contacts)).toBe(27);
		const street = await getFieldworkFigures(ctx, { ...YEAR, type: 'street' });
		expect(v(street.totals.contacts)).toBe(7);
		expect(v(street.questions.total)).toBe(0); // no question was raised on a street contact
		const housing = await getFieldworkFigures(ctx, { ...YEAR, theme: 'housing' });
		expect(v(housing.totals.contacts)).toBe(10);
		expect(v(housing.questions.total)).toBe(12);
		const health = await getFieldworkFigures(ctx, { ...YEAR, theme: 'health' });
		expect(health.totals.contacts).toEqual({ value: null, suppressed: true });
		expect(health.totals.hours).toEqual({ value: null, suppressed: true });
	});

	it('takes whole months, and the last 12 months without dates', async () => {
		const ctx = ctxFor(db, coordinator.actor);
		const f = await getFieldworkFigures(ctx, { from: '2025-03-15', to: '2025-04-02' });
		expect(f.period).toEqual({ from: '2025-03-01', to: '2025-04-30' });
		expect(v(f.totals.contacts)).toBe(15);
		expect(f.homeVisits.years).toEqual([expect.objectContaining({ year: '2025', months: 2, target: 10 })]);
		const d = await getFieldworkFigures(ctx, {});
		expect(d.byMonth).toHaveLength(12);
	});

	it('refuses bad input with the field and its message', async () => {
		const ctx = ctxFor(db, coordinator.actor);
		const bad = async (input: Record<string, unknown>) => {
			try {
				await getFieldworkFigures(ctx, input as never);
			} catch (e) {
				expect(e).toBeInstanceOf(InvalidError);
				return (e as InvalidError).fields;
			}
			throw new Error('accepted');
		};
		expect(await bad({ from: '2025-06-01', to: '2025-01-01' })).toEqual({ to: 'fw_figures_error_order' });
		expect(await bad({ from: '2015-01-01', to: '2025-01-01' })).toEqual({ to: 'fw_figures_error_span' });
		expect(await bad({ from: '2025-02-30', to: '2025-03-01' })).toEqual({ from: 'fw_figures_error_date' });
		expect(await bad({ ...YEAR, theme: 'nonsense' })).toEqual({ theme: 'error_choice' });
		expect(await bad({ ...YEAR, type: 'visit' })).toEqual({ type: 'error_choice' });
		expect(await bad({ ...YEAR, areaId: 'rabot' })).toEqual({ areaId: 'error_choice' });
	});
});

describe('fieldwork figures through the API', () => {
	it("answers exactly the verb's figures", async () => {
		const direct: FieldworkFigures = await getFieldworkFigures(ctxFor(db, coordinator.actor), { ...YEAR, areaId: area1.id });
		const res = await apiCall(coordinator.actor, { path: `/fieldwork/figures?from=2025-01-01&to=2025-12-31&areaId=${area1.id}` });
		expect(res.status).toBe(200);
		expect(res.body).toEqual(JSON.parse(JSON.stringify(direct)));
	});

	it('refuses the wrong role (403), another neighbourhood (404) and bad input (422 in the caller’s language)', async () => {
		const facilitator = workers[0]!;
		expect((await apiCall(facilitator.actor, { path: '/fieldwork/figures' })).status).toBe(403);
		expect((await apiCall(officer2.actor, { path: `/fieldwork/figures?areaId=${area1.id}` })).status).toBe(404);
		const res = await apiCall(coordinator.actor, { path: '/fieldwork/figures?from=2025-06-01&to=2025-01-01' }, 'nl');
		expect(res.status).toBe(422);
		expect(JSON.stringify(res.body)).toMatch(/to/);
	});
});
