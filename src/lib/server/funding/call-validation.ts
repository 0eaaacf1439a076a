import { z } from 'zod';
import { APPLICANT_KINDS, BUDGET_CATEGORIES, type CallRules } from '../../funding/types.ts';
import { phaseProblems } from '../../funding/phases.ts';
import { TEMPLATE_CODES } from '../../funding/templates.ts';
import { FUNDING_LIMITS } from './schema.ts';

// The inputs of the programme and call verbs, shared by the forms, the API and its document. A call's
// rules are checked in two layers: the shape (Zod: types, ranges, known codes) and the consistency of
// the whole (pure `rulesProblems`: the window, contiguous phases, unique keys, the scale), both giving
// message keys per field, so a bad save is a 422 that names the field and changes nothing.

const E = 'fund_call_error_';
const text = (max: number, key = 'error_too_long') => z.string().trim().max(max, key);
const title = z.string('error_required').trim().min(1, 'error_required').max(FUNDING_LIMITS.titleMax, 'error_too_long');
const cents = z.number(`${E}amount`).int(`${E}amount`).min(0, `${E}amount`).max(FUNDING_LIMITS.amountMaxCents, `${E}amount`);
const bp = z.number(`${E}share`).int(`${E}share`).min(0, `${E}share`).max(10_000, `${E}share`);
const count = (max: number) => z.number(`${E}count`).int(`${E}count`).min(0, `${E}count`).max(max, `${E}count`);
const key = z.string(`${E}key`).regex(/^[a-z0-9_]{1,40}$/u, `${E}key`);
const day = z.iso.date('error_date');
const instant = z.iso.datetime({ offset: true, message: 'error_date' });

export const phaseShape = z.object({ key, title: text(FUNDING_LIMITS.titleMax).min(1, 'error_required'), startsOn: day, endsOn: day });
export const sectionShape = z.object({
	key,
	title: text(FUNDING_LIMITS.titleMax).min(1, 'error_required'),
	help: text(FUNDING_LIMITS.textMax),
	maxWords: count(20_000),
	required: z.boolean()
});
export const criterionShape = z.object({
	key,
	title: text(FUNDING_LIMITS.titleMax).min(1, 'error_required'),
	help: text(FUNDING_LIMITS.textMax),
	weight: z.number(`${E}weight`).int(`${E}weight`).min(1, `${E}weight`).max(1000, `${E}weight`)
});

export const callRulesShape = z.object({
	opensAt: instant,
	closesAt: instant,
	phases: z.array(phaseShape).max(12, 'error_too_long'),
	applicantKinds: z.array(z.enum(APPLICANT_KINDS, 'error_choice')).min(1, `${E}kinds`),
	onePerApplicant: z.boolean(),
	maxGrantCents: cents.nullable(),
	startFundMaxCents: cents.nullable(),
	minCofinancingBp: bp.nullable(),
	maxSmallInfrastructureBp: bp.nullable(),
	categories: z.array(z.enum(BUDGET_CATEGORIES, 'error_choice')).min(1, `${E}categories`),
	durationYears: z.number(`${E}duration`).int(`${E}duration`).min(1, `${E}duration`).max(FUNDING_LIMITS.yearsMax, `${E}duration`),
	decreasingLastYears: count(FUNDING_LIMITS.yearsMax),
	sections: z.array(sectionShape).max(40, 'error_too_long'),
	minIndicators: count(FUNDING_LIMITS.indicatorsMax),
	criteria: z.array(criterionShape).max(30, 'error_too_long'),
	scaleMin: z.number(`${E}scale`).int(`${E}scale`).min(0, `${E}scale`).max(100, `${E}scale`),
	scaleMax: z.number(`${E}scale`).int(`${E}scale`).min(1, `${E}scale`).max(100, `${E}scale`),
	spreadFlag: count(100)
}) satisfies z.ZodType<CallRules>;

const duplicated = (keys: string[]) => keys.some((k, i) => keys.indexOf(k) !== i);

/** What makes well-shaped rules inconsistent: field → message key; empty when they hold together. */
export function rulesProblems(r: CallRules): Record<string, string> {
	const out: Record<string, string> = {};
	if (Date.parse(r.closesAt) <= Date.parse(r.opensAt)) out.closesAt = `${E}window`;
	if (phaseProblems(r.phases).length) out.phases = `${E}phases`;
	else if (duplicated(r.phases.map((p) => p.key))) out.phases = `${E}keys`;
	if (duplicated(r.sections.map((s) => s.key))) out.sections = `${E}keys`;
	if (duplicated(r.criteria.map((c) => c.key))) out.criteria = `${E}keys`;
	if (duplicated(r.categories)) out.categories = `${E}categories`;
	if (r.scaleMin >= r.scaleMax) out.scaleMax = `${E}scale`;
	if (r.decreasingLastYears > r.durationYears || r.decreasingLastYears === 1) out.decreasingLastYears = `${E}decreasing`;
	if (r.maxSmallInfrastructureBp !== null && r.maxSmallInfrastructureBp > 0 && !r.categories.includes('small_infrastructure'))
		out.maxSmallInfrastructureBp = `${E}small_infrastructure`;
	return out;
}

/** What a consistent draft still lacks before it may be published (it must be open to someone, later). */
export function publishProblems(r: CallRules, now: Date): Record<string, string> {
	const out = rulesProblems(r);
	if (Date.parse(r.closesAt) <= now.getTime()) out.closesAt ??= `${E}closes_past`;
	if (!r.sections.length) out.sections ??= `${E}no_sections`;
	if (!r.criteria.length) out.criteria ??= `${E}no_criteria`;
	if (!r.phases.length) out.phases ??= `${E}no_phases`;
	return out;
}

const uuid = z.uuid('error_not_found');

export const createProgrammeInput = z.object({
	organisationId: z.uuid('error_choice'),
	name: title,
	description: text(FUNDING_LIMITS.textMax).default('')
});
export const listProgrammesInput = z.object({ organisationId: z.uuid('error_choice').optional() }).default({});

export const createCallInput = z.object({
	programmeId: uuid,
	// A template's code, or blank for a call with empty rules to fill in.
	template: z.preprocess((v) => (v === '' || v === 'blank' ? null : v), z.enum(TEMPLATE_CODES, 'error_choice').nullish()),
	title: z.preprocess((v) => (v === '' ? undefined : v), title.optional()),
	opensAt: instant.optional(),
	locale: z.string().max(10).default('nl')
});

export const updateCallInput = z.object({
	id: uuid,
	/** The version the editor read: a stale one is refused (409), nothing is lost or overwritten. */
	version: z.number().int().min(1),
	title,
	summary: text(FUNDING_LIMITS.textMax).default(''),
	rules: callRulesShape
});

export const callIdInput = z.object({ id: uuid });
export const listCallsInput = z.object({ programmeId: uuid.optional(), mine: z.boolean().default(false) }).default({ mine: false });
