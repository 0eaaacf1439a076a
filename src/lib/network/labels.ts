import { m } from '#lib/paraglide/messages.js';
import type { IconName } from '#lib/components/ui/icons.ts';
import type { Theme } from '#lib/themes.ts';
import { labelled, type LabelRow } from '#lib/labelled.ts';

// The network's codes in the reader's language, for pages (no server code: components import this).
// Unknown codes show as-is, so a new code never breaks a page before its label is written.

type Msg = () => string;

const THEME: Record<Theme, LabelRow> = {
	services: { label: m.theme_services, icon: 'services' },
	leisure: { label: m.theme_leisure, icon: 'leisure' },
	income: { label: m.theme_income, icon: 'coins' },
	work_training: { label: m.theme_work_training, icon: 'work' },
	mobility: { label: m.theme_mobility, icon: 'car' },
	housing: { label: m.theme_housing, icon: 'home' },
	health: { label: m.theme_health, icon: 'health' },
	education: { label: m.theme_education, icon: 'book' },
	family_parenting: { label: m.theme_family_parenting, icon: 'child' },
	language: { label: m.theme_language, icon: 'speech' },
	administration: { label: m.theme_administration, icon: 'form' },
	other: { label: m.theme_other, icon: 'dots' }
};

export const themeLabel = (t: string) => labelled(t, THEME).label;
export const themeIcon = (t: string): IconName => labelled(t, THEME).icon;

const KIND: Record<string, Msg> = {
	welfare: m.network_kind_welfare,
	youth: m.network_kind_youth,
	child_family: m.network_kind_child_family,
	school: m.network_kind_school,
	housing: m.network_kind_housing,
	health: m.network_kind_health,
	mental_health: m.network_kind_mental_health,
	police: m.network_kind_police,
	association: m.network_kind_association,
	city_service: m.network_kind_city_service,
	other: m.network_kind_other
};
export const partnerKindLabel = (k: string) => KIND[k]?.() ?? k;

const NODE: Record<string, Msg> = { person: m.network_node_person, household: m.network_node_household, partner: m.network_node_partner };
export const nodeKindLabel = (k: string) => NODE[k]?.() ?? k;

const ROLE: Record<string, Msg> = { adult: m.people_household_role_adult, child: m.people_household_role_child };
export const memberRoleLabel = (r: string) => ROLE[r]?.() ?? r;
