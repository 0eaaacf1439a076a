import { z } from 'zod';
import { FUNDING_LIMITS } from './schema.ts';

// The inputs of the review verbs (eligibility, the jury, scores, decisions), shared by the forms, the
// API and its document. Whether a score fits the call (its criteria, its scale) needs the call's rules:
// `scoreProblems` checks that, in the verb, with message keys per field.

const uuid = z.uuid('error_choice');
// Several lines are fine in a reason or a comment; NUL never (PostgreSQL refuses it: a 500 otherwise).
const prose = (max: number) =>
	z
		.string('error_required')
		.trim()
		.max(max, 'error_too_long')
		.refine((v) => !v.includes('\u0000'), 'error_characters');
const required = (max: number) => prose(max).refine((v) => v.length > 0, 'error_required');

export const applicationIdInput = z.object({ id: uuid });

export const checkEligibilityInput = z
	.object({ id: uuid, eligible: z.boolean('error_choice'), reason: prose(FUNDING_LIMITS.textMax).default('') })
	// Completeness tied to the verdict: "ineligible" needs a reason the applicant can read.
	.refine((v) => v.eligible || v.reason.length > 0, { path: ['reason'], message: 'fund_review_error_reason' });

export const askInformationInput = z.object({ id: uuid, question: required(FUNDING_LIMITS.textMax) });

export const jurorInput = z.object({ callId: uuid, userId: z.string('error_choice').trim().min(1, 'error_choice').max(100, 'error_choice') });

export const declareConflictInput = z.object({ applicationId: uuid, reason: required(FUNDING_LIMITS.textMax) });

export const scoreInput = z.object({
	applicationId: uuid,
	scores: z
		.array(
			z.object({
				criterion: z.string('fund_jury_error_criterion').max(40, 'fund_jury_error_criterion'),
				score: z.number('fund_jury_error_scale').int('fund_jury_error_scale'),
				comment: prose(FUNDING_LIMITS.textMax).default('')
			}),
			'error_invalid'
		)
		.max(50, 'error_too_long'),
	motivation: prose(FUNDING_LIMITS.textMax).default(''),
	final: z.boolean('error_choice').default(false)
});

export const reopenReviewInput = z.object({ applicationId: uuid, userId: z.string('error_choice').min(1, 'error_choice').max(100, 'error_choice') });

/** The decision's fields; `decideInput` adds what each verdict needs (the API's body is these, less the id). */
export const decideFields = z.object({
	id: uuid,
	decision: z.enum(['granted', 'rejected'], 'error_choice'),
	grantedCents: z
		.number('fund_decision_error_amount')
		.int('fund_decision_error_amount')
		.min(1, 'fund_decision_error_amount')
		.max(FUNDING_LIMITS.amountMaxCents, 'fund_decision_error_amount')
		.optional(),
	reason: prose(FUNDING_LIMITS.textMax).default('')
});

export const decideInput = decideFields
	.refine((v) => v.decision === 'rejected' || v.grantedCents !== undefined, { path: ['grantedCents'], message: 'fund_decision_error_amount' })
	.refine((v) => v.decision === 'granted' || v.reason.length > 0, { path: ['reason'], message: 'fund_review_error_reason' });

export const callBoardInput = z.object({ callId: uuid });

type ScoreLine = { criterion: string; score: number };
type Scale = { criteria: { key: string }[]; scaleMin: number; scaleMax: number };

/** Pure: what is wrong with a juror's scores for this call (empty: nothing). */
export function scoreProblems(rules: Scale, scores: ScoreLine[], final: boolean, motivation: string): Record<string, string> {
	const out: Record<string, string> = {};
	const keys = new Set(rules.criteria.map((c) => c.key));
	const seen = new Set<string>();
	for (const s of scores) {
		if (!keys.has(s.criterion)) out.scores ??= 'fund_jury_error_criterion';
		else if (seen.has(s.criterion)) out.scores ??= 'fund_jury_error_duplicate';
		else if (s.score < rules.scaleMin || s.score > rules.scaleMax) out.scores ??= 'fund_jury_error_scale';
		seen.add(s.criterion);
	}
	if (final && !out.scores && seen.size < keys.size) out.scores = 'fund_jury_error_incomplete';
	if (final && !motivation) out.motivation = 'fund_jury_error_motivation';
	return out;
}
