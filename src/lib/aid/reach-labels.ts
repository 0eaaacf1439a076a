import { intl } from '#lib/intl.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import type { Cell, ReachFigure } from './types.ts';

// The words of the reach figures, for the page and the downloads alike. Each function takes an
// optional locale: pages use the request's language, export routes pass it explicitly.

type Msg = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
export type { Locale };

export const FIGURE_LABELS: Record<ReachFigure, { label: Msg; help: Msg }> = {
	linksMade: { label: m.reach_fig_links_made, help: m.reach_fig_links_made_help },
	linksCompleted: { label: m.reach_fig_links_completed, help: m.reach_fig_links_completed_help },
	intergenerational: { label: m.reach_fig_intergenerational, help: m.reach_fig_intergenerational_help },
	intercultural: { label: m.reach_fig_intercultural, help: m.reach_fig_intercultural_help },
	repeatLinks: { label: m.reach_fig_repeat, help: m.reach_fig_repeat_help },
	volunteersStillActive12m: { label: m.reach_fig_volunteers_active, help: m.reach_fig_volunteers_active_help },
	volunteersEligible12m: { label: m.reach_fig_volunteers_eligible, help: m.reach_fig_volunteers_eligible_help },
	studentsInvolved: { label: m.reach_fig_students, help: m.reach_fig_students_help },
	newResidentsReached: { label: m.reach_fig_new_residents, help: m.reach_fig_new_residents_help },
	networkAtStart: { label: m.reach_fig_network_start, help: m.reach_fig_network_start_help },
	networkAtEnd: { label: m.reach_fig_network_end, help: m.reach_fig_network_end_help }
};

/** The figures in the order the page and the files show them. */
export const FIGURE_ORDER = Object.keys(FIGURE_LABELS) as ReachFigure[];

/** A category's name; an unknown code shows as-is, so a new code never breaks the page. */
export { categoryLabel } from '#lib/labels.ts';

/** A cell as text: the number in the locale's format, or "<5" when it is suppressed. */
export function cellText(c: Cell, locale?: Locale): string {
	if (c.suppressed || c.value === null) return m.reach_suppressed({}, { locale });
	return intl('NumberFormat', locale, {}).format(c.value);
}

/** "2025-03" as "March 2025" in the locale (the month is a calendar month, no time zone shift). */
export function monthLabel(month: string, locale?: Locale): string {
	const [y, mo] = month.split('-').map(Number) as [number, number];
	return intl('DateTimeFormat', locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, mo - 1, 1));
}
