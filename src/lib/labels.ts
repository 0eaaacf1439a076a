import { m } from '#lib/paraglide/messages.js';

// Codes stored in the database, shown to people in their language. Unknown codes show as-is, so a
// new code never breaks a page before its label is written.

const ROLE: Record<string, () => string> = {
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

const ORG_KIND: Record<string, () => string> = {
	city: m.org_kind_city,
	association: m.org_kind_association,
	welfare: m.org_kind_welfare,
	funder: m.org_kind_funder
};

const BASIS: Record<string, () => string> = {
	public_task: m.basis_public_task,
	consent: m.basis_consent
};

const label = (table: Record<string, () => string>) => (code: string) => table[code]?.() ?? code;

export const roleLabel = label(ROLE);
export const orgKindLabel = label(ORG_KIND);
export const basisLabel = label(BASIS);
