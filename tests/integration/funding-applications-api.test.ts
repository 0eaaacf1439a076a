import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { anonymous } from '../../src/lib/server/core/index.ts';
import { fundingApplication } from '../../src/lib/server/funding/schema.ts';
import { createCall, createProgramme, getCall, publishCall } from '../../src/lib/server/funding/index.ts';
import type { ApplicationBody, CallRules } from '../../src/lib/funding/types.ts';

// Applications through /api/v1 and its one dispatcher: the same verbs and the same access rule as the
// pages; a stale save, a submitted application and failing rules answered as problems naming what is
// wrong, with nothing changed; the application unknown (404) to anyone but its applicants and officers.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const officer = await makeActor(db, 'officer', { organisationId: org.id });
const stranger = await makeActor(db, 'officer', { organisationId: otherOrg.id });
const applicant = await makeActor(db, null);
const other = await makeActor(db, null);
const o = ctxFor(db, officer.actor);

const { id: programmeId } = await createProgramme(o, { organisationId: org.id, name: 'Wijkfonds' });
const made = await createCall(o, { programmeId, template: 'improvement_contract', opensAt: new Date(Date.now() - 3_600_000).toISOString() });
await publishCall(o, { id: made.id });
const call = await getCall(o, { id: made.id });
const appRow = async (id: string) => (await db.select().from(fundingApplication).where(eq(fundingApplication.id, id)))[0]!;

function goodBody(rules: CallRules): ApplicationBody {
	return {
		title: 'Samen Sluizeken',
		summary: '',
		sections: Object.fromEntries(rules.sections.map((s) => [s.key, 'Een korte tekst.'])),
		budget: [
			{ id: 'l1', year: 1, category: 'personnel', description: 'Opbouwwerker', amountCents: 40_000_000 },
			{ id: 'l2', year: 2, category: 'investments', description: 'Plein', amountCents: 60_000_000 }
		],
		ownContributionCents: 25_000_000,
		startFundCents: 0,
		partners: [],
		targetGroups: [],
		indicators: ['a', 'b', 'c'].map((id) => ({ id, metric: null, name: `Indicator ${id}`, target: 5, unit: 'x' })),
		risks: []
	};
}

/** The large application: 4 years, 200 budget lines, ten sections of 1 000 words. */
function largeBody(rules: CallRules): ApplicationBody {
	const words = (n: number) => Array.from({ length: n }, (_, i) => ['wijk', 'bewoners', 'plein', 'samen', 'groen'][i % 5]).join(' ');
	return {
		...goodBody(rules),
		sections: Object.fromEntries(rules.sections.map((s) => [s.key, words(1000)])),
		budget: Array.from({ length: 200 }, (_, i) => ({
			id: `line-${i}`,
			year: (i % 4) + 1,
			category: 'operations' as const,
			description: `Werking ${i}`,
			amountCents: 500_000
		})),
		ownContributionCents: 25_000_000
	};
}

const create = (actor = applicant.actor, body: Record<string, unknown> = { applicantKind: 'association', applicantName: 'Buurtwerk' }) =>
	apiCall(actor, { method: 'POST', path: `/funding/calls/${call.id}/applications`, body });

describe('applications over the API', () => {
	it('create, get, update with the version read, validate and submit', async () => {
		const res = await create();
		expect(res.status, res.text).toBe(201);
		const id = res.body.id as string;
		expect(res.headers.get('location')).toBe(`/api/v1/funding/applications/${id}`);
		const got = await apiCall(applicant.actor, { path: `/funding/applications/${id}` });
		expect(got.status).toBe(200);
		expect(got.body).toMatchObject({ id, status: 'draft', version: 1, isOwner: true, editable: true, submittable: false, callTitle: call.title });
		const put = await apiCall(applicant.actor, {
			method: 'PUT',
			path: `/funding/applications/${id}`,
			body: { version: 1, body: goodBody(call.rules) }
		});
		expect(put.status, put.text).toBe(200);
		expect(put.body).toEqual({ id, version: 2 });
		const check = await apiCall(applicant.actor, {
			method: 'POST',
			path: `/funding/calls/${call.id}/validate`,
			body: { applicantKind: 'association', body: goodBody(call.rules) }
		});
		expect(check.status).toBe(200);
		expect(check.body).toMatchObject({ pass: true, totals: { totalCents: 100_000_000, grantCents: 75_000_000 } });
		const sub = await apiCall(applicant.actor, { method: 'POST', path: `/funding/applications/${id}/submit`, body: { version: 2 } });
		expect(sub.status, sub.text).toBe(200);
		expect(sub.body).toEqual({ id, status: 'submitted', version: 2 });
		// Submitted: editing is a 409 with its own code, and nothing changes.
		const before = await appRow(id);
		const late = await apiCall(applicant.actor, {
			method: 'PUT',
			path: `/funding/applications/${id}`,
			body: { version: 2, body: goodBody(call.rules) }
		});
		expect(late.status).toBe(409);
		expect(late.body).toMatchObject({ code: 'fund_app_error_not_editable', type: 'https://wijkweb.example/problems/application-not-editable' });
		expect(await appRow(id)).toEqual(before);
	});

	it('a stale version is a 409 of its own; failing rules a 422 naming each; bad amounts a 422; nothing changed', async () => {
		const res = await create(other.actor);
		const id = res.body.id as string;
		await apiCall(other.actor, { method: 'PUT', path: `/funding/applications/${id}`, body: { version: 1, body: goodBody(call.rules) } });
		const before = await appRow(id);
		const stale = await apiCall(other.actor, {
			method: 'PUT',
			path: `/funding/applications/${id}`,
			body: { version: 1, body: goodBody(call.rules) }
		});
		expect(stale.status).toBe(409);
		expect(stale.body).toMatchObject({ code: 'fund_app_error_stale' });
		const bad = await apiCall(other.actor, {
			method: 'PUT',
			path: `/funding/applications/${id}`,
			body: { version: 2, body: { ...goodBody(call.rules), ownContributionCents: 12.345 } }
		});
		expect(bad.status).toBe(422);
		expect(bad.body.errors).toEqual({ 'body.ownContributionCents': 'Give an amount in whole cents, 0 or more.' });
		const long = await apiCall(other.actor, {
			method: 'PUT',
			path: `/funding/applications/${id}`,
			body: { version: 2, body: { ...goodBody(call.rules), sections: { context: 'x'.repeat(60_001) } } }
		});
		expect(long.status).toBe(422);
		expect(await appRow(id)).toEqual(before);
		// Co-financing 0 %: the submission is refused, and the problem names the rules.
		const noCofinancing = { ...goodBody(call.rules), ownContributionCents: 0, budget: [goodBody(call.rules).budget[0]!] };
		await apiCall(other.actor, { method: 'PUT', path: `/funding/applications/${id}`, body: { version: 2, body: noCofinancing } });
		const sub = await apiCall(other.actor, { method: 'POST', path: `/funding/applications/${id}/submit`, body: { version: 3 } });
		expect(sub.status).toBe(422);
		expect(sub.body).toMatchObject({ code: 'fund_app_error_rules', errors: { 'rules.cofinancing_min': 'This rule of the call does not hold.' } });
		expect((await appRow(id)).status).toBe('draft');
	});

	it('is unknown (404) to another applicant and another funder’s officer; 401 for nobody', async () => {
		const owner = await makeActor(db, null);
		const res = await create(owner.actor, { applicantKind: 'city', applicantName: 'Stad' });
		const id = res.body.id as string;
		for (const actor of [other.actor, stranger.actor]) {
			expect((await apiCall(actor, { path: `/funding/applications/${id}` })).status).toBe(404);
			const put = await apiCall(actor, { method: 'PUT', path: `/funding/applications/${id}`, body: { version: 1, body: goodBody(call.rules) } });
			expect(put.status).toBe(404);
			expect((await apiCall(actor, { method: 'POST', path: `/funding/applications/${id}/submit`, body: { version: 1 } })).status).toBe(404);
		}
		expect((await apiCall(officer.actor, { path: `/funding/applications/${id}` })).status).toBe(200);
		expect((await apiCall(anonymous, { path: `/funding/applications/${id}` })).status).toBe(401);
		expect((await appRow(id)).version).toBe(1);
	});

	it('the issue’s large application (4 years, 200 lines, ten 1 000-word sections) is taken over the API; a body over 512 KB is not', async () => {
		const big = await makeActor(db, null);
		const res = await create(big.actor, { applicantKind: 'association', applicantName: 'Groot' });
		const id = res.body.id as string;
		const body = largeBody(call.rules);
		const size = JSON.stringify({ version: 1, body }).length;
		expect(size).toBeGreaterThan(70_000);
		expect(size).toBeLessThan(90_000);
		// Over the usual 64 KB of /api/v1: these two operations take up to 512 KB.
		const check = await apiCall(big.actor, {
			method: 'POST',
			path: `/funding/calls/${call.id}/validate`,
			body: { applicantKind: 'association', body }
		});
		expect(check.status).toBe(200);
		const put = await apiCall(big.actor, { method: 'PUT', path: `/funding/applications/${id}`, body: { version: 1, body } });
		expect(put.status).toBe(200);
		expect((await appRow(id)).version).toBe(2);
		// Above the cap: refused as too large, nothing saved.
		const huge = { ...body, summary: 'x'.repeat(530_000) };
		const refused = await apiCall(big.actor, { method: 'PUT', path: `/funding/applications/${id}`, body: { version: 2, body: huge } });
		expect(refused.status).toBe(413);
		expect((await appRow(id)).version).toBe(2);
	});
});
