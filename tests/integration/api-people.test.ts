import { describe, expect, it } from 'vitest';
import { and, count, eq, getTableColumns } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import { anonymous, type Actor } from '../../src/lib/server/core/context.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import { load as peopleLoad } from '../../src/routes/(work)/people/+page.server.ts';
import { consentGiven } from '../../src/lib/server/people/index.ts';

// A person's row with whether they may be contacted now (the purpose 'contact', people_consent).
const withConsent = { ...getTableColumns(peoplePerson), contactConsent: consentGiven('contact', peoplePerson.id) };

// The people part of /api/v1 through the one dispatcher: the same verbs as the people pages, so the
// same people may do the same things, and nothing else.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const otherArea = await makeArea(db, 'Sluizeken');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const stranger = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });
const admin = await makeActor(db, 'admin', { organisationId: org.id });
const readOnly = { ...facilitator.actor, via: 'token', tokenScopes: ['read'] } as Actor;

const person = {
	firstName: 'Georgi',
	lastName: 'Petrov',
	phone: '+32 470 11 22 33',
	organisationId: org.id,
	areaId: area.id,
	languages: ['bg', 'nl']
};
const snapshot = async () => ({
	people: ((await db.select({ n: count() }).from(peoplePerson)) as [{ n: number }])[0].n,
	audit: ((await db.select({ n: count() }).from(coreAudit)) as [{ n: number }])[0].n
});
const post = (actor: Actor, body: unknown) => apiCall(actor, { method: 'POST', path: '/people', body });

const target = await registerPerson(ctxFor(db, facilitator.actor), {
	...person,
	firstName: 'Read me',
	email: 'read@example.test',
	contactConsent: true
});
const pagingOrg = await makeOrganisation(db);
const pager = await makeActor(db, 'coordinator', { organisationId: pagingOrg.id });
for (const firstName of ['Anna', 'Bart', 'Chris', 'Dirk', 'Eva'])
	await registerPerson(ctxFor(db, admin.actor), { firstName, organisationId: pagingOrg.id });
// Two people of the same first name: the cursor also holds the id, so neither is skipped or repeated.
await registerPerson(ctxFor(db, admin.actor), { firstName: 'Bart', lastName: 'Twee', organisationId: pagingOrg.id });

describe('POST /people (createPerson)', () => {
	it('registers a walk-in: 201, where it is in Location, consent as a JSON boolean', async () => {
		const res = await post(facilitator.actor, { ...person, contactConsent: true });
		expect(res.status).toBe(201);
		expect(res.body).toEqual({ id: expect.any(String), firstName: 'Georgi', organisationId: org.id, areaId: area.id, hasAccount: false });
		expect(res.headers.get('location')).toBe(`/api/v1/people/${res.body.id as string}`);
		const [row] = await db
			.select(withConsent)
			.from(peoplePerson)
			.where(eq(peoplePerson.id, res.body.id as string));
		expect(row).toMatchObject({ contactConsent: true, languages: ['bg', 'nl'], registeredByUserId: facilitator.user.id });
		const got = await apiCall(facilitator.actor, { path: res.headers.get('location')!.slice('/api/v1'.length) });
		expect(got.status).toBe(200);
		expect(got.body.id).toBe(res.body.id);
	});

	it('refuses the wrong people and another organisation’s or area’s place, and changes nothing', async () => {
		const before = await snapshot();
		expect((await post(volunteer.actor, person)).status).toBe(403);
		expect((await post(anonymous, person)).status).toBe(401);
		expect((await post(readOnly, person)).status).toBe(403);
		expect((await post(stranger.actor, person)).status).toBe(403);
		expect((await post(facilitator.actor, { ...person, areaId: otherArea.id })).status).toBe(403);
		expect((await post(facilitator.actor, { ...person, organisationId: otherOrg.id })).status).toBe(403);
		expect(await snapshot()).toEqual(before);
	});

	it('answers bad input and form habits with 422 and field errors, and changes nothing', async () => {
		const before = await snapshot();
		for (const body of [
			{},
			{ ...person, firstName: '' },
			{ ...person, firstName: 'Ma\u0000ria' },
			{ ...person, email: 'not-mail' },
			{ ...person, organisationId: 'x' },
			// Form habits are not JSON: "on" for a box, "" for no area, a comma-separated string of languages.
			{ ...person, contactConsent: 'on' },
			{ ...person, areaId: '' },
			{ ...person, languages: 'bg,nl' },
			{ ...person, languages: ['Dutch'] },
			// An area-bound facilitator must say the area.
			{ ...person, areaId: null }
		]) {
			const res = await post(facilitator.actor, body);
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect(Object.keys(res.body.errors as object).length, JSON.stringify(body)).toBeGreaterThan(0);
		}
		expect((await apiCall(facilitator.actor, { method: 'POST', path: '/people', body: 'firstName=Georgi', type: 'text/plain' })).status).toBe(415);
		// An admin's grant covers any organisation: one that does not exist is still a field error.
		const unknown = await post(admin.actor, { ...person, organisationId: '00000000-0000-4000-8000-000000000000' });
		expect(unknown.status).toBe(422);
		expect(unknown.body.errors).toHaveProperty('organisationId');
		const noArea = await post(admin.actor, { ...person, areaId: '00000000-0000-4000-8000-000000000000' });
		expect(noArea.status).toBe(422);
		expect(noArea.body.errors).toHaveProperty('areaId');
		expect(await snapshot()).toEqual(before);
	});

	it('takes an absent or null area from someone who works organisation-wide', async () => {
		const { areaId: _, ...withoutArea } = person;
		const res = await post(coordinator.actor, { ...withoutArea, firstName: 'No area' });
		expect(res.status).toBe(201);
		expect(res.body.areaId).toBeNull();
		expect((await post(coordinator.actor, { ...person, firstName: 'Null area', areaId: null })).body.areaId).toBeNull();
	});
});

describe('GET /people/{id} (getPerson)', () => {
	it('gives the contact details, least data, and audits the read with its reason', async () => {
		const before = await snapshot();
		const res = await apiCall(facilitator.actor, { path: `/people/${target.id}?reason=${encodeURIComponent('follow-up call')}` });
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			id: target.id,
			firstName: 'Read me',
			lastName: 'Petrov',
			email: 'read@example.test',
			phone: '+32 470 11 22 33',
			contactConsent: true,
			languages: ['bg', 'nl'],
			organisationId: org.id,
			areaId: area.id,
			hasAccount: false,
			birthYear: null,
			preferredChannel: null,
			countryOfOrigin: null,
			mergedIntoId: null,
			erasedAt: null,
			createdAt: target.createdAt.toISOString()
		});
		for (const left of ['ageGroup', 'originGroup', 'student', 'interculturalConsent', 'registeredByUserId', 'userId'])
			expect(res.body).not.toHaveProperty(left);
		const [read] = await db
			.select()
			.from(coreAudit)
			.where(and(eq(coreAudit.entityId, target.id), eq(coreAudit.action, 'read')));
		expect(read).toMatchObject({ reason: 'follow-up call', actorUserId: facilitator.user.id });
		expect((await snapshot()).audit).toBe(before.audit + 1);
	});

	it('answers another organisation, an unknown id and a malformed one with the same 404, the wrong role 403', async () => {
		const before = await snapshot();
		for (const [actor, path] of [
			[stranger.actor, `/people/${target.id}`],
			[facilitator.actor, '/people/00000000-0000-4000-8000-000000000000'],
			[facilitator.actor, '/people/not-an-id']
		] as const) {
			const res = await apiCall(actor, { path });
			expect(res.status, path).toBe(404);
			expect(res.headers.get('content-type')).toBe('application/problem+json');
		}
		expect((await apiCall(volunteer.actor, { path: `/people/${target.id}` })).status).toBe(403);
		expect((await apiCall(anonymous, { path: `/people/${target.id}` })).status).toBe(401);
		expect((await apiCall(facilitator.actor, { path: `/people/${target.id}?reason=${'x'.repeat(201)}` })).status).toBe(422);
		// Nothing read, nothing audited.
		expect(await snapshot()).toEqual(before);
	});
});

describe('GET /people (listPeople)', () => {
	it('pages by first name: no repeats, nothing skipped, nextCursor null at the end', async () => {
		const seen: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const res = await apiCall(pager.actor, { path: `/people?limit=2${cursor ? `&cursor=${cursor}` : ''}` });
			expect(res.status).toBe(200);
			const items = res.body.items as Array<{ id: string; firstName: string; hasAccount: boolean; createdAt: string }>;
			expect(items.length).toBeLessThanOrEqual(2);
			seen.push(...items.map((p) => p.id));
			expect(typeof items[0]!.hasAccount).toBe('boolean');
			cursor = res.body.nextCursor as string | null;
			pages++;
		} while (cursor && pages < 10);
		expect(pages).toBe(3);
		expect(new Set(seen).size).toBe(6);
		const all = (await apiCall(pager.actor, { path: '/people?limit=200' })).body;
		expect((all.items as Array<{ firstName: string }>).map((p) => p.firstName)).toEqual(['Anna', 'Bart', 'Bart', 'Chris', 'Dirk', 'Eva']);
		expect((all.items as Array<{ id: string }>).map((p) => p.id)).toEqual(seen);
		expect(all.nextCursor).toBeNull();
	});

	it('shows the page’s scope: an area-bound facilitator sees their area only, another organisation nothing', async () => {
		const mine = (await apiCall(facilitator.actor, { path: '/people?limit=200' })).body.items as Array<{ firstName: string; areaId: string }>;
		expect(mine.length).toBeGreaterThan(0);
		expect(mine.every((p) => p.areaId === area.id)).toBe(true);
		expect(mine.map((p) => p.firstName)).not.toContain('No area');
		expect((await apiCall(stranger.actor, { path: '/people' })).body).toEqual({ items: [], nextCursor: null });
		const found = (await apiCall(pager.actor, { path: '/people?q=bar' })).body.items as Array<{ firstName: string }>;
		expect(found.map((p) => p.firstName)).toEqual(['Bart', 'Bart']);
	});

	it('refuses the wrong role, a bad cursor and a bad limit', async () => {
		expect((await apiCall(volunteer.actor, { path: '/people' })).status).toBe(403);
		expect((await apiCall(anonymous, { path: '/people' })).status).toBe(401);
		for (const query of ['cursor=nonsense', `cursor=${Buffer.from('[1]').toString('base64url')}`, 'limit=0', 'limit=201', 'limit=two']) {
			const res = await apiCall(pager.actor, { path: `/people?${query}` });
			expect(res.status, query).toBe(422);
			expect(Object.keys(res.body.errors as object).length, query).toBeGreaterThan(0);
		}
	});
});

describe('the people page', () => {
	it('pages as the API does: the first 100, then a next page that goes on where it stopped', async () => {
		const many = await makeOrganisation(db);
		const worker = await makeActor(db, 'coordinator', { organisationId: many.id });
		await db
			.insert(peoplePerson)
			.values(Array.from({ length: 101 }, (_, i) => ({ firstName: `P${String(i).padStart(3, '0')}`, organisationId: many.id })));
		type Listed = { people: Array<{ firstName: string }>; nextCursor: string | null };
		const load = (search: string) =>
			peopleLoad({ url: new URL(`http://localhost/people${search}`), locals: { actor: worker.actor, locale: 'en' } } as never) as Promise<Listed>;
		const first = await load('');
		expect(first.people).toHaveLength(100);
		expect(first.nextCursor).not.toBeNull();
		const second = await load(`?cursor=${first.nextCursor}`);
		expect(second.people.map((p) => p.firstName)).toEqual(['P100']);
		expect(second.nextCursor).toBeNull();
	});
});
