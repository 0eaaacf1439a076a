// Amounts as people type them ("1.234,56", "1234.56", "1 234", "€ 400") ↔ integer euro cents, and shares
// for display. Integer arithmetic only: a float never decides whether an amount or a share is right.

export type AmountProblem = 'not_a_number' | 'negative' | 'too_many_decimals' | 'too_large';
export type PercentProblem = 'not_a_number' | 'negative' | 'too_many_decimals' | 'over_100';

/** 100 million euro: the largest amount a form takes (the same figure as the server's FUNDING_LIMITS). */
export const AMOUNT_MAX_CENTS = 10_000_000_000;

// Spaces people put between thousands: ordinary, no-break, narrow no-break, thin.
const GROUP_SPACES = /[ \u00a0\u202f\u2009]/gu;
const MINUS = /^[-\u2212]/u;
const CURRENCY = /€|\beur(o|os)?\b/giu;

/** The digits of a number written with `separator` between groups of three (the first 1–3 digits). */
function ungroup(text: string, separator: string): string | null {
	const groups = text.split(separator);
	if (groups.length === 1) return /^\d+$/u.test(text) ? text : null;
	if (!/^\d{1,3}$/u.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/u.test(g))) return null;
	return groups.join('');
}

/** Splits "1.234,56" into whole digits and decimal digits the way a Belgian writes them. */
function split(text: string): { whole: string; decimals: string } | null {
	const comma = text.lastIndexOf(',');
	const dot = text.lastIndexOf('.');
	if (comma >= 0 && dot >= 0) {
		// Both: the last one is the decimal separator, the other groups thousands ("1.234,56", "1,234.56").
		const [decimal, group] = comma > dot ? [',', '.'] : ['.', ','];
		const at = text.lastIndexOf(decimal);
		const whole = ungroup(text.slice(0, at), group);
		return whole !== null ? { whole, decimals: text.slice(at + 1) } : null;
	}
	if (comma >= 0) {
		// A comma is the decimal separator (Belgian); several commas can only group thousands.
		if (text.indexOf(',') === comma) return { whole: text.slice(0, comma), decimals: text.slice(comma + 1) };
		const whole = ungroup(text, ',');
		return whole !== null ? { whole, decimals: '' } : null;
	}
	if (dot >= 0) {
		// A dot before exactly three digits groups thousands ("15.000" is fifteen thousand euro, as in
		// Belgium); before one or two digits it is a decimal point ("1234.5", "99.95").
		const tail = text.slice(dot + 1);
		if (text.indexOf('.') !== dot || tail.length === 3) {
			const whole = ungroup(text, '.');
			return whole !== null ? { whole, decimals: '' } : null;
		}
		return { whole: text.slice(0, dot), decimals: tail };
	}
	return { whole: text, decimals: '' };
}

// Arabic-Indic and Persian digits and the Arabic separators, as a phone in Arabic types and shows them;
// the direction marks an Arabic number is shown with are dropped.
function latin(text: string): string {
	return text
		.replace(/[\u0660-\u0669]/gu, (c) => String(c.charCodeAt(0) - 0x0660))
		.replace(/[\u06f0-\u06f9]/gu, (c) => String(c.charCodeAt(0) - 0x06f0))
		.replace(/\u066b/gu, ',')
		.replace(/\u066c/gu, '.')
		.replace(/[\u200e\u200f\u061c]/gu, '');
}

/** Parses a number with at most two decimals into hundredths ("20,5" → 2050). */
function hundredths(raw: string): { ok: true; value: number; negative: boolean } | { ok: false; problem: 'not_a_number' | 'too_many_decimals' } {
	let text = latin(raw).replace(GROUP_SPACES, '').trim();
	const negative = MINUS.test(text);
	if (negative) text = text.slice(1);
	const parts = split(text);
	if (!parts || !/^\d*$/u.test(parts.whole) || !/^\d*$/u.test(parts.decimals) || !(parts.whole + parts.decimals))
		return { ok: false, problem: 'not_a_number' };
	if (parts.decimals.length > 2) return { ok: false, problem: 'too_many_decimals' };
	// Leading zeros dropped; more than 11 whole digits is above any limit here, kept as Infinity.
	const whole = parts.whole.replace(/^0+/u, '');
	const value = whole.length > 11 ? Infinity : Number(whole || '0') * 100 + Number(parts.decimals.padEnd(2, '0'));
	return { ok: true, value, negative };
}

/** An amount as typed → integer cents, or why it is refused. "1.234" is read as 1 234 euro (Belgian). */
export function parseAmount(text: string): { ok: true; cents: number } | { ok: false; problem: AmountProblem } {
	const n = hundredths(text.replace(CURRENCY, ''));
	if (!n.ok) return n;
	if (n.negative && n.value > 0) return { ok: false, problem: 'negative' };
	if (n.value > AMOUNT_MAX_CENTS) return { ok: false, problem: 'too_large' };
	return { ok: true, cents: n.value };
}

/** A share as an officer types it ("20", "20 %", "12,5") → basis points (2000 = 20 %), at most 100 %. */
export function parsePercent(text: string): { ok: true; basisPoints: number } | { ok: false; problem: PercentProblem } {
	const n = hundredths(text.replace(/[%\u066a]/gu, ''));
	if (!n.ok) return n;
	if (n.negative && n.value > 0) return { ok: false, problem: 'negative' };
	if (n.value > 10_000) return { ok: false, problem: 'over_100' };
	return { ok: true, basisPoints: n.value };
}

/** "1.234,56 €" in the page's language. */
export function formatCents(cents: number, locale: string): string {
	return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/**
 * `numerator / denominator` as a percentage with one decimal ("20,0 %"), rounded half up for display
 * only, and whether it was rounded: 19.996 % shows as "20,0 %" but is not 20 %, and the page says so.
 */
export function formatShare(numerator: number, denominator: number, locale: string): { text: string; rounded: boolean } {
	if (denominator <= 0) return { text: '—', rounded: false };
	const n = BigInt(Math.round(numerator));
	const d = BigInt(Math.round(denominator));
	// Tenths of a per cent: n / d × 1000, rounded half up (away from zero for a negative share).
	const sign = n < 0n ? -1n : 1n;
	const abs = n * sign * 1000n;
	const tenths = ((abs * 2n + d) / (2n * d)) * sign;
	const rounded = abs % d !== 0n;
	const text = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(tenths) / 1000);
	return { text, rounded };
}
