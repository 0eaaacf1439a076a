import { m } from '#lib/paraglide/messages.js';
import type { Cell } from '#lib/stats.ts';
import type { PeriodType } from '#lib/measures.ts';

// How the indicator pages name periods and statuses and write values. Shared by pages and files, so
// no server code. A period is [from, to): its label is read from `from`.

type Locale = Parameters<typeof m.ind_title>[1] extends infer O ? (O extends { locale?: infer L } ? L : never) : never;

/** "2026-W05", "2026-03", "2026 Q1", "2026", "2025–2026" (programme year). */
export function periodLabel(from: string, type: PeriodType): string {
	const [y, mo] = from.split('-').map(Number) as [number, number];
	if (type === 'week') return from;
	if (type === 'month') return from.slice(0, 7);
	if (type === 'quarter') return `${y} Q${Math.floor((mo - 1) / 3) + 1}`;
	if (type === 'year') return String(y);
	return mo === 1 ? String(y) : `${y}–${y + 1}`;
}

const STATUS = {
	met: m.ind_status_met,
	near: m.ind_status_near,
	behind: m.ind_status_behind,
	pending: m.ind_status_pending,
	hidden: m.ind_status_hidden
} as const;
export type StatusCode = keyof typeof STATUS;

export function statusLabel(status: StatusCode, locale?: Locale): string {
	return STATUS[status]({}, locale ? { locale } : undefined);
}

export const STATUS_TONE: Record<StatusCode, 'success' | 'warning' | 'danger' | 'neutral'> = {
	met: 'success',
	near: 'warning',
	behind: 'danger',
	pending: 'neutral',
	hidden: 'neutral'
};

/** A value as shown: "<5" when hidden, "–" when not known yet, else the number in the locale's way. */
export function valueText(c: Cell, locale: string): string {
	if (c.suppressed) return '<5';
	if (c.value === null) return '–';
	return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(c.value);
}

type Msg = (inputs?: Record<string, unknown>) => string;
const table = m as unknown as Record<string, Msg | undefined>;
const say = (key: string) => table[key]?.() ?? key;

export const templateName = (code: string) => say(`ind_template_${code}`);
export const templateHelp = (code: string) => say(`ind_template_${code}_help`);
export const periodTypeName = (code: string) => say(`ind_period_${code}`);
export const monthName = (n: number) => say(`ind_month_${n}`);
export const themeLabel = (code: string) => say(`theme_${code}`);
