import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The pages are built from the components of src/lib/components/ui/ and the few layout classes of
// base.css: no page styles itself, and no page invents a class (which would be a style of its own
// waiting to happen, or one of the old classes the design system replaced).

const ROUTES = 'src/routes';
const BASE = 'src/lib/styles/base.css';

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : []
	);
}

/** The class names a stylesheet defines (any `.name` in a selector). */
export function definedClasses(css: string): Set<string> {
	const names = new Set<string>();
	const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
	for (const selector of withoutComments.match(/[^{}]+(?=\{)/g) ?? []) for (const m of selector.matchAll(/\.([a-zA-Z][\w-]*)/g)) names.add(m[1]!);
	return names;
}

/** The static class names a Svelte file uses: `class="a b"` and `class:a={…}` (expressions are not guessed). */
export function usedClasses(source: string): string[] {
	const markup = source.replace(/<script[\s\S]*?<\/script>/g, '');
	const used: string[] = [];
	for (const m of markup.matchAll(/\sclass="([^"{}]*)"/g)) used.push(...m[1]!.split(/\s+/).filter(Boolean));
	for (const m of markup.matchAll(/\sclass:([\w-]+)/g)) used.push(m[1]!);
	return used;
}

const pages = files(ROUTES);

describe('pages are built from the design system', () => {
	it('finds the pages and the layout classes (the checks below are not vacuous)', () => {
		expect(pages.length).toBeGreaterThan(25);
		expect(definedClasses(readFileSync(BASE, 'utf8'))).toContain('stack');
	});

	it('no page, layout or error page has a <style> of its own', () => {
		const styled = pages.filter((f) => /<style[\s>]/.test(readFileSync(f, 'utf8')));
		expect(styled).toEqual([]);
	});

	it('pages use only the layout classes of base.css', () => {
		const allowed = definedClasses(readFileSync(BASE, 'utf8'));
		const strays = pages.flatMap((f) =>
			usedClasses(readFileSync(f, 'utf8'))
				.filter((c) => !allowed.has(c))
				.map((c) => `${f}: ${c}`)
		);
		expect(strays).toEqual([]);
	});

	it('buttons, tables and description lists come from the components (Button, Table, SummaryList)', () => {
		const bare = pages.filter((f) => /<(button|table|dl)[\s>]/.test(readFileSync(f, 'utf8').replace(/<!--[\s\S]*?-->/g, '')));
		expect(bare).toEqual([]);
	});

	it('the checks catch a styled page and an invented class', () => {
		const page = '<script>let a = 1;</script>\n<div class="stack cards" class:item={a}>x</div>\n<style>.x{}</style>';
		expect(/<style[\s>]/.test(page)).toBe(true);
		const allowed = definedClasses('.stack, .inline > a { x: y } /* .cards */');
		expect(usedClasses(page).filter((c) => !allowed.has(c))).toEqual(['cards', 'item']);
	});
});
