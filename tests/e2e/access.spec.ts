import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_ORIGIN } from './helpers.ts';

// Every page and action, asked by someone who may not: refused, and nothing changes.
// HTTP level (no page rendering to check), so it runs once, in the `http` project.

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

const PAGES: Array<{ path: string; refused: string[] }> = [
	{ path: '/people', refused: ['resident@example.org', 'volunteer@example.org', 'officer@example.org', 'jury@example.org', 'expert@example.org'] },
	{ path: '/partners', refused: ['resident@example.org', 'volunteer@example.org', 'jury@example.org', 'expert@example.org'] },
	{ path: '/partners/new', refused: ['resident@example.org', 'volunteer@example.org', 'officer@example.org'] },
	{ path: '/admin', refused: ['facilitator@example.org', 'coordinator@example.org', 'officer@example.org'] },
	{ path: '/admin/audit', refused: ['facilitator@example.org', 'coordinator@example.org'] },
	// The register of processing: admins and the organisation's org-wide coordinators only.
	{ path: '/admin/register', refused: ['resident@example.org', 'facilitator@example.org', 'outreach@example.org', 'officer@example.org'] },
	// A person's rights (part G): the erasure requests are the coordinators'; one's own data is anyone's.
	{
		path: '/people/erasure-requests',
		refused: ['resident@example.org', 'volunteer@example.org', 'facilitator@example.org', 'outreach@example.org', 'officer@example.org']
	},
	{ path: '/account/my-data', refused: [] },
	{ path: '/account/my-data.json', refused: [] }
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

test('the account page and its password change send anonymous visitors to sign in', async ({ playwright }) => {
	const anon = await as(playwright.request, null);
	const res = await anon.get('/account', { maxRedirects: 0 });
	expect(res.status()).toBe(303);
	expect(res.headers()['location']).toBe('/sign-in');
	const change = await anon.post('/account?/changePassword', {
		form: { currentPassword: 'x', newPassword: 'a long enough password' },
		headers,
		maxRedirects: 0
	});
	expect(change.status()).toBe(303);
	expect(change.headers()['location']).toBe('/sign-in');
});

test('actions refuse the wrong role with 403 and change nothing', async ({ playwright }) => {
	const admin = await as(playwright.request, 'admin@example.org');
	// Searched, not the first page of the list: the demo's activities brought hundreds of people.
	const people = await (await admin.get('/people?q=Georgi')).text();
	const georgi = /href="\/people\/([0-9a-f-]{36})"[^>]*>Georgi/.exec(people)?.[1];
	expect(georgi, 'Georgi in the demo data').toBeTruthy();
	const orgId = /name="organisationId"[\s\S]*?<option value="([^"]+)"/.exec(await (await admin.get('/people/new')).text())?.[1];

	const facilitator = await as(playwright.request, 'facilitator@example.org');
	const org = await facilitator.post('/admin?/organisation', { form: { name: 'Sneaky org', kind: 'association', lawfulBasis: 'consent' }, headers });
	expect(org.status()).toBe(403);
	const area = await facilitator.post('/admin?/area', { form: { name: 'Sneaky area', city: 'Gent', code: 'sneaky' }, headers });
	expect(area.status()).toBe(403);
	const grant = await facilitator.post(`/people/${georgi}?/grant`, { form: { role: 'admin', organisationId: orgId! }, headers });
	expect(grant.status()).toBe(403);

	const outreach = await as(playwright.request, 'outreach@example.org');
	const link = await outreach.post(`/people/${georgi}?/link`, { form: { email: 'resident@example.org' }, headers });
	expect(link.status()).toBe(403);

	const resident = await as(playwright.request, 'resident@example.org');
	const register = await resident.post('/people/new', { form: { firstName: 'Sneaky', organisationId: orgId! }, headers });
	expect(register.status()).toBe(403);

	// Nothing of it exists.
	const adminPage = await (await admin.get('/admin')).text();
	expect(adminPage).not.toContain('Sneaky');
	// The search box echoes the query: no person's link carries the name.
	expect(await (await admin.get('/people?q=Sneaky')).text()).not.toMatch(/href="\/people\/[0-9a-f-]{36}"[^>]*>Sneaky/);
	const georgiPage = await (await admin.get(`/people/${georgi}`)).text();
	expect(georgiPage).not.toContain('<strong>Beheerder</strong>');
});
