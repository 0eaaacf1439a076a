import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJson } from './api.ts';

const body = (data: unknown) =>
	new Request('http://localhost/api/v1/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });

// A schema that forgot to refuse control characters, as a new endpoint might.
const lax = z.object({ title: z.string(), items: z.array(z.object({ note: z.string() })).optional() });

describe('readJson', () => {
	it('refuses a NUL anywhere in the body with 422 naming where, whatever the schema says', async () => {
		const r = await readJson(body({ title: 'ok', items: [{ note: 'fine' }, { note: 'a\u0000b' }] }), lax, 'en');
		expect(r).toBeInstanceOf(Response);
		const res = r as Response;
		expect(res.status).toBe(422);
		expect(await res.json()).toMatchObject({ errors: { 'items.1.note': 'This contains characters that are not allowed.' } });
	});

	it('refuses a NUL in a key and a bare NUL string too', async () => {
		expect(((await readJson(body({ title: 'ok', 'x\u0000': 1 }), lax, 'en')) as Response).status).toBe(422);
		expect(((await readJson(body('\u0000'), z.string(), 'en')) as Response).status).toBe(422);
	});

	it('passes newlines and tabs on to the schema', async () => {
		expect(await readJson(body({ title: 'two\nlines\tand a tab' }), lax, 'en')).toEqual({ title: 'two\nlines\tand a tab' });
	});
});
