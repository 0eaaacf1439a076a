import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { loadActor } from '../access/index.ts';
import {
	fundingApplication,
	fundingApplicationEvent,
	fundingApplicationVersion,
	fundingCall,
	openProject,
	planTranche,
	recordExpense,
	recordTranche
} from '../funding/index.ts';
import type { ApplicationBody, BudgetLine } from '../../funding/types.ts';

// The demo's running project (issue 16, grant follow-up): an association's application to the closed
// sustainable-neighbourhood-contract call, granted 95 000 € (5 000 € less than asked: the officer may
// grant less), with its budget over four years decreasing in the last two, two tranches (the first paid)
// and a few expenses, one with an invoice as a small PDF, one line overspent. The tranches and expenses
// go through the verbs (with their audit rows), as the officer would record them.

const EURO = 100;

/** A one-page PDF saying what it is: "%PDF-" first, so the expense's type check recognises it. */
function invoicePdf(text: string): Uint8Array<ArrayBuffer> {
	const stream = `BT /F1 14 Tf 72 760 Td (${text.replace(/[()\\]/gu, '')}) Tj ET`;
	const parts = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	let pdf = '%PDF-1.4\n';
	const at: number[] = [];
	for (const [i, part] of parts.entries()) {
		at.push(pdf.length);
		pdf += `${i + 1} 0 obj\n${part}\nendobj\n`;
	}
	const xref = pdf.length;
	pdf += `xref\n0 ${parts.length + 1}\n0000000000 65535 f \n${at.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	pdf += `trailer\n<< /Size ${parts.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return new Uint8Array(new TextEncoder().encode(pdf));
}

const line = (id: string, year: number, category: BudgetLine['category'], description: string, euro: number): BudgetLine => ({
	id,
	year,
	category,
	description,
	amountCents: euro * EURO
});

/** The demo project's application: 100 000 € over four years (30 000, 30 000, 25 000, 15 000). */
function demoBody(sections: string[]): ApplicationBody {
	return {
		title: 'Buurtkeuken Rabot',
		summary: 'Een gedeelde keuken waar buren samen koken, leren en elkaar leren kennen.',
		sections: Object.fromEntries(sections.map((key) => [key, 'Bewoners van het Rabot koken elke week samen in het buurthuis.'])),
		budget: [
			line('personnel-1', 1, 'personnel', 'Buurtwerker (halftijds), jaar 1', 20_000),
			line('investments-1', 1, 'investments', 'Inrichting van de keuken', 8_000),
			line('communication-1', 1, 'communication', 'Affiches en wijkkrant in vier talen', 2_000),
			line('personnel-2', 2, 'personnel', 'Buurtwerker (halftijds), jaar 2', 25_000),
			line('operations-2', 2, 'operations', 'Werkingskosten keuken, jaar 2', 5_000),
			line('personnel-3', 3, 'personnel', 'Buurtwerker (halftijds), jaar 3', 20_000),
			line('operations-3', 3, 'operations', 'Werkingskosten keuken, jaar 3', 5_000),
			line('operations-4', 4, 'operations', 'Overdracht aan de bewonersvereniging', 15_000)
		],
		ownContributionCents: 0,
		startFundCents: 0,
		partners: [{ id: 'partner-1', name: 'Buurtwerk De Brug vzw', role: 'begeleidt de kookavonden', contributionCents: 0, partnerId: null }],
		targetGroups: ['families', 'seniors'],
		indicators: [
			{ id: 'indicator-1', metric: null, name: 'Bewoners die meekoken', target: 120, unit: 'bewoners' },
			{ id: 'indicator-2', metric: null, name: 'Nieuwe vrijwilligers', target: 15, unit: 'vrijwilligers' }
		],
		risks: [{ id: 'risk-1', risk: 'De keuken raakt niet op tijd ingericht.', mitigation: 'Eerst koken in de school.' }]
	};
}

/**
 * One running project on the organisation's closed 'sustainable_contract' call (seed/funding.ts makes
 * it). Call it after seedDemoFunding: `await seedDemoProject(db, org.id, { officer: users.officer!, applicant: users.resident! })`.
 */
export async function seedDemoProject(db: Db, organisationId: string, users: { officer: string; applicant: string }, now = new Date()) {
	const [call] = await db
		.select({ id: fundingCall.id, rules: fundingCall.rules, closesAt: fundingCall.closesAt })
		.from(fundingCall)
		.where(and(eq(fundingCall.organisationId, organisationId), eq(fundingCall.template, 'sustainable_contract')))
		.limit(1);
	if (!call) throw new Error('seedDemoProject: no sustainable_contract call (run seedDemoFunding first)');
	const body = demoBody(call.rules.sections.map((s) => s.key));
	const submittedAt = new Date(call.closesAt.getTime() - 3 * 86_400_000);
	const [application] = await db
		.insert(fundingApplication)
		.values({
			callId: call.id,
			organisationId,
			applicantKind: 'association',
			applicantName: 'Buurtwerk De Brug vzw',
			ownerUserId: users.applicant,
			status: 'granted',
			body,
			requestedCents: 100_000 * EURO,
			submittedAt,
			grantedCents: 95_000 * EURO,
			decisionReason: 'Goed plan; de overdracht in jaar 4 mag soberder.',
			decidedAt: new Date(call.closesAt.getTime() + 14 * 86_400_000),
			decidedByUserId: users.officer
		})
		.returning({ id: fundingApplication.id });
	await db
		.insert(fundingApplicationVersion)
		.values({ applicationId: application!.id, version: 1, body, rules: call.rules, submittedByUserId: users.applicant, submittedAt });
	// Its history, as the verbs would have written it: sent, found eligible, reviewed, granted.
	const steps = [
		['draft', 'submitted', users.applicant, null],
		['submitted', 'eligible', users.officer, null],
		['eligible', 'in_review', users.officer, null],
		['in_review', 'granted', users.officer, 'Goed plan; de overdracht in jaar 4 mag soberder.']
	] as const;
	await db.insert(fundingApplicationEvent).values(
		steps.map(([fromStatus, toStatus, actorUserId, reason], i) => ({
			applicationId: application!.id,
			fromStatus,
			toStatus,
			actorUserId,
			reason,
			at: new Date(submittedAt.getTime() + (i === 3 ? 17 : i * 3) * 86_400_000)
		}))
	);

	const actor = await loadActor(db, users.officer);
	if (!actor) throw new Error('seedDemoProject: the officer has no account');
	const ctx = { db, actor };
	const startsOn = new Date(call.closesAt.getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
	const projectId = await db.transaction((tx) =>
		openProject({ db: tx as unknown as Db, actor }, { id: application!.id, organisationId }, 95_000 * EURO, startsOn)
	);
	const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
	const first = await planTranche(ctx, { projectId, plannedOn: startsOn, amountCents: 40_000 * EURO, condition: 'Ondertekende overeenkomst' });
	await planTranche(ctx, { projectId, plannedOn: day(-300), amountCents: 35_000 * EURO, condition: 'Jaarverslag 1 goedgekeurd' });
	await recordTranche(ctx, { trancheId: first.id, paidOn: startsOn, paidCents: 40_000 * EURO });
	await recordExpense(ctx, {
		projectId,
		lineId: 'investments-1',
		year: 1,
		spentOn: day(2),
		amountCents: 8_450 * EURO,
		supplier: 'Keukencentrum Gent',
		description: 'Fornuis, werkbank en koelkast (meer dan gepland: de koelkast moest groter)',
		file: { name: 'factuur-keukencentrum.pdf', content: invoicePdf('Factuur Keukencentrum Gent - 8450 EUR') }
	});
	await recordExpense(ctx, {
		projectId,
		lineId: 'communication-1',
		year: 1,
		spentOn: day(1),
		amountCents: 640 * EURO,
		supplier: 'Drukkerij Rabot',
		description: 'Affiches'
	});
	await recordExpense(ctx, {
		projectId,
		lineId: 'personnel-1',
		year: 1,
		spentOn: day(0),
		amountCents: 1_650 * EURO,
		supplier: 'Buurtwerk De Brug vzw',
		description: 'Loon september'
	});
	return { projectId, applicationId: application!.id };
}
