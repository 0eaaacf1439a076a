import { getLocale, type Locale } from '#lib/paraglide/runtime.js';
import { m } from '#lib/paraglide/messages.js';
import { intl } from '#lib/intl.ts';

// The register's codes in words: the page uses the request's language, a download names its own.
// Unknown codes show as they are, so a purpose code added later never breaks the register.

type Msg = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const PURPOSE: Record<string, Msg> = {
	contact: m.privacy_code_contact,
	origin_statistics: m.privacy_code_origin_statistics,
	intercultural: m.privacy_code_intercultural,
	photos: m.privacy_code_photos,
	share_partner: m.privacy_code_share_partner,
	social_situation: m.privacy_code_social_situation
};

const BASIS: Record<string, Msg> = {
	consent: m.privacy_basis_consent,
	public_task: m.privacy_basis_public_task,
	legal_obligation: m.privacy_basis_legal_obligation,
	contract: m.privacy_basis_contract,
	vital_interest: m.privacy_basis_vital_interest,
	legitimate_interest: m.privacy_basis_legitimate_interest
};

const CATEGORY: Record<string, Msg> = {
	identity: m.privacy_cat_identity,
	contact: m.privacy_cat_contact,
	household: m.privacy_cat_household,
	origin: m.privacy_cat_origin,
	languages: m.privacy_cat_languages,
	relationships: m.privacy_cat_relationships,
	notes: m.privacy_cat_notes,
	photos: m.privacy_cat_photos,
	health: m.privacy_cat_health
};

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

const label = (table: Record<string, Msg>) => (code: string, locale?: Locale) => table[code]?.({}, locale ? { locale } : undefined) ?? code;

export const purposeLabel = label(PURPOSE);
export const lawfulBasisLabel = label(BASIS);
export const dataCategoryLabel = label(CATEGORY);
export const registerRoleLabel = label(ROLE);

/** Items as one line with the language's own separator (Arabic writes "،", not ","). */
export function listOf(items: string[], locale?: Locale): string {
	return intl('ListFormat', locale ?? getLocale(), { type: 'unit', style: 'short' }).format(items);
}

/** The roles that read a category, as one line: "Facilitator, Coordinator, Resident (own only)". */
export function readersLine(readers: readonly { role: string; ownOnly: boolean }[], locale?: Locale): string {
	if (!readers.length) return m.privacy_register_nobody({}, locale ? { locale } : undefined);
	const opts = locale ? { locale } : undefined;
	return listOf(
		readers.map((r) =>
			r.ownOnly ? m.privacy_register_own_only({ role: registerRoleLabel(r.role, locale) }, opts) : registerRoleLabel(r.role, locale)
		),
		locale
	);
}
