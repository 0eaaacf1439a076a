import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { badCharactersResponse, hasBadCharacters } from './input-check.ts';

const url = (s: string) => new URL(s, 'http://localhost');

describe('the central check of the address', () => {
	it('refuses a control character in the path or in any query name or value, however it is encoded', () => {
		for (const s of [
			'/areas/%00',
			'/areas/%00/office-hours.ics',
			'/areas/%00/map.svg',
			'/api/v1/areas/%00/board',
			'/people?q=%00',
			'/aid/office-hour?q=%00',
			'/people?q=a%09b',
			'/people?q=%0D%0A',
			'/people?q=%7F',
			'/people?%00=x',
			'/areas/%E0%A4' // not UTF-8: no route could read it
		])
			expect(hasBadCharacters(url(s)), s).toBe(true);
	});

	it('lets ordinary addresses through, in any script and with encoded punctuation', () => {
		for (const s of ['/', '/areas/rabot', '/people?q=%25', '/people?q=Ана%20Мария', '/aid?area=x&status=open', '/people?/register', '/areas/%D8%B9'])
			expect(hasBadCharacters(url(s)), s).toBe(false);
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (text) => {
				// eslint-disable-next-line no-control-regex -- the property is about control characters
				const expected = /[\u0000-\u001f\u007f]/.test(text);
				expect(hasBadCharacters(url(`/people?q=${encodeURIComponent(text)}`))).toBe(expected);
				expect(hasBadCharacters(url(`/areas/${encodeURIComponent(text)}`))).toBe(expected);
			})
		);
	});

	it("answers 400: problem+json for the API, a page in the visitor's language for the rest", async () => {
		const api = badCharactersResponse(url('/api/v1/areas/%00/board'), 'en');
		expect(api.status).toBe(400);
		expect(api.headers.get('content-type')).toBe('application/problem+json');
		expect(await api.json()).toMatchObject({
			status: 400,
			detail: 'This address contains characters that are not allowed. Check the link or go to the home page.'
		});
		const page = badCharactersResponse(url('/areas/%00'), 'ar');
		expect(page.status).toBe(400);
		expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
		const html = await page.text();
		expect(html).toContain('<html lang="ar" dir="rtl">');
		expect(html).toContain('<title>حدث خطأ ما · Wijkweb</title>');
		expect(html).not.toContain('<script');
	});
});
