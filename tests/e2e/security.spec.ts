import { expect, test } from '@playwright/test';
import { E2E_ORIGIN, expectAccessible } from './helpers.ts';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';

/** The security headers every answer carries, whatever served it (a page, a static file, Kit itself). */
function expectSecurityHeaders(h: Record<string, string>, what: string) {
	expect(h['x-content-type-options'], what).toBe('nosniff');
	expect(h['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
	expect(h['x-frame-options'], what).toBe('DENY');
	expect(h['cross-origin-opener-policy'], what).toBe('same-origin');
	expect(h['permissions-policy'], what).toContain('camera=()');
	expect(h['content-security-policy'], what).toContain("frame-ancestors 'none'");
}

test.describe('security baseline', () => {
	test('pages carry a strict CSP and the other security headers', async ({ request }) => {
		// The home page has no script at all (the public pages ship no JavaScript); the style page hydrates,
		// and Kit's inline start script runs only by its nonce.
		for (const [path, hydrates] of [
			['/', false],
			['/dev/style', true]
		] as const) {
			const res = await request.get(path);
			expect(res.status(), path).toBe(200);
			const h = res.headers();
			const csp = h['content-security-policy'] ?? '';
			const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
			const html = await res.text();
			const nonce = /<script nonce="([^"]+)"/.exec(html)?.[1];
			if (hydrates) expect(scriptSrc, path).toContain(`'nonce-${nonce}'`);
			else expect(html, path).not.toContain('<script');
			expect(scriptSrc, path).not.toContain('unsafe-inline');
			expect(csp).toContain("frame-ancestors 'none'");
			expectSecurityHeaders(h, path);
			expect(h['content-type']).toBe('text/html; charset=utf-8');
		}
	});

	test("static files, their 404s and Kit's own answers carry the security headers too", async ({ request }) => {
		// A built asset (its name changes with every build; the public pages load none: no JavaScript, the
		// CSS inline), taken from the build the server serves.
		const entry = readdirSync('build/client/_app/immutable/entry').find((f) => f.endsWith('.js'));
		expect(entry, 'the build has a client entry').toBeTruthy();
		const asset = `/_app/immutable/entry/${entry}`;
		for (const path of [asset, '/favicon.svg', '/_app/immutable/nothing-here.js', '/nothing-here.css']) {
			const res = await request.get(path);
			expect(res.status(), path).toBe(path.includes('nothing') ? 404 : 200);
			expectSecurityHeaders(res.headers(), path);
		}
		const icon = await request.get('/favicon.svg');
		expect(icon.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
	});

	test('the session cookie is HttpOnly and SameSite', async ({ request }) => {
		const res = await request.post('/sign-in', {
			form: { email: 'resident@example.org', password: 'wijkweb-demo' },
			headers: { accept: 'text/html', origin: E2E_ORIGIN },
			maxRedirects: 0
		});
		expect(res.status()).toBe(303);
		const cookie = res
			.headersArray()
			.filter((x) => x.name.toLowerCase() === 'set-cookie')
			.map((x) => x.value)
			.find((v) => v.includes('session_token'));
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
	});

	test('a cross-site form post is refused and changes nothing', async ({ request }) => {
		const res = await request.post('/sign-up', {
			form: { name: 'Evil', email: 'evil@example.test', password: 'long enough password' },
			headers: { origin: 'https://evil.example', accept: 'text/html' }
		});
		expect(res.status()).toBe(403);
		expectSecurityHeaders(res.headers(), 'cross-site 403');
	});

	test('a control character in the address is a 400 with the headers and no stack trace, before any route runs', async ({ request, page }) => {
		const headers = { accept: 'text/html', origin: E2E_ORIGIN };
		// Signed in as staff, so that the pages that search would really run their queries.
		const signIn = await request.post('/sign-in', { form: { email: 'facilitator@example.org', password: 'wijkweb-demo' }, headers, maxRedirects: 0 });
		expect(signIn.status()).toBe(303);
		const urls = [
			'/areas/%00',
			'/areas/%00/office-hours.ics',
			'/areas/%00/map.svg',
			'/api/v1/areas/%00/board',
			'/people?q=%00',
			'/aid/office-hour?q=%00',
			'/people?q=a%09b',
			'/aid?area=%0A'
		];
		for (const url of urls) {
			const res = await request.get(url, { headers: { accept: 'text/html' }, maxRedirects: 0 });
			expect(res.status(), url).toBe(400);
			const body = await res.text();
			expect(body, url).not.toMatch(/22021|invalid byte sequence|at .*\.(js|ts):\d+|Internal error/);
			expectSecurityHeaders(res.headers(), url);
			if (url.startsWith('/api/')) {
				expect(res.headers()['content-type'], url).toContain('application/problem+json');
				expect(JSON.parse(body)).toMatchObject({ status: 400 });
			} else {
				expect(res.headers()['content-type'], url).toBe('text/html; charset=utf-8');
				expect(body, url).toContain('Dit adres bevat tekens die niet mogen.');
			}
		}
		// A form posted to such an address is refused the same way, and writes nothing.
		const post = await request.post('/people/new?q=%00', { form: { firstName: 'Nul', organisationId: 'x' }, headers });
		expect(post.status()).toBe(400);
		// "%" is searched for literally: no demo name holds one.
		expect(await (await request.get('/people')).text()).toContain('href="/people/');
		expect(await (await request.get('/people?q=%25')).text()).not.toMatch(/href="\/people\/[0-9a-f-]{36}"/);
		// The page itself is a proper page: language, title, landmark, nothing to scroll sideways.
		await page.goto('/areas/%00');
		await expect(page.locator('h1')).toHaveText(/Er ging iets mis|Something went wrong/);
		await expectAccessible(page);
	});

	test('hostile sign-in and sign-up input gets a 4xx with a message, never a 500', async ({ request }) => {
		const hostile = fc.oneof(
			fc.string({ maxLength: 200 }),
			fc.constantFrom("' OR '1'='1", '<img src=x onerror=alert(1)>', '\u0000\u0001', 'é'.repeat(30_000), '%00', '"}]}', 'a@b')
		);
		await fc.assert(
			fc.asyncProperty(hostile, hostile, fc.constantFrom('/sign-in', '/sign-up'), async (email, password, path) => {
				const res = await request.post(path, {
					form: { email, password, name: password },
					headers: { accept: 'text/html', origin: E2E_ORIGIN },
					maxRedirects: 0
				});
				expect(res.status()).toBeLessThan(500);
				if (res.status() >= 400) expect(await res.text()).toMatch(/role="alert"|field-error/);
			}),
			{ numRuns: 40 }
		);
	});

	test('hostile text in a staff form (NUL, control characters, script, SQL) is a 400 next to the field and writes nothing', async ({ request }) => {
		const headers = { accept: 'text/html', origin: E2E_ORIGIN };
		const signIn = await request.post('/sign-in', { form: { email: 'facilitator@example.org', password: 'wijkweb-demo' }, headers, maxRedirects: 0 });
		expect(signIn.status()).toBe(303);
		const page = await (await request.get('/people/new')).text();
		const organisationId = /name="organisationId"[\s\S]*?<option value="([^"]+)"/.exec(page)?.[1];
		// The facilitator works in one neighbourhood: a person registered without one would be out of their reach.
		const areaId = /name="areaId"[\s\S]*?<option value="([^"]+)"/.exec(page)?.[1];
		expect(organisationId).toBeTruthy();
		expect(areaId).toBeTruthy();
		for (const firstName of ['Ma\u0000ria', 'tab\there', "x'); DROP TABLE people_person; --\u0001"]) {
			const res = await request.post('/people/new', { form: { firstName, organisationId: organisationId!, areaId: areaId! }, headers });
			expect(res.status()).toBe(400);
			expect(await res.text()).toContain('Hier staan tekens in die niet mogen.');
		}
		// Script in a text field is stored and shown as text, never as markup.
		const res = await request.post('/people/new', {
			form: { firstName: '<script>alert(1)</script>', organisationId: organisationId!, areaId: areaId! },
			headers
		});
		expect(res.status()).toBe(200);
		const list = await (await request.get('/people')).text();
		expect(list).toContain('&lt;script>alert(1)&lt;/script>');
		expect(list).not.toContain('<script>alert(1)</script>');
	});

	test('a malformed id in the address is a 404, for pages and for actions', async ({ request }) => {
		const headers = { accept: 'text/html', origin: E2E_ORIGIN };
		await request.post('/sign-in', { form: { email: 'admin@example.org', password: 'wijkweb-demo' }, headers, maxRedirects: 0 });
		expect((await request.get('/people/not-a-uuid')).status()).toBe(404);
		for (const action of ['link', 'grant', 'revoke']) {
			const res = await request.post(`/people/not-a-uuid?/${action}`, {
				form: { email: 'x@example.test', role: 'volunteer', grantId: 'nope' },
				headers
			});
			expect(res.status(), action).toBe(404);
		}
	});

	test('revoking a token or session with a malformed id is a 400 and changes nothing', async ({ request }) => {
		const headers = { accept: 'text/html', origin: E2E_ORIGIN };
		await request.post('/sign-in', { form: { email: 'expert@example.org', password: 'wijkweb-demo' }, headers, maxRedirects: 0 });
		const cases: Array<[string, string]> = [
			['revokeToken', 'not-a-uuid'],
			['revokeSession', 'bad\u0000id'],
			['revokeSession', "x' OR '1'='1"]
		];
		for (const [action, id] of cases) {
			const res = await request.post(`/account?/${action}`, { form: { id }, headers });
			expect(res.status(), `${action} ${id}`).toBe(400);
		}
		// Still signed in: no session was revoked.
		expect((await request.get('/account', { maxRedirects: 0 })).status()).toBe(200);
	});

	test('the language switch refuses unknown languages and never redirects off the site', async ({ request }) => {
		const headers = { origin: E2E_ORIGIN };
		const bad = await request.post('/language', { form: { locale: 'xx', redirectTo: '/' }, headers, maxRedirects: 0 });
		expect(bad.status()).toBe(400);
		expect(bad.headers()['content-type']).toContain('application/problem+json');
		for (const redirectTo of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
			const res = await request.post('/language', { form: { locale: 'fr', redirectTo }, headers, maxRedirects: 0 });
			expect(res.status()).toBe(303);
			expect(res.headers()['location']).toBe('/');
		}
		// A way back that cannot be a Location header (it was a 500) is a clear 400.
		for (const redirectTo of ['/a\tb', '/a\nb', '/a\r\nSet-Cookie: x=1', '/\u0000', '/Гент']) {
			const res = await request.post('/language', { form: { locale: 'fr', redirectTo }, headers, maxRedirects: 0 });
			expect(res.status(), JSON.stringify(redirectTo)).toBe(400);
			expect(res.headers()['content-type']).toContain('application/problem+json');
		}
		const back = await request.post('/language', { form: { locale: 'fr', redirectTo: '/areas/rabot?q=%C3%A9' }, headers, maxRedirects: 0 });
		expect(back.headers()['location']).toBe('/areas/rabot?q=%C3%A9');
	});

	test('bodies that are not valid UTF-8 or not what they claim are a 4xx, never a 500', async ({ request }) => {
		const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: E2E_ORIGIN };
		const badUtf8 = Buffer.concat([Buffer.from('email=a%40b.test&password='), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('&name=%E0%A4')]);
		// The broken bytes become U+FFFD and the value fails validation (the e-mail itself is fine).
		for (const path of ['/sign-in', '/sign-up']) {
			const res = await request.post(path, { data: badUtf8, headers: form, maxRedirects: 0 });
			expect(res.status(), path).toBeGreaterThanOrEqual(400);
			expect(res.status(), path).toBeLessThan(500);
		}
		// A reset request answers the same whatever it gets, so it reveals nothing; but never a 500.
		expect((await request.post('/forgot-password', { data: badUtf8, headers: form, maxRedirects: 0 })).status()).toBeLessThan(500);
		const api = await request.get('/api/v1/me', { headers: { authorization: 'Bearer ww_\u00ff\u00fe' } });
		expect(api.status()).toBe(401);
		const multipartLie = await request.post('/sign-in', {
			data: 'not really multipart',
			headers: { 'content-type': 'multipart/form-data; boundary=x', accept: 'text/html', origin: E2E_ORIGIN }
		});
		expect(multipartLie.status()).toBe(400);
	});

	// Over BODY_SIZE_LIMIT (6 MB by default, scripts/serve.ts: a funding document may be 5 MB).
	test('an oversized body is refused with 413', async ({ request }) => {
		const res = await request.post('/sign-in', {
			form: { email: 'x@example.test', password: 'p'.repeat(6_500_000) },
			headers: { origin: E2E_ORIGIN }
		});
		expect(res.status()).toBe(413);
		expect(await res.text()).toContain('Dit is te groot om te versturen.');
	});

	test('the API answers problem+json and documents itself in OpenAPI 3.1 with stable operationIds', async ({ request }) => {
		const anon = await request.get('/api/v1/me');
		expect(anon.status()).toBe(401);
		expect(await anon.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
		const bad = await request.get('/api/v1/me', { headers: { authorization: 'Bearer ww_not-a-token' } });
		expect(bad.status()).toBe(401);
		const missing = await request.get('/api/v1/nothing-here');
		expect(missing.status()).toBe(404);
		expect(missing.headers()['content-type']).toContain('application/problem+json');
		const doc = await (await request.get('/api/v1/openapi.json')).json();
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.paths['/me'].get.operationId).toBe('getMe');
		expect(doc.paths['/me'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Me' });
		expect(doc.components.schemas.Me.properties).toHaveProperty('roles');
	});

	test('/healthz reports the database', async ({ request }) => {
		const res = await request.get('/healthz');
		expect(res.status()).toBe(200);
		expect(await res.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });
	});
});
