import { describe, expect, it } from 'vitest';
import { indicatorFromForm } from './form.ts';

describe('the new-indicator form → defineIndicator input', () => {
	it('maps the whole organisation, numbers with a comma and the template’s asked filters', () => {
		const v = indicatorFromForm({
			template: 'contacts_per_theme',
			areaId: 'all',
			target: '2,5',
			theme: 'housing',
			periodType: 'month',
			perWeek: 'on'
		});
		expect(v).toMatchObject({ areaId: null, target: 2.5, perWeek: true, filters: { themes: ['housing'] }, programmeStartMonth: null });
		expect(indicatorFromForm({ template: 'grocery_families', activityIds: ['a'], target: '' }).filters).toEqual({ activityIds: ['a'] });
		expect(indicatorFromForm({ template: 'grocery_families', target: '' }).target).toBeUndefined();
		expect(indicatorFromForm({ periodType: 'programme_year', programmeStartMonth: '9' }).programmeStartMonth).toBe(9);
	});
});
