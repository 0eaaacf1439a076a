// The "When?" question's quick picks and the weekly windows each one stands for. The one place that
// defines these hours: the step pages, the check-your-answers summary and the mapping to the verbs'
// input all read them. Days are 0 (Monday) … 6 (Sunday), times minutes since midnight.
// Together they stay within the verbs' limits: at most 17 windows (of 21) and none overlapping, so up
// to three exact rows can be added beside them.

export const QUICK_TIMES = ['mornings', 'afternoons', 'evenings', 'weekends'] as const;
export type QuickTime = (typeof QUICK_TIMES)[number];
/** The pick that asks for a date instead of a weekly time. */
export const SPECIFIC_DAY = 'day';

type Window = { day: number; start: number; end: number };

const WEEKDAYS = [0, 1, 2, 3, 4];
const h = (hours: number) => hours * 60;

/** The hours of each pick, for the hint under its label. */
export const QUICK_HOURS: Record<QuickTime, { days: number[]; start: number; end: number }> = {
	mornings: { days: WEEKDAYS, start: h(9), end: h(12) },
	afternoons: { days: WEEKDAYS, start: h(13), end: h(17) },
	evenings: { days: WEEKDAYS, start: h(18), end: h(21) },
	weekends: { days: [5, 6], start: h(10), end: h(17) }
};

/** The weekly windows of the picks, by day and start (unknown picks are ignored). */
export function quickWindows(picks: readonly string[]): Window[] {
	const out: Window[] = [];
	for (const pick of QUICK_TIMES) {
		if (!picks.includes(pick)) continue;
		const { days, start, end } = QUICK_HOURS[pick];
		for (const day of days) out.push({ day, start, end });
	}
	return out.sort((a, b) => a.day - b.day || a.start - b.start);
}
