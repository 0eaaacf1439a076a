import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import { fundingExpense, fundingFile, fundingTranche } from '../../src/lib/server/funding/schema.ts';
import { createCall, createProgramme, getProject } from '../../src/lib/server/funding/index.ts';
import { seedDemoProject } from '../../src/lib/server/seed/funding-projects.ts';
import * as detail from '../../src/routes/(work)/funding/projects/[id]/+page.server.ts';
import * as list from '../../src/routes/(work)/funding/projects/+page.server.ts';
import Page from '../../src/routes/(work)/funding/projects/[id]/+page.svelte';
import { render } from 'svelte/server';
import { m } from '../../src/lib/paraglide/messages.js';

// The project page's actions as SvelteKit calls them: amounts as people type them ("1.234,56" yes;
// "-5", "abc", "1,234" a 400 with the field's message), a file too large or not what it says refused
// with nothing stored, overspending recorded and said, an amendment refused naming its rule, the
// confirmation step, and the applicant reading but not writing.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const officer = await makeActor(db, 'officer', { organisationId: org.id });
const stranger = await makeActor(db, 'officer', { organisationId: (await makeOrganisation(db)).id });
const applicant = await makeActor(db, null);
const o = ctxFor(db, officer.actor);
const { id: programmeId } = await createProgramme(o, { organisationId: org.id, name: 'Wijkfonds' });
await createCall(o, { programmeId, template: 'sustainable_contract' });
const { projectId: id } = await seedDemoProject(db, org.id, { officer: officer.user.id, applicant: applicant.user.id });

type Failure = { status: number; data: { errors: Record<string, string>; message?: string; refused?: { rules: { rule: string; pass: boolean }[] } } };
type Redirect = { status: number; location: string };
const act = (name: keyof typeof detail.actions, event: unknown) => outcome(detail.actions[name]!(event as never));
const post = (who: { actor: unknown }, action: string, fields: Array<[string, string]> | Record<string, string>) =>
	formPost(`/funding/projects/${id}?/${action}`, who, fields, { params: { id } });
const rows = async (table: typeof fundingExpense | typeof fundingFile | typeof fundingTranche) =>
	((await db.select({ n: count() }).from(table)) as [{ n: number }])[0].n;

/** A multipart post with a file, as a browser sends the expense form. */
function withFile(who: { actor: unknown }, fields: Record<string, string>, file: { name: string; bytes: Uint8Array<ArrayBuffer>; type: string }) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.append(k, v);
	body.append('file', new File([file.bytes], file.name, { type: file.type }));
	const url = new URL(`/funding/projects/${id}?/expense`, 'http://localhost');
	return { request: new Request(url, { method: 'POST', body }), locals: { actor: who.actor, locale: 'en' }, url, params: { id } } as never;
}

const expense = { line: '2:operations-2', spentOn: '2026-11-02', supplier: 'Drukkerij', description: 'Affiches' };

describe('the project page', () => {
	it('loads for the officer and the applicant; another funder gets 404; the list shows it', async () => {
		const page = (who: { actor: unknown }) =>
			outcome(detail.load({ locals: { actor: who.actor, locale: 'en' }, params: { id }, url: new URL('http://localhost') } as never));
		expect(((await page(officer)) as { project: { manageable: boolean } }).project.manageable).toBe(true);
		expect(((await page(applicant)) as { project: { manageable: boolean } }).project.manageable).toBe(false);
		expect(((await page(stranger)) as { status: number }).status).toBe(404);
		const mine = (await list.load({ locals: { actor: applicant.actor, locale: 'en' }, url: new URL('http://localhost') } as never)) as {
			projects: { id: string }[];
		};
		expect(mine.projects.map((p) => p.id)).toEqual([id]);
	});

	it('reads amounts as people type them and refuses "-5", "abc" and "1,234" with the field message, nothing stored', async () => {
		const before = await rows(fundingExpense);
		for (const amount of ['-5', 'abc', '1,234', '0']) {
			const f = (await act('expense', post(officer, 'expense', { ...expense, amount }))) as Failure;
			expect(f.status, amount).toBe(400);
			expect(f.data.errors.amount).toBe('Give an amount above zero, with at most two decimals.');
		}
		expect(await rows(fundingExpense)).toBe(before);
		const ok = (await act('expense', post(officer, 'expense', { ...expense, amount: '1.234,56' }))) as Redirect;
		expect([ok.status, ok.location]).toEqual([303, `/funding/projects/${id}?done=expense#expenses`]);
		const [last] = await db.select().from(fundingExpense).where(eq(fundingExpense.supplier, 'Drukkerij'));
		expect(last!.amountCents).toBe(123_456);
	});

	it('says when an expense overspends its line, by how much', async () => {
		const r = (await act('expense', post(officer, 'expense', { ...expense, amount: '4.000' }))) as Redirect;
		// 5 000 € planned on operations-2; 1 234,56 € + 4 000 € spent: 234,56 € over.
		expect(r.location).toBe(`/funding/projects/${id}?done=overspent&by=23456#expenses`);
	});

	it('refuses a file that is an executable named .pdf (415) or too large (413), nothing stored', async () => {
		const [files, expenses] = [await rows(fundingFile), await rows(fundingExpense)];
		const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Uint8Array(300)]);
		const f = (await act(
			'expense',
			withFile(officer, { ...expense, amount: '10' }, { name: 'factuur.pdf', bytes: exe, type: 'application/pdf' })
		)) as Failure;
		expect([f.status, f.data.errors.file]).toEqual([415, 'Only a PDF, PNG or JPEG: this file is none of them.']);
		const big = new Uint8Array(6 * 1024 * 1024);
		big.set(new TextEncoder().encode('%PDF-1.7\n'));
		const g = (await act(
			'expense',
			withFile(officer, { ...expense, amount: '10' }, { name: 'groot.pdf', bytes: big, type: 'application/pdf' })
		)) as Failure;
		expect([g.status, g.data.errors.file]).toEqual([413, 'This file is larger than 5 MB.']);
		expect([await rows(fundingFile), await rows(fundingExpense)]).toEqual([files, expenses]);
	});

	it('plans a tranche and refuses one over the grant, saying by how much; the applicant cannot', async () => {
		// 95 000 € granted, 75 000 € planned: 20 000 € fit, 20 000,01 € do not.
		const over = (await act('plan', post(officer, 'plan', { plannedOn: '2027-09-01', amount: '20.000,01', condition: '' }))) as Failure;
		expect(over.status).toBe(422);
		expect(over.data.errors.amount).toBe('The tranches together would be more than the granted amount. That is €0.01 more than the granted amount.');
		expect(((await act('plan', post(applicant, 'plan', { plannedOn: '2027-09-01', amount: '10', condition: '' }))) as Failure).status).toBe(403);
		const ok = (await act('plan', post(officer, 'plan', { plannedOn: '2027-09-01', amount: '20.000', condition: 'Eindverslag' }))) as Redirect;
		expect(ok.status).toBe(303);
	});

	it('refuses an amendment that breaks the decreasing-budget rule, naming it; approves one after the confirmation step', async () => {
		const view = await getProject(o, { id });
		const lines = view.versions[0]!.budget;
		const fields = (amounts: Record<string, string>): Array<[string, string]> => [
			...lines.flatMap((l): Array<[string, string]> => [
				['line', `${l.year}:${l.id}`],
				['category', l.category],
				['description', l.description],
				['amount', amounts[l.id] ?? String(l.amountCents / 100)]
			]),
			['reason', 'Meer voor de overdracht']
		];
		// Year 4 (15 000 €) raised to 25 000 €, year 3's personnel lowered so the total stays: year 4 = year 3.
		const bad = (await act('propose', post(applicant, 'propose', fields({ 'operations-4': '25000', 'personnel-3': '10000' })))) as Failure;
		expect(bad.status).toBe(422);
		expect(bad.data.refused!.rules.filter((r) => !r.pass).map((r) => r.rule)).toEqual(['yearly_decreasing']);
		// Granted 95 000 € of 100 000 €: the investments line (8 000 €, 8 450 € spent) and operations year 2
		// (5 000 €, 5 234,56 € spent above) raised to what was spent, personnel year 1 and year 4 less.
		const amounts = { 'investments-1': '8450', 'personnel-1': '19550', 'operations-2': '5234,56', 'operations-4': '9765,44' };
		const good = (await act('propose', post(applicant, 'propose', fields(amounts)))) as Redirect;
		expect(good.status).toBe(303);
		const decided = (await act('decide', post(officer, 'decide', { version: '2', decision: 'approve', reason: '' }))) as Redirect;
		expect(decided.location).toBe(`/funding/projects/${id}?done=approved#amendments`);
		const after = await getProject(o, { id });
		expect(after.budgetVersion).toBe(2);
		expect(after.budget.lines.find((l) => l.lineId === 'investments-1')).toMatchObject({ overspent: false, remainingCents: 0 });
	});
});

describe('the project page as rendered', () => {
	const html = async (who: { actor: unknown }, search = '', form: unknown = null) => {
		const url = new URL(`http://localhost/funding/projects/${id}${search}`);
		const data = await detail.load({ locals: { actor: who.actor, locale: 'en' }, params: { id }, url } as never);
		return render(Page, { props: { data, form } as never }).body;
	};

	it('shows overspending in words, the officer’s forms, and only reading to the applicant', async () => {
		// 100 € more on operations year 2, whose amended amount is exactly what was spent.
		await act('expense', post(officer, 'expense', { ...expense, amount: '100' }));
		const officerPage = await html(officer);
		expect(officerPage).toContain(m.fund_project_budget_title());
		expect(officerPage).toContain(m.fund_project_overspent({ amount: '@' }).split('@')[0]);
		expect(officerPage).toContain(m.fund_project_within());
		expect(officerPage).toContain(m.fund_expense_record_submit());
		expect(officerPage).toContain('enctype="multipart/form-data"');
		expect(officerPage).toContain(m.fund_expense_download({ name: 'factuur-keukencentrum.pdf' }));
		const applicantPage = await html(applicant);
		expect(applicantPage).toContain(m.fund_project_budget_title());
		expect(applicantPage).not.toContain(m.fund_expense_record_submit());
		expect(applicantPage).not.toContain(m.fund_tranche_mark_paid());
		expect(applicantPage).toContain(m.fund_amend_propose_submit());
	});
});
