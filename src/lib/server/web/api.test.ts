import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problem, readJson, readQuery } from './api.ts';

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

describe('problem and readQuery', () => {
	const NeedsQuery = z.object({ limit: z.coerce.number().int().min(1, 'error_choice').default(10), areaId: z.uuid('error_not_found').optional() });

	it('answers a bad query as a bad body: 422, the invalid type and code, a translated message per parameter', async () => {
		const r = readQuery(new URL('http://localhost/api/v1/x?limit=0&areaId=nope'), NeedsQuery, 'nl');
		expect(r).toBeInstanceOf(Response);
		const res = r as Response;
		expect(res.status).toBe(422);
		expect(res.headers.get('content-type')).toBe('application/problem+json');
		expect(await res.json()).toEqual({
			type: 'https://wijkweb.example/problems/invalid',
			code: 'error_invalid',
			title: 'Unprocessable Content',
			status: 422,
			detail: expect.any(String),
			errors: { limit: expect.any(String), areaId: expect.any(String) }
		});
	});

	it('gives the parsed query when it is good, with the defaults', () => {
		expect(readQuery(new URL('http://localhost/api/v1/x'), NeedsQuery, 'en')).toEqual({ limit: 10 });
	});

	it('names every problem by its registered type, with the code and extra headers', async () => {
		const res = problem('aid_error_need_not_open', 'en', { headers: { 'Retry-After': '3' } });
		expect(res.status).toBe(409);
		expect(res.headers.get('retry-after')).toBe('3');
		expect(await res.json()).toEqual({
			type: 'https://wijkweb.example/problems/need-not-open',
			code: 'aid_error_need_not_open',
			title: 'Need not open',
			status: 409,
			detail: 'This need is no longer open.'
		});
	});
});
