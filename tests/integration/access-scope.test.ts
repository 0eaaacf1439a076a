import { describe, expect, it } from 'vitest';
import { and, inArray } from 'drizzle-orm';
import { freshDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { COVERS, GRANT_SHAPES, RECORD_SHAPES, grantOf, recordPlace, type RecordShape } from '../factories/scope-table.ts';
import { covers, loadActor, scopeFilter } from '../../src/lib/server/access/index.ts';
import { accessRoleGrant } from '../../src/lib/server/access/schema.ts';
import { listNeeds } from '../../src/lib/server/aid/index.ts';
import { aidNeed } from '../../src/lib/server/aid/schema.ts';
import { listPeople } from '../../src/lib/server/people/index.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import type { Actor, Grant } from '../../src/lib/server/core/context.ts';

const { db } = await freshDatabase();
const [orgA, orgB, areaA1, areaA2, areaB1] = await Promise.all([
	makeOrganisation(db),
	makeOrganisation(db),
	makeArea(db),
	makeArea(db),
	makeArea(db)
]);
const ids = { orgA: orgA.id, orgB: orgB.id, areaA1: areaA1.id, areaA2: areaA2.id, areaB1: areaB1.id };

const actorWith = (...grants: Grant[]): Actor => ({
	userId: 'scope-test',
	personId: null,
	name: 'T',
	email: 't@example.test',
	locale: null,
	via: 'session',
	grants
});

// One person per record shape (people may lack an organisation or an area), named after the shape.
const people = await db
	.insert(peoplePerson)
	.values(RECORD_SHAPES.map((shape) => ({ firstName: shape, ...recordPlace(shape, ids) })))
	.returning({ id: peoplePerson.id, firstName: peoplePerson.firstName });
const personIds = people.map((p) => p.id);

// Needs always have both an organisation and an area: one per shape that has them.
const needShapes = RECORD_SHAPES.filter((s) => recordPlace(s, ids).areaId !== null) as RecordShape[];
const needIds = (
	await db
		.insert(aidNeed)
		.values(
			needShapes.map((shape) => ({
				personId: people[0]!.id,
				category: 'company',
				title: shape,
				organisationId: recordPlace(shape, ids).organisationId!,
				areaId: recordPlace(shape, ids).areaId!
			}))
		)
		.returning({ id: aidNeed.id })
).map((n) => n.id);

const seenPeople = async (actor: Actor) =>
	(
		await db
			.select({ name: peoplePerson.firstName })
			.from(peoplePerson)
			.where(
				and(
					inArray(peoplePerson.id, personIds),
					scopeFilter(actor, 'people.person.read', { organisation: peoplePerson.organisationId, area: peoplePerson.areaId })
				)
			)
	)
		.map((r) => r.name)
		.sort();

const seenNeeds = async (actor: Actor) =>
	(
		await db
			.select({ title: aidNeed.title })
			.from(aidNeed)
			.where(and(inArray(aidNeed.id, needIds), scopeFilter(actor, 'aid.need.read', { organisation: aidNeed.organisationId, area: aidNeed.areaId })))
	)
		.map((r) => r.title)
		.sort();

describe('the SQL filter agrees with the table and with covers()', () => {
	for (const g of GRANT_SHAPES) {
		const expected = RECORD_SHAPES.filter((_, i) => COVERS[g][i]);
		it(`${g}: people rows returned are exactly ${expected.join(', ') || 'none'}`, async () => {
			const grant = grantOf(g, ids);
			const seen = await seenPeople(actorWith(grant));
			expect(seen).toEqual([...expected].sort());
			expect(seen).toEqual(RECORD_SHAPES.filter((r) => covers(grant, recordPlace(r, ids))).sort());
		});
		it(`${g}: need rows returned are the covered ones`, async () => {
			expect(await seenNeeds(actorWith(grantOf(g, ids)))).toEqual(needShapes.filter((r) => COVERS[g][RECORD_SHAPES.indexOf(r)]).sort());
		});
	}

	it('returns nothing without a grant holding the permission, and nothing for nobody signed in', async () => {
		expect(await seenPeople(actorWith({ role: 'volunteer', organisationId: ids.orgA, areaId: null }))).toEqual([]);
		expect(await seenPeople({ ...actorWith(grantOf('admin', ids)), userId: null })).toEqual([]);
	});

	it('keeps each grant to its own organisation when an actor holds grants in two', async () => {
		const both = actorWith(grantOf('area A1 of org A', ids), grantOf('org-wide org B', ids));
		expect(await seenPeople(both)).toEqual(['org A area A1', 'org B area B1']);
	});
});

describe('through the verbs', () => {
	it('never shows a facilitator of area A1 in org A the needs of A in area A2 because they also coordinate org B', async () => {
		const worker = await makeActor(db, 'facilitator', { organisationId: orgA.id, areaId: areaA1.id });
		await db.insert(accessRoleGrant).values({ personId: worker.person.id, role: 'coordinator', organisationId: orgB.id, areaId: null });
		const actor = (await loadActor(db, worker.user.id))!;
		const titles = (await listNeeds(ctxFor(db, actor), { status: 'all' })).filter((n) => needIds.includes(n.id)).map((n) => n.title);
		expect(titles.sort()).toEqual(['org A area A1', 'org B area B1']);
	});

	it('hides a person without an area from an area-bound worker, and shows them to an org-wide one of their organisation', async () => {
		const bound = await makeActor(db, 'facilitator', { organisationId: orgA.id, areaId: areaA1.id });
		const wide = await makeActor(db, 'coordinator', { organisationId: orgA.id });
		const names = async (a: Actor) => (await listPeople(ctxFor(db, a))).map((p) => p.firstName);
		expect(await names(bound.actor)).not.toContain('org A no area');
		expect(await names(bound.actor)).toContain('org A area A1');
		expect(await names(wide.actor)).toContain('org A no area');
		expect(await names(wide.actor)).not.toContain('no org no area');
	});
});
