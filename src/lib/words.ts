// One word count for the browser and the server (issue 16: a section's word limit), so the live count
// an applicant sees is the count the server enforces. GROUNDWORK STUB: the engine helper makes it
// Intl.Segmenter-based and tests it on Dutch, French and Bulgarian text.

export function countWords(text: string): number {
	const t = text.trim();
	return t ? t.split(/\s+/u).length : 0;
}
