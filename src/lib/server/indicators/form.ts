import { z } from 'zod';
import { templateOf } from './templates.ts';

// The new-indicator form's fields (plain strings, repeated activity ids) as defineIndicator takes them.
// Checking is the verb's (defineIndicatorInput): here only the shape changes, so a page and the API
// are refused for exactly the same reasons. Pure.

const text = z.string().max(2000).optional();
export const indicatorFormFields = z.object({
	template: text,
	organisationId: text,
	areaId: text,
	name: text,
	description: text,
	target: text,
	periodType: text,
	programmeStartMonth: text,
	startsOn: text,
	endsOn: text,
	theme: text,
	perWeek: text,
	activityIds: z.array(z.string().max(60)).max(40).optional()
});

const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v.replace(',', '.')));

export function indicatorFromForm(v: z.infer<typeof indicatorFormFields>) {
	const asks = templateOf(v.template)?.asks;
	return {
		template: v.template || null,
		organisationId: v.organisationId ?? '',
		// 'all': the whole organisation (a required select cannot have an empty choice).
		areaId: v.areaId && v.areaId !== 'all' ? v.areaId : null,
		name: v.name ?? '',
		description: v.description ?? '',
		target: num(v.target),
		periodType: v.periodType ?? '',
		programmeStartMonth: v.periodType === 'programme_year' ? num(v.programmeStartMonth) : null,
		startsOn: v.startsOn ?? '',
		endsOn: v.endsOn ?? '',
		perWeek: v.perWeek === 'on',
		filters: {
			...(asks === 'theme' ? { themes: v.theme ? [v.theme] : [] } : {}),
			...(asks === 'activities' ? { activityIds: v.activityIds ?? [] } : {})
		}
	};
}
