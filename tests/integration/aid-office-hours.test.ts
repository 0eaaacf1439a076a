import { describe, expect, it } from 'vitest';
import { and, count, eq, getTableColumns } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { formPost, outcome } from '../factories/page.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import {
	countVisit,
	createOffer,
	createOfficeHour,
	deleteOfficeHour,
	listOfficeHours,
	officeHourChoices,
	officeHoursOnDuty,
	publicOfficeHours,
	suggestMatches,
	visitsToday,
	walkIn
} from '../../src/lib/server/aid/index.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';
import { ForbiddenError, InvalidError, NotFoundError, UnauthenticatedError } from '../../src/lib/server/core/errors.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { aidNeed, aidOfficeHour, aidVisit } from '../../src/lib/server/aid/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import { consentGiven } from '../../src/lib/server/people/index.ts';

// A person's row with whether they may be contacted now (the purpose 'contact', people_consent).
const withConsent = { ...getTableColumns(peoplePerson), contactConsent: consentGiven('contact', peoplePerson.id) };

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const otherArea = await makeArea(db, 'Brugse Poort');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const outreach = await makeActor(db, 'outreach', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id });
const admin = await makeActor(db, 'admin', { organisationId: org.id });
const stranger = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });

const as = (a: { actor: Parameters<typeof ctxFor>[1] }) => ctxFor(db, a.actor);
const anon = { actor: anonymous };
const hourInput = (over: Record<string, unknown> = {}): Parameters<typeof createOfficeHour>[1] => ({
	areaId: area.id,
	place: 'Buurthuis Rabot, zaal 2; ingang links',
	day: 1,
	start: '09:30',
	end: '12:00',
	public: 'on',
	...over
});
const total = async (table: typeof aidOfficeHour | typeof aidVisit | typeof aidNeed | typeof peoplePerson | typeof coreAudit) =>
	((await db.select({ n: count() }).from(table)) as [{ n: number }])[0].n;
const snapshot = async () => ({
	hours: await total(aidOfficeHour),
	visits: await total(aidVisit),
	needs: await total(aidNeed),
	people: await total(peoplePerson),
	audit: await total(coreAudit)
});

/** A walk-in that was registered (not answered with the people already known). */
const registered = async (p: ReturnType<typeof walkIn>) => {
	const r = await p;
	if ('known' in r) throw new Error('answered with people already known');
	return r;
};

const publicHour = await createOfficeHour(as(facilitator), hourInput());
const internalHour = await createOfficeHour(as(facilitator), hourInput({ place: 'Back office', day: 3, start: 840, end: 960, public: undefined }));

describe('the office-hour schedule', () => {
	it('creates office hours in the actor organisation with minutes from HH:MM, and audits it', async () => {
		expect(publicHour).toMatchObject({ organisationId: org.id, areaId: area.id, day: 1, start: 570, end: 720, public: true });
		expect(internalHour.public).toBe(false);
		const rows = await db
			.select()
			.from(coreAudit)
			.where(and(eq(coreAudit.entity, 'aid_office_hour'), eq(coreAudit.entityId, publicHour.id)));
		expect(rows.map((r) => [r.action, r.actorUserId])).toEqual([['create', facilitator.user.id]]);
	});

	it('lists office hours only in the actor scope', async () => {
		expect((await listOfficeHours(as(facilitator))).items.map((h) => h.id).sort()).toEqual([publicHour.id, internalHour.id].sort());
		expect((await listOfficeHours(as(coordinator))).items).toHaveLength(2);
		expect(await listOfficeHours(as(stranger))).toEqual({ items: [], nextCursor: null });
		expect((await officeHoursOnDuty(as(stranger))).items).toEqual([]);
		expect((await officeHoursOnDuty(as(outreach))).items.map((h) => h.id)).toContain(publicHour.id);
		const choices = await officeHourChoices(as(facilitator));
		expect(choices.areas.map((a) => a.id)).toEqual([area.id]);
		expect(choices.organisations.map((o) => o.id)).toEqual([org.id]);
	});

	it('refuses the wrong role and the wrong place, and writes nothing', async () => {
		const before = await snapshot();
		await expect(createOfficeHour(as(volunteer), hourInput())).rejects.toBeInstanceOf(ForbiddenError);
		await expect(createOfficeHour(as(outreach), hourInput())).rejects.toBeInstanceOf(ForbiddenError);
		await expect(createOfficeHour(ctxFor(db, anonymous), hourInput())).rejects.toBeInstanceOf(UnauthenticatedError);
		await expect(createOfficeHour(as(facilitator), hourInput({ areaId: otherArea.id }))).rejects.toBeInstanceOf(ForbiddenError);
		await expect(createOfficeHour(as(facilitator), hourInput({ organisationId: otherOrg.id }))).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listOfficeHours(as(volunteer))).rejects.toBeInstanceOf(ForbiddenError);
		await expect(deleteOfficeHour(as(volunteer), { id: publicHour.id })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(deleteOfficeHour(as(stranger), { id: publicHour.id })).rejects.toBeInstanceOf(NotFoundError);
		expect(await snapshot()).toEqual(before);
	});

	it.each([
		['a day 7', { day: 7 }, 'day', 'error_choice'],
		['an end before the start', { start: '12:00', end: '09:00' }, 'end', 'aid_error_window_order'],
		['an end equal to the start', { start: 600, end: 600 }, 'end', 'aid_error_window_order'],
		['a start out of range', { start: '25:00' }, 'start', 'aid_error_time'],
		['a start of minute 1500', { start: 1500, end: 1510 }, 'start', 'aid_error_time'],
		['a negative start', { start: -5 }, 'start', 'aid_error_time'],
		['a place of 100 000 characters', { place: 'x'.repeat(100_000) }, 'place', 'error_too_long'],
		['an empty place', { place: '  ' }, 'place', 'error_required'],
		['an unknown area', { areaId: '3f0c9b7e-0000-4000-8000-000000000000' }, 'areaId', 'error_choice']
	])('refuses %s with a 422 on the field, and writes nothing', async (_name, over, field, key) => {
		const before = await snapshot();
		const err = await createOfficeHour(as(admin), hourInput(over)).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(InvalidError);
		expect((err as InvalidError).status).toBe(422);
		expect((err as InvalidError).fields[field]).toBe(key);
		expect(await snapshot()).toEqual(before);
	});

	it('publishes only public hours, with no organisation or person in them', async () => {
		const { area: a, hours } = await publicOfficeHours(as(anon), { code: area.code });
		expect(a).toMatchObject({ name: 'Rabot', city: 'Gent', code: area.code });
		expect(hours.map((h) => h.id)).toEqual([publicHour.id]);
		expect(Object.keys(hours[0]!).sort()).toEqual(['createdAt', 'day', 'end', 'id', 'place', 'start', 'updatedAt']);
		expect((await publicOfficeHours(as(anon), { code: otherArea.code })).hours).toEqual([]);
		await expect(publicOfficeHours(as(anon), { code: 'no-such-area' })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('deletes an office hour with an audit row; the visits counted at it stay', async () => {
		const hour = await createOfficeHour(as(coordinator), hourInput({ day: 5 }));
		const visit = await countVisit(as(outreach), { officeHourId: hour.id });
		await deleteOfficeHour(as(facilitator), { id: hour.id });
		expect(await db.select().from(aidOfficeHour).where(eq(aidOfficeHour.id, hour.id))).toEqual([]);
		const [kept] = await db.select().from(aidVisit).where(eq(aidVisit.id, visit.id));
		expect(kept?.officeHourId).toBeNull();
		const rows = await db
			.select()
			.from(coreAudit)
			.where(and(eq(coreAudit.entityId, hour.id), eq(coreAudit.action, 'delete')));
		expect(rows).toHaveLength(1);
		await expect(deleteOfficeHour(as(facilitator), { id: hour.id })).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('counting visits', () => {
	it('counts a visit at an office hour or in an area, audited', async () => {
		const v = await countVisit(as(facilitator), { officeHourId: publicHour.id });
		expect(v).toMatchObject({
			officeHourId: publicHour.id,
			organisationId: org.id,
			areaId: area.id,
			personId: null,
			countedByUserId: facilitator.user.id
		});
		const w = await countVisit(as(outreach), { areaId: area.id });
		expect(w).toMatchObject({ officeHourId: null, areaId: area.id, organisationId: org.id });
		const rows = await db.select().from(coreAudit).where(eq(coreAudit.entity, 'aid_visit'));
		expect(rows.map((r) => r.entityId)).toEqual(expect.arrayContaining([v.id, w.id]));
	});

	it('records assisted use when the visit is of a known person', async () => {
		const person = await registerPerson(as(facilitator), registerPersonInput.parse({ firstName: 'Mina', organisationId: org.id, areaId: area.id }));
		const v = await countVisit(as(facilitator), { officeHourId: publicHour.id, personId: person.id });
		const [row] = await db.select().from(coreAudit).where(eq(coreAudit.entityId, v.id));
		expect(row?.onBehalfOfPersonId).toBe(person.id);
	});

	it('refuses the wrong role, another organisation, a mismatched area, and writes nothing', async () => {
		const before = await snapshot();
		await expect(countVisit(as(volunteer), { officeHourId: publicHour.id })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(countVisit(as(coordinator), { officeHourId: publicHour.id })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(countVisit(as(stranger), { officeHourId: publicHour.id })).rejects.toBeInstanceOf(InvalidError);
		await expect(countVisit(as(facilitator), { areaId: otherArea.id })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(countVisit(as(facilitator), { officeHourId: publicHour.id, areaId: otherArea.id })).rejects.toBeInstanceOf(InvalidError);
		await expect(countVisit(as(facilitator), {})).rejects.toBeInstanceOf(InvalidError);
		await expect(countVisit(as(facilitator), { officeHourId: 'not-a-uuid' })).rejects.toBeInstanceOf(InvalidError);
		expect(await snapshot()).toEqual(before);
	});
});

describe("today's visit tally on the clock-change days", () => {
	// Both Sundays of 2027 on which Belgium changes its clocks. "Today" starts at 00:00 Brussels time,
	// which is 23:00 UTC the evening before in winter and 22:00 UTC in summer.
	const countedAt = async (hourId: string, at: string) => {
		const v = await countVisit(as(facilitator), { officeHourId: hourId });
		await db
			.update(aidVisit)
			.set({ createdAt: new Date(at) })
			.where(eq(aidVisit.id, v.id));
	};

	it('counts a visit at 00:30 on 28 March 2027 for that day, not one at 23:30 the evening before', async () => {
		const hour = await createOfficeHour(as(facilitator), hourInput({ day: 6, place: 'Spring', public: undefined }));
		await countedAt(hour.id, '2027-03-27T22:30:00Z'); // Saturday 23:30 CET
		await countedAt(hour.id, '2027-03-27T23:30:00Z'); // Sunday 00:30 CET
		expect(await visitsToday(as(facilitator), { officeHourId: hour.id, now: new Date('2027-03-28T08:00:00Z') })).toBe(1); // Sunday 10:00 CEST
	});

	it('counts a visit at 00:30 on 31 October 2027 for that day, not one at 23:30 the evening before', async () => {
		const hour = await createOfficeHour(as(facilitator), hourInput({ day: 6, place: 'Autumn', public: undefined }));
		await countedAt(hour.id, '2027-10-30T21:30:00Z'); // Saturday 23:30 CEST
		await countedAt(hour.id, '2027-10-30T22:30:00Z'); // Sunday 00:30 CEST
		expect(await visitsToday(as(facilitator), { officeHourId: hour.id, now: new Date('2027-10-31T09:00:00Z') })).toBe(1); // Sunday 10:00 CET
	});

	it('counts neither a visit of tomorrow nor one of another office hour', async () => {
		const hour = await createOfficeHour(as(facilitator), hourInput({ day: 6, place: 'Bounds', public: undefined }));
		await countedAt(hour.id, '2027-03-28T21:59:00Z'); // Sunday 23:59 CEST
		await countedAt(hour.id, '2027-03-28T22:00:00Z'); // Monday 00:00 CEST
		await countedAt(publicHour.id, '2027-03-28T08:00:00Z');
		expect(await visitsToday(as(facilitator), { officeHourId: hour.id, now: new Date('2027-03-28T08:00:00Z') })).toBe(1);
	});
});

describe('the office-hour mode: a walk-in', () => {
	const form = (over: Record<string, unknown> = {}): Parameters<typeof walkIn>[1] => ({
		officeHourId: publicHour.id,
		firstName: 'Fatma',
		phone: '0470 11 22 33',
		languages: 'tr, nl',
		ageGroup: '65_plus',
		contactConsent: 'on',
		category: 'errands',
		title: 'Boodschappen op dinsdag',
		day: '1',
		start: '10:00',
		end: '12:00',
		...over
	});

	it('registers the person, says the need for them (assisted) and counts the visit, with suggestions to follow', async () => {
		const helper = await registerPerson(
			as(admin),
			registerPersonInput.parse({ firstName: 'Georgi', organisationId: org.id, areaId: area.id, languages: 'tr,bg' })
		);
		await createOffer(as(admin), {
			personId: helper.id,
			areaId: area.id,
			category: 'errands',
			title: 'Ik doe boodschappen',
			windows: [{ day: 1, start: 540, end: 780 }],
			languages: [],
			capacity: 2
		});
		const before = await snapshot();
		const { personId, need, visit } = await registered(walkIn(as(facilitator), form()));
		const [person] = await db.select(withConsent).from(peoplePerson).where(eq(peoplePerson.id, personId));
		expect(person).toMatchObject({
			firstName: 'Fatma',
			userId: null,
			contactConsent: true,
			languages: ['tr', 'nl'],
			ageGroup: '65_plus',
			organisationId: org.id,
			areaId: area.id
		});
		expect(need).toMatchObject({ personId, assisted: true, category: 'errands', areaId: area.id, windows: [{ day: 1, start: 600, end: 720 }] });
		expect(visit).toMatchObject({ personId, officeHourId: publicHour.id });
		const after = await snapshot();
		expect([after.people - before.people, after.needs - before.needs, after.visits - before.visits]).toEqual([1, 1, 1]);
		const onBehalf = await db.select().from(coreAudit).where(eq(coreAudit.onBehalfOfPersonId, personId));
		expect(onBehalf.map((r) => r.entity).sort()).toEqual(['aid_need', 'aid_visit']);
		const { candidates } = await suggestMatches(as(facilitator), { needId: need.id });
		expect(candidates[0]).toMatchObject({ firstName: 'Georgi' });
		expect(candidates[0]!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['language', 'time']));
	});

	it('adds a need for someone already known, without registering them again', async () => {
		const known = await registerPerson(as(facilitator), registerPersonInput.parse({ firstName: 'Ali', organisationId: org.id, areaId: area.id }));
		const before = await snapshot();
		const { personId } = await registered(walkIn(as(outreach), form({ personId: known.id, firstName: '', day: '', start: '', end: '' })));
		expect(personId).toBe(known.id);
		const after = await snapshot();
		expect([after.people - before.people, after.needs - before.needs, after.visits - before.visits]).toEqual([0, 1, 1]);
	});

	it('refuses bad input field by field before anything is written', async () => {
		const before = await snapshot();
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ firstName: '' }, 'firstName'],
			[{ phone: '<script>' }, 'phone'],
			[{ languages: 'klingon' }, 'languages'],
			[{ category: 'hacking' }, 'category'],
			[{ title: 'x'.repeat(100_000) }, 'title'],
			[{ day: '7' }, 'day'],
			[{ start: '12:00', end: '10:00' }, 'end'],
			[{ start: '', end: '12:00', day: '1' }, 'start'],
			[{ officeHourId: '' }, 'officeHourId']
		];
		for (const [over, field] of cases) {
			const err = await walkIn(as(facilitator), form(over)).catch((e: unknown) => e);
			expect(err, field).toBeInstanceOf(InvalidError);
			expect(Object.keys((err as InvalidError).fields), field).toContain(field);
		}
		expect(await snapshot()).toEqual(before);
	});

	it('refuses the wrong role, and leaves nothing half-done when a later step is refused', async () => {
		const before = await snapshot();
		await expect(walkIn(as(volunteer), form())).rejects.toBeInstanceOf(ForbiddenError);
		await expect(walkIn(as(coordinator), form())).rejects.toBeInstanceOf(ForbiddenError);
		await expect(walkIn(as(stranger), form())).rejects.toBeInstanceOf(InvalidError);
		// Someone of another organisation: the need is refused after the checks, so nothing stays.
		const elsewhere = await registerPerson(as(stranger), registerPersonInput.parse({ firstName: 'Other', organisationId: otherOrg.id }));
		const mid = await snapshot();
		await expect(walkIn(as(facilitator), form({ personId: elsewhere.id }))).rejects.toBeInstanceOf(ForbiddenError);
		expect(await snapshot()).toEqual(mid);
		expect(mid.people - before.people).toBe(1);
	});
});

describe('the public routes', () => {
	const event = (code: string) => ({ params: { code }, locals: { locale: 'fr' } }) as never;
	const status = (e: unknown) => (e as { status?: number }).status;

	it('serves the iCalendar feed of the public hours only', async () => {
		const { GET } = await import('../../src/routes/(public)/areas/[code]/office-hours.ics/+server.ts');
		const res = await GET(event(area.code));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const body = (await res.text()).replace(/\r\n[ \t]/g, '');
		expect(body).toContain(`UID:office-hour-${publicHour.id}@wijkweb`);
		expect(body).not.toContain(internalHour.id);
		expect(body).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU');
		expect(body).toMatch(/DTSTART;TZID=Europe\/Brussels:\d{8}T093000/);
		expect(body).toContain('LOCATION:Buurthuis Rabot\\, zaal 2\\; ingang links');
		expect(body).toContain('SUMMARY:Permanence Rabot');
		expect(status(await Promise.resolve(GET(event('nope'))).catch((e: unknown) => e))).toBe(404);
		expect(status(await Promise.resolve(GET(event(area.id))).catch((e: unknown) => e))).toBe(301);
	});

	it('starts the feed on the Belgian day the office hour was made, not the UTC one', async () => {
		const { GET } = await import('../../src/routes/(public)/areas/[code]/office-hours.ics/+server.ts');
		const late = await makeArea(db, 'Ledeberg');
		const hour = await createOfficeHour(as(admin), hourInput({ areaId: late.id, day: 0 }));
		// Made on Tuesday 30 March 2027 at 00:30 in Ghent, still Monday in UTC: the first Monday is 5 April.
		await db
			.update(aidOfficeHour)
			.set({ createdAt: new Date('2027-03-29T22:30:00Z') })
			.where(eq(aidOfficeHour.id, hour.id));
		const body = (await (await GET(event(late.code))).text()).replace(/\r\n[ \t]/g, '');
		expect(body).toContain('DTSTART;TZID=Europe/Brussels:20270405T093000');
	});

	it('renders the neighbourhood page data, 404 for an unknown code, and sends an id on to the code', async () => {
		const { load } = await import('../../src/routes/(public)/areas/[code]/+page.server.ts');
		const data = (await load(event(area.code))) as { area: { name: string }; hours: Array<Record<string, unknown>> };
		expect(data.area.name).toBe('Rabot');
		expect(data.hours.map((h) => h.id)).toEqual([publicHour.id]);
		expect(Object.keys(data.hours[0]!).sort()).toEqual(['day', 'end', 'id', 'place', 'start']);
		expect(status(await Promise.resolve(load(event('nope'))).catch((e: unknown) => e))).toBe(404);
		const moved = (await Promise.resolve(load(event(area.id))).catch((e: unknown) => e)) as { status: number; location: string };
		expect([moved.status, moved.location]).toEqual([301, `/areas/${area.code}`]);
	});
});

describe('the staff pages glue forms to verbs', () => {
	const post = (actor: { actor: unknown }, fields: Array<[string, string]>) => formPost('/x', actor, fields);

	it('re-renders a bad office hour with field messages and writes nothing', async () => {
		const { actions } = await import('../../src/routes/(work)/aid/office-hours/+page.server.ts');
		const before = await snapshot();
		const res = (await actions.create!(
			post(facilitator, [
				['areaId', area.id],
				['place', 'x'.repeat(100_000)],
				['day', '7'],
				['start', '12:00'],
				['end', '09:00']
			])
		)) as { status: number; data: { errors: Record<string, string>; values: Record<string, string>; form: string } };
		expect(res.status).toBe(400);
		expect(res.data.form).toBe('create');
		expect(Object.keys(res.data.errors).sort()).toEqual(['day', 'end', 'place']);
		expect(res.data.values.start).toBe('12:00');
		const refused = (await actions.create!(
			post(volunteer, [...Object.entries({ areaId: area.id, place: 'Hall', day: '1', start: '09:00', end: '10:00' })])
		)) as { status: number };
		expect(refused.status).toBe(403);
		expect(await snapshot()).toEqual(before);
	});

	it('registers a walk-in from the form (languages repeated) and sends the browser on to the suggestions', async () => {
		const { actions } = await import('../../src/routes/(work)/aid/office-hour/+page.server.ts');
		const res = (await outcome(
			actions.walkIn!(
				post(facilitator, [
					['officeHourId', publicHour.id],
					['firstName', 'Yusuf'],
					['languages', 'tr'],
					['languages', 'ar'],
					['contactConsent', 'on'],
					['category', 'paperwork'],
					['title', 'Brief van de stad lezen'],
					['day', ''],
					['start', ''],
					['end', '']
				])
			)
		)) as { status: number; location: string };
		expect(res.status).toBe(303);
		const needId = new URL(res.location, 'http://localhost').searchParams.get('need');
		const [need] = await db.select().from(aidNeed).where(eq(aidNeed.id, needId!));
		const [person] = await db.select(withConsent).from(peoplePerson).where(eq(peoplePerson.id, need!.personId));
		expect(person).toMatchObject({ firstName: 'Yusuf', languages: ['tr', 'ar'], contactConsent: true });
		expect(need).toMatchObject({ assisted: true, category: 'paperwork', windows: [] });
	});

	it('keeps the values and names the field when the walk-in form is wrong, writing nothing', async () => {
		const { actions } = await import('../../src/routes/(work)/aid/office-hour/+page.server.ts');
		const before = await snapshot();
		const res = (await actions.walkIn!(
			post(facilitator, [
				['officeHourId', publicHour.id],
				['firstName', 'Yusuf'],
				['languages', 'tr'],
				['languages', 'ar'],
				['category', 'paperwork'],
				['title', 'ok'],
				['day', '2'],
				['start', '14:00'],
				['end', '13:00']
			])
		)) as { status: number; data: { errors: Record<string, string>; values: Record<string, string>; form: string } };
		expect(res.status).toBe(400);
		expect(res.data.form).toBe('walkin');
		expect(Object.keys(res.data.errors).sort()).toEqual(['end', 'title']);
		expect(res.data.values).toMatchObject({ firstName: 'Yusuf', languages: 'tr,ar', start: '14:00' });
		expect(await snapshot()).toEqual(before);
	});

	it('counts a visit only', async () => {
		const { actions } = await import('../../src/routes/(work)/aid/office-hour/+page.server.ts');
		const before = await snapshot();
		expect(await actions.visit!(post(outreach, [['officeHourId', publicHour.id]]))).toEqual({ visitCounted: true });
		expect((await snapshot()).visits).toBe(before.visits + 1);
	});

	it('loads the mode with an office hour on duty, a search, a person and a new need with suggestions', async () => {
		const { load } = await import('../../src/routes/(work)/aid/office-hour/+page.server.ts');
		const get = (qs: string) =>
			load({ url: new URL(`http://localhost/aid/office-hour${qs}`), locals: { actor: facilitator.actor, locale: 'en' } } as never) as Promise<
				Record<string, unknown>
			>;
		const plain = await get('');
		expect((plain.hour as { id: string }).id).toMatch(/[0-9a-f-]{36}/);
		const [fatma] = await db.select().from(peoplePerson).where(eq(peoplePerson.firstName, 'Fatma'));
		const found = await get(`?hour=${publicHour.id}&q=fatm`);
		expect((found.people as Array<{ id: string }>).map((x) => x.id)).toEqual([fatma!.id]);
		const withPerson = await get(`?hour=${publicHour.id}&person=${fatma!.id}`);
		expect((withPerson.person as { needs: unknown[] }).needs).toHaveLength(1);
		const [need] = await db.select().from(aidNeed).where(eq(aidNeed.personId, fatma!.id));
		const withNeed = await get(`?hour=${publicHour.id}&need=${need!.id}`);
		expect((withNeed.need as { suggestions: Array<{ firstName: string }> }).suggestions[0]?.firstName).toBe('Georgi');
		expect(await outcome(get('?hour=nonsense'))).toMatchObject({ status: 400 });
		const other = (await load({ url: new URL('http://localhost/aid/office-hour'), locals: { actor: stranger.actor, locale: 'en' } } as never)) as {
			hour: unknown;
		};
		expect(other.hour).toBeNull();
	});

	it('shows the delete confirmation only for an office hour in scope', async () => {
		const { load } = await import('../../src/routes/(work)/aid/office-hours/+page.server.ts');
		const get = (actor: { actor: unknown }, qs: string) =>
			load({ url: new URL(`http://localhost/aid/office-hours${qs}`), locals: { actor: actor.actor, locale: 'en' } } as never) as Promise<
				Record<string, unknown>
			>;
		expect(((await get(facilitator, `?delete=${publicHour.id}`)).toDelete as { id: string }).id).toBe(publicHour.id);
		expect(await outcome(get(stranger, `?delete=${publicHour.id}`))).toMatchObject({ status: 404 });
		expect(await outcome(get(outreach, ''))).toMatchObject({ status: 403 });
	});
});
