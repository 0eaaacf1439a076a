import { describe, expect, it } from 'vitest';
import { needsSecondFactor, parseTwoFactorSetting } from './second-factor.ts';
import type { Actor } from '../core/index.ts';

const actor = (roles: Actor['grants'][number]['role'][], over: Partial<Actor> = {}): Actor => ({
	userId: 'u1',
	personId: 'p1',
	name: 'A',
	email: 'a@example.test',
	locale: null,
	via: 'session',
	grants: roles.map((role) => ({ role, organisationId: 'o1', areaId: null })),
	...over
});

describe('TWO_FACTOR', () => {
	it('is required by default, and optional by default only in the embedded demo', () => {
		expect(parseTwoFactorSetting({})).toBe('required');
		expect(parseTwoFactorSetting({ TWO_FACTOR: '' })).toBe('required');
		expect(parseTwoFactorSetting({ WIJKWEB_DEMO: '1' })).toBe('optional');
		expect(parseTwoFactorSetting({ WIJKWEB_DEMO: '0' })).toBe('required');
	});

	it('takes the two values, in any case and with spaces, and says so over the demo default', () => {
		expect(parseTwoFactorSetting({ TWO_FACTOR: 'optional' })).toBe('optional');
		expect(parseTwoFactorSetting({ TWO_FACTOR: ' Required ' })).toBe('required');
		expect(parseTwoFactorSetting({ TWO_FACTOR: 'required', WIJKWEB_DEMO: '1' })).toBe('required');
	});

	it('refuses anything else rather than guess (a typo must not open the gate)', () => {
		for (const bad of ['off', 'no', 'false', 'requried', '0'])
			expect(() => parseTwoFactorSetting({ TWO_FACTOR: bad }), bad).toThrow(/TWO_FACTOR must be "required" or "optional"/);
	});
});

describe('who needs a second factor', () => {
	it('gates the four staff roles without one when required, and nobody else', () => {
		for (const role of ['facilitator', 'outreach', 'coordinator', 'admin'] as const) {
			expect(needsSecondFactor(actor([role]), 'required'), role).toBe(true);
			expect(needsSecondFactor(actor([role], { secondFactor: true }), 'required'), role).toBe(false);
			expect(needsSecondFactor(actor([role]), 'optional'), role).toBe(false);
			expect(needsSecondFactor(actor([role], { secondFactorRequired: true }), 'optional'), role).toBe(true);
		}
		for (const role of ['resident', 'volunteer', 'officer', 'jury', 'expert'] as const)
			expect(needsSecondFactor(actor([role]), 'required'), role).toBe(false);
		expect(needsSecondFactor(actor(['volunteer', 'facilitator']), 'required')).toBe(true);
	});
});
