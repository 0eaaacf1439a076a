// One word count for the browser and the server (issue 16: a section's word limit), so the live count an
// applicant sees is the count the server enforces. No Node API here: the page imports it as it is.
//
// The words are Intl.Segmenter's word-like segments (Unicode word boundaries, which know that
// "l'école" and "15.000" are one word each and that "—" or "%" is none), with one addition: word-like
// segments joined by a single connector and no space ("buurt-werk", "Sint-Amandsberg", "en/of",
// "jan@wijk.be", "e-mail") count as one, because that is how the word processor a funder's "max. 1000
// words" was written in counts them. Two words written together without any connector (scripts without
// spaces) stay two.

const JOINERS = new Set(['-', '\u2010', '\u2011', '/', '@', '_', '.', "'", '\u2019', '&', '+']);

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string): Intl.Segmenter {
	let s = segmenters.get(locale);
	if (!s) segmenters.set(locale, (s = new Intl.Segmenter(locale, { granularity: 'word' })));
	return s;
}

/** The number of words in `text`, as the form shows it while typing and as the server checks it. */
export function countWords(text: string, locale = 'nl'): number {
	let count = 0;
	// What the segment before was: a word, a connector right after a word, or anything else.
	let before: 'word' | 'joiner' | 'other' = 'other';
	for (const s of segmenter(locale).segment(text)) {
		if (s.isWordLike) {
			if (before !== 'joiner') count++;
			before = 'word';
		} else before = before === 'word' && JOINERS.has(s.segment) ? 'joiner' : 'other';
	}
	return count;
}
