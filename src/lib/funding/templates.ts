import { m } from '../paraglide/messages.js';
import { isLocale, type Locale } from '../paraglide/runtime.js';
import { intl } from '../intl.ts';
import { BELGIAN_ZONE } from '../zone.ts';
import type { BudgetCategory, CallRules, Criterion, Phase, Section } from './types.ts';

// The three ready-made calls of DOMAIN.md ("3. Projects and funding"): an officer starts from one and
// changes what their call does differently. Pure data made from a start date; texts from the
// `fund_tpl_*` messages in the language asked for.
//
// Dates: phases are Belgian calendar days (plain 'YYYY-MM-DD'), contiguous as types.ts says (both ends
// included, each phase starting the day after the one before ends). The call closes at 12:00 Brussels
// time on a working day: a deadline at noon on a weekday leaves the afternoon in which the programme's
// staff can still be reached by phone by an applicant whose upload went wrong; a deadline at midnight or
// on a Sunday leaves them alone. (Public holidays are not known here: the officer moves the date then.)
// No server import (this file is shared with the browser), so the instants are read on the Belgian
// clock through Intl (`intl`, BELGIAN_ZONE), never from an offset written here.

export const TEMPLATE_CODES = ['participatory', 'improvement_contract', 'sustainable_contract'] as const;
export type TemplateCode = (typeof TEMPLATE_CODES)[number];

export type CallTemplate = { title: string; summary: string; rules: CallRules };

type Msg = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const SECTION_TEXT = {
	neighbourhood: [m.fund_tpl_sec_neighbourhood_title, m.fund_tpl_sec_neighbourhood_help],
	roadmap: [m.fund_tpl_sec_roadmap_title, m.fund_tpl_sec_roadmap_help],
	coach_experts: [m.fund_tpl_sec_coach_experts_title, m.fund_tpl_sec_coach_experts_help],
	partnerships: [m.fund_tpl_sec_partnerships_title, m.fund_tpl_sec_partnerships_help],
	steering_group: [m.fund_tpl_sec_steering_group_title, m.fund_tpl_sec_steering_group_help],
	context: [m.fund_tpl_sec_context_title, m.fund_tpl_sec_context_help],
	vision: [m.fund_tpl_sec_vision_title, m.fund_tpl_sec_vision_help],
	goals: [m.fund_tpl_sec_goals_title, m.fund_tpl_sec_goals_help],
	actions: [m.fund_tpl_sec_actions_title, m.fund_tpl_sec_actions_help],
	innovation: [m.fund_tpl_sec_innovation_title, m.fund_tpl_sec_innovation_help],
	civil_society: [m.fund_tpl_sec_civil_society_title, m.fund_tpl_sec_civil_society_help],
	follow_up: [m.fund_tpl_sec_follow_up_title, m.fund_tpl_sec_follow_up_help],
	subsidy_request: [m.fund_tpl_sec_subsidy_request_title, m.fund_tpl_sec_subsidy_request_help],
	anchoring: [m.fund_tpl_sec_anchoring_title, m.fund_tpl_sec_anchoring_help],
	project: [m.fund_tpl_sec_project_title, m.fund_tpl_sec_project_help],
	target_groups: [m.fund_tpl_sec_target_groups_title, m.fund_tpl_sec_target_groups_help],
	budget_plan: [m.fund_tpl_sec_budget_plan_title, m.fund_tpl_sec_budget_plan_help]
} satisfies Record<string, [Msg, Msg]>;
type SectionKey = keyof typeof SECTION_TEXT;

const CRITERION_TEXT = {
	participation: [m.fund_tpl_crit_participation_title, m.fund_tpl_crit_participation_help],
	sustainability: [m.fund_tpl_crit_sustainability_title, m.fund_tpl_crit_sustainability_help],
	feasibility: [m.fund_tpl_crit_feasibility_title, m.fund_tpl_crit_feasibility_help],
	budget: [m.fund_tpl_crit_budget_title, m.fund_tpl_crit_budget_help],
	relevance: [m.fund_tpl_crit_relevance_title, m.fund_tpl_crit_relevance_help],
	approach: [m.fund_tpl_crit_approach_title, m.fund_tpl_crit_approach_help],
	partnership: [m.fund_tpl_crit_partnership_title, m.fund_tpl_crit_partnership_help],
	anchoring: [m.fund_tpl_crit_anchoring_title, m.fund_tpl_crit_anchoring_help],
	experience: [m.fund_tpl_crit_experience_title, m.fund_tpl_crit_experience_help]
} satisfies Record<string, [Msg, Msg]>;
type CriterionKey = keyof typeof CRITERION_TEXT;

const PHASE_TEXT = {
	preparation: m.fund_tpl_phase_preparation,
	roadmap_selection: m.fund_tpl_phase_roadmap_selection,
	realisation_evaluation: m.fund_tpl_phase_realisation_evaluation,
	submission: m.fund_tpl_phase_submission,
	selection: m.fund_tpl_phase_selection,
	realisation: m.fund_tpl_phase_realisation
} satisfies Record<string, Msg>;
type PhaseKey = keyof typeof PHASE_TEXT;

/**
 * A template as data. The calendar: `submissionDays` after the opening day comes the deadline day (the
 * next weekday when that is a Saturday or Sunday); the first phase ends the day before it
 * (`deadlineStartsPhase`: the roadmap is handed in on the first day of "submission and selection")
 * or on it; `selectionDays` of selection follow; then the project's years.
 */
type Spec = {
	title: Msg;
	summary: Msg;
	phases: [PhaseKey, PhaseKey, PhaseKey];
	deadlineStartsPhase: boolean;
	submissionDays: number;
	selectionDays: number;
	sections: [SectionKey, number][];
	criteria: [CriterionKey, number][];
	scale: [number, number];
	spreadFlag: number;
	rules: Omit<CallRules, 'opensAt' | 'closesAt' | 'phases' | 'sections' | 'criteria' | 'scaleMin' | 'scaleMax' | 'spreadFlag'>;
};

const EURO = 100;

const SPECS: Record<TemplateCode, Spec> = {
	// Brussels' participatory sustainable neighbourhoods: a start fund to get residents together, then
	// project support; a resident jury scores on a short 1–5 scale.
	participatory: {
		title: m.fund_tpl_participatory_title,
		summary: m.fund_tpl_participatory_summary,
		phases: ['preparation', 'roadmap_selection', 'realisation_evaluation'],
		deadlineStartsPhase: true,
		submissionDays: 90,
		selectionDays: 60,
		sections: [
			['neighbourhood', 500],
			['roadmap', 750],
			['coach_experts', 350],
			['partnerships', 350],
			['steering_group', 350]
		],
		criteria: [
			['participation', 30],
			['sustainability', 25],
			['feasibility', 25],
			['budget', 20]
		],
		scale: [1, 5],
		spreadFlag: 2,
		rules: {
			applicantKinds: ['neighbourhood_group', 'association'],
			onePerApplicant: true,
			maxGrantCents: 15_000 * EURO,
			startFundMaxCents: 400 * EURO,
			minCofinancingBp: null,
			maxSmallInfrastructureBp: null,
			categories: ['material', 'rent', 'works', 'communication'],
			durationYears: 1,
			decreasingLastYears: 0,
			minIndicators: 1
		}
	},
	// Flanders' neighbourhood improvement contract: one proposal per city, the ten sections and their word
	// limits in the order of the official form.
	improvement_contract: {
		title: m.fund_tpl_improvement_contract_title,
		summary: m.fund_tpl_improvement_contract_summary,
		phases: ['submission', 'selection', 'realisation'],
		deadlineStartsPhase: false,
		submissionDays: 120,
		selectionDays: 75,
		sections: [
			['context', 1000],
			['vision', 750],
			['goals', 350],
			['actions', 500],
			['innovation', 350],
			['partnerships', 500],
			['civil_society', 350],
			['follow_up', 350],
			['subsidy_request', 350],
			['anchoring', 500]
		],
		criteria: [
			['relevance', 25],
			['approach', 25],
			['participation', 20],
			['partnership', 15],
			['anchoring', 15]
		],
		scale: [0, 10],
		spreadFlag: 3,
		rules: {
			applicantKinds: ['city', 'association'],
			onePerApplicant: true,
			maxGrantCents: 800_000 * EURO,
			startFundMaxCents: null,
			minCofinancingBp: 2000,
			maxSmallInfrastructureBp: 2000,
			categories: ['personnel', 'operations', 'studies', 'investments', 'small_infrastructure'],
			durationYears: 4,
			decreasingLastYears: 0,
			minIndicators: 3
		}
	},
	// A project of a Brussels sustainable neighbourhood contract: an association, 4 years, a budget that
	// decreases over the last 2 so the work learns to go on without the contract.
	sustainable_contract: {
		title: m.fund_tpl_sustainable_contract_title,
		summary: m.fund_tpl_sustainable_contract_summary,
		phases: ['submission', 'selection', 'realisation'],
		deadlineStartsPhase: false,
		submissionDays: 60,
		selectionDays: 60,
		sections: [
			['project', 750],
			['context', 500],
			['target_groups', 350],
			['partnerships', 350],
			['budget_plan', 350],
			['anchoring', 350]
		],
		criteria: [
			['relevance', 30],
			['approach', 25],
			['experience', 20],
			['budget', 15],
			['anchoring', 10]
		],
		scale: [0, 10],
		spreadFlag: 3,
		rules: {
			applicantKinds: ['association'],
			onePerApplicant: true,
			maxGrantCents: 100_000 * EURO,
			startFundMaxCents: null,
			minCofinancingBp: null,
			maxSmallInfrastructureBp: null,
			categories: ['personnel', 'operations', 'investments', 'communication'] satisfies BudgetCategory[],
			durationYears: 4,
			decreasingLastYears: 2,
			minIndicators: 2
		}
	}
};

// Calendar days as 'YYYY-MM-DD'. Day arithmetic on a UTC date is calendar arithmetic (UTC has no clock
// changes); no instant is involved until `belgianNoon`.
const ymd = (day: string) => day.split('-').map(Number) as [number, number, number];
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** @public The day `n` days after `day`. */
export const addDays = (day: string, n: number) => {
	const [y, mo, d] = ymd(day);
	return iso(Date.UTC(y, mo - 1, d + n));
};

/** The same day `n` years later; 29 February becomes 28 February in a common year. */
function addYears(day: string, n: number): string {
	const [y, mo, d] = ymd(day);
	const t = Date.UTC(y + n, mo - 1, d);
	return new Date(t).getUTCMonth() === mo - 1 ? iso(t) : iso(Date.UTC(y + n, mo, 0));
}

/** The day itself, or the Monday after it when it falls on a Saturday or a Sunday. */
function weekdayOnOrAfter(day: string): string {
	const [y, mo, d] = ymd(day);
	const dow = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
	return dow === 6 ? addDays(day, 2) : dow === 0 ? addDays(day, 1) : day;
}

const belgianParts = () =>
	intl('DateTimeFormat', 'en-GB', {
		timeZone: BELGIAN_ZONE,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	});

/** The Belgian wall clock at an instant, written as if it were UTC (ms): the zone's offset is the difference. */
function belgianWallClock(at: number): number {
	const p = Object.fromEntries(
		belgianParts()
			.formatToParts(at)
			.map((x) => [x.type, x.value])
	);
	return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
}

/** @public The Belgian calendar day of an instant. */
export const belgianDay = (at: Date) => iso(belgianWallClock(at.getTime()));

/**
 * 12:00 in Brussels on a day, as an instant. The offset is the time zone database's (through Intl), read at
 * noon UTC of that day: Belgium changes its clocks at 01:00 UTC, so noon UTC and noon in Brussels always
 * share one offset, and noon is never in a skipped or repeated hour.
 */
export function belgianNoon(day: string): Date {
	const [y, mo, d] = ymd(day);
	const guess = Date.UTC(y, mo - 1, d, 12);
	return new Date(guess - (belgianWallClock(guess) - guess));
}

const asLocale = (locale: string): Locale => (isLocale(locale) ? locale : 'en');

/** A call made from a template, opening at `opensAt`; texts in `locale` (one of the six; others get en). */
export function callTemplate(code: TemplateCode, options: { opensAt: Date; locale: string }): CallTemplate {
	const spec = SPECS[code];
	const o = { locale: asLocale(options.locale) };
	const opensOn = belgianDay(options.opensAt);
	const deadline = weekdayOnOrAfter(addDays(opensOn, spec.submissionDays));
	const firstEnds = spec.deadlineStartsPhase ? addDays(deadline, -1) : deadline;
	const secondEnds = addDays(firstEnds, spec.selectionDays);
	const projectStarts = addDays(secondEnds, 1);
	const spans: [string, string][] = [
		[opensOn, firstEnds],
		[addDays(firstEnds, 1), secondEnds],
		[projectStarts, addDays(addYears(projectStarts, spec.rules.durationYears), -1)]
	];
	const phases: Phase[] = spec.phases.map((key, i) => ({ key, title: PHASE_TEXT[key]({}, o), startsOn: spans[i]![0], endsOn: spans[i]![1] }));
	const sections: Section[] = spec.sections.map(([key, maxWords]) => ({
		key,
		title: SECTION_TEXT[key][0]({}, o),
		help: SECTION_TEXT[key][1]({}, o),
		maxWords,
		required: true
	}));
	const criteria: Criterion[] = spec.criteria.map(([key, weight]) => ({
		key,
		title: CRITERION_TEXT[key][0]({}, o),
		help: CRITERION_TEXT[key][1]({}, o),
		weight
	}));
	return {
		title: spec.title({}, o),
		summary: spec.summary({}, o),
		rules: {
			...structuredClone(spec.rules),
			opensAt: options.opensAt.toISOString(),
			closesAt: belgianNoon(deadline).toISOString(),
			phases,
			sections,
			criteria,
			scaleMin: spec.scale[0],
			scaleMax: spec.scale[1],
			spreadFlag: spec.spreadFlag
		}
	};
}
