import { z } from 'zod';
import { APPLICANT_KINDS, BUDGET_CATEGORIES, type ApplicationBody } from '../../funding/types.ts';
import { FUNDING_LIMITS } from './schema.ts';

// The inputs of the application verbs, shared by the forms, the API and its document. The shape is
// checked here (types, ranges, lengths: what no call could accept); what a call's rules say (caps,
// shares, word limits, the deadline) is the pure engine's, so a draft may break them and still be saved.

const E = 'fund_app_error_';
const text = (max: number) => z.string('error_required').max(max, 'error_too_long');
const cents = z.number(`${E}amount`).int(`${E}amount`).min(0, `${E}amount`).max(FUNDING_LIMITS.amountMaxCents, `${E}amount`);
const ref = z.string(`${E}id`).min(1, `${E}id`).max(64, `${E}id`);

const line = z.strictObject({
	id: ref,
	year: z.number(`${E}year`).int(`${E}year`).min(1, `${E}year`).max(FUNDING_LIMITS.yearsMax, `${E}year`),
	category: z.enum(BUDGET_CATEGORIES, 'error_choice'),
	description: text(FUNDING_LIMITS.titleMax),
	amountCents: cents
});
const partner = z.strictObject({
	id: ref,
	name: text(FUNDING_LIMITS.titleMax),
	role: text(FUNDING_LIMITS.titleMax),
	contributionCents: cents,
	partnerId: ref.nullable()
});
const indicator = z.strictObject({
	id: ref,
	metric: ref.nullable(),
	name: text(FUNDING_LIMITS.titleMax),
	target: z.number(`${E}target`).min(0, `${E}target`).max(1e12, `${E}target`),
	unit: text(40)
});
const risk = z.strictObject({ id: ref, risk: text(FUNDING_LIMITS.textMax), mitigation: text(FUNDING_LIMITS.textMax) });

export const applicationBodyShape = z.strictObject({
	title: text(FUNDING_LIMITS.titleMax),
	summary: text(FUNDING_LIMITS.textMax),
	// A section over the character cap (a 50 000-word paste) is refused here, before any word is counted.
	sections: z.record(
		z.string().regex(/^[a-z0-9_]{1,40}$/u, `${E}id`),
		z.string('error_required').max(FUNDING_LIMITS.sectionCharsMax, `${E}section_long`)
	),
	budget: z.array(line).max(FUNDING_LIMITS.budgetLinesMax, 'error_too_long'),
	ownContributionCents: cents,
	startFundCents: cents,
	partners: z.array(partner).max(FUNDING_LIMITS.partnersMax, 'error_too_long'),
	targetGroups: z.array(text(FUNDING_LIMITS.titleMax)).max(30, 'error_too_long'),
	indicators: z.array(indicator).max(FUNDING_LIMITS.indicatorsMax, 'error_too_long'),
	risks: z.array(risk).max(FUNDING_LIMITS.risksMax, 'error_too_long')
}) satisfies z.ZodType<ApplicationBody>;

const uuid = z.uuid('error_not_found');
const version = z.number(`${E}version`).int(`${E}version`).min(1, `${E}version`);

export const createApplicationInput = z.object({
	callId: uuid,
	applicantKind: z.enum(APPLICANT_KINDS, 'error_choice'),
	applicantName: z.string('error_required').trim().min(1, 'error_required').max(FUNDING_LIMITS.titleMax, 'error_too_long'),
	applicantOrganisationId: z.uuid('error_choice').nullish()
});

export const updateApplicationInput = z.object({
	id: uuid,
	/** The version the editor read: a stale one is refused (409), nothing is overwritten. */
	version,
	body: applicationBodyShape
});

export const validateApplicationInput = z.object({
	callId: uuid,
	applicantKind: z.enum(APPLICANT_KINDS, 'error_choice'),
	body: applicationBodyShape
});

export const submitApplicationInput = z.object({ id: uuid, version });

export const withdrawApplicationInput = z.object({
	id: uuid,
	reason: z.string('error_required').trim().min(1, 'error_required').max(FUNDING_LIMITS.textMax, 'error_too_long')
});

export const applicationIdInput = z.object({ id: uuid });
export const applicationVersionInput = z.object({ id: uuid, version });
