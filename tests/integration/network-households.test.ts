import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import {
	addHouseholdMember,
	createHousehold,
	endHouseholdMember,
	findHouseholds,
	getHousehold,
	personHousehold
} from '../../src/lib/server/people/households.ts';
import { peopleHousehold, peopleHouseholdMember } from '../../src/lib/server/people/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';

// Households on a real PostgreSQL: one current household per person (the partial unique index as a
// field error), history kept on moving out, and the organisation's walls.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db);
const otherArea = await makeArea(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const stranger = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });
const f = ctxFor(db, facilitator.actor);
const person = (firstName: string, areaId = area.id, organisationId = org.id) => registerPerson(f, { firstName, organisationId, areaId });
const admin = await makeActor(db, 'admin', { organisationId: org.id });
const outsider = await registerPerson(ctxFor(db, admin.actor), { firstName: 'Elsewhere', organisationId: otherOrg.id });

const rows = async () => ({
	households: ((await db.select({ n: count() }).from(peopleHousehold)) as [{ n: number }])[0].n,
	members: ((await db.select({ n: count() }).from(peopleHouseholdMember)) as [{ n: number }])[0].n
});

const refused = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		return e as { status: number; fields?: Record<string, string> };
	}
	throw new Error('not refused');
};

describe('households', () => {
	it('counts size and children from the current members; a family with two children', async () => {
		const [mum, dad, kid1, kid2] = [await person('Amina'), await person('Yusuf'), await person('Lina'), await person('Adam')];
		const h = await createHousehold(f, {
			organisationId: org.id,
			areaId: area.id,
			name: 'Family El Amrani',
			members: [
				{ personId: mum.id, role: 'adult', head: true },
				{ personId: dad.id, role: 'adult' },
				{ personId: kid1.id, role: 'child' },
				{ personId: kid2.id, role: 'child' }
			]
		});
		const read = await getHousehold(f, { id: h.id });
		expect({ size: read.size, children: read.children, head: read.members.find((m) => m.head)?.firstName }).toEqual({
			size: 4,
			children: 2,
			head: 'Amina'
		});
		expect(await personHousehold(f, { personId: kid1.id })).toBe(h.id);
		const [audited] = await db.select({ n: count() }).from(coreAudit).where(eq(coreAudit.entityId, h.id));
		expect(audited!.n).toBeGreaterThanOrEqual(2);
		expect((await findHouseholds(f, { q: 'lin' })).map((x) => x.id)).toContain(h.id);
	});

	it('refuses a second current household as a field error, not a 500, and changes nothing', async () => {
		const p = await person('Once');
		await createHousehold(f, { organisationId: org.id, areaId: area.id, members: [{ personId: p.id, role: 'adult' }] });
		const other = await createHousehold(f, { organisationId: org.id, areaId: area.id });
		const before = await rows();
		const e = await refused(addHouseholdMember(f, { householdId: other.id, personId: p.id, role: 'adult' }));
		expect(e.status).toBe(422);
		expect(e.fields).toEqual({ personId: 'people_household_error_elsewhere' });
		const e2 = await refused(createHousehold(f, { organisationId: org.id, areaId: area.id, members: [{ personId: p.id, role: 'adult' }] }));
		expect(e2.fields).toEqual({ personId: 'people_household_error_elsewhere' });
		expect(await rows()).toEqual(before);
	});

	it('the partial unique index itself is turned into the same field error (two staff at once)', async () => {
		const p = await person('Race');
		const a = await createHousehold(f, { organisationId: org.id, areaId: area.id });
		const b = await createHousehold(f, { organisationId: org.id, areaId: area.id });
		const both = await Promise.allSettled([
			addHouseholdMember(f, { householdId: a.id, personId: p.id, role: 'adult' }),
			addHouseholdMember(f, { householdId: b.id, personId: p.id, role: 'adult' })
		]);
		const failed = both.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
		expect(failed).toHaveLength(1);
		expect((failed[0]!.reason as { fields: Record<string, string> }).fields).toEqual({ personId: 'people_household_error_elsewhere' });
	});

	it('moving out keeps the membership as history and frees the person for a new household', async () => {
		const p = await person('Mover');
		const h = await createHousehold(f, {
			organisationId: org.id,
			areaId: area.id,
			members: [{ personId: p.id, role: 'adult', joinedOn: '2024-01-01' }]
		});
		const [member] = (await getHousehold(f, { id: h.id })).members;
		expect(await refused(endHouseholdMember(f, { householdId: h.id, memberId: member!.id, leftOn: '2023-01-01' }))).toMatchObject({
			fields: { leftOn: 'people_household_error_left_before' }
		});
		await endHouseholdMember(f, { householdId: h.id, memberId: member!.id, leftOn: '2025-06-30' });
		const read = await getHousehold(f, { id: h.id });
		expect(read.size).toBe(0);
		expect(read.past.map((m) => [m.firstName, m.leftOn])).toEqual([['Mover', '2025-06-30']]);
		const next = await createHousehold(f, { organisationId: org.id, areaId: area.id, members: [{ personId: p.id, role: 'adult' }] });
		expect(await personHousehold(f, { personId: p.id })).toBe(next.id);
	});

	it('another organisation’s household or person is unknown (404) and nothing changes; a wrong role is 403', async () => {
		const mine = await createHousehold(f, { organisationId: org.id, areaId: area.id });
		const before = await rows();
		const s = ctxFor(db, stranger.actor);
		expect((await refused(getHousehold(s, { id: mine.id }))).status).toBe(404);
		expect((await refused(addHouseholdMember(s, { householdId: mine.id, personId: outsider.id, role: 'adult' }))).status).toBe(404);
		expect((await refused(addHouseholdMember(f, { householdId: mine.id, personId: outsider.id, role: 'adult' }))).status).toBe(404);
		expect((await refused(createHousehold(s, { organisationId: org.id, areaId: area.id }))).status).toBe(403);
		expect((await refused(createHousehold(ctxFor(db, volunteer.actor), { organisationId: org.id, areaId: area.id }))).status).toBe(403);
		// An area-bound facilitator does not reach a household of the neighbourhood next door.
		const next = await createHousehold(ctxFor(db, admin.actor), { organisationId: org.id, areaId: otherArea.id });
		expect((await refused(getHousehold(f, { id: next.id }))).status).toBe(404);
		expect(await rows()).toEqual({ ...before, households: before.households + 1 });
	});

	it('bad input is a 422 with message keys and changes nothing', async () => {
		const before = await rows();
		const e = await refused(createHousehold(f, { organisationId: org.id, areaId: area.id, name: 'x'.repeat(500) } as never));
		expect(e).toMatchObject({ status: 422, fields: { name: 'error_too_long' } });
		const e2 = await refused(
			createHousehold(f, { organisationId: org.id, areaId: area.id, members: [{ personId: 'nope', role: 'grandma' }] } as never)
		);
		expect(e2.status).toBe(422);
		expect(await rows()).toEqual(before);
	});
});
