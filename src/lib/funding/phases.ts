import type { Phase } from './types.ts';

// A call's phases stay contiguous: each starts the day after the one before ends. Moving one edge of a
// phase moves the touching edge of its neighbour with it; a neighbour that would be left with no days
// keeps its length and is pushed along, and so on down the line (the platform this copies links each
// phase to its "next phase" for the same reason). Pure: calendar days as 'YYYY-MM-DD', no clock.

const DAY_MS = 86_400_000;
const ymd = (day: string) => day.split('-').map(Number) as [number, number, number];
const utc = (day: string) => {
	const [y, m, d] = ymd(day);
	return Date.UTC(y, m - 1, d);
};
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/u.test(s) && iso(utc(s)) === s;
export const plusDays = (day: string, n: number) => iso(utc(day) + n * DAY_MS);
/** Days from `a` to `b` (negative when `b` is earlier). */
export const dayDiff = (a: string, b: string) => Math.round((utc(b) - utc(a)) / DAY_MS);

export type PhaseMove = { index: number; edge: 'start' | 'end'; day: string };
/** The phases after the move, and the indexes of the other phases it shifted (the page names them). */
export type Moved = { phases: Phase[]; shifted: number[] };

export function movePhase(phases: readonly Phase[], move: PhaseMove): Moved {
	const out = phases.map((p) => ({ ...p }));
	const me = out[move.index];
	if (!me || !isDay(move.day)) return { phases: out, shifted: [] };
	const shifted = new Set<number>();
	if (move.edge === 'end') {
		me.endsOn = move.day;
		// A phase cannot end before it starts: its start follows.
		if (me.endsOn < me.startsOn) me.startsOn = me.endsOn;
		pushBack(out, move.index, shifted);
		pullForward(out, move.index, shifted);
	} else {
		me.startsOn = move.day;
		if (me.startsOn > me.endsOn) me.endsOn = me.startsOn;
		pullForward(out, move.index, shifted);
		pushBack(out, move.index, shifted);
	}
	shifted.delete(move.index);
	return { phases: out, shifted: [...shifted].sort((a, b) => a - b) };
}

/** The phases after `from` follow its end: each next one starts the day after, keeping its length if it must. */
function pushBack(out: Phase[], from: number, shifted: Set<number>) {
	for (let i = from + 1; i < out.length; i++) {
		const prev = out[i - 1]!;
		const p = out[i]!;
		const start = plusDays(prev.endsOn, 1);
		if (p.startsOn === start) return;
		const length = dayDiff(p.startsOn, p.endsOn);
		p.startsOn = start;
		// Still at least one day left: only the start moved. Otherwise the whole phase moves along.
		if (p.endsOn < p.startsOn) p.endsOn = plusDays(start, Math.max(0, length));
		shifted.add(i);
	}
}

/** The phases before `from` end the day before it starts, keeping their length if they must. */
function pullForward(out: Phase[], from: number, shifted: Set<number>) {
	for (let i = from - 1; i >= 0; i--) {
		const next = out[i + 1]!;
		const p = out[i]!;
		const end = plusDays(next.startsOn, -1);
		if (p.endsOn === end) return;
		const length = dayDiff(p.startsOn, p.endsOn);
		p.endsOn = end;
		if (p.startsOn > p.endsOn) p.startsOn = plusDays(end, -Math.max(0, length));
		shifted.add(i);
	}
}

export type PhaseProblem = { index: number; problem: 'not_a_day' | 'ends_before_start' | 'gap' | 'overlap' };

/** What keeps phases from being one contiguous, ordered line of days; empty when they are. */
export function phaseProblems(phases: readonly Phase[]): PhaseProblem[] {
	const problems: PhaseProblem[] = [];
	phases.forEach((p, index) => {
		if (!isDay(p.startsOn) || !isDay(p.endsOn)) return problems.push({ index, problem: 'not_a_day' });
		if (p.endsOn < p.startsOn) problems.push({ index, problem: 'ends_before_start' });
		const prev = phases[index - 1];
		if (!prev || !isDay(prev.endsOn)) return;
		const step = dayDiff(prev.endsOn, p.startsOn);
		if (step > 1) problems.push({ index, problem: 'gap' });
		if (step < 1) problems.push({ index, problem: 'overlap' });
	});
	return problems;
}
