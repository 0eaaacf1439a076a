import type { Db } from '../db/index.ts';
import { fundingApplication, fundingApplicationEvent, fundingApplicationVersion } from '../funding/index.ts';
import { applicationTotals, checkApplication } from '../../funding/rules.ts';
import type { ApplicantKind, ApplicationBody, ApplicationStatus, BudgetCategory, CallRules } from '../../funding/types.ts';

// The demo's applications (issue 16), one at each stage an applicant and an officer meet: a draft on the
// improvement contract whose co-financing is too low (the check page says by how much), a submitted one
// on the participatory call, and on the closed sustainable-neighbourhood call one eligible, one in
// review, one ineligible and one withdrawn. Every non-draft one passed every rule when it was sent:
// the seed checks that with the engine itself rather than trusting its own sums.

const DAY = 86_400_000;
const EURO = 100;

// Plain Dutch sentences a neighbourhood group would write; repeated to the length a section wants.
const SENTENCES = [
	'In de wijk wonen veel gezinnen met jonge kinderen en weinig plaats om buiten te spelen.',
	'Bewoners vragen al jaren om een plek waar ze elkaar kunnen ontmoeten zonder iets te moeten kopen.',
	'We werken samen met de school, het wijkcentrum en twee verenigingen uit de buurt.',
	'Elke maand komt een stuurgroep van bewoners samen om de voortgang te bespreken.',
	'We meten hoeveel bewoners meedoen en vragen hen twee keer per jaar wat beter kan.'
];
const text = (words: number) => {
	const out: string[] = [];
	for (let i = 0; out.join(' ').split(' ').length < words; i++) out.push(SENTENCES[i % SENTENCES.length]!);
	return out.join(' ').split(' ').slice(0, words).join(' ');
};

// What a neighbourhood group writes on a budget line of each category (the demo speaks Dutch).
const LINE: Partial<Record<BudgetCategory, string>> = {
	personnel: 'Opbouwwerker, halftijds',
	operations: 'Werking: huur van zalen, verzekering',
	studies: 'Studie van de buurtnoden',
	investments: 'Inrichting van de buurtkeuken',
	material: 'Speelmateriaal en tafels',
	rent: 'Huur van de feestzaal',
	works: 'Plantvakken en banken',
	communication: 'Wijkkrant en affiches'
};

type Plan = { title: string; yearly: number[]; cofinancingShare: number; startFund?: number };

/** A body for these rules: every section at about half its limit, a budget split over the call's categories per year. */
function body(rules: CallRules, plan: Plan): ApplicationBody {
	const categories = rules.categories.filter((c) => c !== 'small_infrastructure') as BudgetCategory[];
	const budget = plan.yearly.flatMap((total, y) =>
		categories.map((category) => ({
			id: `y${y + 1}-${category}`,
			year: y + 1,
			category,
			description: `${LINE[category] ?? category}, jaar ${y + 1}`,
			amountCents: Math.round((total * EURO) / categories.length)
		}))
	);
	const totalCents = budget.reduce((s, l) => s + l.amountCents, 0);
	const cofinancing = Math.ceil(totalCents * plan.cofinancingShare);
	return {
		title: plan.title,
		summary: text(40),
		sections: Object.fromEntries(rules.sections.map((s) => [s.key, text(Math.max(20, Math.floor(s.maxWords / 2)))])),
		budget,
		ownContributionCents: Math.floor(cofinancing / 2),
		startFundCents: plan.startFund ? plan.startFund * EURO : 0,
		partners: [
			{
				id: 'p1',
				name: 'Basisschool De Regenboog',
				role: 'Partner: lokalen en ouderwerking',
				contributionCents: cofinancing - Math.floor(cofinancing / 2),
				partnerId: null
			}
		],
		targetGroups: ['Gezinnen met jonge kinderen', 'Oudere bewoners die alleen wonen'],
		indicators: Array.from({ length: Math.max(1, rules.minIndicators) }, (_, i) => ({
			id: `i${i + 1}`,
			metric: null,
			name: ['Bewoners die meedoen', 'Activiteiten per jaar', 'Nieuwe vrijwilligers'][i % 3]!,
			target: [120, 24, 10][i % 3]!,
			unit: ['bewoners', 'activiteiten', 'vrijwilligers'][i % 3]!
		})),
		risks: [{ id: 'r1', risk: 'Te weinig vrijwilligers in de zomer', mitigation: 'Een beurtrol met de school en het wijkcentrum' }]
	};
}

type Call = { id: string; rules: CallRules };
type Applicant = { userId: string; name: string; kind: ApplicantKind };

/** The demo's applicants: accounts without any role, as an association's or a neighbourhood group's secretary has. */
export const DEMO_APPLICANTS = [
	{ email: 'applicant@example.org', name: 'Buurtwerk De Sleep vzw', kind: 'association' },
	{ email: 'neighbourhood-group@example.org', name: 'Buurtgroep Sleepstraat', kind: 'neighbourhood_group' },
	{ email: 'bike-workshop@example.org', name: 'Fietsatelier Rabot vzw', kind: 'association' },
	{ email: 'garden@example.org', name: 'Tuin van Heden vzw', kind: 'association' },
	// The running project's (seed/funding-projects.ts): granted on the closed call.
	{ email: 'bridge@example.org', name: 'Buurtwerk De Brug vzw', kind: 'association' }
] as const;

export async function seedDemoApplications(
	db: Db,
	organisationId: string,
	calls: Record<'improvement_contract' | 'participatory' | 'sustainable_contract', Call>,
	applicants: Applicant[],
	officerUserId: string,
	now = new Date()
) {
	const make = async (call: Call, who: Applicant, plan: Plan, status: ApplicationStatus, steps: { to: ApplicationStatus; reason?: string }[]) => {
		const b = body(call.rules, plan);
		// Sent a week after the call opened (the closed call's applications were on time, too).
		const sentAt = new Date(Math.min(Date.parse(call.rules.opensAt) + 7 * DAY, now.getTime() - DAY));
		const sent = status !== 'draft';
		if (sent) {
			const failing = checkApplication(call.rules, b, { now: sentAt, applicantKind: who.kind }).filter((r) => !r.pass);
			if (failing.length) throw new Error(`demo application "${plan.title}" breaks ${failing.map((r) => r.rule).join(', ')}`);
		}
		const [row] = await db
			.insert(fundingApplication)
			.values({
				callId: call.id,
				organisationId,
				applicantKind: who.kind,
				applicantName: who.name,
				ownerUserId: who.userId,
				status,
				body: b,
				requestedCents: applicationTotals(call.rules, b).grantCents,
				submittedAt: sent ? sentAt : null
			})
			.returning({ id: fundingApplication.id });
		if (!sent) return;
		await db
			.insert(fundingApplicationVersion)
			.values({ applicationId: row!.id, version: 1, body: b, rules: call.rules, submittedByUserId: who.userId, submittedAt: sentAt });
		let from: ApplicationStatus = 'draft';
		for (const [i, step] of [{ to: 'submitted' as const, reason: undefined }, ...steps].entries()) {
			const actor = step.to === 'submitted' || step.to === 'withdrawn' ? who.userId : officerUserId;
			await db.insert(fundingApplicationEvent).values({
				applicationId: row!.id,
				fromStatus: from,
				toStatus: step.to,
				actorUserId: actor,
				reason: step.reason ?? null,
				at: new Date(sentAt.getTime() + i * DAY)
			});
			from = step.to;
		}
	};
	const [association, group, bikes, garden] = applicants as [Applicant, Applicant, Applicant, Applicant];
	// The draft: 15 % co-financing where the call asks 20 %, so its check page has something to say.
	await make(
		calls.improvement_contract,
		association,
		{ title: 'Rabot leeft samen', yearly: [60_000, 60_000, 50_000, 40_000], cofinancingShare: 0.15 },
		'draft',
		[]
	);
	await make(calls.participatory, group, { title: 'Speelstraat Sleepstraat', yearly: [9_000], cofinancingShare: 0, startFund: 350 }, 'submitted', []);
	const closed = calls.sustainable_contract;
	const yearly = [30_000, 30_000, 20_000, 10_000];
	await make(closed, association, { title: 'Buurtkeuken De Sleep', yearly, cofinancingShare: 0.1 }, 'in_review', [
		{ to: 'eligible' },
		{ to: 'in_review' }
	]);
	await make(closed, bikes, { title: 'Fietsatelier voor jongeren', yearly, cofinancingShare: 0 }, 'eligible', [{ to: 'eligible' }]);
	await make(closed, garden, { title: 'Gedeelde moestuin', yearly, cofinancingShare: 0 }, 'ineligible', [
		{ to: 'ineligible', reason: 'De vereniging is niet in Brussel gevestigd, zoals het reglement vraagt.' }
	]);
	await make(
		closed,
		{ ...group, kind: 'association', name: 'Buurtgroep Sleepstraat vzw' },
		{ title: 'Repair Café op zaterdag', yearly, cofinancingShare: 0 },
		'withdrawn',
		[{ to: 'withdrawn', reason: 'We dienen volgend jaar een groter project in.' }]
	);
}
