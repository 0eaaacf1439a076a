import { describe, expect, it } from 'vitest';
import { checklistOrder, diffAttendance, duplicates, isLate, mayClose, nameMatches, shortName } from './attendance-rules.ts';
import { recordAttendanceInput, setHeadcountInput } from './attendance-validation.ts';

const S = '6f1c1a52-6a43-4d49-9c6c-2f0a3c1b0a01';
const A = '0b8e3c55-1111-4d49-9c6c-2f0a3c1b0a02';
const B = '0b8e3c55-2222-4d49-9c6c-2f0a3c1b0a03';

describe('diffAttendance', () => {
	it('adds the newly listed and removes the unlisted, leaving the rest', () => {
		expect(diffAttendance(['a', 'b', 'c'], ['b', 'c', 'd'])).toEqual({ add: ['d'], remove: ['a'] });
	});
	it('is empty for the same list in another order (a resend changes nothing)', () => {
		expect(diffAttendance(['a', 'b'], ['b', 'a'])).toEqual({ add: [], remove: [] });
	});
	it('an empty list removes everyone; from nobody, adds everyone', () => {
		expect(diffAttendance(['a', 'b'], [])).toEqual({ add: [], remove: ['a', 'b'] });
		expect(diffAttendance([], ['a'])).toEqual({ add: ['a'], remove: [] });
	});
});

describe('duplicates and shortName', () => {
	it('finds who is listed twice, once each', () => {
		expect(duplicates(['a', 'b', 'a', 'a', 'c', 'b'])).toEqual(['a', 'b']);
		expect(duplicates(['a', 'b'])).toEqual([]);
	});
	it('names a person by first name and last initial', () => {
		expect(shortName('Fatima', 'El Amrani')).toBe('Fatima E.');
		expect(shortName('Lieve', null)).toBe('Lieve');
		expect(shortName('Lieve', '  ')).toBe('Lieve');
		expect(shortName('Özlem', 'çelik')).toBe('Özlem Ç.');
	});
});

describe('closing', () => {
	it('the organiser or a coordinator (or admin) covering the place may close; a facilitator who is not the organiser may not', () => {
		expect(mayClose({ userId: 'u1' }, 'u1', ['facilitator'])).toBe(true);
		expect(mayClose({ userId: 'u2' }, 'u1', ['facilitator'])).toBe(false);
		expect(mayClose({ userId: 'u2' }, 'u1', ['facilitator', 'coordinator'])).toBe(true);
		expect(mayClose({ userId: 'u2' }, null, ['admin'])).toBe(true);
		expect(mayClose({ userId: null }, null, [])).toBe(false);
	});
	it('a change after closing is late', () => {
		expect(isLate({ closedAt: null })).toBe(false);
		expect(isLate({ closedAt: new Date() })).toBe(true);
	});
});

describe('checklistOrder', () => {
	it('registered first, then regulars, then the rest, by name, each person once in their first group', () => {
		const p = (id: string, name: string) => ({ id, name });
		const out = checklistOrder([p('2', 'Zeynep'), p('1', 'Ahmed')], [p('1', 'Ahmed'), p('3', 'Bram')], [p('4', 'Anna'), p('3', 'Bram')]);
		expect(out.map((x) => `${x.group}:${x.name}`)).toEqual(['registered:Ahmed', 'registered:Zeynep', 'returning:Bram', 'other:Anna']);
	});
});

describe('validation', () => {
	const bad = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error!.issues[0]!.message);
	it('refuses the same person twice in one list', () => {
		expect(bad(recordAttendanceInput.safeParse({ sessionId: S, personIds: [A, B, A] }))).toBe('att_error_duplicate');
		expect(recordAttendanceInput.safeParse({ sessionId: S, personIds: [A, B] }).success).toBe(true);
	});
	it('takes a headcount of 0 … 5000 only, as a number or the text a form sends', () => {
		for (const n of [-1, 10000, 5001, 1.5, 'x'])
			expect(bad(setHeadcountInput.safeParse({ sessionId: S, anonymousCount: n })), String(n)).toBe('att_error_headcount');
		expect(setHeadcountInput.parse({ sessionId: S, anonymousCount: '2' }).anonymousCount).toBe(2);
		expect(setHeadcountInput.parse({ sessionId: S, anonymousCount: 5000 }).anonymousCount).toBe(5000);
		expect(setHeadcountInput.parse({ sessionId: S, anonymousCount: 0 }).anonymousCount).toBe(0);
	});
	it('refuses a person id that is not an id', () => {
		expect(bad(recordAttendanceInput.safeParse({ sessionId: S, personIds: ['nope'] }))).toBe('att_error_person');
	});
});

describe('nameMatches', () => {
	it('finds a name by any of its words, without accents or case', () => {
		expect(nameMatches('Céline', 'Dubois', 'celine')).toBe(true);
		expect(nameMatches('Céline', 'Dubois', 'DUB cél')).toBe(true);
		expect(nameMatches('Céline', 'Dubois', 'celine x')).toBe(false);
		expect(nameMatches('Lieve', null, 'lie')).toBe(true);
		expect(nameMatches('Lieve', null, '')).toBe(true);
	});
});
