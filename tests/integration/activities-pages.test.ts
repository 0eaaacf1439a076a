import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import { createActivity } from '../../src/lib/server/activities/index.ts';
import { activitiesActivity, activitiesRegistration, activitiesSession } from '../../src/lib/server/activities/schema.ts';
import { addDays, todayInBelgium } from '../../src/lib/server/core/index.ts';
import * as list from '../../src/routes/(work)/activities/+page.server.ts';
import * as create from '../../src/routes/(work)/activities/new/+page.server.ts';
import * as detail from '../../src/routes/(work)/activities/[id]/+page.server.ts';
import * as edit from '../../src/routes/(work)/activities/[id]/edit/+page.server.ts';

// The activities pages' loads and actions as SvelteKit calls them: the wrong role is refused (403),
// another organisation or neighbourhood does not see the record (404), bad input is a 4xx with a
// message in the page's language, and none of them changes a row.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db);
const otherArea = await makeArea(db);
const worker = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const neighbour = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: otherArea.id });
const stranger = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const w = ctxFor(db, worker.actor);
const person = await registerPerson(w, { firstName: 'Samira', organisationId: org.id, areaId: area.id });
const today = todayInBelgium();
const form = {
	organisationId: org.id,
	areaId: area.id,
	kind: 'recurring',
	title: 'Naaiatelier',
	placeName: 'Buurthuis',
	recurrence: 'weekly',
	startsOn: today,
	endsOn: addDays(today, 21),
	startTime: '14:00',
	durationMinutes: '120',
	capacity: '1'
};
const { id } = await createActivity(w, { ...form, kind: 'recurring', recurrence: 'weekly', durationMinutes: 120, capacity: 1 });
const params = { params: { id } };

type Who = Awaited<ReturnType<typeof makeActor>>;
const rows = async () => ({
	activities: ((await db.select({ n: count() }).from(activitiesActivity)) as [{ n: number }])[0].n,
	sessions: ((await db.select({ n: count() }).from(activitiesSession)) as [{ n: number }])[0].n,
	registrations: ((await db.select({ n: count() }).from(activitiesRegistration)) as [{ n: number }])[0].n
});
const nl = { locale: 'nl' };

describe('the activities pages', () => {
	it('creates an activity from the form and redirects to it (Post/Redirect/Get)', async () => {
		const out = await outcome(create.actions.default!(formPost('/activities/new?kind=recurring', worker, { ...form, themes: 'leisure' })));
		expect(out).toMatchObject({ status: 303 });
		expect((out as { location: string }).location).toMatch(/^\/activities\/[0-9a-f-]{36}\?created=1$/);
	});

	it('refuses bad input in the page’s language and writes nothing', async () => {
		const before = await rows();
		const bad = (await outcome(create.actions.default!(formPost('/activities/new', worker, { ...form, capacity: '-1' }, nl)))) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(bad.status).toBe(400);
		expect(bad.data.errors.capacity).toBe('Geef een aantal plaatsen van 0 (onbeperkt) tot 10000.');
		const late = (await outcome(
			detail.actions.session!(formPost(`/activities/${id}`, worker, { day: today, startTime: '15:00', endTime: '14:00' }, { ...nl, ...params }))
		)) as { status: number; data: { errors: Record<string, string>; form: string } };
		expect([late.status, late.data.form, late.data.errors.endTime]).toEqual([422, 'session', 'Een sessie eindigt na haar begin.']);
		const theme = (await outcome(create.actions.default!(formPost('/activities/new', worker, { ...form, themes: 'astrology' }, nl)))) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect([theme.status, theme.data.errors.themes]).toEqual([400, 'Kies thema’s uit de lijst.']);
		expect(await rows()).toEqual(before);
	});

	it('registers, puts the next one on the waiting list, refuses a double and cancels', async () => {
		const first = await outcome(detail.actions.register!(formPost(`/activities/${id}`, worker, { activityId: id, personId: person.id }, params)));
		expect((first as { location: string }).location).toBe(`/activities/${id}?registered=1&waiting=0#registrations-h`);
		const twice = (await outcome(
			detail.actions.register!(formPost(`/activities/${id}`, worker, { activityId: id, personId: person.id }, { ...nl, ...params }))
		)) as { status: number; data: { errors: Record<string, string> } };
		expect([twice.status, twice.data.errors.personId]).toEqual([422, 'Deze persoon is al ingeschreven.']);
		const [reg] = await db.select().from(activitiesRegistration).where(eq(activitiesRegistration.personId, person.id));
		expect(await outcome(detail.actions.cancel!(formPost(`/activities/${id}`, stranger, { id: reg!.id }, params)))).toMatchObject({ status: 404 });
		expect(await outcome(detail.actions.cancel!(formPost(`/activities/${id}`, worker, { id: reg!.id }, params)))).toMatchObject({ status: 303 });
	});

	it('refuses residents and volunteers (403) and hides the activity from another organisation or neighbourhood (404)', async () => {
		const before = await rows();
		for (const who of [resident, volunteer] as Who[]) {
			expect(await outcome(list.load(formPost('/activities', who, {}) as never))).toMatchObject({ status: 403 });
			expect(await outcome(create.load(formPost('/activities/new', who, {}) as never))).toMatchObject({ status: 403 });
			expect(await outcome(detail.load(formPost(`/activities/${id}`, who, {}, params) as never))).toMatchObject({ status: 403 });
			expect(await outcome(create.actions.default!(formPost('/activities/new', who, form)))).toMatchObject({ status: 403 });
			expect(
				await outcome(detail.actions.register!(formPost(`/activities/${id}`, who, { activityId: id, personId: person.id }, params)))
			).toMatchObject({
				status: 403
			});
		}
		for (const who of [stranger, neighbour] as Who[]) {
			expect(await outcome(detail.load(formPost(`/activities/${id}`, who, {}, params) as never))).toMatchObject({ status: 404 });
			expect(await outcome(edit.load(formPost(`/activities/${id}/edit`, who, {}, params) as never))).toMatchObject({ status: 404 });
			expect(await outcome(edit.actions.default!(formPost(`/activities/${id}/edit`, who, form, params)))).toMatchObject({ status: 404 });
			expect(
				await outcome(detail.actions.session!(formPost(`/activities/${id}`, who, { day: today, startTime: '10:00', endTime: '11:00' }, params)))
			).toMatchObject({
				status: 404
			});
			expect(
				await outcome(detail.actions.register!(formPost(`/activities/${id}`, who, { activityId: id, personId: person.id }, params)))
			).toMatchObject({
				status: 404
			});
		}
		expect(await rows()).toEqual(before);
	});

	it('changes the activity from the edit form; a place-less change is refused in Dutch', async () => {
		const changed = await outcome(edit.actions.default!(formPost(`/activities/${id}/edit`, worker, { ...form, title: 'Naaiatelier Rabot' }, params)));
		expect(changed).toMatchObject({ status: 303, location: `/activities/${id}` });
		const bad = (await outcome(
			edit.actions.default!(formPost(`/activities/${id}/edit`, worker, { ...form, placeName: '' }, { ...nl, ...params }))
		)) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect([bad.status, bad.data.errors.placeName]).toEqual([422, 'Kies een buurthuis of geef een andere plaats.']);
		const [a] = await db.select().from(activitiesActivity).where(eq(activitiesActivity.id, id));
		expect(a!.title).toBe('Naaiatelier Rabot');
	});

	it('lists and shows the activity to its neighbourhood’s worker', async () => {
		const listed = (await outcome(list.load(formPost('/activities', worker, {}) as never))) as { activities: { id: string }[] };
		expect(listed.activities.map((a) => a.id)).toContain(id);
		const shown = (await outcome(detail.load(formPost(`/activities/${id}?q=Samira`, worker, {}, params) as never))) as {
			activity: { sessions: unknown[] };
			search: { people: { id: string }[] };
		};
		expect(shown.activity.sessions).toHaveLength(4);
		expect(shown.search.people.map((p) => p.id)).toContain(person.id);
	});
});
