import { afterEach, describe, expect, it, vi } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeOrganisation } from '../factories/index.ts';
import { anonymous } from '../../src/lib/server/core/index.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { fundingApplication, fundingApplicationEvent, fundingApplicationVersion, fundingEditor } from '../../src/lib/server/funding/schema.ts';
import {
	createApplication,
	createCall,
	createProgramme,
	getApplication,
	getApplicationVersion,
	getCall,
	listMyApplications,
	publishCall,
	submitApplication,
	updateApplication,
	validateApplication,
	withdrawApplication
} from '../../src/lib/server/funding/index.ts';
import { movePhase } from '../../src/lib/funding/phases.ts';
import { APPLICANT_STEPS, applicationMachine, isOpen } from '../../src/lib/server/funding/status.ts';
import { APPLICATION_STATUSES, type ApplicationBody, type ApplicationStatus, type CallRules } from '../../src/lib/funding/types.ts';

// Applications on a real PostgreSQL: started on an open call, saved with optimistic locking, submitted
// only when every rule holds and before the deadline (to the second, on the night the clocks change),
// frozen once submitted; unknown (404) to everyone but their applicants and the call's officers.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const association = await makeOrganisation(db, 'Buurtwerk Rabot');
const officer = await makeActor(db, 'officer', { organisationId: org.id });
const stranger = await makeActor(db, 'officer', { organisationId: otherOrg.id });
const applicant = await makeActor(db, 'resident', { organisationId: association.id });
const coEditor = await makeActor(db, null);
const other = await makeActor(db, null);
const o = ctxFor(db, officer.actor);
const a = ctxFor(db, applicant.actor);

type Refusal = { status: number; key: string; fields?: Record<string, string> };
const refused = async (p: Promise<unknown>): Promise<Refusal> => {
	try {
		await p;
	} catch (e) {
		return e as Refusal;
	}
	throw new Error('not refused');
};
const appRow = async (id: string) => (await db.select().from(fundingApplication).where(eq(fundingApplication.id, id)))[0]!;
const audits = async () => ((await db.select({ n: count() }).from(coreAudit)) as [{ n: number }])[0].n;
const events = (id: string) => db.select().from(fundingApplicationEvent).where(eq(fundingApplicationEvent.applicationId, id));

const { id: programmeId } = await createProgramme(o, { organisationId: org.id, name: 'Wijkfonds' });

/** A published improvement-contract call (10 sections, 20 % co-financing, ≤ 20 % small infrastructure). */
async function openCall(change: (r: CallRules) => Partial<CallRules> = () => ({})) {
	const made = await createCall(o, { programmeId, template: 'improvement_contract', opensAt: new Date(Date.now() - 3_600_000).toISOString() });
	const call = await getCall(o, { id: made.id });
	const rules = { ...call.rules, ...change(call.rules) };
	const { updateCall } = await import('../../src/lib/server/funding/index.ts');
	await updateCall(o, { id: made.id, version: made.version, title: call.title, summary: call.summary, rules });
	await publishCall(o, { id: made.id });
	return getCall(o, { id: made.id });
}

/** A body that meets every rule of the improvement contract: 1 000 000 € total, 25 % co-financed. */
function goodBody(rules: CallRules): ApplicationBody {
	return {
		title: 'Rabot groeit samen',
		summary: 'Meer groen en ontmoeting.',
		sections: Object.fromEntries(rules.sections.map((s) => [s.key, 'Een wijk met veel jonge gezinnen en weinig groen.'])),
		budget: [
			{ id: 'l1', year: 1, category: 'personnel', description: 'Opbouwwerker', amountCents: 40_000_000 },
			{ id: 'l2', year: 2, category: 'investments', description: 'Plein', amountCents: 50_000_000 },
			{ id: 'l3', year: 3, category: 'small_infrastructure', description: 'Banken', amountCents: 10_000_000 }
		],
		ownContributionCents: 20_000_000,
		startFundCents: 0,
		partners: [{ id: 'p1', name: 'Buurtwerk', role: 'partner', contributionCents: 5_000_000, partnerId: null }],
		targetGroups: ['Jonge gezinnen'],
		indicators: ['a', 'b', 'c'].map((id) => ({ id, metric: null, name: `Indicator ${id}`, target: 10, unit: 'mensen' })),
		risks: []
	};
}

const call = await openCall();
const start = (ctx = a, extra: Record<string, unknown> = {}) =>
	createApplication(ctx, { callId: call.id, applicantKind: 'association', applicantName: 'Buurtwerk Rabot', ...extra });

afterEach(() => {
	vi.useRealTimers();
});

describe('the status machine', () => {
	it('allows only its table of steps, and the applicant takes only submit and withdraw', () => {
		const allowed: string[] = [];
		for (const from of APPLICATION_STATUSES)
			for (const to of APPLICATION_STATUSES) if (applicationMachine.canStep(from, to)) allowed.push(`${from}→${to}`);
		expect(allowed.sort()).toEqual(
			[
				'draft→submitted',
				'draft→withdrawn',
				'submitted→eligible',
				'submitted→ineligible',
				'submitted→withdrawn',
				'eligible→in_review',
				'eligible→withdrawn',
				'in_review→awaiting_information',
				'in_review→granted',
				'in_review→rejected',
				'in_review→withdrawn',
				'awaiting_information→in_review',
				'awaiting_information→withdrawn'
			].sort()
		);
		expect([...APPLICANT_STEPS].sort()).toEqual(['submitted', 'withdrawn']);
		expect(APPLICATION_STATUSES.filter((s) => !isOpen(s)).sort()).toEqual(['granted', 'ineligible', 'rejected', 'withdrawn']);
	});
});

describe('an application', () => {
	let id = '';
	it('starts blank, in draft, with the actor’s locale and a first event', async () => {
		const out = await start(a, { applicantOrganisationId: association.id });
		id = out.id;
		expect(out.version).toBe(1);
		const row = await appRow(id);
		expect(row).toMatchObject({ status: 'draft', ownerUserId: applicant.user.id, organisationId: org.id, applicantOrganisationId: association.id });
		// (jsonb keeps keys in its own order)
		expect(Object.keys(row.body.sections).sort()).toEqual(call.rules.sections.map((s) => s.key).sort());
		expect((await events(id)).map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, 'draft']]);
	});

	it('one per applicant: the same organisation again is a 409 that says so; a withdrawn one does not count', async () => {
		const e = await refused(start(a, { applicantOrganisationId: association.id }));
		expect([e.status, e.key]).toEqual([409, 'fund_app_error_one_per_applicant']);
		// Applying for an organisation one has no role in is refused on the field.
		expect((await refused(start(ctxFor(db, other.actor), { applicantOrganisationId: association.id }))).fields).toEqual({
			applicantOrganisationId: 'fund_app_error_organisation'
		});
	});

	it('refuses a kind the call does not take, a call not open, and nobody signed in', async () => {
		expect((await refused(start(a, { applicantKind: 'neighbourhood_group' }))).fields).toEqual({ applicantKind: 'fund_app_error_kind' });
		const draft = await createCall(o, { programmeId, template: 'participatory' });
		// A draft call is unknown to an applicant; its officer is told it is not open.
		expect((await refused(createApplication(a, { callId: draft.id, applicantKind: 'association', applicantName: 'X' }))).status).toBe(404);
		expect((await refused(createApplication(o, { callId: draft.id, applicantKind: 'association', applicantName: 'X' }))).fields).toEqual({
			callId: 'fund_app_error_call_closed'
		});
		expect((await refused(start(ctxFor(db, anonymous)))).status).toBe(401);
	});

	it('saves drafts that break rules, copies the grant asked, and a stale save is a 409 with nothing changed', async () => {
		const body = { ...goodBody(call.rules), ownContributionCents: 0, partners: [] };
		const saved = await updateApplication(a, { id, version: 1, body });
		expect(saved.version).toBe(2);
		const row = await appRow(id);
		expect(row.requestedCents).toBe(100_000_000);
		const view = await getApplication(a, { id });
		expect(view.submittable).toBe(false);
		expect(view.results.find((r) => r.rule === 'cofinancing_min')?.pass).toBe(false);
		const auditsBefore = await audits();
		const e = await refused(updateApplication(a, { id, version: 1, body: goodBody(call.rules) }));
		expect([e.status, e.key]).toEqual([409, 'fund_app_error_stale']);
		expect(await appRow(id)).toEqual(row);
		expect(await audits()).toBe(auditsBefore);
	});

	it('refuses submitting with a failing rule (422 naming it) and changes nothing', async () => {
		const before = await appRow(id);
		const e = await refused(submitApplication(a, { id, version: before.version }));
		expect(e.status).toBe(422);
		expect(e.key).toBe('fund_app_error_rules');
		// Without co-financing the grant asked is the whole 1 000 000 €: above the 800 000 € cap too.
		expect(e.fields).toEqual({ 'rules.cofinancing_min': 'fund_app_error_rule', 'rules.grant_max': 'fund_app_error_rule' });
		expect((e as unknown as { results: { rule: string }[] }).results.map((r) => r.rule)).toEqual(['grant_max', 'cofinancing_min']);
		expect(await appRow(id)).toEqual(before);
		expect(await db.select().from(fundingApplicationVersion).where(eq(fundingApplicationVersion.applicationId, id))).toEqual([]);
	});

	it('refuses bad input with 422 and nothing changed: non-integer cents, a negative amount, a 60 001-character section, an unknown field', async () => {
		const before = await appRow(id);
		const body = goodBody(call.rules);
		const firstSection = call.rules.sections[0]!.key;
		const cases: [unknown, string][] = [
			[{ ...body, ownContributionCents: 100.5 }, 'fund_app_error_amount'],
			[{ ...body, budget: [{ ...body.budget[0]!, amountCents: -1 }] }, 'fund_app_error_amount'],
			[{ ...body, sections: { ...body.sections, [firstSection]: 'a'.repeat(60_001) } }, 'fund_app_error_section_long'],
			[{ ...body, extra: 1 }, 'error_invalid']
		];
		for (const [bad, key] of cases) {
			const e = await refused(updateApplication(a, { id, version: before.version, body: bad } as never));
			expect(e.status).toBe(422);
			expect(
				Object.values(e.fields ?? {}).some((v) => v === key || key === 'error_invalid'),
				JSON.stringify(e.fields)
			).toBe(true);
		}
		// 60 000 characters exactly is still a valid shape (the word limit is the engine's).
		const fits = await updateApplication(a, {
			id,
			version: before.version,
			body: { ...body, sections: { ...body.sections, [firstSection]: 'a'.repeat(60_000) } }
		});
		expect(fits.version).toBe(before.version + 1);
		await updateApplication(a, { id, version: fits.version, body });
	});

	it('validates a body without saving, on the server clock', async () => {
		const before = await appRow(id);
		const out = await validateApplication(a, { callId: call.id, applicantKind: 'association', body: goodBody(call.rules) });
		expect(out.pass).toBe(true);
		expect(out.totals).toMatchObject({ totalCents: 100_000_000, cofinancingCents: 25_000_000, grantCents: 75_000_000 });
		const bad = await validateApplication(a, { callId: call.id, applicantKind: 'city', body: { ...goodBody(call.rules), title: '' } });
		expect(bad.results.filter((r) => !r.pass).map((r) => r.rule)).toEqual(['title_required']);
		expect(await appRow(id)).toEqual(before);
	});

	it('is unknown (404) to another applicant and to another funder’s officer; the call’s officer reads but cannot edit', async () => {
		const row = await appRow(id);
		for (const actor of [other.actor, stranger.actor]) {
			const c = ctxFor(db, actor);
			expect((await refused(getApplication(c, { id }))).status).toBe(404);
			expect((await refused(updateApplication(c, { id, version: row.version, body: goodBody(call.rules) }))).status).toBe(404);
			expect((await refused(submitApplication(c, { id, version: row.version }))).status).toBe(404);
			expect((await refused(withdrawApplication(c, { id, reason: 'x' }))).status).toBe(404);
			expect(await listMyApplications(c)).toEqual([]);
		}
		const seen = await getApplication(o, { id });
		expect(seen).toMatchObject({ isOwner: false, editable: false, submittable: false });
		expect((await refused(updateApplication(o, { id, version: row.version, body: goodBody(call.rules) }))).status).toBe(403);
		expect(await appRow(id)).toEqual(row);
	});

	it('an accepted co-editor edits and lists it; an invitation not yet accepted gives nothing', async () => {
		const c = ctxFor(db, coEditor.actor);
		await db.insert(fundingEditor).values({
			applicationId: id,
			email: coEditor.email,
			tokenHash: 'pending',
			userId: coEditor.user.id,
			expiresAt: new Date(Date.now() + 86_400_000)
		});
		expect((await refused(getApplication(c, { id }))).status).toBe(404);
		await db.update(fundingEditor).set({ acceptedAt: new Date() }).where(eq(fundingEditor.tokenHash, 'pending'));
		const row = await appRow(id);
		const out = await updateApplication(c, { id, version: row.version, body: { ...goodBody(call.rules), title: 'Samen Rabot' } });
		expect(out.version).toBe(row.version + 1);
		expect((await listMyApplications(c)).map((i) => [i.id, i.title])).toEqual([[id, 'Samen Rabot']]);
		expect(await getApplication(c, { id })).toMatchObject({ isOwner: false, editable: true, submittable: true });
		// Withdrawing is the owner's decision alone.
		expect((await refused(withdrawApplication(c, { id, reason: 'Toch niet' }))).status).toBe(403);
	});

	it('submits once every rule holds: frozen with the rules, an event, and no more editing (409)', async () => {
		const row = await appRow(id);
		const stale = await refused(submitApplication(a, { id, version: row.version - 1 }));
		expect([stale.status, stale.key]).toEqual([409, 'fund_app_error_stale']);
		const out = await submitApplication(a, { id, version: row.version });
		expect(out).toEqual({ id, status: 'submitted', version: row.version });
		const [frozen] = await db.select().from(fundingApplicationVersion).where(eq(fundingApplicationVersion.applicationId, id));
		expect(frozen).toMatchObject({ version: row.version, body: row.body, rules: call.rules, submittedByUserId: applicant.user.id });
		const after = await appRow(id);
		expect(after.status).toBe('submitted');
		expect(after.submittedAt).not.toBeNull();
		const e = await refused(updateApplication(a, { id, version: after.version, body: goodBody(call.rules) }));
		expect([e.status, e.key]).toEqual([409, 'fund_app_error_not_editable']);
		const again = await refused(submitApplication(a, { id, version: after.version }));
		expect([again.status, again.key]).toEqual([409, 'fund_app_error_step']);
		expect(await appRow(id)).toEqual(after);
		const view = await getApplication(a, { id });
		expect(view).toMatchObject({ status: 'submitted', editable: false, submittable: false, isOwner: true });
		expect(view.versions.map((v) => v.version)).toEqual([row.version]);
		expect(view.events.map((ev) => ev.toStatus)).toEqual(['draft', 'submitted']);
		const copy = await getApplicationVersion(a, { id, version: row.version });
		expect(copy).toMatchObject({ version: row.version, body: row.body, callTitle: call.title, applicantName: 'Buurtwerk Rabot' });
		expect((await refused(getApplicationVersion(a, { id, version: row.version + 5 }))).status).toBe(404);
		expect((await refused(getApplicationVersion(ctxFor(db, other.actor), { id, version: row.version }))).status).toBe(404);
		expect((await getApplicationVersion(o, { id, version: row.version })).version).toBe(row.version);
	});

	it('is withdrawn by its owner with a reason, logged; then every step is refused', async () => {
		expect((await refused(withdrawApplication(a, { id, reason: '  ' }))).fields).toEqual({ reason: 'error_required' });
		await withdrawApplication(a, { id, reason: 'Ander fonds gevonden' });
		const ev = await events(id);
		expect(ev.at(-1)).toMatchObject({
			fromStatus: 'submitted',
			toStatus: 'withdrawn',
			reason: 'Ander fonds gevonden',
			actorUserId: applicant.user.id
		});
		const row = await appRow(id);
		expect((await refused(withdrawApplication(a, { id, reason: 'Nog eens' }))).key).toBe('fund_app_error_step');
		expect((await refused(submitApplication(a, { id, version: row.version }))).key).toBe('fund_app_error_step');
		expect((await refused(updateApplication(a, { id, version: row.version, body: goodBody(call.rules) }))).key).toBe('fund_app_error_not_editable');
		expect(await appRow(id)).toEqual(row);
		// Withdrawn, it no longer counts for one-per-applicant.
		expect((await start(a, { applicantOrganisationId: association.id })).version).toBe(1);
	});
});

describe('every refused status step of the applicant', () => {
	it('submits only from draft (→ submitted) or awaiting information (→ in review), withdraws only from an open status', async () => {
		const c = await openCall((r) => ({ onePerApplicant: false, applicantKinds: [...r.applicantKinds] }));
		for (const status of APPLICATION_STATUSES) {
			const { id } = await createApplication(a, { callId: c.id, applicantKind: 'city', applicantName: 'Stad' });
			const saved = await updateApplication(a, { id, version: 1, body: goodBody(c.rules) });
			await db.update(fundingApplication).set({ status }).where(eq(fundingApplication.id, id));
			const before = await appRow(id);
			const submit = refused(submitApplication(a, { id, version: saved.version }));
			const expected: Partial<Record<ApplicationStatus, ApplicationStatus>> = { draft: 'submitted', awaiting_information: 'in_review' };
			if (expected[status]) {
				await expect(submit).rejects.toThrow('not refused');
				expect((await appRow(id)).status).toBe(expected[status]);
			} else {
				expect((await submit).key, status).toBe('fund_app_error_step');
				expect(await appRow(id)).toEqual(before);
			}
			const mid = await appRow(id);
			const w = await withdrawApplication(a, { id, reason: 'test' }).then(
				() => 'withdrawn',
				(e: Refusal) => e.key
			);
			expect(w, status).toBe(isOpen(mid.status) ? 'withdrawn' : 'fund_app_error_step');
			if (!isOpen(mid.status)) expect(await appRow(id)).toEqual(mid);
		}
	});
});

describe('the deadline, to the second, on the night the clocks go back (Europe/Brussels, 2026-10-25)', () => {
	it('takes a submission at the closing instant and refuses one a second later, nothing changed', async () => {
		// 02:30 happens twice that night; the call closes at the second one (CET, +01:00) = 01:30 UTC.
		const closesAt = '2026-10-25T02:30:00+01:00';
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2026-10-20T10:00:00Z'));
		const c = await openCall((r) => ({
			opensAt: '2026-10-20T09:00:00Z',
			closesAt,
			onePerApplicant: false,
			phases: movePhase(movePhase(r.phases, { index: 0, edge: 'start', day: '2026-10-20' }).phases, { index: 0, edge: 'end', day: '2026-10-25' })
				.phases
		}));
		const body = goodBody(c.rules);
		const make = async () => {
			const { id } = await createApplication(a, { callId: c.id, applicantKind: 'association', applicantName: 'Buurtwerk' });
			return { id, version: (await updateApplication(a, { id, version: 1, body })).version };
		};
		const onTime = await make();
		const late = await make();
		// The first 02:30 (CEST, +02:00) plus a second is an hour before the deadline: still on time.
		const early = await make();
		vi.setSystemTime(new Date('2026-10-25T00:30:01Z'));
		expect((await submitApplication(a, early)).status).toBe('submitted');
		vi.setSystemTime(new Date(closesAt));
		expect((await submitApplication(a, onTime)).status).toBe('submitted');
		vi.setSystemTime(new Date(Date.parse(closesAt) + 1000));
		const before = await appRow(late.id);
		const e = await refused(submitApplication(a, late));
		expect(e.status).toBe(422);
		expect(e.fields).toEqual({ 'rules.deadline_closed': 'fund_app_error_rule' });
		expect(await appRow(late.id)).toEqual(before);
		expect(
			await db
				.select()
				.from(fundingApplicationVersion)
				.where(and(eq(fundingApplicationVersion.applicationId, late.id)))
		).toEqual([]);
	});
});
