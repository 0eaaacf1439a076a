import type { Cell } from '../../stats.ts';

// The shared definitions of reach (docs/architecture.md "Reach"), as pure functions the SQL mirrors and
// the tests pin down. Only a birth year is kept (least data), so age is counted in calendar years.

/** A person's age at a Belgian date: that date's calendar year minus the birth year; null when unknown. */
export function ageOn(belgianDate: string, birthYear: number | null): number | null {
	return birthYear === null ? null : Number(belgianDate.slice(0, 4)) - birthYear;
}

/** A child is under 18 by that rule; an unknown age is not a child. */
export const CHILD_UNDER = 18;
export function isChildOn(belgianDate: string, birthYear: number | null): boolean {
	const age = ageOn(belgianDate, birthYear);
	return age !== null && age < CHILD_UNDER;
}

/** A household membership on a date: joined on or before it (or unknown), not yet left. */
export function memberOn(m: { joinedOn: string | null; leftOn: string | null }, date: string): boolean {
	return (m.joinedOn === null || m.joinedOn <= date) && (m.leftOn === null || m.leftOn > date);
}

/**
 * The share of a part in a whole, in whole percent, from the cells as published: none when either is
 * hidden (a share of a hidden count would give it back) or the whole is 0.
 */
export function shareOf(part: Cell, whole: Cell): number | null {
	if (part.suppressed || whole.suppressed || part.value === null || whole.value === null || whole.value === 0) return null;
	return Math.round((100 * part.value) / whole.value);
}
