import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseForm } from './forms.ts';

const post = (fields: Record<string, string>) => {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.append(k, v);
	return new Request('http://localhost/x', { method: 'POST', body });
};

// A schema that forgot to refuse control characters, as a new form might.
const lax = z.object({ title: z.string(), note: z.string().optional() });

describe('parseForm', () => {
	it('refuses a NUL in any field with a message next to that field, whatever the schema says', async () => {
		const r = await parseForm(post({ title: 'Shopping', note: 'a\u0000b' }), lax, 'en');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.failure.status).toBe(400);
		expect(r.failure.data.errors).toEqual({ note: 'This contains characters that are not allowed.' });
		expect(r.failure.data.values).toEqual({ title: 'Shopping', note: 'ab' });
	});

	it("keeps the schema's own messages for the other fields", async () => {
		const r = await parseForm(post({ note: '\u0000' }), lax, 'en');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(Object.keys(r.failure.data.errors).sort()).toEqual(['note', 'title']);
	});

	it('lets newlines and tabs through to the schema (a textarea keeps its lines)', async () => {
		const r = await parseForm(post({ title: 'Shopping', note: 'line one\r\nline\ttwo' }), lax, 'en');
		expect(r).toMatchObject({ ok: true, data: { note: 'line one\r\nline\ttwo' } });
	});
});
