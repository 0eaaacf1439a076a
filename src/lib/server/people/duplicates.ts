// Is this new person someone already registered? Pure scoring (no I/O): the verb `similar` finds the
// candidates with one indexed query and this decides which look alike, and why. Names are compared
// folded (case and accents away) as trigram sets, the way PostgreSQL's pg_trgm does, so the words
// staff see here agree with what the search finds.

export type DuplicateReason = 'same_name' | 'similar_name' | 'same_area' | 'same_birth_year' | 'near_birth_year';

export type PersonSketch = { firstName: string; lastName: string | null; areaId: string | null; birthYear: number | null };

export type DuplicateScore = { score: number; reasons: DuplicateReason[] };

/** From this score on, a candidate is shown before a new record is made. */
export const DUPLICATE_THRESHOLD = 45;

// Letters unaccent maps that Unicode does not decompose (Turkish dotless i, Polish ł, …).
const UNACCENT: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', ß: 'ss', đ: 'd', æ: 'ae', œ: 'oe' };

/** Lower case without accents ("Çelik" → "celik", "Yılmaz" → "yilmaz"), like PostgreSQL's people_fold. */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[ıłøßđæœ]/g, (c) => UNACCENT[c]!)
		.trim();
}

/** pg_trgm's trigrams: each word padded with two spaces before and one after. */
export function trigrams(text: string): Set<string> {
	const out = new Set<string>();
	for (const word of fold(text)
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean)) {
		const padded = `  ${word} `;
		for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
	}
	return out;
}

/** pg_trgm's similarity: shared trigrams over all trigrams of both (0 … 1). */
export function similarity(a: string, b: string): number {
	const ta = trigrams(a);
	const tb = trigrams(b);
	let shared = 0;
	for (const t of ta) if (tb.has(t)) shared++;
	const all = ta.size + tb.size - shared;
	return all === 0 ? 0 : shared / all;
}

const fullName = (p: PersonSketch) => `${p.firstName} ${p.lastName ?? ''}`;

/**
 * How much `candidate` looks like the person about to be registered: the same first and last name
 * (folded) or a similar one, the same neighbourhood, the same birth year or one apart. Birth years
 * more than one apart, both known, speak against it: two people may share a common name.
 */
export function scoreDuplicate(probe: PersonSketch, candidate: PersonSketch): DuplicateScore {
	const reasons: DuplicateReason[] = [];
	let score = 0;
	const sameName = fold(probe.firstName) === fold(candidate.firstName) && fold(probe.lastName ?? '') === fold(candidate.lastName ?? '');
	const sim = similarity(fullName(probe), fullName(candidate));
	if (sameName) {
		score += 50;
		reasons.push('same_name');
	} else if (sim >= 0.4) {
		score += Math.round(sim * 50);
		reasons.push('similar_name');
	} else return { score: 0, reasons: [] };
	if (probe.areaId && probe.areaId === candidate.areaId) {
		score += 25;
		reasons.push('same_area');
	}
	if (probe.birthYear !== null && candidate.birthYear !== null) {
		const gap = Math.abs(probe.birthYear - candidate.birthYear);
		if (gap === 0) {
			score += 25;
			reasons.push('same_birth_year');
		} else if (gap === 1) {
			score += 15;
			reasons.push('near_birth_year');
		} else score -= 40;
	}
	return { score, reasons };
}

/** The candidates that look alike, best first (ties by id, so the order is stable). */
export function rankDuplicates<C extends PersonSketch & { id: string }>(probe: PersonSketch, candidates: C[], max = 5): (C & DuplicateScore)[] {
	return candidates
		.map((c) => ({ ...c, ...scoreDuplicate(probe, c) }))
		.filter((c) => c.score >= DUPLICATE_THRESHOLD)
		.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
		.slice(0, max);
}
