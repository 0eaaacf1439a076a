import { describe, expect, it } from 'vitest';
import { weeksOpen } from './board.ts';

describe("a need's weeks open on the board", () => {
	it('counts weeks on the Belgian clock: two weeks across the spring change are two', () => {
		// Monday 22 March 2027 10:00 winter time → Monday 5 April 10:00 summer time: 14 days less an hour of UTC.
		expect(weeksOpen(new Date('2027-03-22T09:00:00Z'), new Date('2027-04-05T08:00:00Z'))).toBe(2);
		expect(weeksOpen(new Date('2027-03-22T09:00:00Z'), new Date('2027-04-05T07:59:00Z'))).toBe(1);
	});

	it('says 0 for less than a week, and for a clock that is behind', () => {
		expect(weeksOpen(new Date('2027-06-01T09:00:00Z'), new Date('2027-06-08T08:59:00Z'))).toBe(0);
		expect(weeksOpen(new Date('2027-06-08T09:00:00Z'), new Date('2027-06-01T09:00:00Z'))).toBe(0);
	});
});
