// The evidence behind a signal, counted from its links: never typed. No I/O; signals.ts holds the SQL
// twin (EVIDENCE_SQL) the list uses, and a test checks both agree on the same rows.

/** One linked contact: the people it was with (role 'with') and its anonymous count. */
export type EvidenceContact = { id: string; startedAt: Date; personIds: readonly string[]; anonymousCount: number };
/** One linked question: the person it is about, if any. */
export type EvidenceQuestion = { id: string; createdAt: Date; personId: string | null };

export type EvidenceCount = { people: number; contacts: number; questions: number; firstSeen: Date | null; lastSeen: Date | null };

/**
 * Distinct people: a person on two linked contacts, or on a contact and a question, counts once.
 * Anonymous counts add up (nobody can tell whether the six young people of Monday are those of Friday,
 * so they are counted as met, as the figures do).
 */
export function countEvidence(contacts: readonly EvidenceContact[], questions: readonly EvidenceQuestion[]): EvidenceCount {
	const people = new Set<string>();
	let anonymous = 0;
	const seen: number[] = [];
	for (const c of contacts) {
		c.personIds.forEach((p) => people.add(p));
		anonymous += c.anonymousCount;
		seen.push(c.startedAt.getTime());
	}
	for (const q of questions) {
		if (q.personId) people.add(q.personId);
		seen.push(q.createdAt.getTime());
	}
	return {
		people: people.size + anonymous,
		contacts: contacts.length,
		questions: questions.length,
		firstSeen: seen.length ? new Date(Math.min(...seen)) : null,
		lastSeen: seen.length ? new Date(Math.max(...seen)) : null
	};
}
