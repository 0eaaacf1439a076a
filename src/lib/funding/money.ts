// Amounts as people type them ("1.234,56", "1234.56", "1 234", "€ 400") ↔ integer euro cents.
// GROUNDWORK STUB: the engine helper writes the real parser (every Belgian way of writing an amount,
// more than two decimals, negatives and non-numbers refused with a reason) and the formatter.

export type AmountProblem = 'not_a_number' | 'negative' | 'too_many_decimals' | 'too_large';

export function parseAmount(text: string): { ok: true; cents: number } | { ok: false; problem: AmountProblem } {
	const n = Number(text.replace(',', '.'));
	if (!Number.isFinite(n)) return { ok: false, problem: 'not_a_number' };
	if (n < 0) return { ok: false, problem: 'negative' };
	return { ok: true, cents: Math.round(n * 100) };
}

/** "1.234,56 €" in the page's language. */
export function formatCents(cents: number, locale: string): string {
	return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
