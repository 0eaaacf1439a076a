import { describe, expect, it } from 'vitest';
import { countsWords } from './describe.ts';
import { TEMPLATES } from './templates.ts';
import { METRICS } from './registry.ts';

describe('what an indicator counts, in words', () => {
	it('hours of contact with young people, average per week', () => {
		const words = countsWords(
			{
				metric: 'fieldwork.contacts',
				measure: 'hours',
				perWeek: true,
				filters: { ageBand: { from: 12, to: 25 } },
				periodType: 'month',
				programmeStartMonth: null
			},
			'en'
		);
		expect(words).toBe('hours of contact, with people aged 12–25, average per week over each period (per month)');
	});

	it('every template and every metric × measure has its words in every language (no raw key)', () => {
		for (const locale of ['nl', 'fr', 'en', 'bg', 'tr', 'ar'])
			for (const t of TEMPLATES) {
				const words = countsWords({ ...t, filters: { ...t.filters, themes: ['housing'], activityIds: ['x'] }, programmeStartMonth: 9 }, locale, [
					'Naaiatelier'
				]);
				expect(words, `${locale} ${t.code}`).not.toMatch(/ind_|theme_|fw_contact_type_/);
			}
		for (const metric of METRICS)
			for (const measure of metric.measures)
				expect(
					countsWords({ metric: metric.code, measure, perWeek: false, filters: {}, periodType: 'programme_year', programmeStartMonth: 9 }, 'nl')
				).not.toMatch(/ind_/);
	});
});
