// WCAG 2.x contrast, with no I/O: the tokens' test, the organisation's accent check (server) and its
// preview (page) all use these same numbers, so what the form accepts is what the test demands.

type Rgb = readonly [number, number, number];

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#rgb` or `#rrggbb` (any case) → its three 0–255 channels; null for anything else. */
export function parseHex(hex: string): Rgb | null {
	if (!HEX.test(hex)) return null;
	const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d) : [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
	return digits.map((d) => parseInt(d, 16)) as unknown as Rgb;
}

function rgbOf(hex: string): Rgb {
	const rgb = parseHex(hex);
	if (!rgb) throw new TypeError(`not a #rgb or #rrggbb colour: ${hex}`);
	return rgb;
}

// The sRGB transfer function as WCAG 2.x writes it (0.03928; 0.04045 in the sRGB standard gives the
// same result for every 8-bit value).
const linear = (channel: number): number => {
	const c = channel / 255;
	return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance, 0 (black) … 1 (white). */
export function luminance(hex: string): number {
	const [r, g, b] = rgbOf(hex);
	return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast ratio of two colours, 1 … 21, whichever is lighter. */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

/** Body text: at least 4.5:1 (WCAG 1.4.3 AA). */
export const TEXT_MIN = 4.5;
/** Large text, and the edges of controls and focus rings: at least 3:1 (WCAG 1.4.3, 1.4.11). */
export const LARGE_MIN = 3;

// Compared unrounded: 4.48 must fail even though it prints as "4.5" with one decimal.
export const meetsText = (fg: string, bg: string): boolean => contrastRatio(fg, bg) >= TEXT_MIN;
export const meetsLarge = (fg: string, bg: string): boolean => contrastRatio(fg, bg) >= LARGE_MIN;

/** The ratio as people read it: rounded down to two decimals, so a failing 4.499 never shows as 4.50. */
export const shownRatio = (ratio: number): number => Math.floor(ratio * 100) / 100;

export const WHITE = '#ffffff';
/** The dark text put on a light accent: the tokens' --color-text. */
export const NEAR_BLACK = '#1a1a1a';

/**
 * The backgrounds the accent is read on as text: the page (links), the surface (the footer, a hovered
 * button) and a warning card (its title link). The tokens' values; tests/tokens-contrast.test.ts holds
 * them equal to src/lib/styles/tokens.css, so an organisation's accent meets what the default one does.
 */
export const ACCENT_BACKGROUNDS = { '--color-bg': '#ffffff', '--color-surface': '#f5f6f4', '--color-warning-soft': '#fff3d4' } as const;

export type AccentCheck = {
	accent: string;
	/** White or near-black, whichever contrasts more with the accent; null when neither reaches 4.5:1. */
	onAccent: string | null;
	onAccentRatio: number;
	/** The accent as link text, on the least favourable of the backgrounds. */
	linkRatio: number;
	linkOk: boolean;
	/** Usable as an organisation's accent: its on-accent text and its links both pass 4.5:1. */
	ok: boolean;
};

/**
 * What an accent colour gives: the text to put on it (buttons, chosen tiles) and whether it reads as
 * link text on the page's backgrounds. Both are needed, because the accent is used both ways.
 */
export function checkAccent(accent: string, backgrounds: readonly string[] = Object.values(ACCENT_BACKGROUNDS)): AccentCheck {
	const normal = `#${rgbOf(accent)
		.map((c) => c.toString(16).padStart(2, '0'))
		.join('')}`;
	const onWhite = contrastRatio(WHITE, normal);
	const onDark = contrastRatio(NEAR_BLACK, normal);
	const [best, bestRatio] = onWhite >= onDark ? [WHITE, onWhite] : [NEAR_BLACK, onDark];
	const onAccent = bestRatio >= TEXT_MIN ? best : null;
	const linkRatio = Math.min(...backgrounds.map((bg) => contrastRatio(normal, bg)));
	const linkOk = linkRatio >= TEXT_MIN;
	return { accent: normal, onAccent, onAccentRatio: bestRatio, linkRatio, linkOk, ok: onAccent !== null && linkOk };
}

/** The share of the accent in the chosen tile's background (`tint`). */
export const SOFT_SHARE = 0.12;

/**
 * A pale tint of the accent for the chosen tile's background: `share` of the accent over white. Body
 * text stays readable on it for any accent, and an accepted accent stands out from it, as tests check.
 */
export function tint(hex: string, share: number = SOFT_SHARE): string {
	return `#${rgbOf(hex)
		.map((c) => Math.round(255 - (255 - c) * share))
		.map((c) => c.toString(16).padStart(2, '0'))
		.join('')}`;
}
