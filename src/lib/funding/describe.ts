import type { RuleResult } from './types.ts';

// A rule result in the page's language: which rule, the value, the limit, by how much (messages
// `fund_rule_<code>`). The pages, the live check and the API's `message` field all say it this way.
// GROUNDWORK STUB: the engine helper writes it with Paraglide messages and the display rounding.

export function describeRule(result: RuleResult): string {
	return `${result.rule}${result.subject ? ` (${result.subject})` : ''}: ${result.pass ? 'ok' : 'fails'}`;
}
