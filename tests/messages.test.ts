import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

// Every interface string exists in all six languages, with the same {placeholders}: a missing key
// would show the key itself to a resident, a missing placeholder would drop a name or a link.
const LOCALES = ['nl', 'fr', 'en', 'bg', 'tr', 'ar'] as const;
// A message is a text, or (for counts) a list with one entry of variants chosen by plural rules.
type Variants = { declarations?: string[]; selectors?: string[]; match: Record<string, string> };
type Message = string | Variants[];
const load = (l: string) => JSON.parse(readFileSync(`messages/${l}.json`, 'utf8')) as Record<string, Message>;
const messages = Object.fromEntries(LOCALES.map((l) => [l, load(l)]));
const keys = (l: string) => Object.keys(messages[l]!).filter((k) => k !== '$schema');
const texts = (m: Message) => (typeof m === 'string' ? [m] : m.flatMap((v) => Object.values(v.match)));
const inputs = (m: Message) =>
	typeof m === 'string' ? [] : m.flatMap((v) => (v.declarations ?? []).filter((d) => d.startsWith('input ')).map((d) => d.slice(6)));
// The inputs a message uses, in any of its variants (a variant may leave out the number: "once").
const placeholders = (m: Message) => [...new Set([...texts(m).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)), ...inputs(m)])].sort();

describe('messages', () => {
	for (const l of LOCALES.filter((l) => l !== 'nl')) {
		it(`${l} has exactly the keys of nl, each non-empty with the same placeholders`, () => {
			expect(keys(l).sort()).toEqual(keys('nl').sort());
			for (const k of keys('nl')) {
				const message = messages[l]![k]!;
				for (const text of texts(message)) expect(text.trim().length, `${l}.${k}`).toBeGreaterThan(0);
				expect(placeholders(message), `${l}.${k}`).toEqual(placeholders(messages.nl![k]!));
			}
		});
	}

	for (const l of LOCALES) {
		it(`${l}: every message with variants has a catch-all variant`, () => {
			for (const k of keys(l)) {
				const message = messages[l]![k]!;
				if (typeof message === 'string') continue;
				for (const v of message)
					expect(
						Object.keys(v.match).some((c) => c.endsWith('=*')),
						`${l}.${k}`
					).toBe(true);
			}
		});
	}
});
