import { z } from 'zod';
import { ageAt, lastDayOfMonth } from '../core/index.ts';
import { ACTIVITY_KINDS } from './schema.ts';

// The reach query (page, downloads, API): a period of whole months, and what to count — a set of
// activities, a neighbourhood, a kind, or (nothing chosen) every activity in the actor's scope.

/** Longer periods would be one query over decades of attendance, and no report asks for them. */
export const REACH_MAX_YEARS = 10;
/** A form or API call naming more activities than this is not a choice but a dump. */
export const REACH_MAX_ACTIVITIES = 200;

// Years from 1900: JavaScript's Date reads years 0–99 as 1900–1999, and PostgreSQL has no year 0.
const day = z.iso.date('reach_error_date').refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'reach_error_date');
const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
const blankToNull = <T extends string>(v: T | '' | null | undefined): T | null => v || null;

/** The fields as typed; activityReachInput adds the period's rules and whole months. */
export const activityReachFields = z.object({
	from: day,
	to: day,
	// Empty (a form's "all neighbourhoods") or absent: every neighbourhood in the actor's scope.
	areaId: z
		.union([z.uuid('error_choice'), z.literal(''), z.null()], { error: 'error_choice' })
		.optional()
		.transform(blankToNull),
	kind: z
		.union([z.enum(ACTIVITY_KINDS, 'error_choice'), z.literal(''), z.null()], { error: 'error_choice' })
		.optional()
		.transform(blankToNull),
	// None: every activity (of the neighbourhood and kind, if chosen).
	activityIds: z.array(z.uuid('error_choice')).max(REACH_MAX_ACTIVITIES, 'error_choice').default([])
});

export const activityReachInput = activityReachFields
	.superRefine((v, ctx) => {
		if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'reach_error_order' });
		// Whole years between the two days, counted as an age (from 29 February a year ends on 1 March).
		else if (ageAt(v.from, v.to) >= REACH_MAX_YEARS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'reach_act_error_span' });
	})
	// Whole months: two periods a day apart would otherwise tell, by subtraction, who came on one day.
	.transform((v) => ({ ...v, activityIds: [...new Set(v.activityIds)], from: monthStart(v.from), to: lastDayOfMonth(v.to) }));

export type ActivityReachQuery = z.infer<typeof activityReachInput>;
