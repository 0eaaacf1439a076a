import { describe, expect, it } from 'vitest';
import { ACTIVITY_REACH_FIGURES, shapeReach, type ReachCounts } from './reach-shape.ts';

const q = { from: '2025-01-01', to: '2025-03-31', areaId: null, kind: null, activityIds: [] };
const zero = Object.fromEntries(ACTIVITY_REACH_FIGURES.map((k) => [k, 0])) as unknown as ReachCounts;
const counts = (c: Partial<ReachCounts>): ReachCounts => ({ ...zero, countries: [], monthly: [], activities: [], ...c });
const shown = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };

describe('shapeReach', () => {
	it('lists every month of the period, zeros included', () => {
		const r = shapeReach(q, counts({ participants: 10, newcomers: 10, monthly: [{ month: '2025-02', newcomers: 10, returning: 0 }] }));
		expect(r.monthly.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03']);
		expect(r.monthly[1]).toEqual({ month: '2025-02', participants: shown(10), newcomers: shown(10), returning: shown(0) });
	});

	it('hides 1 to 4, and a part whose difference with the participants is 1 to 4', () => {
		const r = shapeReach(q, counts({ participants: 20, children: 17, newcomers: 3, returning: 17, anonymous: 2, sessions: 12 }));
		expect(r.figures.children).toEqual(hidden);
		expect(r.figures.newcomers).toEqual(hidden);
		expect(r.figures.returning).toEqual(hidden);
		expect(r.figures.anonymous).toEqual(hidden);
		expect(r.figures.sessions).toEqual(shown(12));
		expect(r.shares.children).toBeNull();
	});

	it('hides the other part of a month when one of new and returning is hidden', () => {
		const r = shapeReach(
			q,
			counts({
				participants: 30,
				newcomers: 20,
				returning: 10,
				monthly: [
					{ month: '2025-01', newcomers: 2, returning: 10 },
					{ month: '2025-02', newcomers: 18, returning: 10 }
				]
			})
		);
		// January's 2 new people are hidden; so is February's 18 (else 20 − 18), and January's returning (else 12 − 10).
		expect(r.monthly[0]).toMatchObject({ newcomers: hidden, returning: hidden, participants: shown(12) });
		expect(r.monthly[1]).toMatchObject({ newcomers: hidden, returning: hidden });
	});

	it('suppresses countries with the unknown origins as one table, most people first', () => {
		const r = shapeReach(
			q,
			counts({
				participants: 30,
				foreignOrigin: 13,
				originUnknown: 9,
				countries: [
					{ country: 'MA', people: 10 },
					{ country: 'BE', people: 8 },
					{ country: 'SY', people: 3 }
				]
			})
		);
		expect(r.countries.map((c) => c.country)).toEqual(['MA', 'BE', 'SY']);
		expect(r.countries[2]!.people).toEqual(hidden);
		// The smallest other non-zero cell (8 Belgians) is hidden too, so 30 − the rest gives nothing.
		expect(r.countries[1]!.people).toEqual(hidden);
		expect(r.figures.originUnknown).toEqual(shown(9));
	});
});
