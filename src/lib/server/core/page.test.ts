import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageOf } from './page.ts';
import { InvalidError } from './errors.ts';

describe('cursor pages', () => {
	it('gives a next cursor only when there is a row beyond the page, holding the last item’s key', () => {
		const rows = [1, 2, 3].map((n) => ({ n, id: `id${n}` }));
		const page = pageOf(rows, 2, (r) => [r.n, r.id]);
		expect(page.items).toHaveLength(2);
		expect(decodeCursor(page.nextCursor!, ['number', 'string'])).toEqual([2, 'id2']);
		expect(pageOf(rows, 3, (r) => [r.n, r.id]).nextCursor).toBeNull();
	});

	it('refuses a cursor that is not ours or of another list’s shape', () => {
		for (const bad of ['nonsense', encodeCursor(['a']), encodeCursor([1, 2])])
			expect(() => decodeCursor(bad, ['number', 'string']), bad).toThrow(InvalidError);
	});
});
