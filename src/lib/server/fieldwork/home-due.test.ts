import { describe, expect, it } from 'vitest';
import { splitByDue } from './home-due.ts';

describe('open questions by due date', () => {
	it('splits into overdue, this week (today to Sunday) and later (or no date)', () => {
		const q = (id: string, dueOn: string | null) => ({ id, dueOn });
		const split = splitByDue(
			[q('a', '2026-11-30'), q('b', '2026-12-03'), q('c', '2026-12-06'), q('d', '2026-12-07'), q('e', null), q('f', '2026-12-02')],
			'2026-12-03',
			'2026-12-06'
		);
		expect(split.overdue.map((x) => x.id)).toEqual(['a', 'f']);
		expect(split.thisWeek.map((x) => x.id)).toEqual(['b', 'c']);
		expect(split.later.map((x) => x.id)).toEqual(['d', 'e']);
	});
});
