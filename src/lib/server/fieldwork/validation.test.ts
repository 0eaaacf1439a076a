import { describe, expect, it } from 'vitest';
import { logContactInput } from './validation.ts';
import { requestHash } from './request-hash.ts';

const ok = {
	organisationId: '3f2a0c8e-5a4b-4c1d-9e2f-1a2b3c4d5e6f',
	areaId: null,
	type: 'street',
	durationMinutes: 30,
	themes: ['housing'],
	anonymousCount: 3
};
const fieldOf = (input: unknown) => {
	const r = logContactInput.safeParse(input);
	return r.success ? null : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('logContactInput', () => {
	it('takes a street contact with an anonymous count and fills the defaults', () => {
		const v = logContactInput.parse(ok);
		expect([v.people, v.newPeople, v.mustActUserIds, v.partnerIds, v.noteShareable]).toEqual([[], [], [], [], false]);
	});
	it.each([
		[{ durationMinutes: -5 }, 'durationMinutes', 'fw_contact_error_duration'],
		[{ durationMinutes: 10_000 }, 'durationMinutes', 'fw_contact_error_duration'],
		[{ durationMinutes: 1.5 }, 'durationMinutes', 'fw_contact_error_duration'],
		[{ startedAt: new Date(Date.now() + 25 * 3_600_000).toISOString() }, 'startedAt', 'fw_contact_error_future'],
		[{ startedAt: '2026-12-01 10:00' }, 'startedAt', 'fw_contact_error_started_at'],
		[{ themes: ['astrology'] }, 'themes', 'fw_contact_error_theme'],
		[{ themes: [] }, 'themes', 'fw_contact_error_themes'],
		[{ anonymousCount: 0 }, 'people', 'fw_contact_error_nobody'],
		[{ anonymousCount: 10_000 }, 'anonymousCount', 'fw_contact_error_anonymous'],
		[{ anonymousAgeFrom: 20, anonymousAgeTo: 16 }, 'anonymousAgeTo', 'fw_contact_error_age_order'],
		[{ note: 'x'.repeat(4001) }, 'note', 'fw_contact_error_note'],
		[{ type: 'visit' }, 'type', 'fw_contact_error_type']
	])('refuses %j', (change, field, key) => {
		expect(fieldOf({ ...ok, ...change })?.[field]).toBe(key);
	});
	it('accepts a contact a few hours ahead (a phone clock off) and a note of exactly 4000 characters', () => {
		expect(fieldOf({ ...ok, startedAt: new Date(Date.now() + 3 * 3_600_000).toISOString(), note: 'x'.repeat(4000) })).toBeNull();
	});
	it('refuses the same person twice', () => {
		const personId = '7c1e4b9a-2d3f-4e5a-8b6c-0d1e2f3a4b5c';
		expect(fieldOf({ ...ok, people: [{ personId }, { personId }] })?.people).toBe('fw_contact_error_person_twice');
	});
});

describe('requestHash', () => {
	it('ignores the client id and the order of keys, and sees any other change', () => {
		const a = requestHash({ clientId: 'a', type: 'street', themes: ['housing'], durationMinutes: 30 });
		expect(requestHash({ durationMinutes: 30, themes: ['housing'], type: 'street', clientId: 'b' })).toBe(a);
		expect(requestHash({ durationMinutes: 31, themes: ['housing'], type: 'street' })).not.toBe(a);
	});
});
