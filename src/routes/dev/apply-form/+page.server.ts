import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { bodyFromForm, problemText } from '#lib/funding/application-form.ts';
import { checkApplication } from '#lib/funding/rules.ts';
import { callTemplate } from '#lib/funding/templates.ts';
import type { ApplicationBody, BudgetCategory, CallRules } from '#lib/funding/types.ts';
import { mailboxOpenTo, translate } from '#lib/server/web/index.ts';

// A preview of the application form (dev and demo on this machine only, like /dev/style): the
// improvement-contract template with a filled body, checked by the engine on the server; its one
// action checks what was posted (the form without JavaScript). `?big` gives the application the live
// check's benchmark uses: 4 years, 200 budget lines, ten sections of 1 000 words.

const open = (event: Pick<RequestEvent, 'request' | 'getClientAddress' | 'locals'>) => {
	if (!mailboxOpenTo(event)) error(404, translate('error_not_found', event.locals.locale));
};

function template(locale: string): CallRules {
	// Opened yesterday, so the call is open now and the deadline rule passes.
	return callTemplate('improvement_contract', { opensAt: new Date(Date.now() - 86_400_000), locale }).rules;
}

const words = (n: number) => Array.from({ length: n }, (_, i) => ['buurt', 'bewoners', 'plein', 'samen', 'groen', 'school'][i % 6]).join(' ');

function filled(rules: CallRules, big: boolean): ApplicationBody {
	const cats = rules.categories;
	const budget = big
		? Array.from({ length: 200 }, (_, i) => ({
				id: `l${i + 1}`,
				year: (i % 4) + 1,
				category: cats[i % cats.length] as BudgetCategory,
				description: `Post ${i + 1}`,
				amountCents: 150_000 + (i % 7) * 10_000
			}))
		: [
				{ id: 'l1', year: 1, category: 'personnel' as const, description: 'Buurtwerker (halftijds)', amountCents: 3_200_000 },
				{ id: 'l2', year: 1, category: 'studies' as const, description: 'Participatief ontwerp plein', amountCents: 1_250_050 },
				{ id: 'l3', year: 2, category: 'small_infrastructure' as const, description: 'Zitbanken en plantvakken', amountCents: 2_400_000 },
				{ id: 'l4', year: 2, category: 'operations' as const, description: 'Buurtfeesten', amountCents: 450_000 },
				{ id: 'l5', year: 3, category: 'investments' as const, description: 'Buurtkeuken', amountCents: 5_000_000 },
				{ id: 'l6', year: 4, category: 'personnel' as const, description: 'Buurtwerker (halftijds)', amountCents: 3_200_000 }
			];
	return {
		title: 'Rabot leeft: een plein voor iedereen',
		summary: 'Bewoners, school en buurthuis maken samen een groen plein.',
		sections: Object.fromEntries(rules.sections.map((s, i) => [s.key, big ? words(1000) : words(i === 0 ? 1012 : 120)])),
		budget,
		ownContributionCents: 2_000_000,
		startFundCents: 0,
		partners: [{ id: 'p1', name: 'Buurthuis Rabot', role: 'Ruimte en vrijwilligers', contributionCents: 500_000, partnerId: null }],
		targetGroups: ['Jongeren', 'Oudere bewoners'],
		indicators: [{ id: 'i1', metric: null, name: 'Bewoners betrokken', target: 250, unit: 'personen' }],
		risks: [{ id: 'r1', risk: 'Te weinig vrijwilligers', mitigation: 'Samenwerken met de school' }]
	};
}

export const load: PageServerLoad = (event) => {
	open(event);
	const rules = template(event.locals.locale);
	const body = filled(rules, event.url.searchParams.has('big'));
	return { rules, body, results: checkApplication(rules, body, { now: new Date(), applicantKind: 'city' }) };
};

export const actions: Actions = {
	default: async (event) => {
		open(event);
		const rules = template(event.locals.locale);
		const previous = filled(rules, event.url.searchParams.has('big'));
		const form = await event.request.formData();
		const { body, problems } = bodyFromForm(form, rules, previous);
		const values = Object.fromEntries([...form].filter((e): e is [string, string] => typeof e[1] === 'string'));
		const errors = Object.fromEntries(Object.entries(problems).map(([k, key]) => [k, problemText(key)]));
		return fail(400, { values, errors, body, results: checkApplication(rules, body, { now: new Date(), applicantKind: 'city' }) });
	}
};
