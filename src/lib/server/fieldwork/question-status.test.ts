import { describe, expect, it } from 'vitest';
import { QUESTION_STATUSES, type QuestionStatus } from './schema.ts';
import { mayMoveQuestion, questionClass, questionNextSteps } from './question-status.ts';

// Every pair of statuses, as a table: what is allowed is listed, everything else is refused.
const ALLOWED: Array<[QuestionStatus, QuestionStatus]> = [
	['open', 'in_progress'],
	['open', 'answered'],
	['open', 'referred'],
	['open', 'dropped'],
	['in_progress', 'answered'],
	['in_progress', 'referred'],
	['in_progress', 'dropped'],
	['answered', 'in_progress'],
	['referred', 'in_progress'],
	['dropped', 'in_progress']
];
const key = (a: string, b: string) => `${a}→${b}`;
const allowed = new Set(ALLOWED.map(([a, b]) => key(a, b)));

describe('the question status machine', () => {
	for (const from of QUESTION_STATUSES)
		for (const to of QUESTION_STATUSES) {
			const yes = allowed.has(key(from, to));
			it(`${from} → ${to} is ${yes ? 'allowed' : 'refused'}`, () => {
				expect(mayMoveQuestion(from, to)).toBe(yes);
				expect(questionNextSteps(from).includes(to)).toBe(yes);
			});
		}

	it('never goes back to open, nor stays where it is', () => {
		for (const from of QUESTION_STATUSES) {
			expect(mayMoveQuestion(from, 'open')).toBe(false);
			expect(mayMoveQuestion(from, from)).toBe(false);
		}
	});

	it('classes open and in_progress as open, the rest as closed', () => {
		expect(QUESTION_STATUSES.map((s) => [s, questionClass(s)])).toEqual([
			['open', 'open'],
			['in_progress', 'open'],
			['answered', 'closed'],
			['referred', 'closed'],
			['dropped', 'closed']
		]);
	});
});
