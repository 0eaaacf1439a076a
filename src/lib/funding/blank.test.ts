import { describe, expect, it } from 'vitest';
import { blankApplication } from './blank.ts';
import { callTemplate } from './templates.ts';
import { applicationTotals } from './rules.ts';

describe('blankApplication', () => {
	it('has every section of the call, empty, and no money', () => {
		const { rules } = callTemplate('improvement_contract', { opensAt: new Date('2026-01-05T09:00:00Z'), locale: 'nl' });
		const body = blankApplication(rules);
		expect(Object.keys(body.sections)).toEqual(rules.sections.map((s) => s.key));
		expect(Object.values(body.sections).every((t) => t === '')).toBe(true);
		expect(body).toMatchObject({ title: '', budget: [], partners: [], indicators: [], risks: [], targetGroups: [] });
		expect(body.ownContributionCents + body.startFundCents).toBe(0);
		expect(applicationTotals(rules, body).grantCents).toBe(0);
	});
});
