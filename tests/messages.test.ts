import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

// Every interface string exists in all six languages, with the same {placeholders}: a missing key
// would show the key itself to a resident, a missing placeholder would drop a name or a link.
const LOCALES = ['nl', 'fr', 'en', 'bg', 'tr', 'ar'] as const;
const load = (l: string) => JSON.parse(readFileSync(`messages/${l}.json`, 'utf8')) as Record<string, string>;
const messages = Object.fromEntries(LOCALES.map((l) => [l, load(l)]));
const keys = (l: string) => Object.keys(messages[l]!).filter((k) => k !== '$schema');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
	for (const l of LOCALES.filter((l) => l !== 'nl')) {
		it(`${l} has exactly the keys of nl, each non-empty with the same placeholders`, () => {
			expect(keys(l).sort()).toEqual(keys('nl').sort());
			for (const k of keys('nl')) {
				const text = messages[l]![k]!;
				expect(text.trim().length, `${l}.${k}`).toBeGreaterThan(0);
				expect(placeholders(text), `${l}.${k}`).toEqual(placeholders(messages.nl![k]!));
			}
		});
	}
});
