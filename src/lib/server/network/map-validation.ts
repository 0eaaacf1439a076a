import { z } from 'zod';
import { THEMES } from '../../themes.ts';
import { RELATIONSHIP_TYPES } from './schema.ts';

// The map's query, shared by the page (a GET form: every field arrives as text, empty meaning "any"),
// the downloads and GET /api/v1/network.

/** The relationship types a map can be narrowed to, and what its edges can be (a membership too). */
export const TIE_TYPES = RELATIONSHIP_TYPES;
export const EDGE_TYPES = [...RELATIONSHIP_TYPES, 'household'] as const;

const day = z.iso.date('error_date').refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'error_date');
const empty = (v: unknown) => (v === '' || v === null ? undefined : v);
const flag = z.preprocess(
	(v) =>
		v === '' || v === undefined || v === null
			? false
			: v === true || v === '1' || v === 'true'
				? true
				: v === false || v === '0' || v === 'false'
					? false
					: v,
	z.boolean('error_choice')
);

export const networkQueryFields = z.object({
	area: z.preprocess(empty, z.uuid('error_choice').optional()),
	caseload: flag,
	type: z.preprocess(empty, z.enum(RELATIONSHIP_TYPES, 'error_choice').optional()),
	theme: z.preprocess(empty, z.enum(THEMES, 'error_choice').optional()),
	from: z.preprocess(empty, day.optional()),
	to: z.preprocess(empty, day.optional()),
	names: flag
});

export const getNetworkInput = networkQueryFields.superRefine((v, ctx) => {
	// One picture at a time: a whole organisation would be an unreadable hairball and a slow page.
	if (!v.area && !v.caseload) ctx.addIssue({ code: 'custom', path: ['area'], message: 'netmap_error_area_or_caseload' });
	if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'netmap_error_period' });
});

export type NetworkQuery = z.infer<typeof getNetworkInput>;
