import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { createHousehold, registerPerson } from '../../src/lib/server/people/index.ts';
import { createPartner, createRelationship } from '../../src/lib/server/network/index.ts';
import { networkPartner, networkRelationship } from '../../src/lib/server/network/schema.ts';
import { peopleHousehold, peopleHouseholdMember } from '../../src/lib/server/people/schema.ts';

// Households, partners and ties through /api/v1: the same verbs as the pages, so the same refusals —
// B's ids are unknown to A (404, 0 rows changed), a wrong role is 403, bad input a 4xx with a key.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const stranger = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const f = ctxFor(db, facilitator.actor);
const s = ctxFor(db, stranger.actor);

const mine = await registerPerson(f, { firstName: 'Mine', organisationId: org.id, areaId: area.id });
const alsoMine = await registerPerson(f, { firstName: 'Also', organisationId: org.id, areaId: area.id });
const theirs = await registerPerson(s, { firstName: 'Theirs', organisationId: otherOrg.id });
const theirPartner = await createPartner(s, { name: 'Their school', kind: 'school', organisationId: otherOrg.id });
const theirHousehold = await createHousehold(s, { organisationId: otherOrg.id, members: [{ personId: theirs.id, role: 'adult' }] });
const theirTie = await createRelationship(s, {
	type: 'contact_person_at',
	fromKind: 'person',
	fromId: theirs.id,
	toKind: 'partner',
	toId: theirPartner.id
});

const snapshot = async () =>
	JSON.stringify({
		partners: await db.select().from(networkPartner).orderBy(networkPartner.id),
		ties: await db.select().from(networkRelationship).orderBy(networkRelationship.id),
		households: ((await db.select({ n: count() }).from(peopleHousehold)) as [{ n: number }])[0].n,
		members: await db.select().from(peopleHouseholdMember).orderBy(peopleHouseholdMember.id)
	});

describe('/api/v1 households, partners, relationships', () => {
	it('another organisation’s ids are 404 for every operation, and nothing changes', async () => {
		const before = await snapshot();
		const calls = [
			{ path: `/households/${theirHousehold.id}` },
			{ method: 'POST', path: `/households/${theirHousehold.id}/members`, body: { personId: mine.id, role: 'adult' } },
			{ path: `/partners/${theirPartner.id}` },
			{ method: 'PUT', path: `/partners/${theirPartner.id}`, body: { name: 'Taken over', kind: 'school' } },
			{ method: 'POST', path: '/relationships', body: { type: 'knows', fromKind: 'person', fromId: mine.id, toKind: 'person', toId: theirs.id } },
			{ method: 'POST', path: `/relationships/${theirTie.id}/end`, body: {} },
			{ path: `/relationships?kind=person&id=${theirs.id}` }
		];
		for (const call of calls) expect((await apiCall(facilitator.actor, call)).status, call.path).toBe(404);
		const list = await apiCall(facilitator.actor, { path: '/partners' });
		expect((list.body.items as Array<{ id: string }>).map((p) => p.id)).not.toContain(theirPartner.id);
		expect(await snapshot()).toBe(before);
	});

	it('a wrong role is 403 and nothing changes', async () => {
		const before = await snapshot();
		const v = volunteer.actor;
		expect((await apiCall(v, { method: 'POST', path: '/partners', body: { organisationId: org.id, name: 'Nope', kind: 'other' } })).status).toBe(403);
		expect((await apiCall(v, { method: 'POST', path: '/households', body: { organisationId: org.id, areaId: area.id } })).status).toBe(403);
		expect(
			(
				await apiCall(v, {
					method: 'POST',
					path: '/relationships',
					body: { type: 'knows', fromKind: 'person', fromId: mine.id, toKind: 'person', toId: alsoMine.id }
				})
			).status
		).toBe(403);
		expect((await apiCall(v, { path: '/partners' })).status).toBe(403);
		expect(await snapshot()).toBe(before);
	});

	it('bad input: an unknown type, a tie with itself, a 1 MB note are clear 4xx with a key, and nothing changes', async () => {
		const before = await snapshot();
		const post = (body: Record<string, unknown>) =>
			apiCall(facilitator.actor, {
				method: 'POST',
				path: '/relationships',
				body: { fromKind: 'person', fromId: mine.id, toKind: 'person', ...body }
			});
		const unknown = await post({ type: 'rival_of', toId: alsoMine.id });
		expect([unknown.status, unknown.body.code, (unknown.body.errors as Record<string, string>).type]).toEqual([
			422,
			'error_invalid',
			'Choose a kind of tie from the list.'
		]);
		const self = await post({ type: 'knows', toId: mine.id });
		expect([self.status, (self.body.errors as Record<string, string>).toId]).toEqual([
			422,
			'A tie needs two different ends: this is the same one twice.'
		]);
		const huge = await post({ type: 'knows', toId: alsoMine.id, note: 'x'.repeat(1024 * 1024) });
		expect([huge.status, huge.body.code]).toEqual([413, 'error_too_large']);
		const long = await post({ type: 'knows', toId: alsoMine.id, note: 'x'.repeat(2001) });
		expect(long.status).toBe(422);
		const website = await apiCall(facilitator.actor, {
			method: 'POST',
			path: '/partners',
			body: { organisationId: org.id, name: 'Bad site', kind: 'other', website: 'ftp://x' }
		});
		expect(website.status).toBe(422);
		expect(await snapshot()).toBe(before);
	});

	it('a person in a current household cannot join another one: 422 on personId, never a 500', async () => {
		const h = await apiCall(facilitator.actor, {
			method: 'POST',
			path: '/households',
			body: { organisationId: org.id, areaId: area.id, members: [{ personId: mine.id, role: 'adult', head: true }] }
		});
		expect(h.status).toBe(201);
		const other = await apiCall(facilitator.actor, { method: 'POST', path: '/households', body: { organisationId: org.id, areaId: area.id } });
		const again = await apiCall(facilitator.actor, {
			method: 'POST',
			path: `/households/${other.body.id as string}/members`,
			body: { personId: mine.id, role: 'adult' }
		});
		expect([again.status, Object.keys(again.body.errors as object)]).toEqual([422, ['personId']]);
	});
});
