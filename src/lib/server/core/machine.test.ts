import { describe, expect, it } from 'vitest';
import { machine } from './machine.ts';

// A small machine with a fork, a loop back and an end: every pair checked against the table.

type S = 'a' | 'b' | 'c' | 'end';
const NEXT: Record<S, readonly S[]> = { a: ['b', 'c'], b: ['c', 'a'], c: ['end'], end: [] };
const m = machine(NEXT);
const ALL: S[] = ['a', 'b', 'c', 'end'];

describe('machine', () => {
	it('offers the table’s next steps in its order', () => {
		expect(m.nextSteps('a')).toEqual(['b', 'c']);
		expect(m.nextSteps('b')).toEqual(['c', 'a']);
		expect(m.nextSteps('end')).toEqual([]);
	});

	it('allows exactly the pairs in the table: no skip, no staying, nothing after the end', () => {
		for (const from of ALL) for (const to of ALL) expect(m.canStep(from, to), `${from} → ${to}`).toBe(NEXT[from].includes(to));
		expect(m.canStep('a', 'end')).toBe(false);
		expect(m.canStep('a', 'a')).toBe(false);
		expect(m.canStep('end', 'a')).toBe(false);
	});
});
