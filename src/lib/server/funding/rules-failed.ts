import { InvalidError } from '../core/index.ts';
import type { RuleResult } from '../../funding/types.ts';

/**
 * A submission refused because some rules of the call do not hold: a 422 whose fields name each failing
 * rule (`rules.<code>` or `rules.<code>.<subject>`, so the API lists them in `errors`; validateApplication gives the figures), and which carries
 * the failing results themselves, so a page can say each one with its figures (describeRule).
 */
export class RulesFailedError extends InvalidError {
	readonly results: RuleResult[];
	constructor(failing: RuleResult[]) {
		super(
			Object.fromEntries(failing.map((r) => [`rules.${r.rule}${r.subject ? `.${r.subject}` : ''}`, 'fund_app_error_rule'])),
			'fund_app_error_rules'
		);
		this.results = failing;
	}
}
