import { describe, expect, it } from 'vitest';
import { countEvidence } from './signal-evidence.ts';

const d = (s: string) => new Date(s);

describe('the evidence count', () => {
	it('is zero without links', () => {
		expect(countEvidence([], [])).toEqual({ people: 0, contacts: 0, questions: 0, firstSeen: null, lastSeen: null });
	});

	it('counts a person on two contacts and a question once, and adds anonymous counts', () => {
		const count = countEvidence(
			[
				{ id: 'c1', startedAt: d('2026-10-02T09:00:00Z'), personIds: ['a', 'b'], anonymousCount: 0 },
				{ id: 'c2', startedAt: d('2026-11-20T09:00:00Z'), personIds: ['a'], anonymousCount: 6 }
			],
			[
				{ id: 'q1', createdAt: d('2026-09-01T09:00:00Z'), personId: 'b' },
				{ id: 'q2', createdAt: d('2026-11-01T09:00:00Z'), personId: 'c' },
				{ id: 'q3', createdAt: d('2026-11-02T09:00:00Z'), personId: null }
			]
		);
		expect(count).toEqual({
			people: 3 + 6,
			contacts: 2,
			questions: 3,
			firstSeen: d('2026-09-01T09:00:00Z'),
			lastSeen: d('2026-11-20T09:00:00Z')
		});
	});
});
