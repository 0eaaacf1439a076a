// Open questions by when they are due, for the owner's home page. Pure: days are 'YYYY-MM-DD'
// strings (Belgian days), which compare correctly as strings.

export type Due = { dueOn: string | null };

/** Overdue (before today), due this week (today … Sunday), later (after Sunday or no date). */
export function splitByDue<Q extends Due>(questions: readonly Q[], today: string, sunday: string) {
	const overdue: Q[] = [];
	const thisWeek: Q[] = [];
	const later: Q[] = [];
	for (const q of questions) {
		if (q.dueOn !== null && q.dueOn < today) overdue.push(q);
		else if (q.dueOn !== null && q.dueOn <= sunday) thisWeek.push(q);
		else later.push(q);
	}
	return { overdue, thisWeek, later };
}
