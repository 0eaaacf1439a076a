import { z } from 'zod';
import { needChangeInput, offerChangeInput, FREQUENCIES } from '../aid/index.ts';
import { optionalLine } from '../core/index.ts';
import { instant, needOut, needResponse, offerOut, offerResponse } from './aid.ts';
import { apiDate, apiWindow } from './units.ts';

// One need or offer in /api/v1: its detail shape, and what a change or a withdrawal sends. The
// operations are in aid-needs-operations.ts; the verbs authorise.

export const needDetailResponse = needResponse
	.extend({
		description: z.string().nullable(),
		frequency: z.enum(FREQUENCIES).meta({ description: 'How often the help is needed: once, weekly, monthly or other.' }),
		statusReason: z.string().nullable().meta({ description: 'Why it was withdrawn or closed as a duplicate, as the person reads it.' }),
		updatedAt: instant
	})
	.meta({ id: 'NeedDetail', description: 'A need with its text.' });

export const offerDetailResponse = offerResponse
	.extend({ description: z.string().nullable(), updatedAt: instant })
	.meta({ id: 'OfferDetail', description: 'An offer with its text.' });

// Weekly times and particular days in the API's units (ISO weekday, "HH:MM"); the verb checks the rest.
const when = {
	windows: z.array(apiWindow).max(21, 'error_too_long').optional(),
	dates: z.array(apiDate).max(5, 'aid_error_dates_too_many').optional()
};

export const needChangeBody = needChangeInput.extend(when).meta({
	id: 'NeedChange',
	description: 'Only the fields that change (description null clears it); while the need is to review or open.'
});
export const offerChangeBody = offerChangeInput.extend(when).meta({
	id: 'OfferChange',
	description: 'Only the fields that change; status paused or active pauses the offer or takes it up again.'
});
export const withdrawBody = z
	.object({ reason: optionalLine(300) })
	.meta({ id: 'NeedWithdrawal', description: 'Why, optionally: links under way are cancelled with this reason.' });
export const duplicateBody = z
	.object({ reason: z.string().trim().min(3, 'error_required').max(300, 'error_too_long') })
	.meta({ id: 'NeedDuplicate', description: 'Why it is a duplicate; the person reads it.' });

type NeedRow = Parameters<typeof needOut>[0] & {
	description: string | null;
	frequency: (typeof FREQUENCIES)[number];
	statusReason: string | null;
	updatedAt: Date;
};
type OfferRow = Parameters<typeof offerOut>[0] & { description: string | null; updatedAt: Date };

export const needDetail = (n: NeedRow): z.infer<typeof needDetailResponse> => ({
	...needOut(n),
	description: n.description,
	frequency: n.frequency,
	statusReason: n.statusReason,
	updatedAt: new Date(n.updatedAt).toISOString()
});
export const offerDetail = (o: OfferRow): z.infer<typeof offerDetailResponse> => ({
	...offerOut(o),
	description: o.description,
	updatedAt: new Date(o.updatedAt).toISOString()
});
