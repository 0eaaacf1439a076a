import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_ORIGIN } from './helpers.ts';

// Mutual aid at the HTTP level: pages refuse the wrong roles, and the API does what the pages do
// under the same permissions, refusing bad input with a clear 4xx and changing nothing.

const ORIGIN = E2E_ORIGIN;
const headers = { accept: 'text/html', origin: ORIGIN };

async function as(playwright: typeof import('@playwright/test').request, email: string | null): Promise<APIRequestContext> {
	const ctx = await playwright.newContext({ baseURL: ORIGIN });
	if (email) {
		const res = await ctx.post('/sign-in', { form: { email, password: 'wijkweb-demo' }, headers, maxRedirects: 0 });
		expect(res.status(), `sign-in ${email}`).toBe(303);
	}
	return ctx;
}

/** A personal access token for a demo account, made on its account page as a person would. */
async function tokenFor(playwright: typeof import('@playwright/test').request, email: string): Promise<APIRequestContext> {
	const ctx = await as(playwright, email);
	const form = new FormData();
	form.append('name', 'e2e');
	form.append('scopes', 'read');
	form.append('scopes', 'write');
	const page = await (await ctx.post('/account?/createToken', { form, headers })).text();
	const token = /(ww_[A-Za-z0-9_-]+)/.exec(page)?.[1];
	expect(token, `token for ${email}`).toBeTruthy();
	await ctx.dispose();
	return playwright.newContext({ baseURL: `${ORIGIN}/api/v1/`, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

const NO_LINK = '3f0c9b7e-0000-4000-8000-00000000a11c';
const PAGES: Array<{ path: string; refused: string[] }> = [
	{ path: '/aid', refused: ['resident@example.org', 'volunteer@example.org', 'officer@example.org', 'jury@example.org'] },
	{ path: '/aid/links', refused: ['resident@example.org', 'volunteer@example.org', 'expert@example.org'] },
	{ path: '/aid/reach', refused: ['resident@example.org', 'facilitator@example.org', 'outreach@example.org'] },
	{ path: '/aid/office-hours', refused: ['resident@example.org', 'outreach@example.org', 'officer@example.org'] },
	{ path: '/aid/office-hour', refused: ['resident@example.org', 'volunteer@example.org', 'coordinator@example.org'] },
	{ path: '/help/need', refused: ['facilitator@example.org', 'coordinator@example.org'] },
	// The question pages of a proposed link (issue 12): for its sides only; any id, the role decides first.
	{ path: `/help/links/${NO_LINK}`, refused: ['facilitator@example.org', 'coordinator@example.org'] },
	{ path: `/help/links/${NO_LINK}/decline`, refused: ['facilitator@example.org', 'coordinator@example.org'] },
	{ path: `/help/links/${NO_LINK}/done`, refused: ['facilitator@example.org', 'coordinator@example.org'] }
];

for (const { path, refused } of PAGES) {
	test(`${path}: anonymous visitors are sent to sign in, wrong roles get 403`, async ({ playwright }) => {
		const anon = await as(playwright.request, null);
		const res = await anon.get(path, { maxRedirects: 0 });
		expect(res.status()).toBe(303);
		expect(res.headers()['location']).toBe('/sign-in');
		for (const email of refused) {
			const ctx = await as(playwright.request, email);
			expect((await ctx.get(path, { maxRedirects: 0 })).status(), email).toBe(403);
			await ctx.dispose();
		}
	});
}

test('the mutual-aid API: a brokered link end to end, wrong roles refused, bad input a 4xx that changes nothing', async ({ playwright }) => {
	const facilitator = await tokenFor(playwright.request, 'facilitator@example.org');
	const volunteer = await tokenFor(playwright.request, 'volunteer@example.org');
	const resident = await tokenFor(playwright.request, 'resident@example.org');
	const coordinator = await tokenFor(playwright.request, 'coordinator@example.org');

	const me = await (await facilitator.get('me')).json();
	const areaId = me.roles[0].areaId as string;
	const organisationId = me.roles[0].organisationId as string;

	// createPerson: a walk-in without an account.
	const person = await facilitator.post('people', {
		data: { firstName: 'Api Walk-in', organisationId, areaId, contactConsent: true, languages: ['nl'] }
	});
	expect(person.status()).toBe(201);
	const personId = (await person.json()).id as string;

	const queueBefore = (await (await facilitator.get('aid/needs?status=all&limit=200')).json()).items.length as number;
	const need = {
		personId,
		category: 'language',
		title: 'Dutch conversation',
		areaId,
		// Wednesday 18:00–20:00: weekdays ISO 1–7, times "HH:MM".
		windows: [{ day: 3, start: '18:00', end: '20:00' }],
		languages: ['nl']
	};
	const bad: Array<[string, Record<string, unknown>]> = [
		['unknown category', { ...need, category: 'astrology' }],
		['window ending before it starts', { ...need, windows: [{ day: 3, start: '10:00', end: '09:00' }] }],
		['a window in minutes', { ...need, windows: [{ day: 2, start: 1080, end: 1200 }] }],
		[
			'overlapping windows',
			{
				...need,
				windows: [
					{ day: 3, start: '09:00', end: '11:40' },
					{ day: 3, start: '10:00', end: '13:20' }
				]
			}
		],
		['coordinates out of range', { ...need, point: { lat: 91, lon: 3.7 } }],
		['text of 100 000 characters', { ...need, description: 'x'.repeat(100_000) }]
	];
	for (const [why, body] of bad) {
		const res = await facilitator.post('aid/needs', { data: body });
		expect(res.status(), why).toBeGreaterThanOrEqual(400);
		expect(res.status(), why).toBeLessThan(500);
		expect(res.headers()['content-type'], why).toContain('application/problem+json');
	}
	const volunteerMe = await (await volunteer.get('me')).json();
	for (const capacity of [0, 10_000]) {
		const res = await volunteer.post('aid/offers', {
			data: { personId: volunteerMe.personId, category: 'language', title: 'Nope', areaId, capacity }
		});
		expect(res.status(), `capacity ${capacity}`).toBe(422);
	}
	expect((await (await facilitator.get('aid/needs?status=all&limit=200')).json()).items.length).toBe(queueBefore);

	// The wrong roles.
	expect((await resident.get('aid/needs')).status()).toBe(403);
	expect((await volunteer.post('aid/needs', { data: need })).status()).toBe(403);

	const created = await facilitator.post('aid/needs', { data: need });
	expect(created.status()).toBe(201);
	const needId = (await created.json()).id as string;
	expect(created.headers()['location']).toBe(`/api/v1/aid/needs/${needId}`);
	expect((await created.json()).assisted).toBe(true);

	const matches = await (await facilitator.get(`aid/needs/${needId}/matches`)).json();
	const lotte = matches.candidates.find((c: { firstName: string }) => c.firstName === 'Lotte');
	expect(lotte, 'Lotte offers Dutch conversation').toBeTruthy();
	expect(lotte.reasons.map((r: { code: string }) => r.code)).toContain('time');
	expect(JSON.stringify(matches)).not.toContain('+32');

	expect((await resident.post('aid/links', { data: { needId, offerId: lotte.offerId } })).status()).toBe(403);
	const proposed = await facilitator.post('aid/links', { data: { needId, offerId: lotte.offerId } });
	expect(proposed.status()).toBe(201);
	const link = await proposed.json();
	expect(link).toMatchObject({ status: 'proposed', needAccepted: true, offerAccepted: false });

	// Not yours, malformed, bad answer.
	// Someone else's link: the same answer as an unknown one.
	expect((await resident.post(`aid/links/${link.id}/response`, { data: { answer: 'accept' } })).status()).toBe(404);
	expect((await volunteer.post('aid/links/not-a-uuid/response', { data: { answer: 'accept' } })).status()).toBe(404);
	expect((await volunteer.post(`aid/links/${link.id}/response`, { data: { answer: 'maybe' } })).status()).toBe(422);
	// A decline reason follows the form's rule: no control characters (and nothing changes).
	const nul = await volunteer.post(`aid/links/${link.id}/response`, { data: { answer: 'decline', reason: 'no\u0000' } });
	expect(nul.status()).toBe(422);
	expect((await nul.json()).errors.reason).toBeTruthy();

	const accepted = await volunteer.post(`aid/links/${link.id}/response`, { data: { answer: 'accept' } });
	expect(accepted.status()).toBe(200);
	expect((await accepted.json()).status).toBe('accepted');
	// Accepting twice is harmless.
	const again = await volunteer.post(`aid/links/${link.id}/response`, { data: { answer: 'accept' } });
	expect(again.status()).toBe(200);
	expect((await again.json()).status).toBe('accepted');
	// Declining now is too late: the link is no longer a proposal.
	expect((await volunteer.post(`aid/links/${link.id}/response`, { data: { answer: 'decline' } })).status()).toBe(409);

	// A resident who is no side of the link: the same answer as an unknown one.
	expect((await resident.post(`aid/links/${link.id}/complete`, { data: {} })).status()).toBe(404);
	// An empty JSON body: SvelteKit refuses a POST without a content type from another origin as a cross-site form.
	const done = await volunteer.post(`aid/links/${link.id}/complete`, { data: {} });
	expect(done.status()).toBe(200);
	expect((await done.json()).status).toBe('took_place');

	// Figures: the coordinator may read them, the facilitator may not; a reversed period is a 4xx.
	const today = new Date().toISOString().slice(0, 10);
	const from = `${Number(today.slice(0, 4)) - 2}-01-01`; // a period may span at most five years
	const reach = await coordinator.get(`aid/reach?from=${from}&to=${today}`);
	expect(reach.status()).toBe(200);
	expect((await reach.json()).figures.linksCompleted).toBeTruthy();
	expect((await facilitator.get(`aid/reach?from=${from}&to=${today}`)).status()).toBe(403);
	expect((await coordinator.get(`aid/reach?from=${today}&to=${from}`)).status()).toBe(422);
	expect((await coordinator.get(`aid/reach?from=2015-01-01&to=${today}`)).status(), 'more than five years').toBe(422);
});

test('mutual-aid actions refuse the wrong role with 403 and change nothing', async ({ playwright }) => {
	const admin = await as(playwright.request, 'admin@example.org');
	// Searched, not the first page of the list: the demo's activities brought hundreds of people.
	const people = await (await admin.get('/people?q=Hamid')).text();
	const hamid = /href="\/people\/([0-9a-f-]{36})"[^>]*>Hamid/.exec(people)?.[1];
	expect(hamid, 'Hamid in the demo data').toBeTruthy();
	const offices = await (await admin.get('/aid/office-hours')).text();
	const areaId = /name="areaId" value="([0-9a-f-]{36})"/.exec(offices)?.[1];
	expect(areaId, 'an area with a board switch').toBeTruthy();

	const boardBefore = await (await admin.get('/aid/office-hours')).text();
	const certBefore = await (await admin.get(`/people/${hamid}`)).text();
	for (const email of ['resident@example.org', 'volunteer@example.org', 'outreach@example.org']) {
		const ctx = await as(playwright.request, email);
		const board = await ctx.post('/aid/office-hours?/board', { form: { areaId: areaId!, show: 'on' }, headers });
		expect(board.status(), `board by ${email}`).toBe(403);
		const cert = await ctx.post(`/people/${hamid}?/certificate`, { form: { checkedOn: '2026-01-01', validUntil: '2028-01-01' }, headers });
		expect([403, 404], `certificate by ${email}`).toContain(cert.status());
		await ctx.dispose();
	}
	// The coordinator reads figures but does not check certificates: that is the facilitator's job.
	const coordinator = await as(playwright.request, 'coordinator@example.org');
	const cert = await coordinator.post(`/people/${hamid}?/certificate`, { form: { checkedOn: '2026-01-01', validUntil: '2028-01-01' }, headers });
	expect(cert.status()).toBe(403);
	// Bad input from the right role: a 4xx next to the field, nothing recorded.
	const facilitator = await as(playwright.request, 'facilitator@example.org');
	const bad = await facilitator.post(`/people/${hamid}?/certificate`, { form: { checkedOn: '2026-01-01', validUntil: '2025-01-01' }, headers });
	expect(bad.status()).toBe(400);
	const dashes = `${'-'.repeat(36)}:${'-'.repeat(36)}`;
	const badPair = await facilitator.post(`/aid/weekly?areaId=${areaId}&/send`, { form: { pair: dashes }, headers });
	expect(badPair.status(), 'a malformed pair is a 400, not a 500').toBe(400);
	const someone = '3f0c9b7e-0000-4000-8000-000000000000';
	const residentCtx = await as(playwright.request, 'resident@example.org');
	const sneaky = await residentCtx.post(`/aid/weekly?areaId=${areaId}&/send`, { form: { pair: `${someone}:${someone}` }, headers });
	expect(sneaky.status(), 'a resident cannot send proposals').toBe(403);
	const badBoard = await facilitator.post('/aid/office-hours?/board', { form: { areaId: 'not-a-uuid', show: 'on' }, headers });
	expect(badBoard.status()).toBeGreaterThanOrEqual(400);
	expect(badBoard.status()).toBeLessThan(500);

	const strip = (html: string) => html.replace(/nonce="[^"]*"/g, '').replace(/name="csrf[^>]*>/g, '');
	expect(strip(await (await admin.get('/aid/office-hours')).text())).toBe(strip(boardBefore));
	expect(strip(await (await admin.get(`/people/${hamid}`)).text())).toBe(strip(certBefore));
});

test('the API through the real server: RateLimit headers per token, a create retried with an Idempotency-Key made once, typed problems', async ({
	playwright
}) => {
	const facilitator = await tokenFor(playwright.request, 'facilitator@example.org');
	const first = await facilitator.get('me');
	expect(first.headers()['ratelimit-policy']).toMatch(/^"per-token";q=\d+;w=60$/);
	expect(first.headers()['ratelimit']).toMatch(/^"per-token";r=\d+;t=\d+$/);
	const { roles } = (await first.json()) as { roles: { role: string; organisationId: string; areaId: string | null }[] };
	const { organisationId, areaId } = roles.find((r) => r.role === 'facilitator')!;

	const body = { firstName: 'Retry Walk-in', organisationId, areaId, contactConsent: true, languages: ['nl'] };
	const key = `e2e-${Date.now()}`;
	const made = await facilitator.post('people', { data: body, headers: { 'idempotency-key': key } });
	const again = await facilitator.post('people', { data: body, headers: { 'idempotency-key': key } });
	expect([made.status(), again.status()]).toEqual([201, 201]);
	expect(made.headers()['idempotency-replayed']).toBeUndefined();
	expect(again.headers()['idempotency-replayed']).toBe('true');
	expect((await again.json()).id).toBe((await made.json()).id);
	const reused = await facilitator.post('people', { data: { ...body, firstName: 'Another' }, headers: { 'idempotency-key': key } });
	expect(reused.status()).toBe(422);
	expect(await reused.json()).toMatchObject({
		type: 'https://wijkweb.example/problems/idempotency-key-reused',
		code: 'error_idempotency_key_reused'
	});

	const badQuery = await facilitator.get('aid/needs?limit=0');
	expect(badQuery.status()).toBe(422);
	expect(await badQuery.json()).toMatchObject({ type: 'https://wijkweb.example/problems/invalid', errors: { limit: expect.any(String) } });

	// Without a token nothing is counted per token.
	const anon = await playwright.request.newContext({ baseURL: `${ORIGIN}/api/v1/` });
	const open = await anon.get('me');
	expect(open.status()).toBe(401);
	expect(open.headers()['ratelimit']).toBeUndefined();
});
