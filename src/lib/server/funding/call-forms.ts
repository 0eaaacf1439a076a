import { z } from 'zod';
import { belgianLocalToInstant } from '../core/index.ts';
import { parseAmount, parsePercent } from '../../funding/money.ts';
import { APPLICANT_KINDS, BUDGET_CATEGORIES, type CallRules } from '../../funding/types.ts';
import { movePhase, type Moved } from '../../funding/phases.ts';
import { FUNDING_LIMITS } from './schema.ts';

// The rules editor's small forms (one per part of the rules), as form strings → the part of the rules
// they change. Each page action merges its part into the rules it read and saves the whole with
// updateCall, so every save passes the same checks. Amounts and shares are read as people type them
// ("15.000", "12,5 %") by money.ts; dates and times are on the Belgian clock.

const E = 'fund_call_error_';
const str = z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string());
const version = z.coerce.number().int().min(1);
const whole = (key: string, min: number, max: number) => z.coerce.number(key).int(key).min(min, key).max(max, key);
/** An amount typed in euro → cents; blank → null (no cap). */
const amount = str.transform((s, ctx) => {
	if (!s.trim()) return null;
	const r = parseAmount(s);
	if (r.ok) return r.cents;
	ctx.addIssue({ code: 'custom', message: `${E}amount` });
	return z.NEVER;
});
/** A share typed in per cent → basis points; blank → null (no such rule). */
const share = str.transform((s, ctx) => {
	if (!s.trim()) return null;
	const r = parsePercent(s);
	if (r.ok) return r.basisPoints;
	ctx.addIssue({ code: 'custom', message: `${E}share` });
	return z.NEVER;
});
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/u, 'act_error_time');

export const generalForm = z.object({
	version,
	title: z.string('error_required').trim().min(1, 'error_required').max(FUNDING_LIMITS.titleMax, 'error_too_long'),
	summary: str.pipe(z.string().max(FUNDING_LIMITS.textMax, 'error_too_long')),
	opensOn: z.iso.date('error_date'),
	opensTime: clock,
	closesOn: z.iso.date('error_date'),
	closesTime: clock
});
export const whoForm = z.object({
	version,
	applicantKinds: list(z.enum(APPLICANT_KINDS, 'error_choice')).refine((a) => a.length > 0, `${E}kinds`),
	onePerApplicant: z.enum(['one', 'several'], 'error_choice')
});
export const moneyForm = z.object({ version, maxGrant: amount, startFund: amount, cofinancing: share, smallInfrastructure: share });
export const budgetForm = z.object({
	version,
	categories: list(z.enum(BUDGET_CATEGORIES, 'error_choice')).refine((a) => a.length > 0, `${E}categories`),
	durationYears: whole(`${E}duration`, 1, FUNDING_LIMITS.yearsMax),
	decreasingLastYears: whole(`${E}count`, 0, FUNDING_LIMITS.yearsMax)
});
export const phaseForm = z.object({
	version,
	index: z.coerce.number().int().min(0),
	startsOn: z.iso.date('error_date'),
	endsOn: z.iso.date('error_date')
});
export const sectionForm = z.object({
	version,
	index: z.coerce.number().int().min(0),
	title: z.string('error_required').trim().min(1, 'error_required').max(FUNDING_LIMITS.titleMax, 'error_too_long'),
	maxWords: whole(`${E}count`, 0, 20_000)
});
export const juryForm = z.object({
	version,
	minIndicators: whole(`${E}count`, 0, FUNDING_LIMITS.indicatorsMax),
	scaleMin: whole(`${E}scale`, 0, 100),
	scaleMax: whole(`${E}scale`, 1, 100),
	spreadFlag: whole(`${E}count`, 0, 100),
	weights: list(whole(`${E}weight`, 1, 1000))
});

export function withGeneral(r: CallRules, f: z.infer<typeof generalForm>): CallRules {
	return {
		...r,
		opensAt: belgianLocalToInstant(f.opensOn, f.opensTime).toISOString(),
		closesAt: belgianLocalToInstant(f.closesOn, f.closesTime).toISOString()
	};
}
export const withWho = (r: CallRules, f: z.infer<typeof whoForm>): CallRules => ({
	...r,
	applicantKinds: f.applicantKinds as CallRules['applicantKinds'],
	onePerApplicant: f.onePerApplicant === 'one'
});
export const withMoney = (r: CallRules, f: z.infer<typeof moneyForm>): CallRules => ({
	...r,
	maxGrantCents: f.maxGrant,
	startFundMaxCents: f.startFund,
	minCofinancingBp: f.cofinancing,
	maxSmallInfrastructureBp: f.smallInfrastructure
});
export const withBudget = (r: CallRules, f: z.infer<typeof budgetForm>): CallRules => ({
	...r,
	categories: f.categories as CallRules['categories'],
	durationYears: f.durationYears,
	decreasingLastYears: f.decreasingLastYears
});
/** The phase's new dates; whichever edge changed moves, and its neighbours shift with it. */
export function withPhase(r: CallRules, f: z.infer<typeof phaseForm>): { rules: CallRules; moved: Moved } {
	const p = r.phases[f.index];
	let moved: Moved = { phases: r.phases, shifted: [] };
	if (p && f.endsOn !== p.endsOn) moved = movePhase(moved.phases, { index: f.index, edge: 'end', day: f.endsOn });
	if (p && f.startsOn !== p.startsOn) {
		const again = movePhase(moved.phases, { index: f.index, edge: 'start', day: f.startsOn });
		moved = { phases: again.phases, shifted: [...new Set([...moved.shifted, ...again.shifted])].sort((a, b) => a - b) };
	}
	return { rules: { ...r, phases: moved.phases }, moved };
}
export const withSection = (r: CallRules, f: z.infer<typeof sectionForm>): CallRules => ({
	...r,
	sections: r.sections.map((s, i) => (i === f.index ? { ...s, title: f.title, maxWords: f.maxWords } : s))
});
export const withJury = (r: CallRules, f: z.infer<typeof juryForm>): CallRules => ({
	...r,
	minIndicators: f.minIndicators,
	scaleMin: f.scaleMin,
	scaleMax: f.scaleMax,
	spreadFlag: f.spreadFlag,
	criteria: r.criteria.map((c, i) => ({ ...c, weight: f.weights[i] ?? c.weight }))
});
