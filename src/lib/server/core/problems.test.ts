import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, PROBLEM_TYPES, isProblemCode, problemSlug, problemTypeUri } from './problems.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const LOCALES = ['nl', 'fr', 'en', 'bg', 'tr', 'ar'];

function sources(dir: string): string[] {
	return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
		.filter((f) => f.isFile() && /\.(ts|svelte)$/.test(f.name) && !f.name.endsWith('.test.ts'))
		.map((f) => join(f.parentPath, f.name));
}
const code = sources('src/lib/server')
	.concat(sources('src/routes'))
	.filter((f) => !f.endsWith('problems.ts'))
	.map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));

/** Every error key written out where an error or a problem is made, with the status it is made with. */
function thrownKeys(): { key: string; status: number | null; file: string }[] {
	const found: { key: string; status: number | null; file: string }[] = [];
	const patterns: [RegExp, (m: RegExpMatchArray) => number | null][] = [
		[/new ConflictError\(\s*'([a-z_]+)'/g, () => 409],
		[/new InvalidError\(\s*\{[^}]*\}\s*,\s*'([a-z_]+)'/g, () => 422],
		[/new AppError\(\s*(\d{3})\s*,\s*'([a-z_]+)'/g, (m) => Number(m[1])],
		// Error subclasses hand their key to the parent: ConflictError's (key) or AppError's (status, key).
		[/super\(\s*(?:(\d{3})\s*,\s*)?'([a-z_]+)'/g, (m) => (m[1] ? Number(m[1]) : null)],
		[/\bproblem\(\s*'([a-z_]+)'/g, () => null]
	];
	for (const { file, text } of code)
		for (const [re, status] of patterns) for (const m of text.matchAll(re)) found.push({ key: m[m.length - 1]!, status: status(m), file });
	return found;
}

describe('the problem types', () => {
	it('registers every error key the server code throws or answers with, at the status it uses', () => {
		const found = thrownKeys();
		// The scan must see the real code, not nothing: dozens of throws exist today.
		expect(found.length).toBeGreaterThan(30);
		for (const { key, status, file } of found) {
			expect(isProblemCode(key), `${key} in ${file}`).toBe(true);
			if (status !== null && isProblemCode(key)) expect(PROBLEM_TYPES[key].status, `${key} in ${file}`).toBe(status);
		}
	});

	it('keeps no code that nothing can produce', () => {
		const all = code.map((c) => c.text).join('\n');
		for (const c of PROBLEM_CODES) expect(all, c).toContain(`'${c}'`);
	});

	it('has one stable, distinct https URI per code, and a message for it in every language', () => {
		const uris = PROBLEM_CODES.map(problemTypeUri);
		expect(new Set(uris).size).toBe(uris.length);
		for (const uri of uris) expect(uri).toMatch(/^https:\/\/wijkweb\.example\/problems\/[a-z]+(-[a-z]+)*$/);
		expect(problemTypeUri('aid_error_need_not_open')).toBe('https://wijkweb.example/problems/need-not-open');
		expect(problemSlug('error_not_found')).toBe('not-found');
		for (const locale of LOCALES) {
			const messages = JSON.parse(readFileSync(join(ROOT, `messages/${locale}.json`), 'utf8')) as Record<string, unknown>;
			for (const c of PROBLEM_CODES) expect(typeof messages[c], `${c} in ${locale}`).toBe('string');
		}
	});

	it('is listed in docs/api.md, row for row', () => {
		const doc = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
		const rows = [...doc.matchAll(/^\| `([a-z-]+)` +\| `([a-z_]+)` +\| (\d{3}) +\|/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
		const registered = PROBLEM_CODES.map((c) => `${problemSlug(c)} ${c} ${PROBLEM_TYPES[c].status}`);
		expect(rows.sort()).toEqual(registered.sort());
		expect(doc).toContain('https://wijkweb.example/problems/');
	});
});
