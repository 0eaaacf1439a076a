import { describe, expect, it } from 'vitest';
import { ageOn, isChildOn, memberOn, shareOf } from './reach-rules.ts';

describe('reach rules', () => {
	it('counts age in calendar years of the Belgian date; unknown stays unknown', () => {
		expect(ageOn('2025-12-31', 2008)).toBe(17);
		expect(ageOn('2026-01-01', 2008)).toBe(18);
		expect(ageOn('2026-01-01', null)).toBeNull();
		expect(isChildOn('2025-12-31', 2008)).toBe(true);
		expect(isChildOn('2026-01-01', 2008)).toBe(false);
		expect(isChildOn('2026-01-01', null)).toBe(false);
	});

	it('takes a household membership from its joining day up to (not including) its leaving day', () => {
		expect(memberOn({ joinedOn: null, leftOn: null }, '2025-05-01')).toBe(true);
		expect(memberOn({ joinedOn: '2025-05-01', leftOn: null }, '2025-05-01')).toBe(true);
		expect(memberOn({ joinedOn: '2025-05-02', leftOn: null }, '2025-05-01')).toBe(false);
		expect(memberOn({ joinedOn: null, leftOn: '2025-05-01' }, '2025-05-01')).toBe(false);
	});

	it('gives no share of a hidden count or of nobody', () => {
		expect(shareOf({ value: 85, suppressed: false }, { value: 100, suppressed: false })).toBe(85);
		expect(shareOf({ value: 1, suppressed: false }, { value: 3, suppressed: false })).toBe(33);
		expect(shareOf({ value: null, suppressed: true }, { value: 100, suppressed: false })).toBeNull();
		expect(shareOf({ value: 0, suppressed: false }, { value: 0, suppressed: false })).toBeNull();
	});
});
