import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, SECURITY_HEADERS, STRICT_CSP } from './headers.ts';

describe('the security headers', () => {
	it('are all set, with the strict CSP unless the answer brought its own', () => {
		const h = new Headers({ 'content-type': 'application/json' });
		applySecurityHeaders(h);
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(h.get(name)).toBe(value);
		expect(h.get('content-security-policy')).toBe(STRICT_CSP);
		const page = new Headers({ 'content-security-policy': "script-src 'self' 'nonce-x'" });
		applySecurityHeaders(page);
		expect(page.get('content-security-policy')).toBe("script-src 'self' 'nonce-x'");
	});

	it('give a page its charset, and leave other types and given charsets alone', () => {
		const cases: Array<[string, string]> = [
			['text/html', 'text/html; charset=utf-8'],
			['text/html; charset=iso-8859-1', 'text/html; charset=iso-8859-1'],
			['text/calendar; charset=utf-8', 'text/calendar; charset=utf-8'],
			['image/svg+xml', 'image/svg+xml'],
			['text/htmlx', 'text/htmlx']
		];
		for (const [given, expected] of cases) {
			const h = new Headers({ 'content-type': given });
			applySecurityHeaders(h);
			expect(h.get('content-type')).toBe(expected);
		}
	});
});
