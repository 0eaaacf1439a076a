import { describe, expect, it } from 'vitest';
import { freshDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { getMutualAidReach, reachAreaChoices, reachInput, type Reach } from '../../src/lib/server/aid/index.ts';
import { aidLink, aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { peoplePerson, peoplePurpose } from '../../src/lib/server/people/schema.ts';
import { seedConsent, withdrawConsent } from '../../src/lib/server/people/index.ts';
import { and, eq } from 'drizzle-orm';
import { anonymous } from '../../src/lib/server/core/context.ts';
import { ForbiddenError, InvalidError, UnauthenticatedError } from '../../src/lib/server/core/errors.ts';

// Links are inserted directly with chosen dates and persons, so every figure has a known answer.
// The period is the calendar year 2025 in Belgian time (ends 2026-01-01 00:00 Brussels = 2025-12-31 23:00 UTC).

const { db } = await freshDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const emptyOrg = await makeOrganisation(db);
const area = await makeArea(db);
const area2 = await makeArea(db);

// interculturalConsent: a given consent for the organisation's purpose 'intercultural' (people_consent).
type PersonFacts = Partial<typeof peoplePerson.$inferInsert> & { interculturalConsent?: boolean };
type LinkFacts = { made?: string; needOnly?: string; tookPlace?: string; closed?: string; status?: (typeof aidLink.$inferInsert)['status'] };

let seq = 0;
async function person({ interculturalConsent, ...facts }: PersonFacts, organisationId: string) {
	const [p] = await db
		.insert(peoplePerson)
		.values({ firstName: `P${++seq}`, organisationId, ...facts })
		.returning();
	if (interculturalConsent) await seedConsent(db, [p!.id], 'intercultural');
	return p!;
}

/** One link between two persons, on a need and an offer of its own (so one pair may have several links). */
async function link(
	needPerson: string,
	offerPerson: string,
	category: string,
	facts: LinkFacts,
	place = { organisationId: org.id, areaId: area.id }
) {
	const [need] = await db
		.insert(aidNeed)
		.values({ personId: needPerson, category, title: 'Need', ...place })
		.returning();
	const [offer] = await db
		.insert(aidOffer)
		.values({ personId: offerPerson, category, title: 'Offer', capacity: 5, ...place })
		.returning();
	const made = facts.made ? new Date(facts.made) : null;
	await db.insert(aidLink).values({
		needId: need!.id,
		organisationId: need!.organisationId,
		areaId: need!.areaId,
		offerId: offer!.id,
		status: facts.status ?? (made ? 'accepted' : 'proposed'),
		// The need side said yes a day before the offer side: "made" is the later yes.
		needAcceptedAt: made ? new Date(made.getTime() - 86_400_000) : facts.needOnly ? new Date(facts.needOnly) : null,
		offerAcceptedAt: made,
		tookPlaceAt: facts.tookPlace ? new Date(facts.tookPlace) : null,
		closedAt: facts.closed ? new Date(facts.closed) : null
	});
}

/** `n` links, each between two new persons with these facts. Returns the pairs (need person, offer person). */
async function group(
	n: number,
	category: string,
	needFacts: PersonFacts,
	offerFacts: PersonFacts,
	facts: LinkFacts,
	place = { organisationId: org.id, areaId: area.id }
) {
	const pairs: [string, string][] = [];
	for (let i = 0; i < n; i++) {
		const a = await person(needFacts, place.organisationId);
		const b = await person(offerFacts, place.organisationId);
		await link(a.id, b.id, category, facts, place);
		pairs.push([a.id, b.id]);
	}
	return pairs;
}

// G1 (its pairs kept: one need person withdraws at the end): 5 errands links in March, taken place: intergenerational (65+ and 18–29), intercultural (both
// consented, origins differ), the volunteers are students.
const g1 = await group(
	5,
	'errands',
	{ ageGroup: '65_plus', interculturalConsent: true, originGroup: 'belgium' },
	{ ageGroup: '18_29', interculturalConsent: true, originGroup: 'outside_eu', student: true },
	{ made: '2025-03-10T10:00:00Z', tookPlace: '2025-03-20T10:00:00Z', status: 'took_place' }
);
// G2: 3 company links in April, cancelled later (still made): one band apart, and no intercultural
// consent on the need side although the origins differ.
await group(
	3,
	'company',
	{ ageGroup: '30_49', interculturalConsent: false, originGroup: 'outside_eu' },
	{ ageGroup: '18_29', interculturalConsent: true, originGroup: 'eu' },
	{ made: '2025-04-05T10:00:00Z', closed: '2025-04-20T10:00:00Z', status: 'cancelled' }
);
// G3: 2 homework links made 2024-12-31 23:30 UTC = 1 January 2025 in Brussels (in the period, January):
// intergenerational (0–17 and 50–64), intercultural by language (no language in common, origin unknown).
await group(
	2,
	'homework',
	{ ageGroup: '0_17', interculturalConsent: true, languages: ['nl'] },
	{ ageGroup: '50_64', interculturalConsent: true, languages: ['fr', 'en'] },
	{ made: '2024-12-31T23:30:00Z' }
);
// G4: 5 pairs who had a link in 2024 and a second one in June 2025: repeat links; the volunteers are
// eligible (first link > 12 months before the end) and active; the residents are not new.
const g4 = await group(
	5,
	'meals',
	{},
	{},
	{ made: '2024-02-01T10:00:00Z', tookPlace: '2024-02-10T10:00:00Z', closed: '2024-03-01T10:00:00Z', status: 'closed' }
);
for (const [a, b] of g4) await link(a, b, 'meals', { made: '2025-06-15T10:00:00Z' });
// G5: 5 volunteers whose 2024 link is still accepted today: eligible, active (held one at the end).
await group(5, 'transport', {}, {}, { made: '2024-06-01T10:00:00Z' });
// G6: 5 volunteers whose 2024 link ended in 2024 and who did nothing since: eligible, not active.
await group(
	5,
	'repairs',
	{},
	{},
	{ made: '2024-03-01T10:00:00Z', tookPlace: '2024-04-01T10:00:00Z', closed: '2024-09-01T10:00:00Z', status: 'closed' }
);
// G7: 5 volunteers whose 2024 link was cancelled only after the period: they held it at its end.
await group(5, 'moving', {}, {}, { made: '2024-05-01T10:00:00Z', closed: '2026-02-01T10:00:00Z', status: 'cancelled' });
// G8: 3 links where only the need side said yes: not made, in no figure.
await group(3, 'errands', { student: true }, { student: true }, { needOnly: '2025-05-01T10:00:00Z' });
// G9: a link made 2025-12-31 23:30 UTC = 1 January 2026 in Brussels: after the period.
await group(1, 'errands', { student: true }, {}, { made: '2025-12-31T23:30:00Z' });
// G10: 5 errands links of the same organisation in another area (only with "all areas").
await group(5, 'errands', {}, {}, { made: '2025-07-01T10:00:00Z' }, { organisationId: org.id, areaId: area2.id });
// G11: 5 errands links of another organisation in the same area (never for this organisation's staff).
await group(5, 'errands', {}, {}, { made: '2025-07-01T10:00:00Z' }, { organisationId: otherOrg.id, areaId: area.id });

const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const officer = await makeActor(db, 'officer', { organisationId: org.id, areaId: area.id });
const otherCoordinator = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const emptyCoordinator = await makeActor(db, 'coordinator', { organisationId: emptyOrg.id });
const admin = await makeActor(db, 'admin', { organisationId: org.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id });
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id });

const year = { from: '2025-01-01', to: '2025-12-31' };
const value = (r: Reach) => Object.fromEntries(Object.entries(r.figures).map(([k, c]) => [k, c.suppressed ? 'x' : c.value]));
const column = (rows: { made: { suppressed: boolean; value: number | null } }[]) => rows.map((r) => (r.made.suppressed ? 'x' : r.made.value));

describe('the reach figures of one area and one year', () => {
	it('counts every figure as defined', async () => {
		const r = await getMutualAidReach(ctxFor(db, coordinator.actor), { ...year, areaId: area.id });
		expect(r.period).toEqual(year);
		expect(r.areaId).toBe(area.id);
		expect(value(r)).toEqual({
			linksMade: 15, // G1 5 + G2 3 + G3 2 + G4 5
			linksCompleted: 5, // G1
			intergenerational: 7, // G1 5 + G3 2 (G2 is one band apart, G4 ages unknown)
			intercultural: 7, // G1 5 by origin + G3 2 by language; G2 lacks consent
			repeatLinks: 5, // G4's second links
			volunteersStillActive12m: 15, // G4 (a link in the period) + G5 (open) + G7 (ended after the period)
			volunteersEligible12m: 20, // G4 + G5 + G6 + G7
			studentsInvolved: 5, // G1's volunteers (G8 not made, G9 after the period)
			newResidentsReached: 10, // G1 + G2 + G3 need persons
			networkAtStart: 40, // G4–G7, both sides
			networkAtEnd: 60 // + G1, G2, G3
		});
	});

	it('suppresses a category of 3 links and shows one of 5, with every category listed', async () => {
		const r = await getMutualAidReach(ctxFor(db, coordinator.actor), { ...year, areaId: area.id });
		const by = Object.fromEntries(r.byCategory.map((c) => [c.category, c]));
		expect(by.errands!.made).toEqual({ value: 5, suppressed: false });
		expect(by.company!.made).toEqual({ value: null, suppressed: true });
		expect(by.homework!.made).toEqual({ value: null, suppressed: true });
		expect(by.meals!.made).toEqual({ value: 5, suppressed: false });
		expect(by.gardening!.made).toEqual({ value: 0, suppressed: false });
		expect(by.errands!.completed).toEqual({ value: 5, suppressed: false });
		expect(r.byCategory).toHaveLength(13);
	});

	it('counts per Belgian month, every month of the period listed', async () => {
		const r = await getMutualAidReach(ctxFor(db, coordinator.actor), { ...year, areaId: area.id });
		expect(r.monthly.map((m) => m.month)).toEqual([
			'2025-01',
			'2025-02',
			'2025-03',
			'2025-04',
			'2025-05',
			'2025-06',
			'2025-07',
			'2025-08',
			'2025-09',
			'2025-10',
			'2025-11',
			'2025-12'
		]);
		expect(column(r.monthly)).toEqual(['x', 0, 5, 'x', 0, 5, 0, 0, 0, 0, 0, 0]);
		expect(r.monthly[2]!.completed).toEqual({ value: 5, suppressed: false });
	});

	it('hides small figures: the same data over a shorter period', async () => {
		const r = await getMutualAidReach(ctxFor(db, coordinator.actor), { from: '2025-04-01', to: '2025-04-30', areaId: area.id });
		expect(r.figures.linksMade).toEqual({ value: null, suppressed: true }); // G2's 3 links
		expect(r.figures.newResidentsReached).toEqual({ value: null, suppressed: true });
		expect(r.figures.linksCompleted).toEqual({ value: 0, suppressed: false });
		expect(r.monthly).toHaveLength(1);
	});

	it('counts whole months: any days in April give April, so two periods a day apart never differ by one day', async () => {
		const coordinatorCtx = ctxFor(db, coordinator.actor);
		const april = await getMutualAidReach(coordinatorCtx, { from: '2025-04-01', to: '2025-04-30', areaId: area.id });
		const days = await getMutualAidReach(coordinatorCtx, { from: '2025-04-15', to: '2025-04-16', areaId: area.id });
		expect(days.period).toEqual({ from: '2025-04-01', to: '2025-04-30' });
		expect(days).toEqual(april);
		const year2 = await getMutualAidReach(coordinatorCtx, { from: '2025-01-02', to: '2025-12-30', areaId: area.id });
		expect(year2.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
		expect(year2.figures).toEqual((await getMutualAidReach(coordinatorCtx, { ...year, areaId: area.id })).figures);
		expect(reachInput.parse({ from: '2024-02-10', to: '2024-02-10' })).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
	});

	it('takes all areas in scope when no area is chosen', async () => {
		const r = await getMutualAidReach(ctxFor(db, coordinator.actor), { ...year, areaId: null });
		expect(r.figures.linksMade.value).toBe(20); // + G10 in the other area, never G11
		expect(r.byCategory.find((c) => c.category === 'errands')!.made.value).toBe(10);
		const absent = await getMutualAidReach(ctxFor(db, coordinator.actor), { ...year });
		expect(absent.figures.linksMade.value).toBe(20);
		const empty = await getMutualAidReach(ctxFor(db, coordinator.actor), { ...year, areaId: '' });
		expect(empty.areaId).toBeNull();
	});
});

describe('who sees what', () => {
	it('keeps another organisation to its own links, and one without links to zeros', async () => {
		const other = await getMutualAidReach(ctxFor(db, otherCoordinator.actor), { ...year, areaId: area.id });
		expect(other.figures.linksMade.value).toBe(5); // G11 only
		const none = await getMutualAidReach(ctxFor(db, emptyCoordinator.actor), { ...year, areaId: area.id });
		for (const c of Object.values(none.figures)) expect(c).toEqual({ value: 0, suppressed: false });
		expect(none.byCategory.every((c) => c.made.value === 0 && c.completed.value === 0)).toBe(true);
	});

	it('narrows an area-bound officer to the area, and lets an admin see every organisation', async () => {
		const o = await getMutualAidReach(ctxFor(db, officer.actor), { ...year });
		expect(o.figures.linksMade.value).toBe(15);
		const a = await getMutualAidReach(ctxFor(db, admin.actor), { ...year, areaId: area.id });
		expect(a.figures.linksMade.value).toBe(20); // + G11
		expect((await reachAreaChoices(ctxFor(db, officer.actor))).map((x) => x.id)).toEqual([area.id]);
		expect((await reachAreaChoices(ctxFor(db, coordinator.actor))).map((x) => x.id)).toEqual(expect.arrayContaining([area.id, area2.id]));
	});

	it('answers a token held outside the organisation (the city officer over the API) with figures rounded to 5', async () => {
		const page = await getMutualAidReach(ctxFor(db, officer.actor), { ...year });
		const api = await getMutualAidReach(ctxFor(db, { ...officer.actor, via: 'token' }), { ...year });
		expect(page.figures.volunteersStillActive12m).toEqual({ value: 15, suppressed: false });
		for (const [k, c] of Object.entries(api.figures)) {
			const exact = page.figures[k as keyof typeof page.figures];
			expect(c.suppressed).toBe(exact.suppressed);
			if (!c.suppressed) expect(c).toEqual({ value: Math.round(exact.value! / 5) * 5, suppressed: false, rounded: true });
		}
		// The organisation's own coordinator keeps exact figures over the API.
		const own = await getMutualAidReach(ctxFor(db, { ...coordinator.actor, via: 'token' }), { ...year, areaId: area.id });
		expect(own.figures.linksMade).toEqual({ value: 15, suppressed: false });
	});

	it('refuses residents, facilitators and anonymous visitors', async () => {
		await expect(getMutualAidReach(ctxFor(db, resident.actor), year)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getMutualAidReach(ctxFor(db, facilitator.actor), year)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getMutualAidReach(ctxFor(db, anonymous), year)).rejects.toBeInstanceOf(UnauthenticatedError);
		await expect(reachAreaChoices(ctxFor(db, facilitator.actor))).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('bad input', () => {
	const refused = async (input: Record<string, unknown>) => {
		const e = await getMutualAidReach(ctxFor(db, coordinator.actor), input as never).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(InvalidError);
		return (e as InvalidError).fields;
	};

	it('refuses an end before the start, more than 5 years, impossible dates and a bad area', async () => {
		expect(await refused({ from: '2025-02-01', to: '2025-01-31' })).toEqual({ to: 'reach_error_order' });
		expect(await refused({ from: '2020-01-01', to: '2025-01-01' })).toEqual({ to: 'reach_error_span' });
		expect(await refused({ from: '2025-02-30', to: '2025-03-01' })).toEqual({ from: 'reach_error_date' });
		expect(await refused({ from: '2025-01-01', to: 'tomorrow' })).toEqual({ to: 'reach_error_date' });
		expect(await refused({ from: '2025-01-01', to: '2025-02-01', areaId: 'x' })).toEqual({ areaId: 'error_choice' });
		expect(await refused({})).toMatchObject({ from: 'reach_error_date', to: 'reach_error_date' });
		// Years JavaScript or PostgreSQL would read wrongly; the order as typed, within one month too.
		expect(await refused({ from: '0001-01-01', to: '0001-01-15' })).toMatchObject({ from: 'reach_error_date', to: 'reach_error_date' });
		expect(await refused({ from: '0000-01-01', to: '2025-01-15' })).toEqual({ from: 'reach_error_date' });
		expect(await refused({ from: '2024-01-20', to: '2024-01-05' })).toEqual({ to: 'reach_error_order' });
	});

	it('accepts exactly 5 years, and a single day (as its month)', () => {
		expect(reachInput.safeParse({ from: '2020-01-01', to: '2024-12-31' }).success).toBe(true);
		// Under five years as typed, even when the whole months make it a little more.
		expect(reachInput.safeParse({ from: '2020-01-15', to: '2025-01-10' }).success).toBe(true);
		expect(reachInput.safeParse({ from: '2025-05-05', to: '2025-05-05' }).success).toBe(true);
	});

	it('checks the input before the role, as the runner does for every verb: what is valid is no secret, the figures are', async () => {
		await expect(getMutualAidReach(ctxFor(db, resident.actor), { from: 'x' } as never)).rejects.toBeInstanceOf(InvalidError);
		await expect(getMutualAidReach(ctxFor(db, resident.actor), year)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('a withdrawn intercultural consent', () => {
	it('is counted before the withdrawal and not after it, at once', async () => {
		const before = await getMutualAidReach(ctxFor(db, coordinator.actor), { ...year, areaId: area.id });
		expect(before.figures.intercultural).toEqual({ value: 7, suppressed: false });
		const [purpose] = await db
			.select({ id: peoplePurpose.id })
			.from(peoplePurpose)
			.where(and(eq(peoplePurpose.organisationId, org.id), eq(peoplePurpose.code, 'intercultural')));
		const [needPerson] = g1[0]!;
		const w = await withdrawConsent(ctxFor(db, facilitator.actor), { personId: needPerson, purposeId: purpose!.id, method: 'paper' });
		expect(w.stops).toEqual(['intercultural_figures']);
		const after = await getMutualAidReach(ctxFor(db, coordinator.actor), { ...year, areaId: area.id });
		expect(after.figures.intercultural).toEqual({ value: 6, suppressed: false });
		// Help is never conditional on consent: the link still counts as made.
		expect(after.figures.linksMade).toEqual(before.figures.linksMade);
	});
});
