import { machine } from '../core/index.ts';
import type { QuestionStatus } from './schema.ts';

// The question's status machine, without I/O (questions.ts applies it inside the verb's transaction).
// A worker often answers on the spot, so an open question may close at once (answered, referred or
// dropped) without passing through in_progress. A closed question may be reopened (back to
// in_progress, never to open: somebody has worked on it) because people come back — the answer did not
// hold, the referral led nowhere — and a new question would lose its history. Nothing goes back to open.

export const QUESTION_NEXT: Record<QuestionStatus, readonly QuestionStatus[]> = {
	open: ['in_progress', 'answered', 'referred', 'dropped'],
	in_progress: ['answered', 'referred', 'dropped'],
	answered: ['in_progress'],
	referred: ['in_progress'],
	dropped: ['in_progress']
};
const steps = machine(QUESTION_NEXT);

export type StatusClass = 'open' | 'closed';

/** The same rule as the schema's generated status_class (an integration test holds them together). */
export function questionClass(status: QuestionStatus): StatusClass {
	return status === 'open' || status === 'in_progress' ? 'open' : 'closed';
}

/** The steps a worker may take from `status`: the buttons the question page shows. */
export function questionNextSteps(status: QuestionStatus): readonly QuestionStatus[] {
	return steps.nextSteps(status);
}

export function mayMoveQuestion(from: QuestionStatus, to: QuestionStatus): boolean {
	return steps.canStep(from, to);
}
