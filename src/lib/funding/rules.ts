import type { ApplicantKind, ApplicationBody, CallRules, RuleResult } from './types.ts';

// THE rules engine (issue 16): pure, no I/O, the same in the browser (the live check as one types), the
// pages without JavaScript, the API's validateApplication and the submit action. One truth.
// GROUNDWORK STUB: the engine helper replaces the bodies; the signatures are the contract.

export type CheckContext = {
	/** The clock the deadline is read on (the server's now; the browser's own for the live check). */
	now: Date;
	applicantKind: ApplicantKind;
};

/** What the budget adds up to, in cents: shown in the budget table and used by the rules. */
export type Totals = {
	totalCents: number;
	cofinancingCents: number;
	/** The grant asked: the total cost less the co-financing. */
	grantCents: number;
	/** Index 0 is year 1. */
	byYear: number[];
	byCategory: Partial<Record<string, number>>;
};

export function applicationTotals(rules: CallRules, body: ApplicationBody): Totals {
	void rules;
	void body;
	return { totalCents: 0, cofinancingCents: 0, grantCents: 0, byYear: [], byCategory: {} };
}

/** Every rule of the call on this application: each result passes or says by how much it fails. */
export function checkApplication(rules: CallRules, body: ApplicationBody, context: CheckContext): RuleResult[] {
	void rules;
	void body;
	void context;
	return [];
}

/** Whether the application may be submitted: every rule holds. */
export const allPass = (results: readonly RuleResult[]) => results.every((r) => r.pass);
