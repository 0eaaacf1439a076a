import { z } from 'zod';
import { optionalLine } from '../core/index.ts';
import { createNeedInput, createOfferInput, shortText } from './validation.ts';

// What a person may change of their own need or offer, and the facilitator's duplicate close. Every
// field is optional (a change says only what changes: the API's PATCH); the form sends all of them.
// Built from the create schemas' fields without their defaults: an absent field stays as it is,
// never reset to [] or 'once'.

const n = createNeedInput.shape;
const o = createOfferInput.shape;

const contentChange = {
	category: n.category.optional(),
	title: n.title.optional(),
	// null clears the text (the form's empty field).
	description: shortText.nullable().optional(),
	areaId: n.areaId.optional(),
	point: n.point,
	windows: n.windows.unwrap().optional(),
	dates: n.dates,
	languages: n.languages.unwrap().optional()
};

export const needChangeInput = z.object({
	...contentChange,
	frequency: n.frequency.unwrap().optional(),
	safeguarded: n.safeguarded.unwrap().optional()
});

export const offerChangeInput = z.object({
	...contentChange,
	capacity: o.capacity.optional(),
	/** Pause (not suggested for new links; links under way go on) or take up again. */
	status: z.enum(['active', 'paused'], { message: 'error_choice' }).optional()
});

export type NeedChange = z.infer<typeof needChangeInput>;
export type OfferChange = z.infer<typeof offerChangeInput>;

/** Why a person takes back their need: optional, short. */
export const withdrawNeedInput = z.object({ id: z.uuid('error_not_found'), reason: optionalLine(300) });

/** A facilitator closes a need as the same as another: the reason is required (the person reads it). */
export const duplicateNeedInput = z.object({
	id: z.uuid('error_not_found'),
	reason: z
		.string('error_required')
		.trim()
		.min(3, 'error_required')
		.max(300, 'error_too_long')
		.refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'error_characters') // eslint-disable-line no-control-regex -- refusing control characters
});

export const needIdInput = z.object({ id: z.uuid('error_not_found') });

export const joinInput = z.object({ areaId: z.uuid('error_choice') });
