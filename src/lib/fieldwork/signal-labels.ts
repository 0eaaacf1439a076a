import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { intl } from '#lib/intl.ts';

// The words of signals on the pages: statuses (with a tone, never colour alone: the pill has the
// word), the next-step buttons, and the export links with the page's filters.

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';
const STATUS: Record<string, { label: () => string; tone: Tone }> = {
	noted: { label: m.fw_signal_status_noted, tone: 'neutral' },
	substantiated: { label: m.fw_signal_status_substantiated, tone: 'info' },
	escalated: { label: m.fw_signal_status_escalated, tone: 'warning' },
	answered: { label: m.fw_signal_status_answered, tone: 'success' },
	closed: { label: m.fw_signal_status_closed, tone: 'neutral' }
};
const STEP: Record<string, () => string> = {
	substantiated: m.fw_signal_to_substantiated,
	escalated: m.fw_signal_to_escalated,
	answered: m.fw_signal_to_answered,
	closed: m.fw_signal_to_closed
};

export const signalStatusLabel = (s: string) => STATUS[s]?.label() ?? s;
export const signalStatusTone = (s: string): Tone => STATUS[s]?.tone ?? 'neutral';
export const signalStepLabel = (s: string) => STEP[s]?.() ?? signalStatusLabel(s);

/** "N people · N contacts · N questions": the real counts inside the team (only the export suppresses). */
export const evidenceLine = (c: { people: number; contacts: number; questions: number }) =>
	[
		m.fw_signal_count_people({ n: String(c.people) }),
		m.fw_signal_count_contacts({ n: String(c.contacts) }),
		m.fw_signal_count_questions({ n: String(c.questions) })
	].join(' · ');

/** The anonymised downloads (built on the export branch) for the filters on screen. */
export function exportLinks(filters: Record<string, string | null | undefined>) {
	const kept = Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
	const q = new URLSearchParams(kept).toString();
	const suffix = q ? `?${q}` : '';
	return { csv: `/fieldwork/signals/export.csv${suffix}`, docx: `/fieldwork/signals/export.docx${suffix}` };
}

/** A day a signal was seen, in Brussels time, as the reader's language writes it. */
export const seenLabel = (at: Date | string) =>
	intl('DateTimeFormat', getLocale(), { dateStyle: 'medium', timeZone: 'Europe/Brussels' }).format(new Date(at));
