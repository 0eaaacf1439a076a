import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { intl } from '#lib/intl.ts';
import { BELGIAN_ZONE } from '#lib/zone.ts';
import type { IconName } from '#lib/components/ui/icons.ts';

// Activities' codes in the reader's language, and their moments on the Belgian clock (no server code:
// components import this). Unknown codes show as-is, so a new code never breaks a page.

type Msg = () => string;
const label = (table: Record<string, Msg>, code: string | null | undefined) => (code && Object.hasOwn(table, code) ? table[code]!() : (code ?? ''));

export const ACTIVITY_KIND_CODES = ['recurring', 'one_off', 'focus_group'] as const;
export const RECURRENCE_CODES = ['weekly', 'biweekly', 'monthly', 'dates'] as const;
export const TARGET_GROUP_CODES = ['everyone', 'children', 'youth', 'adults', 'seniors', 'families', 'women', 'newcomers'] as const;

const KIND: Record<string, Msg> = { recurring: m.act_kind_recurring, one_off: m.act_kind_one_off, focus_group: m.act_kind_focus_group };
const KIND_HINT: Record<string, Msg> = {
	recurring: m.act_kind_recurring_hint,
	one_off: m.act_kind_one_off_hint,
	focus_group: m.act_kind_focus_group_hint
};
const KIND_ICON: Record<string, IconName> = { recurring: 'calendar', one_off: 'leisure', focus_group: 'speech' };
const RECURRENCE: Record<string, Msg> = {
	weekly: m.act_rec_weekly,
	biweekly: m.act_rec_biweekly,
	monthly: m.act_rec_monthly,
	dates: m.act_rec_dates
};
const TARGET: Record<string, Msg> = {
	everyone: m.act_tg_everyone,
	children: m.act_tg_children,
	youth: m.act_tg_youth,
	adults: m.act_tg_adults,
	seniors: m.act_tg_seniors,
	families: m.act_tg_families,
	women: m.act_tg_women,
	newcomers: m.act_tg_newcomers
};
const STATUS: Record<string, Msg> = { registered: m.act_status_registered, waiting: m.act_status_waiting, cancelled: m.act_status_cancelled };
// A registration's class (stored beside its status) picks the pill's tone; the word is the status's label.
const CLASS_TONE: Record<string, 'success' | 'warning' | 'neutral'> = { positive: 'success', waiting: 'warning', negative: 'neutral' };

export const activityKindLabel = (k: string) => label(KIND, k);
export const activityKindHint = (k: string) => label(KIND_HINT, k);
export const activityKindIcon = (k: string): IconName => KIND_ICON[k] ?? 'dots';
export const recurrenceLabel = (r: string | null) => label(RECURRENCE, r);
export const targetGroupLabel = (t: string) => label(TARGET, t);
export const registrationStatusLabel = (s: string) => label(STATUS, s);
export const statusTone = (statusClass: string | null) => CLASS_TONE[statusClass ?? ''] ?? 'neutral';

const zoned = (options: Intl.DateTimeFormatOptions) => intl('DateTimeFormat', getLocale(), { ...options, timeZone: BELGIAN_ZONE });

/** A session's day and hours: "wo 18 maart 2026, 14:00–16:00". */
export function sessionWhen(startsAt: Date | string, endsAt: Date | string): string {
	const day = zoned({ weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(startsAt));
	const hours = zoned({ hour: '2-digit', minute: '2-digit' });
	return `${day}, ${hours.format(new Date(startsAt))}–${hours.format(new Date(endsAt))}`;
}

/** A plain day 'YYYY-MM-DD' in words (noon UTC is that day in Brussels whatever the season). */
export const dayLabel = (day: string) => zoned({ day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${day}T12:00:00Z`));

/** When a session starts: "wo 18 maart 2026, 14:00". */
export function sessionStart(startsAt: Date | string): string {
	const at = new Date(startsAt);
	return `${zoned({ weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' }).format(at)}, ${zoned({ hour: '2-digit', minute: '2-digit' }).format(at)}`;
}
