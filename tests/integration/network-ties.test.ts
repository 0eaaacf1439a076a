import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import { createHousehold } from '../../src/lib/server/people/households.ts';
import {
	assignWorker,
	createPartner,
	createRelationship,
	endAssignment,
	endRelationship,
	getPartner,
	listAssignments,
	listPartners,
	listTies,
	updatePartner
} from '../../src/lib/server/network/index.ts';
import { networkAssignment, networkPartner, networkRelationship } from '../../src/lib/server/network/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { and, eq } from 'drizzle-orm';

// Partners, ties and workers on a real PostgreSQL: another organisation's ids are unknown (404, 0 rows
// changed), a wrong role is 403, bad input is a 422 with a message key and changes nothing; member_of
// never closes a circle; ending keeps the row.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db);
const otherArea = await makeArea(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const outreach = await makeActor(db, 'outreach', { organisationId: org.id, areaId: area.id });
const officer = await makeActor(db, 'officer', { organisationId: org.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const stranger = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const f = ctxFor(db, facilitator.actor);
const s = ctxFor(db, stranger.actor);
const person = (firstName: string) => registerPerson(f, { firstName, organisationId: org.id, areaId: area.id });
const partnerOf = (ctx = f, name = 'OCMW Gent', organisationId = org.id) =>
	createPartner(ctx, { name, kind: 'welfare', organisationId, themes: ['income', 'housing'], areaIds: [area.id] } as never);

const snapshot = async () => ({
	partners: ((await db.select({ n: count() }).from(networkPartner)) as [{ n: number }])[0].n,
	ties: ((await db.select({ n: count() }).from(networkRelationship)) as [{ n: number }])[0].n,
	assignments: ((await db.select({ n: count() }).from(networkAssignment)) as [{ n: number }])[0].n,
	rows: JSON.stringify(await db.select().from(networkRelationship).orderBy(networkRelationship.id))
});
const refused = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		return e as { status: number; fields?: Record<string, string> };
	}
	throw new Error('not refused');
};
const tie = (fromKind: string, fromId: string, type: string, toKind: string, toId: string, extra: Record<string, unknown> = {}) =>
	createRelationship(f, { fromKind, fromId, type, toKind, toId, ...extra } as never);

const theirs = await partnerOf(s, 'Their OCMW', otherOrg.id);
const theirPerson = await registerPerson(s, { firstName: 'Theirs', organisationId: otherOrg.id });

describe('partner organisations', () => {
	it('are read by all the organisation’s staff, area-bound or not, and the officer; filtered by kind, theme, area', async () => {
		const p = await partnerOf();
		for (const who of [facilitator, coordinator, outreach, officer])
			expect((await getPartner(ctxFor(db, who.actor), { id: p.id })).name).toBe('OCMW Gent');
		expect((await listPartners(f, { theme: 'income' })).map((x) => x.id)).toContain(p.id);
		expect((await listPartners(f, { theme: 'health' })).map((x) => x.id)).not.toContain(p.id);
		expect((await listPartners(f, { kind: 'school' })).map((x) => x.id)).not.toContain(p.id);
		expect((await listPartners(f, { areaId: area.id })).map((x) => x.id)).toContain(p.id);
		expect((await listPartners(f, { areaId: otherArea.id })).map((x) => x.id)).not.toContain(p.id);
		expect((await listPartners(f)).map((x) => x.id)).not.toContain(theirs.id);
	});

	it('another organisation’s partner is unknown (404) and stays unchanged; an officer may not change one (403)', async () => {
		const before = await snapshot();
		expect((await refused(getPartner(f, { id: theirs.id }))).status).toBe(404);
		expect((await refused(updatePartner(f, { id: theirs.id, name: 'Mine now', kind: 'other', themes: [], areaIds: [] } as never))).status).toBe(404);
		const mine = await partnerOf(f, 'Kind en Gezin');
		expect(
			(await refused(updatePartner(ctxFor(db, officer.actor), { id: mine.id, name: 'Xylo', kind: 'other', themes: [], areaIds: [] } as never))).status
		).toBe(403);
		expect((await refused(partnerOf(ctxFor(db, volunteer.actor)))).status).toBe(403);
		expect((await refused(partnerOf(f, 'Sneaky', otherOrg.id))).status).toBe(403);
		expect((await snapshot()).partners).toBe(before.partners + 1);
		expect((await getPartner(s, { id: theirs.id })).name).toBe('Their OCMW');
	});

	it('bad input is a 422 with message keys and changes nothing', async () => {
		const before = await snapshot();
		const e = await refused(
			createPartner(f, { name: 'X', kind: 'bank', organisationId: org.id, website: 'javascript:alert(1)', themes: ['magic'], areaIds: [] } as never)
		);
		expect(e).toMatchObject({
			status: 422,
			fields: { name: 'error_required', kind: 'error_choice', website: 'network_error_website', themes: 'error_choice' }
		});
		expect(await snapshot()).toEqual(before);
	});
});

describe('ties', () => {
	it('a contact person reads from both ends, and the partner lists them', async () => {
		const [sara, ocmw] = [await person('Sara'), await partnerOf(f, 'OCMW Rabot')];
		await tie('person', sara.id, 'contact_person_at', 'partner', ocmw.id, { role: 'social worker', startsOn: '2025-01-01' });
		const fromSara = await listTies(f, { kind: 'person', id: sara.id });
		expect(fromSara.map((t) => [t.type, t.side, t.other.name, t.role])).toEqual([['contact_person_at', 'from', 'OCMW Rabot', 'social worker']]);
		// Reading a person's ties is a read of personal data: audited, with the node.
		const [audited] = await db
			.select({ n: count() })
			.from(coreAudit)
			.where(and(eq(coreAudit.entity, 'network_relationship'), eq(coreAudit.action, 'read'), eq(coreAudit.actorUserId, facilitator.user.id)));
		expect(audited!.n).toBe(1);
		const fromPartner = await listTies(f, { kind: 'partner', id: ocmw.id });
		expect(fromPartner.map((t) => [t.side, t.other.name])).toEqual([['to', 'Sara']]);
		expect((await getPartner(f, { id: ocmw.id })).contacts.map((c) => [c.firstName, c.role])).toEqual([['Sara', 'social worker']]);
		// The officer reads partners, not people: the contact person is not named to them.
		expect((await getPartner(ctxFor(db, officer.actor), { id: ocmw.id })).contacts).toEqual([]);
	});

	it('refuses nonsense with a clear 422 and changes nothing', async () => {
		const [a, b, household, partner] = [
			await person('A'),
			await person('B'),
			await createHousehold(f, { organisationId: org.id, areaId: area.id }),
			await partnerOf()
		];
		const before = await snapshot();
		const cases: Array<[() => Promise<unknown>, Record<string, string>]> = [
			[() => tie('person', a.id, 'enemy_of', 'person', b.id), { type: 'network_error_type' }],
			[() => tie('person', a.id, 'knows', 'person', a.id), { toId: 'network_error_self' }],
			[() => tie('person', a.id, 'knows', 'person', b.id, { startsOn: '2025-05-01', endsOn: '2025-04-01' }), { endsOn: 'network_error_ends_before' }],
			[() => tie('partner', partner.id, 'contact_person_at', 'person', a.id), { toKind: 'network_error_kinds' }],
			[() => tie('household', household.id, 'contact_person_at', 'partner', partner.id), { toKind: 'network_error_kinds' }],
			[() => tie('person', a.id, 'member_of', 'person', b.id), { toKind: 'network_error_kinds' }],
			[() => tie('person', a.id, 'knows', 'person', b.id, { note: 'x'.repeat(1024 * 1024) }), { note: 'error_too_long' }]
		];
		for (const [call, fields] of cases) expect(await refused(call())).toMatchObject({ status: 422, fields });
		expect(await snapshot()).toEqual(before);
	});

	it('member_of never closes a circle, also through a longer chain', async () => {
		const [h1, h2, h3] = [
			await createHousehold(f, { organisationId: org.id, areaId: area.id }),
			await createHousehold(f, { organisationId: org.id, areaId: area.id }),
			await createHousehold(f, { organisationId: org.id, areaId: area.id })
		];
		await tie('household', h1.id, 'member_of', 'household', h2.id);
		await tie('household', h2.id, 'member_of', 'household', h3.id);
		const before = await snapshot();
		expect(await refused(tie('household', h2.id, 'member_of', 'household', h1.id))).toMatchObject({
			status: 422,
			fields: { toId: 'network_error_cycle' }
		});
		expect(await refused(tie('household', h3.id, 'member_of', 'household', h1.id))).toMatchObject({
			status: 422,
			fields: { toId: 'network_error_cycle' }
		});
		expect(await snapshot()).toEqual(before);
		// An ended membership no longer counts: the chain is broken.
		const [first] = (await listTies(f, { kind: 'household', id: h1.id })).filter((t) => t.side === 'from');
		await endRelationship(f, { id: first!.id, endsOn: '2020-01-01' });
		await tie('household', h3.id, 'member_of', 'household', h1.id);
	});

	it('ending keeps the row as history; a symmetric tie is not made twice', async () => {
		const [a, b] = [await person('Ann'), await person('Bob')];
		const t = await tie('person', a.id, 'knows', 'person', b.id, { startsOn: '2024-01-01' });
		expect(await refused(tie('person', b.id, 'knows', 'person', a.id))).toMatchObject({ fields: { toId: 'network_error_exists' } });
		expect(await refused(endRelationship(f, { id: t.id, endsOn: '2023-01-01' }))).toMatchObject({ fields: { endsOn: 'network_error_ends_before' } });
		await endRelationship(f, { id: t.id, endsOn: '2025-03-01' });
		const [read] = await listTies(f, { kind: 'person', id: b.id });
		expect(read).toMatchObject({ id: t.id, current: false, endsOn: '2025-03-01', side: 'to', other: { name: 'Ann' } });
		expect(await refused(endRelationship(f, { id: t.id }))).toMatchObject({ fields: { endsOn: 'network_error_ended' } });
	});

	it('another organisation’s nodes and ties are unknown (404) and nothing changes; a wrong role is 403', async () => {
		const [a, b] = [await person('Mine'), await person('Also mine')];
		const t = await tie('person', a.id, 'knows', 'person', b.id);
		const before = await snapshot();
		expect((await refused(tie('person', a.id, 'knows', 'person', theirPerson.id))).status).toBe(404);
		expect((await refused(tie('person', a.id, 'contact_person_at', 'partner', theirs.id))).status).toBe(404);
		expect((await refused(endRelationship(s, { id: t.id }))).status).toBe(404);
		expect((await refused(listTies(s, { kind: 'person', id: a.id }))).status).toBe(404);
		expect((await refused(endRelationship(ctxFor(db, volunteer.actor), { id: t.id }))).status).toBe(403);
		expect((await refused(endRelationship(ctxFor(db, officer.actor), { id: t.id }))).status).toBe(403);
		expect(await snapshot()).toEqual(before);
	});
});

describe('worker assignments', () => {
	it('assigns staff of the organisation, ends with history; never a stranger; a wrong role is 403', async () => {
		const p = await person('Followed');
		const c = ctxFor(db, coordinator.actor);
		const a = await assignWorker(c, { personId: p.id, workerPersonId: facilitator.person.id, startsOn: '2025-01-01' });
		expect(await refused(assignWorker(c, { personId: p.id, workerPersonId: facilitator.person.id }))).toMatchObject({
			fields: { workerPersonId: 'network_error_worker_already' }
		});
		const before = await snapshot();
		expect(await refused(assignWorker(c, { personId: p.id, workerPersonId: stranger.person.id }))).toMatchObject({
			status: 422,
			fields: { workerPersonId: 'network_error_worker' }
		});
		expect((await refused(assignWorker(s, { personId: p.id, workerPersonId: stranger.person.id }))).status).toBe(404);
		expect((await refused(endAssignment(s, { id: a.id }))).status).toBe(404);
		expect((await refused(assignWorker(ctxFor(db, outreach.actor), { personId: p.id, workerPersonId: coordinator.person.id }))).status).toBe(403);
		expect(await snapshot()).toEqual(before);
		await endAssignment(c, { id: a.id, endsOn: '2025-06-01' });
		const read = await listAssignments(f, { personId: p.id });
		expect(read.assignments.map((x) => [x.firstName, x.endsOn, x.current])).toEqual([['facilitator', '2025-06-01', false]]);
	});
});
