import { describe, expect, it } from 'vitest';
import { nextPath, signInFor } from './next.ts';

const at = (query: string) => new URL(`http://localhost/sign-in${query}`);

describe('nextPath', () => {
	it('follows a path of this site, with its query', () => {
		expect(nextPath(at('?next=%2Fapply%2Fnew%3Fcall%3Dabc'))).toBe('/apply/new?call=abc');
	});
	it('falls back to the home page for anything else', () => {
		for (const q of ['', '?next=', '?next=%2F%2Fevil.example', '?next=%2F%5Cevil.example', '?next=https%3A%2F%2Fevil.example', '?next=apply'])
			expect(nextPath(at(q))).toBe('/');
	});
	it('is what signInFor asks for', () => {
		const here = new URL('http://localhost/apply/new?call=abc');
		expect(nextPath(new URL(`http://localhost${signInFor(here)}`))).toBe('/apply/new?call=abc');
	});
});
