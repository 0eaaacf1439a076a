import { countWords } from '../../src/lib/words.ts';
import type { CheckContext } from '../../src/lib/funding/rules.ts';
import type { ApplicationBody, BudgetCategory, BudgetLine, CallRules } from '../../src/lib/funding/types.ts';

// A big, valid application for any call's rules: every year of the project, 200 budget lines, every
// section written up to its word limit (at most 1 000 words) in ordinary Dutch, partners, indicators and
// risks. Deterministic (no randomness, no clock): the bench and the tests measure the same application.
// On the neighbourhood improvement contract: a grant of exactly 800 000 €, co-financing of 20 % of the
// total cost, 15 % of the grant on small infrastructure, a budget that decreases year by year.

export type BigOptions = {
	/** Budget lines, spread evenly over the years (default 200). */
	lines?: number;
	/** Words in every section; default: each section's limit, at most 1 000 (so it passes). */
	sectionWords?: number;
	/** The grant asked (cents); default the call's cap, at most 800 000 €. */
	grantCents?: number;
	/** Co-financing as a share of the total cost (basis points); default the call's minimum, else none. */
	cofinancingBp?: number;
};

const SENTENCES = [
	'De wijk telt veel jonge gezinnen en alleenstaande ouderen die elkaar weinig ontmoeten.',
	'Op het plein achter de school spelen kinderen tot laat, maar er is geen bank, geen schaduw en geen kraan.',
	'Bewoners vragen al jaren om een plek waar ze samen kunnen koken, herstellen en praten.',
	'Het buurthuis opent daarom drie avonden per week de keuken voor wie wil meedoen.',
	'Vrijwilligers van de vereniging begeleiden de activiteiten en leren nieuwe buren de weg in de wijk.',
	'We meten elk kwartaal hoeveel bewoners deelnemen en of ze zich beter thuis voelen in hun straat.',
	'Samen met de stad leggen we een moestuin aan op het braakliggende terrein langs de spoorweg.',
	'Jongeren helpen mee met de werken en krijgen zo een eerste ervaring op de werkvloer.',
	'De stuurgroep met bewoners, partners en de stad komt elke twee maanden samen en stuurt bij waar nodig.',
	'Na vier jaar draagt een bewonersvereniging de werking, met steun van het buurtwerk en de school.',
	'Een risico is dat vooral bewoners komen die al actief zijn; daarom gaan we ook aan huis langs.',
	'Anderstalige bewoners krijgen uitleg in hun eigen taal, met hulp van tolken en sleutelfiguren.'
];
const TOKENS = SENTENCES.join(' ').split(' ');

/** Exactly `n` words of Dutch (as countWords counts them): the sentences above, over and over. */
export function dutchText(n: number): string {
	const words = Array.from({ length: n }, (_, i) => TOKENS[i % TOKENS.length]!);
	const text = words.join(' ');
	if (countWords(text) !== n) throw new Error(`dutchText(${n}) has ${countWords(text)} words`);
	return text;
}

const ITEMS: Record<BudgetCategory, string> = {
	personnel: 'Loon buurtwerker (halftijds)',
	operations: 'Werkingskosten ontmoetingsruimte',
	studies: 'Studie verkeersveiligheid schoolomgeving',
	investments: 'Inrichting gedeelde keuken',
	small_infrastructure: 'Zitbanken en drinkfontein op het plein',
	material: 'Gereedschap voor de herstelcafés',
	rent: 'Huur zaal voor bewonersavonden',
	works: 'Aanleg moestuinbakken',
	communication: 'Wijkkrant en affiches in vier talen',
	coaching: 'Begeleiding door een procescoach',
	other: 'Onvoorziene kosten'
};

/** ⌈a × b / c⌉ for non-negative integers, exactly. */
const ceilDiv = (a: number, b: number, c: number) => Number((BigInt(a) * BigInt(b) + BigInt(c) - 1n) / BigInt(c));

export function bigApplication(rules: CallRules, options: BigOptions = {}): ApplicationBody {
	const lineCount = options.lines ?? 200;
	const years = Math.max(1, rules.durationYears);
	const grant = options.grantCents ?? Math.min(rules.maxGrantCents ?? 80_000_000, 80_000_000);
	const bp = options.cofinancingBp ?? rules.minCofinancingBp ?? 0;
	// The least co-financing c with c / (grant + c) ≥ bp: c × (10 000 − bp) ≥ bp × grant.
	const cofinancing = bp > 0 ? ceilDiv(grant, bp, 10_000 - bp) : 0;
	const total = grant + cofinancing;

	// Years weighted 3D − y (4 years: 11, 10, 9, 8): strictly decreasing, so any "decreasing" rule holds.
	const weights = Array.from({ length: years }, (_, i) => 3 * years - (i + 1));
	const weightSum = weights.reduce((a, b) => a + b, 0);
	const yearTotals = weights.map((w) => Math.floor((total * w) / weightSum));
	yearTotals[years - 1]! += total - yearTotals.reduce((a, b) => a + b, 0);

	const plainCategories = rules.categories.filter((c) => c !== 'small_infrastructure');
	const offersSmall = rules.categories.includes('small_infrastructure');
	// 15 % of the grant on small infrastructure where the call offers it (the improvement contract allows 20 %).
	let smallLeft = offersSmall ? Math.floor((grant * Math.min(rules.maxSmallInfrastructureBp ?? 1500, 1500)) / 10_000) : 0;
	const budget: BudgetLine[] = [];
	for (let y = 1; y <= years; y++) {
		const n = Math.floor(lineCount / years) + (y <= lineCount % years ? 1 : 0);
		// Amounts of different sizes (weights 4 … 8), adding up to the year's total exactly.
		const w = Array.from({ length: n }, (_, i) => 4 + ((i * 7) % 5));
		const wSum = w.reduce((a, b) => a + b, 0);
		let left = yearTotals[y - 1]!;
		for (let i = 0; i < n; i++) {
			const amountCents = i === n - 1 ? left : Math.floor((yearTotals[y - 1]! * w[i]!) / wSum);
			left -= amountCents;
			let category = plainCategories[(budget.length + i) % plainCategories.length] ?? rules.categories[0]!;
			if (smallLeft >= amountCents && i % 3 === 0) {
				category = 'small_infrastructure';
				smallLeft -= amountCents;
			}
			budget.push({
				id: `line-${y}-${i + 1}`,
				year: y,
				category,
				description: `${ITEMS[category]}, jaar ${y}, deel ${i + 1}`,
				amountCents
			});
		}
	}

	const partnerShare = Math.floor(cofinancing / 4);
	const partners = [
		{ id: 'partner-1', name: 'Buurtwerk De Brug vzw', role: 'begeleidt de bewonersgroepen', contributionCents: partnerShare, partnerId: null },
		{
			id: 'partner-2',
			name: 'Basisschool De Regenboog',
			role: 'stelt de speelplaats open na schooltijd',
			contributionCents: partnerShare,
			partnerId: null
		},
		{ id: 'partner-3', name: 'Huurdersbond', role: 'bereikt de huurders van de sociale woningen', contributionCents: 0, partnerId: null }
	];
	const words = (max: number) => options.sectionWords ?? Math.min(max > 0 ? max : 1000, 1000);
	return {
		title: 'Samen maken we het plein',
		summary: dutchText(60),
		sections: Object.fromEntries(rules.sections.map((s) => [s.key, dutchText(words(s.maxWords))])),
		budget,
		ownContributionCents: cofinancing - 2 * partnerShare,
		startFundCents: rules.startFundMaxCents ?? 0,
		partners,
		targetGroups: ['families', 'seniors', 'youth', 'newcomers'],
		indicators: Array.from({ length: Math.max(3, rules.minIndicators) }, (_, i) => ({
			id: `indicator-${i + 1}`,
			metric: null,
			name: ['Bewoners die deelnemen aan een activiteit', 'Nieuwe vrijwilligers', 'Bewoners die zich thuis voelen in de wijk'][i % 3]!,
			target: [400, 40, 60][i % 3]!,
			unit: ['bewoners', 'vrijwilligers', '%'][i % 3]!
		})),
		risks: [
			{ id: 'risk-1', risk: 'Vooral al actieve bewoners nemen deel.', mitigation: 'Huisbezoeken en uitleg in vier talen.' },
			{ id: 'risk-2', risk: 'De werken lopen vertraging op.', mitigation: 'Een buffer van twee maanden in de planning.' }
		]
	};
}

/** Who applies and when: the call's first kind of applicant, a day after it opened. */
export const bigContext = (rules: CallRules): CheckContext => ({
	now: new Date(Date.parse(rules.opensAt) + 86_400_000),
	applicantKind: rules.applicantKinds[0]!
});
