// Attendance (issue 15, attendance part): the rules of a checklist without I/O, so they are tested hard.

/** What setting a session's attendance to `wanted` does to what is `present`: who to add, who to remove. */
export function diffAttendance(present: readonly string[], wanted: readonly string[]): { add: string[]; remove: string[] } {
	const now = new Set(present);
	const next = new Set(wanted);
	return { add: [...next].filter((id) => !now.has(id)), remove: [...now].filter((id) => !next.has(id)) };
}

/** The ids listed more than once (a list naming someone twice is refused, not silently folded). */
export function duplicates(ids: readonly string[]): string[] {
	const seen = new Set<string>();
	const twice = new Set<string>();
	for (const id of ids) (seen.has(id) ? twice : seen).add(id);
	return [...twice];
}

/**
 * How a checklist names a person: the first name and the last name's initial ("Fatima E."), enough
 * to recognise someone in a room, no more on a phone screen others may see.
 */
export function shortName(firstName: string, lastName: string | null): string {
	const initial = lastName?.trim() ? [...lastName.trim()][0]!.toLocaleUpperCase() : '';
	return initial ? `${firstName} ${initial}.` : firstName;
}

/** A change after the organiser closed the attendance is a late correction (audited as such). */
export const isLate = (session: { closedAt: Date | null }) => session.closedAt !== null;

/**
 * Who may close a session's attendance: its activity's organiser, or someone whose grant for the
 * session's place is a coordinator's (or an admin's). Others record attendance but do not close it.
 */
export function mayClose(actor: { userId: string | null }, organiserUserId: string | null, coveringRoles: readonly string[]): boolean {
	if (actor.userId && organiserUserId === actor.userId) return true;
	return coveringRoles.some((r) => r === 'coordinator' || r === 'admin');
}

/**
 * The checklist's order: the registered first, then those who came before to this activity, then the
 * rest (search results), each group by name; a person is listed once, in the first group they are in.
 */
export function checklistOrder<P extends { id: string; name: string }>(
	registered: readonly P[],
	returning: readonly P[],
	others: readonly P[] = []
): (P & { group: 'registered' | 'returning' | 'other' })[] {
	const seen = new Set<string>();
	const out: (P & { group: 'registered' | 'returning' | 'other' })[] = [];
	const byName = (a: P, b: P) => a.name.localeCompare(b.name, 'nl');
	for (const [group, list] of [
		['registered', registered],
		['returning', returning],
		['other', others]
	] as const) {
		for (const p of [...list].sort(byName)) {
			if (seen.has(p.id)) continue;
			seen.add(p.id);
			out.push({ ...p, group });
		}
	}
	return out;
}

/** Folded for comparing names as people type them: lower case, accents removed ("Céline" → "celine"). */
export const foldName = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase();

/** Whether a person's name holds what was searched (every word of it, in any order). */
export function nameMatches(firstName: string, lastName: string | null, q: string): boolean {
	const name = foldName(`${firstName} ${lastName ?? ''}`);
	return foldName(q)
		.split(/\s+/)
		.filter(Boolean)
		.every((w) => name.includes(w));
}
