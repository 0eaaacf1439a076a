import { describe, expect, it } from 'vitest';
import { can, holds } from './can.ts';
import { PERMISSION_NAMES, type PermissionName } from './permissions.ts';
import { ROLES, type Role } from './roles.ts';
import type { Actor } from '../core/index.ts';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG = '22222222-2222-4222-8222-222222222222';
const AREA = '33333333-3333-4333-8333-333333333333';
const OTHER_AREA = '44444444-4444-4444-8444-444444444444';

const actorWith = (role: Role | null, areaId: string | null = null): Actor => ({
	userId: 'u1',
	personId: 'p1',
	name: 'T',
	email: 't@example.test',
	locale: null,
	via: 'session',
	grants: role ? [{ role, organisationId: ORG, areaId }] : []
});

// The expected matrix, written out by hand (not derived from the registry) so a change to the
// registry that widens or narrows access makes this test fail and be looked at.
const Y = true;
const _ = false;
//                                  res  vol  fac  out  coo  off  jur  exp  adm  none
// prettier-ignore
const EXPECTED: Record<PermissionName, boolean[]> = {
	'account.read':                 [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y],
	'account.self':                 [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y],
	'admin.organisation.manage':    [_,   _,   _,   _,   _,   _,   _,   _,   Y,   _],
	'admin.area.manage':            [_,   _,   _,   _,   _,   _,   _,   _,   Y,   _],
	'admin.role.grant':             [_,   _,   _,   _,   _,   _,   _,   _,   Y,   _],
	'admin.user.read':              [_,   _,   _,   _,   _,   _,   _,   _,   Y,   _],
	'audit.read':                   [_,   _,   _,   _,   _,   _,   _,   _,   Y,   _],
	'mail.outbox.read':             [_,   _,   _,   _,   _,   _,   _,   _,   Y,   _],
	'people.organisation.theme':    [_,   _,   _,   _,   Y,   _,   _,   _,   Y,   _],
	'people.person.register':       [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'people.person.read':           [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'people.person.link_account':   [_,   _,   Y,   _,   Y,   _,   _,   _,   Y,   _],
	'people.purpose.manage':        [_,   _,   _,   _,   Y,   _,   _,   _,   Y,   _],
	'people.consent.record':        [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	// Issue 13, the person record (A).
	'people.person.update':         [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'people.person.merge':          [_,   _,   Y,   _,   Y,   _,   _,   _,   Y,   _],
	'aid.own.read':                 [Y,   Y,   _,   _,   _,   _,   _,   _,   _,   _],
	'aid.own.write':                [Y,   Y,   _,   _,   _,   _,   _,   _,   _,   _],
	'aid.own.join':                 [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y],
	'aid.need.read':                [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'aid.need.write':               [_,   _,   Y,   Y,   _,   _,   _,   _,   Y,   _],
	'aid.link.manage':              [_,   _,   Y,   _,   _,   _,   _,   _,   Y,   _],
	'aid.certificate.check':        [_,   _,   Y,   _,   _,   _,   _,   _,   Y,   _],
	'aid.office_hours.manage':      [_,   _,   Y,   _,   Y,   _,   _,   _,   Y,   _],
	'aid.board.manage':             [_,   _,   Y,   _,   Y,   _,   _,   _,   Y,   _],
	'aid.reach.read':               [_,   _,   _,   _,   Y,   Y,   _,   _,   Y,   _],
	// Retention and the register of processing (part E)
	'privacy.register.read':        [_,   _,   _,   _,   Y,   _,   _,   _,   Y,   _],
	// Fieldwork, part B (households, partners, ties, workers).
	'people.household.manage':      [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'network.partner.read':         [_,   _,   Y,   Y,   Y,   Y,   _,   _,   Y,   _],
	'network.partner.manage':       [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'network.relationship.manage':  [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'network.assignment.manage':    [_,   _,   Y,   _,   Y,   _,   _,   _,   Y,   _],
	'network.map.read':             [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	// A person's rights (part G).
	'people.person.export':         [_,   _,   Y,   _,   Y,   _,   _,   _,   Y,   _],
	'people.person.erase':          [_,   _,   _,   _,   Y,   _,   _,   _,   Y,   _],
	'people.own.export':            [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y],
	'people.own.erasure_request':   [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y],
	// Fieldwork II (issue 14): notes for the team's staff roles only, figures for coordinators and officers.
	'fieldwork.contact.log':        [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'fieldwork.contact.read':       [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'fieldwork.note.read':          [_,   _,   Y,   Y,   Y,   _,   _,   _,   _,   _],
	'fieldwork.question.manage':    [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'fieldwork.referral.manage':    [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'fieldwork.signal.read':        [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'fieldwork.signal.manage':      [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'fieldwork.figures.read':       [_,   _,   _,   _,   Y,   Y,   _,   _,   Y,   _],
	// Activities and indicators (issue 15): staff organise; reach and indicators also for the officer.
	'activities.activity.read':     [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'activities.activity.manage':   [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'activities.registration.manage': [_, _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'activities.attendance.record': [_,   _,   Y,   Y,   Y,   _,   _,   _,   Y,   _],
	'activities.reach.read':        [_,   _,   Y,   _,   Y,   Y,   _,   _,   Y,   _],
	'indicators.indicator.read':    [_,   _,   Y,   Y,   Y,   Y,   _,   _,   Y,   _],
	'indicators.indicator.manage':  [_,   _,   _,   _,   Y,   _,   _,   _,   Y,   _],
	'indicators.value.record':      [_,   _,   Y,   _,   Y,   _,   _,   _,   Y,   _],
	'funding.programme.read':       [_,   _,   _,   _,   _,   Y,   _,   _,   Y,   _],
	'funding.programme.manage':     [_,   _,   _,   _,   _,   Y,   _,   _,   Y,   _],
	'funding.application.read':     [_,   _,   _,   _,   _,   Y,   _,   _,   Y,   _],
	'funding.application.review':   [_,   _,   _,   _,   _,   Y,   _,   _,   Y,   _],
	'funding.grant.manage':         [_,   _,   _,   _,   _,   Y,   _,   _,   Y,   _],
	'funding.own.read':             [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y],
	'funding.own.write':            [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y],
	'funding.jury.read':            [_,   _,   _,   _,   _,   _,   Y,   _,   _,   _],
	'funding.jury.score':           [_,   _,   _,   _,   _,   _,   Y,   _,   _,   _],
	'areas.area.read':              [Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y]
};

describe('role × permission', () => {
	it('covers every permission in the registry', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSION_NAMES].sort());
	});
	const columns: (Role | null)[] = [...ROLES, null];
	for (const permission of PERMISSION_NAMES) {
		columns.forEach((role, i) => {
			it(`${role ?? 'no role'} ${EXPECTED[permission][i] ? 'may' : 'may not'} ${permission}`, () => {
				expect(holds(actorWith(role), permission)).toBe(EXPECTED[permission][i]);
			});
		});
	}
});

describe('scope', () => {
	it('refuses everyone who is not signed in', () => {
		const anon = { ...actorWith('admin'), userId: null };
		for (const p of PERMISSION_NAMES) expect(holds(anon, p)).toBe(false);
	});
	it('keeps a facilitator to their own organisation', () => {
		const a = actorWith('facilitator');
		expect(can(a, 'people.person.register', { organisationId: ORG, areaId: AREA })).toBe(true);
		expect(can(a, 'people.person.register', { organisationId: OTHER_ORG, areaId: AREA })).toBe(false);
	});
	it('keeps an area-bound grant to its area', () => {
		const a = actorWith('facilitator', AREA);
		expect(can(a, 'people.person.register', { organisationId: ORG, areaId: AREA })).toBe(true);
		expect(can(a, 'people.person.register', { organisationId: ORG, areaId: OTHER_AREA })).toBe(false);
	});
	it('keeps the switch of a neighbourhood needs board to an area-bound grant own area', () => {
		const a = actorWith('facilitator', AREA);
		expect(can(a, 'aid.board.manage', { organisationId: ORG, areaId: AREA })).toBe(true);
		expect(can(a, 'aid.board.manage', { organisationId: ORG, areaId: OTHER_AREA })).toBe(false);
	});
	it('gives admins the whole instance', () => {
		expect(can(actorWith('admin'), 'people.person.register', { organisationId: OTHER_ORG, areaId: null })).toBe(true);
		expect(can(actorWith('admin'), 'people.person.register', { organisationId: null, areaId: null })).toBe(true);
	});
	it('lets a read-only token read but not write', () => {
		const a: Actor = { ...actorWith('admin'), via: 'token', tokenScopes: ['read'] };
		expect(can(a, 'audit.read')).toBe(true);
		expect(can(a, 'admin.area.manage')).toBe(false);
		expect(can({ ...a, tokenScopes: ['read', 'write'] }, 'admin.area.manage')).toBe(true);
	});
	it('lets a read-only token of an account without roles read its own account (GET /api/v1/me)', () => {
		const a: Actor = { ...actorWith(null), via: 'token', tokenScopes: ['read'] };
		expect(can(a, 'account.read')).toBe(true);
		expect(can(a, 'account.self')).toBe(false);
	});
});
