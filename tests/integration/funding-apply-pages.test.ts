import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import { fundingApplication } from '../../src/lib/server/funding/schema.ts';
import { createApplication, createCall, createProgramme, getCall, publishCall } from '../../src/lib/server/funding/index.ts';
import { fieldsFromBody } from '../../src/lib/funding/application-form.ts';
import type { ApplicationBody, CallRules } from '../../src/lib/funding/types.ts';
import * as start from '../../src/routes/apply/new/+page.server.ts';
import * as form from '../../src/routes/apply/[id]/+page.server.ts';
import * as check from '../../src/routes/apply/[id]/check/+page.server.ts';
import * as copy from '../../src/routes/apply/[id]/copy.docx/+server.ts';

// The applicant's pages as SvelteKit calls them: starting on a call (signed out → sign-in and back),
// saving the whole form as a plain post (a typed amount that is no amount is a 400 on its field and
// changes nothing; a 60 001-character section is refused on that section; a stale save keeps what was
// typed and shows the other version), checking and submitting (refused while a rule fails), the Word
// copy, and strangers told the application does not exist.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const officer = await makeActor(db, 'officer', { organisationId: org.id });
const applicant = await makeActor(db, null);
const stranger = await makeActor(db, null);
const starter = await makeActor(db, null);
const o = ctxFor(db, officer.actor);
const { id: programmeId } = await createProgramme(o, { organisationId: org.id, name: 'Wijkfonds' });
const made = await createCall(o, { programmeId, template: 'improvement_contract', opensAt: new Date(Date.now() - 3_600_000).toISOString() });
await publishCall(o, { id: made.id });
const call = await getCall(o, { id: made.id });

type Failure = {
	status: number;
	data: { errors: Record<string, string>; message?: string | null; theirs?: Record<string, string>; version?: number };
};
type Redirect = { status: number; location: string };
const row = async (id: string) => (await db.select().from(fundingApplication).where(eq(fundingApplication.id, id)))[0]!;

function body(rules: CallRules, own: number): ApplicationBody {
	return {
		title: 'Rabot groeit samen',
		summary: 'Meer groen en ontmoeting.',
		sections: Object.fromEntries(rules.sections.map((s) => [s.key, 'Een wijk met veel jonge gezinnen en weinig groen.'])),
		budget: [
			{ id: 'l0', year: 1, category: 'personnel', description: 'Opbouwwerker', amountCents: 40_000_000 },
			{ id: 'l1', year: 2, category: 'investments', description: 'Plein', amountCents: 60_000_000 }
		],
		ownContributionCents: own,
		startFundCents: 0,
		partners: [],
		targetGroups: [],
		indicators: ['a', 'b', 'c'].map((id) => ({ id, metric: null, name: `Indicator ${id}`, target: 10, unit: 'mensen' })),
		risks: []
	};
}
const fields = (b: ApplicationBody, extra: Record<string, string>) => ({ ...fieldsFromBody(b), ...extra });
const save = (who: { actor: unknown }, id: string, f: Record<string, string>) =>
	outcome(form.actions.save!(formPost(`/apply/${id}?/save`, who, f, { params: { id }, locale: 'nl' })));

describe('starting an application', () => {
	it('sends a visitor who is not signed in to sign in, and back here afterwards', async () => {
		const url = `/apply/new?call=${call.id}`;
		const r = (await outcome(start.load(formPost(url, null, {}) as never))) as Redirect;
		expect(r).toMatchObject({ status: 303, location: `/sign-in?next=${encodeURIComponent(url)}` });
	});
	it('starts one for a kind the call allows, and refuses a kind it does not', async () => {
		const url = `/apply/new?call=${call.id}`;
		const bad = (await outcome(
			start.actions.default!(formPost(url, starter, { applicantKind: 'neighbourhood_group', applicantName: 'Buurtgroep' }))
		)) as Failure;
		expect(bad.status).toBe(422);
		expect(Object.keys(bad.data.errors)).toContain('applicantKind');
		const ok = (await outcome(
			start.actions.default!(formPost(url, starter, { applicantKind: 'association', applicantName: 'Buurtwerk Rabot' }))
		)) as Redirect;
		expect(ok.status).toBe(303);
		expect(ok.location).toMatch(/^\/apply\/[0-9a-f-]{36}$/);
	});
});

describe('the form page', async () => {
	const { id } = await createApplication(ctxFor(db, applicant.actor), {
		callId: call.id,
		applicantKind: 'association',
		applicantName: 'Vereniging Twee'
	});

	it('saves the whole form as a plain post and goes to the check page when asked', async () => {
		const r = (await save(applicant, id, fields(body(call.rules, 15_000_00), { version: '1', intent: 'check' }))) as Redirect;
		expect(r).toMatchObject({ status: 303, location: `/apply/${id}/check` });
		const saved = await row(id);
		expect(saved.version).toBe(2);
		expect(saved.body.ownContributionCents).toBe(1_500_000);
		expect(saved.body.budget.map((l) => l.amountCents)).toEqual([40_000_000, 60_000_000]);
	});

	it('refuses an amount that is no amount on its field, a 60 001-character section on that section, and changes nothing', async () => {
		const before = await row(id);
		const amount = (await save(applicant, id, fields(before.body, { version: String(before.version), own_contribution: '1,234' }))) as Failure;
		expect(amount.status).toBe(400);
		expect(Object.keys(amount.data.errors)).toEqual(['own_contribution']);
		const key = call.rules.sections[0]!.key;
		const long = (await save(
			applicant,
			id,
			fields(before.body, { version: String(before.version), [`section_${key}`]: 'a'.repeat(60_001) })
		)) as Failure;
		expect(long.status).toBe(422);
		expect(Object.keys(long.data.errors)).toContain(`section_${key}`);
		expect(await row(id)).toEqual(before);
	});

	it('keeps what was typed after a co-editor saved in between, and shows their version', async () => {
		const before = await row(id);
		// The other tab saved first (version moves on) …
		await save(applicant, id, fields(before.body, { version: String(before.version), title: 'Hun titel' }));
		// … then this one, naming the version it read.
		const stale = (await save(applicant, id, fields(before.body, { version: String(before.version), title: 'Mijn titel' }))) as Failure;
		expect(stale.status).toBe(409);
		expect(stale.data.theirs!.title).toBe('Hun titel');
		expect(stale.data.version).toBe(before.version + 1);
		expect((await row(id)).body.title).toBe('Hun titel');
		// Saving again on the version shown is this person's decision, and it goes through.
		const again = (await save(
			applicant,
			id,
			fields(before.body, { version: String(stale.data.version), title: 'Mijn titel', intent: 'save' })
		)) as Redirect;
		expect(again.status).toBe(303);
		expect((await row(id)).body.title).toBe('Mijn titel');
	});

	it('is unknown to another account, to read and to save', async () => {
		const read = (await outcome(form.load(formPost(`/apply/${id}`, stranger, {}, { params: { id } }) as never))) as { status: number };
		expect(read.status).toBe(404);
		const before = await row(id);
		const posted = (await save(stranger, id, fields(before.body, { version: String(before.version), title: 'Overgenomen' }))) as { status: number };
		expect(posted.status).toBe(404);
		expect(await row(id)).toEqual(before);
	});

	it('submits only once every rule holds; then the Word copy has the title, and strangers get 404', async () => {
		const low = await row(id);
		const refused = (await outcome(
			check.actions.default!(formPost(`/apply/${id}/check`, applicant, { version: String(low.version) }, { params: { id } }))
		)) as Failure;
		expect(refused.status).toBe(422);
		expect((await row(id)).status).toBe('draft');
		// 20 % of 1 000 000 €: the co-financing rule holds.
		await save(applicant, id, fields(body(call.rules, 20_000_000), { version: String(low.version), intent: 'save' }));
		const ready = await row(id);
		const sent = (await outcome(
			check.actions.default!(formPost(`/apply/${id}/check`, applicant, { version: String(ready.version) }, { params: { id } }))
		)) as Redirect;
		expect(sent).toMatchObject({ status: 303, location: `/apply/${id}?submitted` });
		expect((await row(id)).status).toBe('submitted');
		const res = await copy.GET(formPost(`/apply/${id}/copy.docx`, applicant, {}, { params: { id }, locale: 'nl' }) as never);
		expect(res.headers.get('content-type')).toContain('wordprocessingml');
		const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!);
		expect(xml).toContain('Rabot groeit samen');
		const other = (await outcome(copy.GET(formPost(`/apply/${id}/copy.docx`, stranger, {}, { params: { id } }) as never))) as { status: number };
		expect(other.status).toBe(404);
	});
});
