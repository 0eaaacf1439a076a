import { m } from '#lib/paraglide/messages.js';
import { roleLabel } from '#lib/labels.ts';

// The export and the consultation log name tables and audit actions as the database does; these put
// them in the page's language. A table added later shows its own name until it gets a label here.

type Msg = () => string;

const TABLE: Record<string, Msg> = {
	people_person: m.rights_table_people_person,
	people_person_merged: m.rights_table_people_person_merged,
	access_role_grant: m.rights_table_access_role_grant,
	aid_certificate: m.rights_table_aid_certificate,
	aid_draft: m.rights_table_aid_draft,
	aid_experience: m.rights_table_aid_experience,
	aid_feedback: m.rights_table_aid_feedback,
	aid_feedback_received: m.rights_table_aid_feedback_received,
	aid_link: m.rights_table_aid_link,
	aid_need: m.rights_table_aid_need,
	aid_offer: m.rights_table_aid_offer,
	aid_visit: m.rights_table_aid_visit,
	network_assignment: m.rights_table_network_assignment,
	network_relationship: m.rights_table_network_relationship,
	people_consent: m.rights_table_people_consent,
	people_household: m.rights_table_people_household,
	people_household_member: m.rights_table_people_household_member,
	people_link_request: m.rights_table_people_link_request,
	people_purpose: m.rights_table_people_purpose,
	people_purpose_text: m.rights_table_people_purpose_text,
	rights_erasure_request: m.rights_table_rights_erasure_request,
	auth_user: m.rights_table_auth_user,
	auth_session: m.rights_table_auth_session,
	auth_account: m.rights_table_auth_account,
	auth_api_token: m.rights_table_auth_api_token
};

const ACTION: Record<string, Msg> = {
	read: m.rights_action_read,
	create: m.rights_action_create,
	update: m.rights_action_update,
	delete: m.rights_action_delete,
	sign_in: m.rights_action_sign_in,
	revoke: m.rights_action_revoke
};

// The columns a person reads first; the others keep the database's name (the JSON file's too).
const COLUMN: Record<string, Msg> = {
	first_name: m.people_first_name,
	last_name: m.rights_col_last_name,
	email: m.auth_email,
	phone: m.aid_contact_phone,
	birth_year: m.rights_col_birth_year,
	languages: m.rights_col_languages,
	created_at: m.rights_col_created_at
};

export const columnLabel = (column: string) => COLUMN[column]?.() ?? column;
export const entityLabel = (table: string) => TABLE[table]?.() ?? table;
export const actionLabel = (action: string) => ACTION[action]?.() ?? action;
/** "coordinator, admin" as the log stores them → the roles' names; none held now → a dash. */
export const rolesLabel = (roles: string | null) => (roles ? roles.split(', ').map(roleLabel).join(', ') : '—');
