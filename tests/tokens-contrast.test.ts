import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCENT_BACKGROUNDS, LARGE_MIN, NEAR_BLACK, TEXT_MIN, checkAccent, contrastRatio, parseHex } from '../src/lib/ui/contrast.ts';

// Every pair of colour tokens that the components put together, checked against WCAG 2.x: 4.5:1 for
// text, 3:1 for control edges and focus rings. Each palette in tokens.css is checked — `:root`, and
// any block that redefines tokens on `:root` (a dark or high-contrast one) over it.

type Palette = Record<string, string>;

const TONES = ['success', 'info', 'warning', 'danger'] as const;

/** [foreground, background, minimum, where the components put them together]; a name starting with # is that colour itself. */
type Pair = readonly [string, string, number, string];
const PAIRS: readonly Pair[] = [
	['--color-text', '--color-bg', TEXT_MIN, 'body text'],
	['--color-text', '--color-surface', TEXT_MIN, 'the footer, a hovered button'],
	['--color-text-muted', '--color-bg', TEXT_MIN, 'hints, "(optional)", captions'],
	['--color-text-muted', '--color-surface', TEXT_MIN, 'the footer'],
	['--color-on-accent', '--color-accent', TEXT_MIN, 'primary buttons, the current step'],
	['--color-accent', '--color-bg', TEXT_MIN, 'links, the current tab'],
	['--color-accent', '--color-surface', TEXT_MIN, 'links on the surface'],
	['--color-accent', '--color-warning-soft', TEXT_MIN, 'the title link of a warning card'],
	['--color-text', '--color-accent-soft', TEXT_MIN, 'a chosen tile'],
	['--color-text', '--color-neutral-soft', TEXT_MIN, 'neutral pills, tab counts'],
	['--color-text', '--color-warning-soft', TEXT_MIN, 'a warning card'],
	...TONES.map((t): Pair => [`--color-${t}-text`, `--color-${t}-soft`, TEXT_MIN, `${t} pills and notices`]),
	['--color-danger-text', '--color-bg', TEXT_MIN, 'field errors'],
	['#ffffff', '--color-danger', TEXT_MIN, 'danger buttons (white text in base.css)'],
	['#ffffff', '--color-success', LARGE_MIN, 'the mark of a done step (white in TaskList)'],
	['--color-control', '--color-bg', LARGE_MIN, 'the edges of fields, tiles and buttons'],
	['--color-control', '--color-surface', LARGE_MIN, 'the edges of controls on the surface'],
	['--color-focus', '--color-bg', LARGE_MIN, 'the focus ring'],
	['--color-focus', '--color-surface', LARGE_MIN, 'the focus ring on the surface'],
	['--color-danger', '--color-bg', LARGE_MIN, 'the bar and border of a field in error'],
	['--color-accent', '--color-accent-soft', LARGE_MIN, 'the edge and icon of a chosen tile'],
	...TONES.filter((t) => t !== 'danger').map((t): Pair => [`--color-${t}`, '--color-bg', LARGE_MIN, `the edge of a ${t} notice or card`])
];

const DECLARATION = /--([\w-]+)\s*:\s*([^;]+)/g;

/**
 * The colour tokens of every block whose selector is `:root` (alone or refined, e.g.
 * `:root[data-contrast='more']`, inside a media query or not), keyed by the chain of selectors and
 * at-rules around it ('' for the plain `:root`). Only `--name: #hex` and `--name: var(--other)`
 * declarations count; anything else is left out, and a pair then fails as missing, never silently.
 */
function palettes(css: string): Map<string, Palette> {
	const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
	const found = new Map<string, Palette>();
	const stack: { prelude: string; body: string }[] = [{ prelude: '', body: '' }];
	for (const ch of text) {
		const top = stack[stack.length - 1]!;
		if (ch === '{') {
			const cut = top.body.lastIndexOf(';');
			const prelude = top.body.slice(cut + 1).trim();
			top.body = top.body.slice(0, cut + 1);
			stack.push({ prelude, body: '' });
		} else if (ch === '}') {
			const done = stack.pop()!;
			const chain = [...stack.slice(1).map((s) => s.prelude), done.prelude];
			if (/(^|,)\s*:root\b/.test(done.prelude)) {
				const palette: Palette = {};
				for (const [, name, value] of done.body.matchAll(DECLARATION)) palette[`--${name}`] = value!.trim();
				const key = chain.length === 1 && done.prelude === ':root' ? '' : chain.join(' › ');
				found.set(key, { ...found.get(key), ...palette });
			}
		} else top.body += ch;
	}
	return found;
}

/** A token's colour, following `var(--other)` aliases; null when it is not a hex colour. */
function colour(palette: Palette, name: string, seen = new Set<string>()): string | null {
	if (name.startsWith('#')) return parseHex(name) ? name : null;
	const value = palette[name];
	if (!value || seen.has(name)) return null;
	const alias = /^var\(\s*(--[\w-]+)\s*\)$/.exec(value);
	if (alias) return colour(palette, alias[1]!, seen.add(name));
	return parseHex(value) ? value : null;
}

/** Every failing pair of every palette, as readable lines (empty: all pass). */
function failures(css: string): string[] {
	const all = palettes(css);
	const base = all.get('') ?? {};
	const out: string[] = [];
	if (!all.has('')) out.push('no :root block with colour tokens');
	for (const [key, own] of all) {
		const palette = { ...base, ...own };
		const where = key || ':root';
		for (const [fg, bg, min, use] of PAIRS) {
			const [f, b] = [colour(palette, fg), colour(palette, bg)];
			if (!f || !b) {
				out.push(`${where}: ${!f ? fg : bg} is missing or not a #hex colour (${use})`);
				continue;
			}
			const ratio = contrastRatio(f, b);
			if (ratio < min) out.push(`${where}: ${fg} ${f} on ${bg} ${b} is ${ratio.toFixed(2)}:1, needs ${min}:1 (${use})`);
		}
	}
	return out;
}

/** The CSS with one token's value replaced in every :root block that declares it. */
function withToken(css: string, name: string, value: string): string {
	return css.replace(new RegExp(`(${name}\\s*:\\s*)[^;]+;`, 'g'), `$1${value};`);
}

const TOKENS = readFileSync(join(import.meta.dirname, '..', 'src/lib/styles/tokens.css'), 'utf8');

describe('the colour tokens (src/lib/styles/tokens.css)', () => {
	it('give every pair the components put together enough contrast', () => {
		expect(failures(TOKENS)).toEqual([]);
	});

	it('hold every token a pair names, as a #hex colour', () => {
		const base = palettes(TOKENS).get('')!;
		for (const [fg, bg] of PAIRS) for (const name of [fg, bg]) expect(colour(base, name), name).not.toBeNull();
	});

	it('are the colours an organisation’s accent is checked against (src/lib/ui/contrast.ts)', () => {
		const base = palettes(TOKENS).get('')!;
		for (const [name, value] of Object.entries(ACCENT_BACKGROUNDS)) expect(colour(base, name)?.toLowerCase(), name).toBe(value);
		expect(colour(base, '--color-text')?.toLowerCase()).toBe(NEAR_BLACK);
		// Wijkweb's own accent would be accepted as an organisation's: the two checks agree.
		expect(checkAccent(colour(base, '--color-accent')!).ok).toBe(true);
	});
});

describe('the check itself (on modified copies of tokens.css)', () => {
	it('fails when a token is lowered below contrast: muted text at #777 on white is 4.48:1', () => {
		const lowered = withToken(withToken(TOKENS, '--color-bg', '#ffffff'), '--color-text-muted', '#777');
		expect(failures(lowered)).toContainEqual(expect.stringMatching(/--color-text-muted #777 on --color-bg #ffffff is 4\.48:1, needs 4\.5:1/));
	});

	it('catches every pair: a foreground made equal to its background fails that pair', () => {
		const base = palettes(TOKENS).get('')!;
		for (const [fg, bg] of PAIRS) {
			// A pair with a fixed colour (white text in a component) is broken through its background.
			const broken = fg.startsWith('#') ? withToken(TOKENS, bg, fg) : withToken(TOKENS, fg, colour(base, bg)!);
			expect(
				failures(broken).some((f) => f.includes(`${fg} `) && f.includes(` ${bg} `)),
				`${fg} on ${bg}`
			).toBe(true);
		}
	});

	it('fails a token that is missing or not a #hex colour, instead of skipping it', () => {
		expect(failures(withToken(TOKENS, '--color-focus', 'rgb(0 0 0)'))).toContainEqual(
			expect.stringContaining('--color-focus is missing or not a #hex colour')
		);
	});

	it('reads a dark or high-contrast :root block over the base, and checks it too', () => {
		const css = `:root { --color-text: #111; --color-bg: #fff; }\n@media (prefers-contrast: more) { :root { --color-bg: #222; } }`;
		expect(palettes(css).get('@media (prefers-contrast: more) › :root')).toEqual({ '--color-bg': '#222' });
		const lines = failures(css);
		expect(lines).toContainEqual(
			expect.stringMatching(/^@media \(prefers-contrast: more\) › :root: --color-text #111 on --color-bg #222 is 1\.\d\d:1/)
		);
		expect(lines.filter((l) => l.startsWith(':root:') && l.includes('--color-text #111 on --color-bg'))).toEqual([]);
	});
});
