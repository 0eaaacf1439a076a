import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import { fundingCall } from '../../src/lib/server/funding/schema.ts';
import { createCall, createProgramme } from '../../src/lib/server/funding/index.ts';
import * as rules from '../../src/routes/(work)/funding/calls/[id]/rules/+page.server.ts';
import * as detail from '../../src/routes/(work)/funding/calls/[id]/+page.server.ts';
import * as documents from '../../src/routes/(work)/funding/calls/[id]/documents/+page.server.ts';

// The rules editor's and the call page's actions as SvelteKit calls them: bad input is a 400 with the
// field's message and changes nothing, a stale save is a 409 that says so, another funder's officer
// gets 404 and a resident 403, and a phase moved through its form shifts its neighbour.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const officer = await makeActor(db, 'officer', { organisationId: org.id });
const stranger = await makeActor(db, 'officer', { organisationId: (await makeOrganisation(db)).id });
const resident = await makeActor(db, 'resident', { organisationId: org.id });
const o = ctxFor(db, officer.actor);
const { id: programmeId } = await createProgramme(o, { organisationId: org.id, name: 'Wijkfonds' });
const { id } = await createCall(o, { programmeId, template: 'improvement_contract' });
const row = async () => (await db.select().from(fundingCall).where(eq(fundingCall.id, id)))[0]!;
const post = (who: { actor: unknown }, action: string, fields: Record<string, string>) =>
	formPost(`/funding/calls/${id}/rules?/${action}`, who, fields, { params: { id } });
type Failure = { status: number; data: { errors: Record<string, string>; message?: string } };
type Redirect = { status: number; location: string };
const act = (name: keyof typeof rules.actions, event: unknown) => outcome(rules.actions[name]!(event as never));

describe('the rules editor', () => {
	it('saves a new co-financing share typed "25 %" and moves a phase, saying which neighbour shifted', async () => {
		const saved = (await act(
			'money',
			post(officer, 'money', { version: '1', maxGrant: '800.000', startFund: '', cofinancing: '25 %', smallInfrastructure: '20' })
		)) as Redirect;
		expect(saved.status).toBe(303);
		expect((await row()).rules).toMatchObject({
			minCofinancingBp: 2500,
			maxGrantCents: 80_000_000,
			maxSmallInfrastructureBp: 2000,
			startFundMaxCents: null
		});
		const before = await row();
		const end = before.rules.phases[0]!.endsOn;
		const later = new Date(Date.parse(`${end}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
		const moved = (await act(
			'phase',
			post(officer, 'phase', { version: String(before.version), index: '0', startsOn: before.rules.phases[0]!.startsOn, endsOn: later })
		)) as Redirect;
		expect(moved.location).toContain('moved=0&shifted=1');
		const after = await row();
		expect(after.rules.phases[0]!.endsOn).toBe(later);
		expect(after.rules.phases[1]!.startsOn > later).toBe(true);
	});

	it('refuses a share over 100 %, an amount that is no amount and no kind of applicant, with a message and nothing changed', async () => {
		const before = await row();
		const v = String(before.version);
		const share = (await act(
			'money',
			post(officer, 'money', { version: v, maxGrant: '', startFund: '', cofinancing: '120', smallInfrastructure: '' })
		)) as Failure;
		expect(share.status).toBe(400);
		expect(share.data.errors.cofinancing).toBe('Give a percentage between 0 and 100.');
		const money = (await act(
			'money',
			post(officer, 'money', { version: v, maxGrant: 'veel', startFund: '', cofinancing: '', smallInfrastructure: '' })
		)) as Failure;
		expect(money.data.errors.maxGrant).toBe('Give an amount in euro, 0 or more.');
		const who = (await act('who', post(officer, 'who', { version: v, onePerApplicant: 'one' }))) as Failure;
		expect(who.data.errors.applicantKinds).toBe('Choose at least one kind of applicant.');
		const window = (await act(
			'general',
			post(officer, 'general', {
				version: v,
				title: 'X',
				summary: '',
				opensOn: '2030-01-10',
				opensTime: '09:00',
				closesOn: '2030-01-01',
				closesTime: '12:00'
			})
		)) as Failure;
		expect(window.status).toBe(422);
		expect(window.data.errors.closesAt).toBe('The call must close after it opens.');
		expect(await row()).toEqual(before);
	});

	it('tells a stale save and keeps the newer version', async () => {
		const before = await row();
		const stale = (await act(
			'budget',
			post(officer, 'budget', { version: '1', categories: 'operations', durationYears: '2', decreasingLastYears: '0' })
		)) as Failure;
		expect(stale.status).toBe(409);
		expect(stale.data.message).toMatch(/Someone else saved this call/);
		expect(await row()).toEqual(before);
	});

	it('is refused to another funder and to a resident: a draft is unknown to both (404)', async () => {
		const v = String((await row()).version);
		const fields = { version: v, minIndicators: '1', scaleMin: '0', scaleMax: '10', spreadFlag: '3' };
		expect(((await act('jury', post(stranger, 'jury', fields))) as Failure).status).toBe(404);
		expect(((await act('jury', post(resident, 'jury', fields))) as Failure).status).toBe(404);
		const load = (who: { actor: unknown }) =>
			outcome(rules.load({ ...(formPost(`/funding/calls/${id}/rules`, who, {}, { params: { id } }) as object) } as never)) as Promise<{
				status: number;
			}>;
		expect((await load(stranger)).status).toBe(404);
		expect((await load(resident)).status).toBe(404);
	});
});

describe('the call page and its documents', () => {
	it('publishes for the officer only; an executable renamed .pdf is refused on upload', async () => {
		const ev = (who: { actor: unknown }) => formPost(`/funding/calls/${id}?/publish`, who, {}, { params: { id } });
		expect(((await outcome(detail.actions.publish!(ev(stranger)))) as Failure).status).toBe(404);
		expect((await row()).status).toBe('draft');
		expect(((await outcome(detail.actions.publish!(ev(officer)))) as Redirect).status).toBe(303);
		expect((await row()).status).toBe('published');
		// Published, the call is public: a resident reads it but the editor and its saves are refused (403).
		const resLoad = (await outcome(rules.load(formPost(`/funding/calls/${id}/rules`, resident, {}, { params: { id } })))) as { status: number };
		expect(resLoad.status).toBe(403);
		const v = String((await row()).version);
		const save = (await act(
			'jury',
			post(resident, 'jury', { version: v, minIndicators: '1', scaleMin: '0', scaleMax: '10', spreadFlag: '3' })
		)) as Failure;
		expect(save.status).toBe(403);
		const body = new FormData();
		body.append('file', new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 1, 2, 3, 4])], 'oproep.pdf', { type: 'application/pdf' }));
		const upload = {
			request: new Request(`http://localhost/funding/calls/${id}/documents?/upload`, { method: 'POST', body }),
			locals: { actor: officer.actor, locale: 'en' },
			params: { id }
		};
		const refused = (await outcome(documents.actions.upload!(upload as never))) as Failure;
		expect(refused.status).toBe(422);
		expect(refused.data.errors.file).toBe('Only a PDF, PNG or JPEG: this file is none of them.');
	});
});
