import { describe, expect, it } from 'vitest';
import { organisationFor, streetInput, toLogContact } from './street.ts';
import type { Actor } from '../core/index.ts';

const AREA = '00000000-0000-4000-8000-0000000000a1';
const OTHER = '00000000-0000-4000-8000-0000000000a2';
const ORG = '00000000-0000-4000-8000-0000000000b1';

describe('the street form', () => {
	it('reads a plain form post (strings, one theme as a string) into logContact’s input', () => {
		const parsed = streetInput.parse({
			areaId: AREA,
			anonymousCount: '6',
			ages: '16-20',
			durationMinutes: '30',
			themes: 'leisure',
			placeName: '',
			note: ''
		});
		expect(toLogContact(parsed, ORG)).toEqual({
			clientId: undefined,
			organisationId: ORG,
			areaId: AREA,
			type: 'street',
			startedAt: undefined,
			durationMinutes: 30,
			placeName: undefined,
			themes: ['leisure'],
			anonymousCount: 6,
			anonymousAgeFrom: 16,
			anonymousAgeTo: 20,
			note: undefined
		});
	});

	it('reads the phone’s JSON (numbers, a client id) the same way', () => {
		const clientId = crypto.randomUUID();
		const parsed = streetInput.parse({ clientId, areaId: AREA, anonymousCount: 3, durationMinutes: 15, themes: ['health', 'work_training'] });
		expect(toLogContact(parsed, ORG)).toMatchObject({
			clientId,
			anonymousCount: 3,
			anonymousAgeFrom: undefined,
			themes: ['health', 'work_training']
		});
	});

	it('refuses a count of 0 or 10 000, no theme, an unknown theme, a duration of −5, with message keys', () => {
		const base = { areaId: AREA, anonymousCount: '6', durationMinutes: '30', themes: ['leisure'] };
		const issue = (v: object) => streetInput.safeParse({ ...base, ...v }).error?.issues[0]?.message;
		expect(issue({ anonymousCount: '0' })).toBe('fw_street_error_count');
		expect(issue({ anonymousCount: '10000' })).toBe('fw_street_error_count');
		expect(issue({ themes: [] })).toBe('fw_contact_error_themes');
		expect(issue({ themes: ['weather'] })).toBe('fw_contact_error_theme');
		expect(issue({ durationMinutes: '-5' })).toBe('fw_contact_error_duration');
		expect(issue({ ages: '99-120' })).toBe('error_choice');
	});

	it('logs in the organisation of the grant that reaches the neighbourhood, and refuses another neighbourhood', () => {
		const actor = {
			userId: 'u',
			via: 'session',
			grants: [{ role: 'outreach', organisationId: ORG, areaId: AREA }]
		} as unknown as Actor;
		expect(organisationFor(actor, AREA)).toBe(ORG);
		expect(() => organisationFor(actor, OTHER)).toThrow();
	});
});
