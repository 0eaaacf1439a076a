import { describe, expect, it } from 'vitest';
import { REFERRAL_REASONS, REFERRAL_STATUSES, type ReferralStatus } from './schema.ts';
import { referralClass, referralNextSteps, referralStepProblem } from './referral-status.ts';

// Every pair of statuses, as a table: what is allowed is listed, everything else is refused.
const ALLOWED: Array<[ReferralStatus, ReferralStatus]> = [
	['referred', 'accepted'],
	['referred', 'rejected'],
	['referred', 'revoked'],
	['accepted', 'arrived'],
	['accepted', 'revoked'],
	['arrived', 'helped'],
	['arrived', 'not_helped']
];
const key = (a: string, b: string) => `${a}→${b}`;
const allowed = new Set(ALLOWED.map(([a, b]) => key(a, b)));
// A step with what it needs: not_helped takes a reason.
const stepTo = (to: ReferralStatus) => (to === 'not_helped' ? { to, reason: 'waiting_list' as const } : { to });

describe('the referral status machine', () => {
	for (const from of REFERRAL_STATUSES)
		for (const to of REFERRAL_STATUSES) {
			const yes = allowed.has(key(from, to));
			it(`${from} → ${to} is ${yes ? 'allowed' : 'refused'}`, () => {
				expect(referralStepProblem(from, stepTo(to))).toEqual(yes ? null : { status: 'fw_referral_error_step' });
				expect(referralNextSteps(from).includes(to)).toBe(yes);
			});
		}

	it('refuses skipping steps: referred → arrived, referred → helped, accepted → helped', () => {
		expect(referralStepProblem('referred', { to: 'arrived' })).toEqual({ status: 'fw_referral_error_step' });
		expect(referralStepProblem('referred', { to: 'helped' })).toEqual({ status: 'fw_referral_error_step' });
		expect(referralStepProblem('accepted', { to: 'helped' })).toEqual({ status: 'fw_referral_error_step' });
	});

	it('needs a reason for not helped, and words for the reason "other"', () => {
		expect(referralStepProblem('arrived', { to: 'not_helped' })).toEqual({ reason: 'fw_referral_error_reason' });
		expect(referralStepProblem('arrived', { to: 'not_helped', reason: 'other' })).toEqual({ reasonText: 'fw_referral_error_reason_text' });
		expect(referralStepProblem('arrived', { to: 'not_helped', reason: 'other', reasonText: '  ' })).toEqual({
			reasonText: 'fw_referral_error_reason_text'
		});
		expect(referralStepProblem('arrived', { to: 'not_helped', reason: 'other', reasonText: 'Moved away' })).toBeNull();
		for (const reason of REFERRAL_REASONS.filter((r) => r !== 'other'))
			expect(referralStepProblem('arrived', { to: 'not_helped', reason })).toBeNull();
	});

	it('refuses a reason on a step that takes none', () => {
		expect(referralStepProblem('arrived', { to: 'helped', reason: 'did_not_go' })).toEqual({ reason: 'fw_referral_error_reason_unexpected' });
	});

	it('classes referred, accepted and arrived as open, the rest as closed', () => {
		expect(REFERRAL_STATUSES.map((s) => [s, referralClass(s)])).toEqual([
			['referred', 'open'],
			['accepted', 'open'],
			['arrived', 'open'],
			['helped', 'closed'],
			['not_helped', 'closed'],
			['rejected', 'closed'],
			['revoked', 'closed']
		]);
	});
});
