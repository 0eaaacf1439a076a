import type { ApplicationBody, CallRules } from './types.ts';

// A new application: nothing filled in yet, but every section of the call present (empty), so the
// form, the engine and the word counts all see the same keys from the first save on. Pure, no I/O.

export function blankApplication(rules: CallRules): ApplicationBody {
	return {
		title: '',
		summary: '',
		sections: Object.fromEntries(rules.sections.map((s) => [s.key, ''])),
		budget: [],
		ownContributionCents: 0,
		startFundCents: 0,
		partners: [],
		targetGroups: [],
		indicators: [],
		risks: []
	};
}
