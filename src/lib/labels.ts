import type { Locale } from '#lib/paraglide/runtime.js';
import { m } from '#lib/paraglide/messages.js';

// Codes stored in the database, shown to people in their language. Unknown codes show as-is, so a
// new code never breaks a page before its label is written.

const ROLE: Record<string, Msg> = {
	resident: m.role_resident,
	volunteer: m.role_volunteer,
	facilitator: m.role_facilitator,
	outreach: m.role_outreach,
	coordinator: m.role_coordinator,
	officer: m.role_officer,
	jury: m.role_jury,
	expert: m.role_expert,
	admin: m.role_admin
};

const ORG_KIND: Record<string, Msg> = {
	city: m.org_kind_city,
	association: m.org_kind_association,
	welfare: m.org_kind_welfare,
	funder: m.org_kind_funder
};

const BASIS: Record<string, Msg> = {
	public_task: m.basis_public_task,
	consent: m.basis_consent,
	// A purpose's own basis (people_purpose.lawful_basis) may be any of GDPR art. 6's.
	legal_obligation: m.basis_legal_obligation,
	contract: m.basis_contract,
	vital_interest: m.basis_vital_interest,
	legitimate_interest: m.basis_legitimate_interest
};

const CATEGORY: Record<string, Msg> = {
	errands: m.aid_cat_errands,
	company: m.aid_cat_company,
	accompaniment: m.aid_cat_accompaniment,
	paperwork: m.aid_cat_paperwork,
	homework: m.aid_cat_homework,
	childcare: m.aid_cat_childcare,
	repairs: m.aid_cat_repairs,
	gardening: m.aid_cat_gardening,
	language: m.aid_cat_language,
	transport: m.aid_cat_transport,
	meals: m.aid_cat_meals,
	moving: m.aid_cat_moving,
	other: m.aid_cat_other
};

const LINK_STATUS: Record<string, Msg> = {
	proposed: m.aid_status_proposed,
	accepted: m.aid_status_accepted,
	took_place: m.aid_status_took_place,
	closed: m.aid_status_closed,
	declined: m.aid_status_declined,
	cancelled: m.aid_status_cancelled
};

const NEED_STATUS: Record<string, Msg> = {
	review: m.aid_need_review,
	open: m.aid_need_open,
	matched: m.aid_need_matched,
	closed: m.aid_need_closed,
	withdrawn: m.aid_need_withdrawn,
	duplicate: m.aid_need_duplicate
};

const OFFER_STATUS: Record<string, Msg> = {
	review: m.aid_need_review,
	active: m.aid_offer_active,
	paused: m.aid_offer_paused,
	withdrawn: m.aid_need_withdrawn
};

const AGE_GROUP: Record<string, Msg> = {
	'0_17': m.age_0_17,
	'18_29': m.age_18_29,
	'30_49': m.age_30_49,
	'50_64': m.age_50_64,
	'65_plus': m.age_65_plus
};

const FREQUENCY: Record<string, Msg> = {
	once: m.aid_freq_once,
	weekly: m.aid_freq_weekly,
	monthly: m.aid_freq_monthly,
	other: m.aid_freq_other
};

// Pages use the request's language; a download names its own (categoryLabelIn).
type Msg = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
const label = (table: Record<string, Msg>) => (code: string) => table[code]?.() ?? code;

export const roleLabel = label(ROLE);
export const orgKindLabel = label(ORG_KIND);
export const basisLabel = label(BASIS);
export const categoryLabel = label(CATEGORY);
export const categoryLabelIn = (code: string, locale: Locale) => CATEGORY[code]?.({}, { locale }) ?? code;
export const linkStatusLabel = label(LINK_STATUS);
export const needStatusLabel = label(NEED_STATUS);
export const offerStatusLabel = label(OFFER_STATUS);
export const ageGroupLabel = label(AGE_GROUP);
export const frequencyLabel = label(FREQUENCY);

/** The languages a form offers as checkboxes: those of the city's residents most often met. */
export const COMMON_LANGUAGES = ['nl', 'fr', 'en', 'ar', 'tr', 'bg', 'ro', 'pl', 'es', 'prs', 'so', 'ti', 'uk', 'ru'] as const;
