import { describe, expect, it } from 'vitest';
import { can, holds } from './can.ts';
import { covers } from './scope.ts';
import type { Actor, Grant } from '../core/index.ts';
import { COVERS, GRANT_SHAPES, RECORD_SHAPES, grantOf, recordPlace } from '../../../../tests/factories/scope-table.ts';

const ids = {
	orgA: '11111111-1111-4111-8111-111111111111',
	orgB: '22222222-2222-4222-8222-222222222222',
	areaA1: '33333333-3333-4333-8333-333333333333',
	areaA2: '44444444-4444-4444-8444-444444444444',
	areaB1: '55555555-5555-4555-8555-555555555555'
};

const actorWith = (...grants: Grant[]): Actor => ({
	userId: 'u1',
	personId: 'p1',
	name: 'T',
	email: 't@example.test',
	locale: null,
	via: 'session',
	grants
});

describe('grant shape × record shape', () => {
	for (const g of GRANT_SHAPES) {
		RECORD_SHAPES.forEach((r, i) => {
			const expected = COVERS[g][i]!;
			it(`${g} ${expected ? 'covers' : 'does not cover'} a record of ${r}`, () => {
				expect(covers(grantOf(g, ids), recordPlace(r, ids))).toBe(expected);
				expect(can(actorWith(grantOf(g, ids)), 'people.person.read', recordPlace(r, ids))).toBe(expected);
			});
		});
	}
});

describe('can on a record', () => {
	it('judges each grant on its own: an area-bound grant in A and an org-wide one in B do not make A org-wide', () => {
		const both = actorWith(grantOf('area A1 of org A', ids), grantOf('org-wide org B', ids));
		const seen = RECORD_SHAPES.filter((r) => can(both, 'aid.need.read', recordPlace(r, ids)));
		expect(seen).toEqual(['org A area A1', 'org B area B1']);
	});
	it('checks the grants of the permission asked, not of another one the actor holds', () => {
		// An outreach worker reads needs but may not link accounts; a resident role elsewhere adds nothing.
		const a = actorWith({ role: 'outreach', organisationId: ids.orgA, areaId: null }, { role: 'resident', organisationId: ids.orgB, areaId: null });
		expect(can(a, 'aid.need.read', recordPlace('org A area A2', ids))).toBe(true);
		expect(can(a, 'people.person.link_account', recordPlace('org A area A2', ids))).toBe(false);
		expect(can(a, 'aid.need.read', recordPlace('org B area B1', ids))).toBe(false);
	});
	it('covers nothing for nobody signed in, even an admin grant', () => {
		const anon = { ...actorWith(grantOf('admin', ids)), userId: null };
		for (const r of RECORD_SHAPES) expect(can(anon, 'people.person.read', recordPlace(r, ids))).toBe(false);
	});
	it('holds a permission somewhere without covering any record by that alone', () => {
		const a = actorWith(grantOf('area A1 of org A', ids));
		expect(holds(a, 'aid.need.read')).toBe(true);
		expect(can(a, 'aid.need.read', { organisationId: null, areaId: null })).toBe(false);
	});
});
