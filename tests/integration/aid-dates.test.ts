import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { formPost, outcome } from '../factories/page.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import {
	createNeed,
	createNeedInput,
	createOffer,
	createOfferInput,
	createOfficeHour,
	getNeed,
	listNeeds,
	proposeLink,
	suggestMatches,
	walkIn,
	weekdayOf
} from '../../src/lib/server/aid/index.ts';
import { addDays, todayInBelgium } from '../../src/lib/server/core/time.ts';
import { aidLink, aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { ForbiddenError, InvalidError } from '../../src/lib/server/core/errors.ts';
import { reasonText } from '../../src/lib/aid/reasons.ts';

// Specific days on needs and offers ("when: weekly windows and/or dates"): stored, shown in the queue,
// matched to a volunteer free on that weekday with a readable reason, through the verbs, the resident's
// question pages and the walk-in form of the office-hour mode.

const { db } = await freshAppDatabase();

const org = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const tuesdayVolunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const wednesdayVolunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const as = (a: { actor: Parameters<typeof ctxFor>[1] }) => ctxFor(db, a.actor);

const today = todayInBelgium();
/** The first day of the given weekday (0 = Monday) at least a week from today. */
const next = (weekday: number) => {
	const from = addDays(today, 7);
	return addDays(from, (weekday - weekdayOf(from) + 7) % 7);
};
const movingDay = next(1); // a Tuesday

const totals = async () => ({
	needs: ((await db.select({ n: count() }).from(aidNeed)) as [{ n: number }])[0].n,
	offers: ((await db.select({ n: count() }).from(aidOffer)) as [{ n: number }])[0].n,
	audit: ((await db.select({ n: count() }).from(coreAudit)) as [{ n: number }])[0].n
});

const tuesdayOffer = await createOffer(
	as(tuesdayVolunteer),
	createOfferInput.parse({
		personId: tuesdayVolunteer.person.id,
		category: 'moving',
		title: 'Dozen dragen',
		areaId: area.id,
		windows: [{ day: 1, start: 540, end: 720 }],
		capacity: 2
	})
);
const wednesdayOffer = await createOffer(
	as(wednesdayVolunteer),
	createOfferInput.parse({
		personId: wednesdayVolunteer.person.id,
		category: 'moving',
		title: 'Verhuizen op woensdag',
		areaId: area.id,
		windows: [{ day: 2, start: 540, end: 720 }],
		capacity: 2
	})
);

describe('a need on a specific day', () => {
	it('is stored with its day, listed in the queue, and suggested to the volunteer free that weekday with a "date" reason', async () => {
		const need = await createNeed(
			as(facilitator),
			createNeedInput.parse({
				personId: resident.person.id,
				category: 'moving',
				title: 'Verhuis naar de Rabotstraat',
				areaId: area.id,
				dates: [{ date: movingDay, start: '600', end: '780' }]
			})
		);
		expect(need.dates).toEqual([{ date: movingDay, start: 600, end: 780 }]);
		expect(need.windows).toEqual([]);
		expect((await getNeed(as(facilitator), { id: need.id })).dates).toEqual(need.dates);
		expect((await listNeeds(as(facilitator))).items.find((n) => n.id === need.id)?.dates).toEqual(need.dates);

		const { candidates } = await suggestMatches(as(facilitator), { needId: need.id });
		expect(candidates.map((c) => c.offerId)).toEqual([tuesdayOffer.id, wednesdayOffer.id]);
		const [best, other] = candidates;
		expect(best!.reasons).toContainEqual({ code: 'date', points: 20, date: movingDay, start: 600, end: 720 });
		expect(other!.reasons.map((r) => r.code)).not.toContain('date');
		expect(other!.reasons.map((r) => r.code)).not.toContain('time');
		const words = reasonText(
			best!.reasons.find((r) => r.code === 'date')!,
			'nl'
		);
		expect(words).toMatch(/^vrij op dinsdag \d{1,2} \w+,? 10:00\s?[–-]\s?12:00$/);

		// The reason goes with the proposed link too.
		const link = await proposeLink(as(facilitator), { needId: need.id, offerId: tuesdayOffer.id });
		const [row] = await db.select().from(aidLink).where(eq(aidLink.id, link.id));
		expect(row!.reasons).toContainEqual({ code: 'date', points: 20, date: movingDay, start: 600, end: 720 });
	});

	it('matches an offer free on that very day, and ignores days that have passed', async () => {
		const dayOffer = await createOffer(
			as(wednesdayVolunteer),
			createOfferInput.parse({
				personId: wednesdayVolunteer.person.id,
				category: 'paperwork',
				title: 'Formulieren op zaterdag',
				areaId: area.id,
				dates: [{ date: next(5) }],
				capacity: 1
			})
		);
		expect(dayOffer.dates).toEqual([{ date: next(5) }]);
		const need = await createNeed(
			as(facilitator),
			createNeedInput.parse({
				personId: resident.person.id,
				category: 'paperwork',
				title: 'Brief van de huisbaas',
				areaId: area.id,
				dates: [{ date: next(5) }]
			})
		);
		const reasons = async () =>
			(await suggestMatches(as(facilitator), { needId: need.id })).candidates.find((c) => c.offerId === dayOffer.id)!.reasons;
		expect(await reasons()).toContainEqual({ code: 'date', points: 20, date: next(5) });
		// Stored days that have since passed (as they will) count for nothing.
		const past = addDays(next(5), -14); // a Saturday 1 to 7 days ago
		await db
			.update(aidNeed)
			.set({ dates: [{ date: past }] })
			.where(eq(aidNeed.id, need.id));
		await db
			.update(aidOffer)
			.set({ dates: [{ date: past }] })
			.where(eq(aidOffer.id, dayOffer.id));
		expect((await reasons()).map((r) => r.code)).not.toContain('date');
	});

	it('refuses a need with bad days before anything is written', async () => {
		const before = await totals();
		for (const dates of [[{ date: addDays(today, -1) }], [{ date: addDays(today, 400) }], [{ date: movingDay, start: 720, end: 600 }], 'soon']) {
			const parsed = createNeedInput.safeParse({ personId: resident.person.id, category: 'moving', title: 'Verhuis', areaId: area.id, dates });
			expect(parsed.success, JSON.stringify(dates)).toBe(false);
		}
		expect(await totals()).toEqual(before);
	});
});

/** The step's answer action: `save` where the page has named actions ("Where?"), else the default. */
const submit = (actions: object) => {
	const a = actions as Record<string, ((event: never) => unknown) | undefined>;
	return (a.save ?? a.default)!;
};

describe('the resident’s question pages with a specific day', () => {
	const when = () => import('../../src/routes/(resident)/help/[kind]/when/+page.server.ts');
	const post = (who: { actor: unknown }, path: string, fields: Array<[string, string]>) => formPost(path, who, fields, { params: { kind: 'need' } });
	type Reply = { status: number; location?: string; data: { errors: Record<string, string>; values: Record<string, string> } };
	const answer = async (who: { actor: unknown }, fields: Array<[string, string]>) =>
		(await outcome((await when()).actions.default!(post(who, '/help/need/when', fields)))) as Reply;
	const steps = async (page: string, fields: Array<[string, string]>) => {
		const route =
			page === ''
				? await import('../../src/routes/(resident)/help/[kind]/+page.server.ts')
				: page === 'where'
					? await import('../../src/routes/(resident)/help/[kind]/where/+page.server.ts')
					: await import('../../src/routes/(resident)/help/[kind]/more/+page.server.ts');
		return (await outcome(submit(route.actions)(post(resident, `/help/need/${page}`, fields)))) as Reply;
	};

	it('saves the day chosen under “on one particular day”', async () => {
		expect((await steps('', [['category', 'moving']])).status).toBe(303);
		const res = await answer(resident, [
			['when', 'day'],
			['d0_date', movingDay]
		]);
		expect([res.status, res.location]).toEqual([303, '/help/need/where']);
		await steps('where', [['areaId', area.id]]);
		await steps('more', [['title', 'Kasten verhuizen']]);
		const check = await import('../../src/routes/(resident)/help/[kind]/check/+page.server.ts');
		const page = (await check.load(post(resident, '/help/need/check', []) as never)) as { draftId: string };
		const sent = (await outcome(check.actions.send!(post(resident, '/help/need/check', [['draft', page.draftId]])))) as Reply;
		expect(sent.location).toMatch(/^\/help\/need\/done\//);
		const [row] = await db.select().from(aidNeed).where(eq(aidNeed.title, 'Kasten verhuizen'));
		expect(row!.dates).toEqual([{ date: movingDay }]);
		expect(row!.windows).toEqual([]);
	});

	it('re-renders a bad day with its message at the date and the answers kept, writing nothing', async () => {
		const before = await totals();
		const cases: Array<[string, string]> = [
			[addDays(today, -1), 'This day has already passed.'],
			[addDays(today, 400), 'Choose a day within a year from today.'],
			['31/02/2027', 'This is not a valid date.'],
			['', 'Which day? Choose the date.']
		];
		for (const [day, message] of cases) {
			const res = await answer(resident, [
				['when', 'day'],
				['when', 'weekends'],
				['d0_date', day]
			]);
			expect(res.status, message).toBe(422);
			expect(res.data.errors.d0_date, message).toBe(message);
			expect(res.data.values.when).toBe('day,weekends');
		}
		expect(await totals()).toEqual(before);
	});

	it('refuses the wrong role, writing nothing', async () => {
		const before = await totals();
		const res = await answer(coordinator, [
			['when', 'day'],
			['d0_date', movingDay]
		]);
		expect(res.status).toBe(403);
		expect(await totals()).toEqual(before);
	});
});

/** A walk-in that was registered (not answered with the people already known). */
const registered = async (p: ReturnType<typeof walkIn>) => {
	const r = await p;
	if ('known' in r) throw new Error('answered with people already known');
	return r;
};
const hour = await createOfficeHour(as(facilitator), { areaId: area.id, place: 'Wijkhuis', day: 1, start: '09:00', end: '12:00', public: 'on' });

describe('the walk-in form with one specific day', () => {
	const walkInForm = (over: Record<string, unknown> = {}): Parameters<typeof walkIn>[1] => ({
		officeHourId: hour.id,
		firstName: 'Fatma',
		languages: 'tr',
		contactConsent: 'on',
		category: 'moving',
		title: 'Verhuis op dinsdag',
		date: movingDay,
		...over
	});

	it('stores the day with the need and suggests the volunteer free that weekday', async () => {
		const { need } = await registered(walkIn(as(facilitator), walkInForm()));
		expect(need.dates).toEqual([{ date: movingDay }]);
		const { candidates } = await suggestMatches(as(facilitator), { needId: need.id });
		expect(candidates[0]!.offerId).toBe(tuesdayOffer.id);
		expect(candidates[0]!.reasons).toContainEqual({ code: 'date', points: 20, date: movingDay, start: 540, end: 720 });
		expect((await registered(walkIn(as(facilitator), walkInForm({ date: '', firstName: 'Ayse' })))).need.dates).toEqual([]);
	});

	it('refuses a bad day on the field, and the wrong role, writing nothing', async () => {
		const before = await totals();
		for (const date of [addDays(today, -1), addDays(today, 400), 'next week']) {
			const err = await walkIn(as(facilitator), walkInForm({ date })).catch((e: unknown) => e);
			expect(err, date).toBeInstanceOf(InvalidError);
			expect(Object.keys((err as InvalidError).fields)).toEqual(['date']);
		}
		await expect(walkIn(as(coordinator), walkInForm())).rejects.toBeInstanceOf(ForbiddenError);
		expect(await totals()).toEqual(before);
	});
});
