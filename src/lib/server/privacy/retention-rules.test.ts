import { describe, expect, it } from 'vitest';
import { decide, type PersonFacts, type PurposeFacts } from './retention-rules.ts';

const NOW = new Date('2027-06-15T10:00:00Z');
const daysBefore = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

const contact: PurposeFacts = { id: 'c', code: 'contact', basis: 'consent', categories: ['contact'], retentionDays: 365, active: true };
const origin: PurposeFacts = { id: 'o', code: 'intercultural', basis: 'consent', categories: ['origin'], retentionDays: 730, active: true };
const photos: PurposeFacts = { id: 'p', code: 'photos', basis: 'consent', categories: ['photos'], retentionDays: 90, active: true };

const person = (over: Partial<PersonFacts> = {}): PersonFacts => ({
	lastSeenAt: daysBefore(10),
	hasAccount: false,
	hasContact: true,
	hasOrigin: true,
	consents: [],
	...over
});
const yes = (purposeId: string, daysAgo: number) => ({ purposeId, given: true, at: daysBefore(daysAgo) });
const no = (purposeId: string, daysAgo: number) => ({ purposeId, given: false, at: daysBefore(daysAgo) });
const NOTHING = { anonymise: false, removeContact: false, clearOrigin: false };

describe('retention decisions', () => {
	it('keeps everything of a person seen lately who consented', () => {
		expect(decide(person({ consents: [yes('c', 20), yes('o', 20)] }), [contact, origin], NOW)).toEqual(NOTHING);
	});

	it('anonymises a person not seen for longer than the longest purpose that applies to them', () => {
		const p = person({ lastSeenAt: daysBefore(731), consents: [yes('c', 800), yes('o', 800)] });
		expect(decide(p, [contact, origin], NOW).anonymise).toBe(true);
		expect(decide({ ...p, lastSeenAt: daysBefore(730) }, [contact, origin], NOW).anonymise).toBe(false);
	});

	it('counts only the purposes that apply: a consent to the longer one withdrawn shortens the record', () => {
		const p = person({ lastSeenAt: daysBefore(400), consents: [yes('c', 500), yes('o', 500), no('o', 450)] });
		expect(decide(p, [contact, origin], NOW)).toEqual({ anonymise: true, removeContact: false, clearOrigin: true });
	});

	it('keeps a record nobody asked anything for as long as the organisation’s longest retention', () => {
		expect(decide(person({ lastSeenAt: daysBefore(729), hasOrigin: false }), [contact, origin], NOW)).toEqual(NOTHING);
		expect(decide(person({ lastSeenAt: daysBefore(731), hasOrigin: false }), [contact, origin], NOW).anonymise).toBe(true);
	});

	it('never anonymises where the organisation has no purpose (no period to count), nor an account holder', () => {
		expect(decide(person({ lastSeenAt: daysBefore(5000), hasOrigin: false }), [], NOW)).toEqual(NOTHING);
		const holder = person({ lastSeenAt: daysBefore(5000), hasAccount: true, consents: [yes('c', 5000), yes('o', 5000)] });
		expect(decide(holder, [contact, origin], NOW).anonymise).toBe(false);
	});

	it('removes contact details the day a contact consent is withdrawn', () => {
		const d = decide(person({ consents: [yes('c', 30), no('c', 0), yes('o', 30)] }), [contact, origin], NOW);
		expect(d).toEqual({ anonymise: false, removeContact: true, clearOrigin: false });
	});

	it('keeps contact details of someone never asked about contact (given for the help itself)', () => {
		expect(decide(person({ consents: [yes('o', 30)] }), [contact, origin], NOW).removeContact).toBe(false);
	});

	it('keeps contact details that another applying purpose keeps too', () => {
		const sharing: PurposeFacts = {
			id: 's',
			code: 'share_partner',
			basis: 'public_task',
			categories: ['identity', 'contact'],
			retentionDays: 365,
			active: true
		};
		expect(decide(person({ consents: [no('c', 1), yes('o', 30)] }), [contact, origin, sharing], NOW).removeContact).toBe(false);
	});

	it('removes contact details kept for a purpose that expired while the record stays', () => {
		const d = decide(person({ lastSeenAt: daysBefore(400), consents: [yes('c', 500), yes('o', 500)] }), [contact, origin], NOW);
		expect(d).toEqual({ anonymise: false, removeContact: true, clearOrigin: false });
	});

	it('removes contact details kept for a purpose the organisation switched off', () => {
		const d = decide(person({ consents: [yes('c', 30), yes('o', 30)] }), [{ ...contact, active: false }, origin], NOW);
		expect(d.removeContact).toBe(true);
	});

	it('clears the origin when no origin purpose applies any more', () => {
		expect(decide(person({ consents: [yes('c', 30)] }), [contact, origin], NOW).clearOrigin).toBe(true);
		expect(decide(person({ consents: [yes('c', 30), yes('o', 30), no('o', 2)] }), [contact, origin], NOW).clearOrigin).toBe(true);
		expect(decide(person({ consents: [yes('c', 30), yes('o', 30)] }), [contact, { ...origin, active: false }], NOW).clearOrigin).toBe(true);
	});

	it('keeps the origin under a purpose whose basis is not consent (recorded, not asked)', () => {
		expect(decide(person(), [{ ...origin, basis: 'public_task' }], NOW).clearOrigin).toBe(false);
	});

	it('reads the latest answer as of now, whatever the order of the history', () => {
		const history = [no('c', 1), yes('c', 40), yes('c', -3), yes('o', 40)];
		expect(decide(person({ consents: history }), [contact, origin], NOW).removeContact).toBe(true);
	});

	it('counts Belgian days: a person last seen late on a day is a day older at midnight in Brussels', () => {
		const short: PurposeFacts = { ...photos, code: 'contact', categories: ['contact'], retentionDays: 1 };
		const p = person({ lastSeenAt: new Date('2027-06-13T21:30:00Z'), hasOrigin: false, consents: [yes('p', 30)] });
		// 23:30 in Brussels on the 13th; at 00:30 on the 15th (22:30 UTC on the 14th) two days have passed.
		expect(decide(p, [short], new Date('2027-06-14T21:59:00Z')).anonymise).toBe(false);
		expect(decide(p, [short], new Date('2027-06-14T22:30:00Z')).anonymise).toBe(true);
	});
});
