import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeOrganisation } from '../factories/index.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { fundingBudgetVersion, fundingCall, fundingExpense, fundingFile, fundingTranche } from '../../src/lib/server/funding/schema.ts';
import {
	createCall,
	createProgramme,
	decideAmendment,
	downloadExpenseDocument,
	fundingApplication,
	fundingApplicationVersion,
	getProject,
	getProjectBudget,
	listProjects,
	openProject,
	planTranche,
	proposeAmendment,
	recordExpense,
	recordTranche
} from '../../src/lib/server/funding/index.ts';
import { FUNDING_LIMITS } from '../../src/lib/server/funding/schema.ts';
import { parseAmount } from '../../src/lib/funding/money.ts';
import { seedDemoProject } from '../../src/lib/server/seed/funding-projects.ts';
import { seedDemoFunding } from '../../src/lib/server/seed/funding.ts';
import type { ApplicationBody, BudgetLine } from '../../src/lib/funding/types.ts';

// Grant follow-up on a real PostgreSQL: a granted application becomes a project; tranches within the
// grant, paid once; expenses on the approved budget's lines with documents checked by their bytes;
// amendments that must keep the call's rules; the wall between the applicant, other funders and residents.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const officer = await makeActor(db, 'officer', { organisationId: org.id });
const stranger = await makeActor(db, 'officer', { organisationId: otherOrg.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id });
const applicant = await makeActor(db, null);
const o = ctxFor(db, officer.actor);
const a = ctxFor(db, applicant.actor);

const refused = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		return e as { status: number; key: string; fields?: Record<string, string>; overCents?: number };
	}
	throw new Error('not refused');
};
const rows = async (table: typeof fundingExpense | typeof fundingFile | typeof fundingTranche | typeof coreAudit) =>
	((await db.select({ n: count() }).from(table)) as [{ n: number }])[0].n;

const PDF = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...new Uint8Array(200).fill(32)]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Uint8Array(200)]);

const { id: programmeId } = await createProgramme(o, { organisationId: org.id, name: 'Duurzame wijkcontracten' });
const { id: callId } = await createCall(o, { programmeId, template: 'sustainable_contract', locale: 'nl' });

const line = (id: string, year: number, euro: number, category: BudgetLine['category'] = 'personnel'): BudgetLine => ({
	id,
	year,
	category,
	description: `Lijn ${id}`,
	amountCents: euro * 100
});
// 100 000 € over four years, decreasing in the last two: 30 000, 30 000, 25 000, 15 000.
const BUDGET = [line('a', 1, 20_000), line('b', 1, 10_000, 'operations'), line('c', 2, 30_000), line('d', 3, 25_000), line('e', 4, 15_000)];

async function grantedProject(grantedEuro = 100_000) {
	const [c] = await db.select().from(fundingCall).where(eq(fundingCall.id, callId));
	const rules = c!.rules;
	const body: ApplicationBody = {
		title: 'Buurtkeuken',
		summary: '',
		sections: Object.fromEntries(rules.sections.map((s) => [s.key, 'Bewoners koken samen.'])),
		budget: BUDGET,
		ownContributionCents: 0,
		startFundCents: 0,
		partners: [],
		targetGroups: [],
		indicators: [
			{ id: 'i1', metric: null, name: 'Deelnemers', target: 100, unit: 'p' },
			{ id: 'i2', metric: null, name: 'Vrijwilligers', target: 10, unit: 'p' }
		],
		risks: []
	};
	const [app] = await db
		.insert(fundingApplication)
		.values({
			callId,
			organisationId: org.id,
			applicantKind: 'association',
			applicantName: 'De Brug vzw',
			ownerUserId: applicant.user.id,
			status: 'granted',
			body,
			requestedCents: 10_000_000,
			grantedCents: grantedEuro * 100
		})
		.returning({ id: fundingApplication.id });
	await db.insert(fundingApplicationVersion).values({ applicationId: app!.id, version: 1, body, rules });
	return db.transaction((tx) =>
		openProject({ db: tx as unknown as typeof db, actor: officer.actor }, { id: app!.id, organisationId: org.id }, grantedEuro * 100, '2026-01-01')
	);
}

const projectId = await grantedProject();

describe('a granted application becomes a project', () => {
	it('with budget version 1 = the submitted version, approved, and every total in cents', async () => {
		const [v] = await db.select().from(fundingBudgetVersion).where(eq(fundingBudgetVersion.projectId, projectId));
		expect(v).toMatchObject({ version: 1, status: 'approved' });
		const budget = await getProjectBudget(o, { id: projectId });
		expect(budget.total).toMatchObject({ plannedCents: 10_000_000, spentCents: 0, remainingCents: 10_000_000, overspent: false });
		expect(budget.years.map((y) => y.plannedCents)).toEqual([3_000_000, 3_000_000, 2_500_000, 1_500_000]);
		expect(budget.leftToPayCents).toBe(10_000_000);
	});
});

describe('tranches', () => {
	it('are planned within the grant; one over it is refused saying by how much', async () => {
		const before = await rows(fundingTranche);
		const t1 = await planTranche(o, { projectId, plannedOn: '2026-02-01', amountCents: 6_000_000, condition: 'Overeenkomst getekend' });
		await planTranche(o, { projectId, plannedOn: '2027-02-01', amountCents: 3_000_000, condition: 'Jaarverslag 1' });
		const e = await refused(planTranche(o, { projectId, plannedOn: '2028-02-01', amountCents: 1_000_001 }));
		expect(e.status).toBe(422);
		expect(e.fields).toEqual({ amountCents: 'fund_tranche_error_over_grant' });
		expect(e.overCents).toBe(1);
		expect(await rows(fundingTranche)).toBe(before + 2);
		// Paid once: the second time is a 409 and changes nothing.
		await recordTranche(o, { trancheId: t1.id, paidOn: '2026-02-03', paidCents: 6_000_000 });
		const twice = await refused(recordTranche(o, { trancheId: t1.id, paidOn: '2026-02-04', paidCents: 1 }));
		expect([twice.status, twice.key]).toEqual([409, 'fund_tranche_error_paid']);
		const [row] = await db.select().from(fundingTranche).where(eq(fundingTranche.id, t1.id));
		expect([row!.paidOn, row!.paidCents]).toEqual(['2026-02-03', 6_000_000]);
		// Paid out, the tranches never exceed the grant either: 6 000 000 + 4 000 001 is 1 cent too much.
		const [t2] = await db.select().from(fundingTranche).where(eq(fundingTranche.plannedOn, '2027-02-01'));
		const long = await refused(recordTranche(o, { trancheId: t2!.id, paidOn: '2027-02-02', paidCents: 4_000_001 }));
		expect([long.status, long.fields, long.overCents]).toEqual([422, { paidCents: 'fund_tranche_error_over_grant' }, 1]);
		const budget = await getProjectBudget(o, { id: projectId });
		expect(budget.tranches).toEqual({ plannedCents: 9_000_000, paidCents: 6_000_000, unplannedCents: 1_000_000 });
		expect(budget.leftToPayCents).toBe(4_000_000);
	});
});

describe('expenses', () => {
	const expense = { projectId, lineId: 'b', year: 1, spentOn: '2026-03-01', supplier: 'Drukkerij', description: 'Affiches' };

	it('on an unknown line or a year the line is not in: 422, nothing stored', async () => {
		const before = await rows(fundingExpense);
		for (const [lineId, year] of [
			['zz', 1],
			['b', 2]
		] as const)
			expect((await refused(recordExpense(o, { ...expense, lineId, year, amountCents: 100 }))).fields).toEqual({ lineId: 'fund_expense_error_line' });
		expect(await rows(fundingExpense)).toBe(before);
	});

	it('a 20 MB file is 413 and an executable renamed .pdf is 415, nothing stored', async () => {
		const [files, expenses] = [await rows(fundingFile), await rows(fundingExpense)];
		const big = new Uint8Array(20 * 1024 * 1024);
		big.set(PDF);
		const tooBig = await refused(recordExpense(o, { ...expense, amountCents: 100, file: { name: 'factuur.pdf', content: big } }));
		expect([tooBig.status, tooBig.fields]).toEqual([413, { file: 'fund_expense_error_file_size' }]);
		const exe = await refused(recordExpense(o, { ...expense, amountCents: 100, file: { name: 'factuur.pdf', content: EXE } }));
		expect([exe.status, exe.fields]).toEqual([415, { file: 'fund_expense_error_file_type' }]);
		expect([await rows(fundingFile), await rows(fundingExpense)]).toEqual([files, expenses]);
		expect(FUNDING_LIMITS.fileMaxBytes).toBeLessThan(big.byteLength);
	});

	it('bad amounts as the page reads them ("-5", "abc", "1,234") never reach the verb; zero or fractions are 422', async () => {
		expect(parseAmount('-5')).toEqual({ ok: false, problem: 'negative' });
		expect(parseAmount('abc')).toEqual({ ok: false, problem: 'not_a_number' });
		expect(parseAmount('1,234')).toEqual({ ok: false, problem: 'too_many_decimals' });
		for (const amountCents of [0, -500, 1.5, Number.NaN])
			expect((await refused(recordExpense(o, { ...expense, amountCents }))).fields).toEqual({ amountCents: 'fund_expense_error_amount' });
	});

	it('are recorded with their document, and overspending is allowed but flagged', async () => {
		const auditsBefore = await rows(coreAudit);
		const first = await recordExpense(o, { ...expense, amountCents: 900_000, file: { name: 'factuur.pdf', content: PDF } });
		expect(first).toMatchObject({ plannedCents: 1_000_000, spentCents: 900_000, remainingCents: 100_000, overspent: false });
		const second = await recordExpense(o, { ...expense, amountCents: 200_000 });
		expect(second).toMatchObject({ spentCents: 1_100_000, remainingCents: -100_000, overspent: true });
		expect(await rows(coreAudit)).toBe(auditsBefore + 2);
		const budget = await getProjectBudget(a, { id: projectId });
		expect(budget.lines.find((l) => l.lineId === 'b')).toMatchObject({ overspent: true, remainingCents: -100_000 });
		expect(budget.years[0]).toMatchObject({ spentCents: 1_100_000, overspent: false });
		const doc = await downloadExpenseDocument(a, { projectId, expenseId: first.id });
		expect(doc.mediaType).toBe('application/pdf');
		expect(Buffer.from(doc.content).equals(Buffer.from(PDF))).toBe(true);
		expect((await refused(downloadExpenseDocument(ctxFor(db, stranger.actor), { projectId, expenseId: first.id }))).status).toBe(404);
	});
});

describe('budget amendments', () => {
	it('one that breaks the decreasing-budget rule is refused naming the rule; nothing is stored', async () => {
		// Year 4 as much as year 3 (line b kept above the 11 000 € spent on it, the total at 100 000 €).
		const amounts: Record<string, number> = { a: 900_000, b: 1_100_000, e: 2_500_000 };
		const flat = BUDGET.map((l) => ({ ...l, amountCents: amounts[l.id] ?? l.amountCents }));
		const e = await refused(proposeAmendment(a, { projectId, body: { budget: flat }, reason: 'Jaar 4 meer' }));
		expect(e.status).toBe(422);
		expect(e.fields).toEqual({ 'rules.yearly_decreasing.4': 'fund_amend_error_rule' });
		expect((await db.select().from(fundingBudgetVersion).where(eq(fundingBudgetVersion.projectId, projectId))).length).toBe(1);
	});

	it('a line below what was spent on it, or more than the grant, is refused', async () => {
		const below = BUDGET.map((l) =>
			l.id === 'b' ? { ...l, amountCents: 1_000_000 - 500_000 } : l.id === 'a' ? { ...l, amountCents: 2_500_000 } : l
		);
		expect((await refused(proposeAmendment(a, { projectId, body: { budget: below }, reason: 'x' }))).fields).toEqual({
			'spent.b.1': 'fund_amend_error_below_spent'
		});
		// Granted 90 000 € of the 100 000 € asked: the asked budget itself, under the call's cap, is too much.
		const less = await grantedProject(90_000);
		expect((await refused(proposeAmendment(a, { projectId: less, body: { budget: BUDGET }, reason: 'x' }))).fields).toEqual({
			grant: 'fund_amend_error_over_granted'
		});
	});

	it('approved by the officer, it becomes the budget in force; one proposal at a time; decided once', async () => {
		// Line b (overspent by 1 000 €) gets 2 000 € more; line a 2 000 € less.
		const moved = BUDGET.map((l) => (l.id === 'b' ? { ...l, amountCents: 1_200_000 } : l.id === 'a' ? { ...l, amountCents: 1_800_000 } : l));
		const p = await proposeAmendment(a, { projectId, body: { budget: moved }, reason: 'De affiches kostten meer' });
		expect(p).toEqual({ projectId, version: 2, status: 'proposed' });
		expect((await refused(proposeAmendment(a, { projectId, body: { budget: moved }, reason: 'nog eens' }))).key).toBe('fund_amend_error_pending');
		// Not in force until approved; the applicant cannot approve.
		expect((await getProject(a, { id: projectId })).budgetVersion).toBe(1);
		expect((await refused(decideAmendment(a, { projectId, version: 2, approve: true }))).status).toBe(403);
		await decideAmendment(o, { projectId, version: 2, approve: true });
		const view = await getProject(a, { id: projectId });
		expect(view.budgetVersion).toBe(2);
		expect(view.budget.lines.find((l) => l.lineId === 'b')).toMatchObject({ plannedCents: 1_200_000, overspent: false, remainingCents: 100_000 });
		expect((await refused(decideAmendment(o, { projectId, version: 2, approve: false, reason: 'toch niet' }))).status).toBe(409);
		// A refusal needs a reason and leaves the budget in force as it was.
		const p3 = await proposeAmendment(o, {
			projectId,
			body: { budget: moved.map((l) => (l.id === 'c' ? { ...l, amountCents: 2_999_900 } : l)) },
			reason: 'Kleiner'
		});
		expect((await refused(decideAmendment(o, { projectId, version: p3.version, approve: false }))).fields).toEqual({ reason: 'error_required' });
		await decideAmendment(o, { projectId, version: p3.version, approve: false, reason: 'Geen reden' });
		expect((await getProject(o, { id: projectId })).budgetVersion).toBe(2);
	});
});

describe('who may do what', () => {
	it('the applicant reads their project but cannot record; another funder is 404; a resident 403 or 404', async () => {
		const view = await getProject(a, { id: projectId });
		expect([view.manageable, view.title]).toEqual([false, 'Buurtkeuken']);
		expect((await listProjects(a)).map((p) => p.id)).toContain(projectId);
		const expense = { projectId, lineId: 'a', year: 1, spentOn: '2026-03-01', amountCents: 100, supplier: 'X' };
		const [tranche] = await db.select().from(fundingTranche).where(eq(fundingTranche.projectId, projectId));
		for (const ctx of [a, ctxFor(db, resident.actor)]) {
			expect((await refused(recordExpense(ctx, expense))).status).toBe(403);
			expect((await refused(planTranche(ctx, { projectId, plannedOn: '2026-05-01', amountCents: 1 }))).status).toBe(403);
			expect((await refused(recordTranche(ctx, { trancheId: tranche!.id, paidOn: '2026-05-01', paidCents: 1 }))).status).toBe(403);
		}
		const s = ctxFor(db, stranger.actor);
		expect((await refused(getProject(s, { id: projectId }))).status).toBe(404);
		expect((await refused(getProjectBudget(s, { id: projectId }))).status).toBe(404);
		expect((await refused(recordExpense(s, expense))).status).toBe(404);
		expect((await refused(planTranche(s, { projectId, plannedOn: '2026-05-01', amountCents: 1 }))).status).toBe(404);
		expect(await listProjects(s)).toEqual([]);
		const r = ctxFor(db, resident.actor);
		expect((await refused(getProject(r, { id: projectId }))).status).toBe(404);
		expect((await refused(proposeAmendment(r, { projectId, body: { budget: BUDGET }, reason: 'x' }))).status).toBe(404);
		expect(await listProjects(r)).toEqual([]);
		expect((await listProjects(o)).map((p) => p.id)).toContain(projectId);
	});
});

describe('the demo project', () => {
	it('is a running project with two tranches (one paid) and expenses, one with a PDF and one line overspent', async () => {
		const { projectId: demo } = await seedDemoProject(db, org.id, { officer: officer.user.id, applicant: applicant.user.id });
		const view = await getProject(o, { id: demo });
		expect(view.tranches.map((t) => t.paidCents !== null)).toEqual([true, false]);
		expect(view.expenses.length).toBe(3);
		expect(view.expenses.filter((e) => e.file?.mediaType === 'application/pdf').length).toBe(1);
		expect(view.budget.lines.filter((l) => l.overspent).map((l) => l.lineId)).toEqual(['investments-1']);
		expect(view.budget.leftToPayCents).toBe(5_500_000);
	});

	it('runs after the demo funding seed, on its closed sustainable-contract call', async () => {
		const demoOrg = await makeOrganisation(db);
		const demoOfficer = await makeActor(db, 'officer', { organisationId: demoOrg.id });
		const { calls } = await seedDemoFunding(db, demoOrg.id, demoOfficer.user.id);
		const { projectId: demo } = await seedDemoProject(db, demoOrg.id, { officer: demoOfficer.user.id, applicant: applicant.user.id });
		const view = await getProject(ctxFor(db, demoOfficer.actor), { id: demo });
		const [app] = await db.select().from(fundingApplication).where(eq(fundingApplication.id, view.applicationId));
		expect([app!.callId, app!.status]).toEqual([calls.sustainable_contract.id, 'granted']);
		expect(view.budget.tranches.paidCents).toBe(4_000_000);
	});
});
