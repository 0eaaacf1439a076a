import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';

// The words of the activities' reach figures (server/activities/reach-shape.ts), for the page and the
// downloads; no server code, so the page's component may import it.

type Msg = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

export const REACH_FIGURE_LABELS = {
	participants: m.reach_act_fig_participants,
	families: m.reach_act_fig_families,
	children: m.reach_act_fig_children,
	newcomers: m.reach_act_fig_newcomers,
	returning: m.reach_act_fig_returning,
	foreignOrigin: m.reach_act_fig_foreignOrigin,
	originUnknown: m.reach_act_fig_originUnknown,
	vulnerable: m.reach_act_fig_vulnerable,
	socialServiceClients: m.reach_act_fig_socialServiceClients,
	sessions: m.reach_act_fig_sessions,
	attendances: m.reach_act_fig_attendances,
	anonymous: m.reach_act_fig_anonymous
} satisfies Record<string, Msg>;

export type ReachFigureKey = keyof typeof REACH_FIGURE_LABELS;

export const KIND_LABELS = {
	recurring: m.reach_act_kind_recurring,
	one_off: m.reach_act_kind_one_off,
	focus_group: m.reach_act_kind_focus_group
} satisfies Record<string, Msg>;
