import { machine } from '../core/index.ts';
import type { ReferralReason, ReferralStatus } from './schema.ts';
import type { StatusClass } from './question-status.ts';

// The referral's status machine, without I/O (referrals.ts applies it inside the verb's transaction).
// Every step is taken in order: what counts in the figures ("referred 12, arrived 9, helped 7") is
// only true when nobody can skip from referred to arrived. A partner may refuse (rejected) only before
// accepting; the worker may take a referral back (revoked) until the person arrived. Closed statuses
// are final: an outcome is a fact the partner reported; a second try is a new referral.

export const REFERRAL_NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
	referred: ['accepted', 'rejected', 'revoked'],
	accepted: ['arrived', 'revoked'],
	arrived: ['helped', 'not_helped'],
	helped: [],
	not_helped: [],
	rejected: [],
	revoked: []
};
const steps = machine(REFERRAL_NEXT);

/** The same rule as the schema's generated status_class (an integration test holds them together). */
export function referralClass(status: ReferralStatus): StatusClass {
	return status === 'referred' || status === 'accepted' || status === 'arrived' ? 'open' : 'closed';
}

export function referralNextSteps(status: ReferralStatus): readonly ReferralStatus[] {
	return steps.nextSteps(status);
}

export type ReferralStep = { to: ReferralStatus; reason?: ReferralReason | null; reasonText?: string | null };

/**
 * Why a step is refused (a field name → message key, for an InvalidError), or null when allowed:
 * a step the machine does not have, a "not helped" without a reason, an "other" reason without words,
 * or a reason given for a step that takes none.
 */
export function referralStepProblem(from: ReferralStatus, step: ReferralStep): Record<string, string> | null {
	if (!steps.canStep(from, step.to)) return { status: 'fw_referral_error_step' };
	if (step.to === 'not_helped') {
		if (!step.reason) return { reason: 'fw_referral_error_reason' };
		if (step.reason === 'other' && !step.reasonText?.trim()) return { reasonText: 'fw_referral_error_reason_text' };
	} else if (step.reason) return { reason: 'fw_referral_error_reason_unexpected' };
	return null;
}
