// Funding (issue 16): the shapes a call's rules and an application take. Shared by the server (verbs,
// API, the submit action) and the browser (the live check as one types): no server import here, no I/O.
// Amounts are integer euro cents; shares are basis points (2000 = 20.00 %) in the rules and exact
// fractions in the results, rounded for display only.

export const APPLICANT_KINDS = ['neighbourhood_group', 'association', 'city'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** The budget categories a call may offer (labels: messages `fund_category_<code>`). */
export const BUDGET_CATEGORIES = [
	'personnel',
	'operations',
	'studies',
	'investments',
	'small_infrastructure',
	'material',
	'rent',
	'works',
	'communication',
	'coaching',
	'other'
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

/** A phase of a call. Phases are contiguous: each starts the day after the one before ends. */
export type Phase = {
	key: string;
	title: string;
	/** ISO dates (Belgian calendar days), both included. */
	startsOn: string;
	endsOn: string;
};

/** A section of the application form: its question and its word limit. */
export type Section = {
	key: string;
	title: string;
	help: string;
	/** At most this many words (countWords, `src/lib/words.ts`); 0: no limit. */
	maxWords: number;
	required: boolean;
};

/** A jury criterion: its weight counts in the weighted ranking (weights need not add up to 100). */
export type Criterion = {
	key: string;
	title: string;
	help: string;
	weight: number;
};

/** The rules of a call: data, edited by the officer in the UI, never code. */
export type CallRules = {
	/** Instants (ISO 8601 with offset); entered and shown on the Belgian clock (Europe/Brussels). */
	opensAt: string;
	closesAt: string;
	phases: Phase[];
	applicantKinds: ApplicantKind[];
	/** One application per applicant (an organisation, else an account); false: several. */
	onePerApplicant: boolean;
	/** The most a single application may ask (cents); null: no cap. */
	maxGrantCents: number | null;
	/** An optional start fund asked beside the grant, with its own cap (cents); null: none offered. */
	startFundMaxCents: number | null;
	/** Co-financing (own contribution + partners) at least this share of the total cost (basis points). */
	minCofinancingBp: number | null;
	/** Small-infrastructure lines at most this share of the grant asked (basis points). */
	maxSmallInfrastructureBp: number | null;
	categories: BudgetCategory[];
	/** The project's duration: budget lines fall in years 1 … durationYears. */
	durationYears: number;
	/** The yearly total must decrease (strictly) over the last N years; 0: no such rule. */
	decreasingLastYears: number;
	sections: Section[];
	/** At least this many proposed indicators with a target. */
	minIndicators: number;
	criteria: Criterion[];
	/** The jury's scale, whole points. */
	scaleMin: number;
	scaleMax: number;
	/** Flag a criterion where jurors' scores differ by more than this many points. */
	spreadFlag: number;
};

export type BudgetLine = {
	/** Stable within the application (expenses and amendments point at it). */
	id: string;
	/** 1 … durationYears. */
	year: number;
	category: BudgetCategory;
	description: string;
	amountCents: number;
};

export type ApplicationPartner = {
	id: string;
	name: string;
	role: string;
	/** What the partner puts in (cents): counted as co-financing. */
	contributionCents: number;
	/** The organisation's partner record (network/), when the partner is one. */
	partnerId: string | null;
};

export type ProposedIndicator = {
	id: string;
	/** The indicators registry's metric, where one fits; null: the applicant's own wording. */
	metric: string | null;
	name: string;
	target: number;
	unit: string;
};

export type Risk = { id: string; risk: string; mitigation: string };

/** What an applicant fills in. The grant asked is what the co-financing leaves of the total cost. */
export type ApplicationBody = {
	title: string;
	summary: string;
	/** Section key → the applicant's text. */
	sections: Record<string, string>;
	budget: BudgetLine[];
	/** The applicant's own contribution (cents): co-financing too. */
	ownContributionCents: number;
	/** Asked from the start fund (cents), when the call offers one. */
	startFundCents: number;
	partners: ApplicationPartner[];
	targetGroups: string[];
	indicators: ProposedIndicator[];
	risks: Risk[];
};

/** The rules the engine checks; each result names one (messages `fund_rule_<code>`). */
export const RULE_CODES = [
	'deadline_open',
	'deadline_closed',
	'applicant_kind',
	'title_required',
	'section_required',
	'section_words',
	'budget_not_empty',
	'line_year',
	'line_category',
	'line_amount',
	'grant_positive',
	'grant_max',
	'start_fund_max',
	'cofinancing_min',
	'small_infrastructure_max',
	'yearly_decreasing',
	'indicators_min',
	'partner_contribution'
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** A value a rule measured or a limit it holds to. Shares are exact fractions (num / den). */
export type RuleValue =
	| { kind: 'cents'; value: number }
	| { kind: 'share'; num: number; den: number }
	| { kind: 'words'; value: number }
	| { kind: 'count'; value: number }
	| { kind: 'year'; value: number }
	| { kind: 'instant'; value: string };

export type RuleResult = {
	rule: RuleCode;
	/** What it is about: a section key, a budget line id, a year, a partner id; null: the whole application. */
	subject: string | null;
	pass: boolean;
	actual: RuleValue | null;
	limit: RuleValue | null;
};

/** The statuses of an application (the machine is the server's, `funding/status.ts`). */
export const APPLICATION_STATUSES = [
	'draft',
	'submitted',
	'eligible',
	'ineligible',
	'in_review',
	'awaiting_information',
	'granted',
	'rejected',
	'withdrawn'
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const CALL_STATUSES = ['draft', 'published', 'closed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
