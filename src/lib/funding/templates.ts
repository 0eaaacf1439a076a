import type { CallRules } from './types.ts';

// The three ready-made calls of DOMAIN.md ("3. Projects and funding"): an officer starts from one and
// changes what their call does differently. Pure data made from a start date.
// GROUNDWORK STUB: the engine helper writes the three real templates (rules, phases, sections with their
// word limits, criteria) with their texts in nl, fr and en.

export const TEMPLATE_CODES = ['participatory', 'improvement_contract', 'sustainable_contract'] as const;
export type TemplateCode = (typeof TEMPLATE_CODES)[number];

export type CallTemplate = { title: string; summary: string; rules: CallRules };

/** A call made from a template, opening at `opensAt`; texts in `locale` (nl, fr or en; others get en). */
export function callTemplate(code: TemplateCode, options: { opensAt: Date; locale: string }): CallTemplate {
	const closes = new Date(options.opensAt.getTime() + 60 * 86_400_000);
	return {
		title: code,
		summary: '',
		rules: {
			opensAt: options.opensAt.toISOString(),
			closesAt: closes.toISOString(),
			phases: [],
			applicantKinds: ['association'],
			onePerApplicant: true,
			maxGrantCents: null,
			startFundMaxCents: null,
			minCofinancingBp: null,
			maxSmallInfrastructureBp: null,
			categories: ['operations'],
			durationYears: 1,
			decreasingLastYears: 0,
			sections: [],
			minIndicators: 0,
			criteria: [],
			scaleMin: 0,
			scaleMax: 10,
			spreadFlag: 3
		}
	};
}
