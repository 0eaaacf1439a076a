import { z } from 'zod';
import type { Ctx } from '../core/index.ts';
import {
	closeNeedAsDuplicate,
	getNeed,
	getOffer,
	needChangeInput,
	offerChangeInput,
	updateNeed,
	updateOffer,
	withdrawNeed,
	FREQUENCIES,
	NEED_STATUSES
} from '../aid/index.ts';
import { optionalLine } from '../core/index.ts';
import { needOut, needResponse, offerOut, offerResponse } from './aid.ts';

// One need or offer in /api/v1: read it (its person, or staff in scope), change it, pause an offer,
// withdraw a need (its person), close a duplicate (a facilitator). The verbs authorise.

export const needDetailResponse = needResponse
	.extend({
		status: z.enum(NEED_STATUSES),
		description: z.string().nullable(),
		frequency: z.enum(FREQUENCIES),
		statusReason: z.string().nullable(),
		updatedAt: z.string()
	})
	.meta({
		id: 'NeedDetail',
		description: 'A need with its text. status review: waiting for the neighbourhood’s facilitators before it is matched.'
	});

export const offerDetailResponse = offerResponse
	.extend({ description: z.string().nullable(), updatedAt: z.string() })
	.meta({ id: 'OfferDetail', description: 'An offer with its text. status paused: not suggested; review: waiting for the facilitators.' });

export const needChangeBody = needChangeInput.meta({
	id: 'NeedChange',
	description: 'Only the fields that change (description null clears it); while the need is to review or open.'
});
export const offerChangeBody = offerChangeInput.meta({
	id: 'OfferChange',
	description: 'Only the fields that change; status paused or active pauses the offer or takes it up again.'
});
export const withdrawBody = z.object({ reason: optionalLine(300) }).meta({ id: 'NeedWithdrawal' });
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

const needDetail = (n: NeedRow): z.infer<typeof needDetailResponse> => ({
	...needOut(n),
	description: n.description,
	frequency: n.frequency,
	statusReason: n.statusReason,
	updatedAt: new Date(n.updatedAt).toISOString()
});
const offerDetail = (o: OfferRow): z.infer<typeof offerDetailResponse> => ({
	...offerOut(o),
	description: o.description,
	updatedAt: new Date(o.updatedAt).toISOString()
});

export const apiGetNeed = async (ctx: Ctx, id: string) => needDetail(await getNeed(ctx, id));
export const apiUpdateNeed = async (ctx: Ctx, id: string, body: z.infer<typeof needChangeBody>) => needDetail(await updateNeed(ctx, { ...body, id }));
export const apiWithdrawNeed = async (ctx: Ctx, id: string, body: z.infer<typeof withdrawBody>) =>
	needDetail(await withdrawNeed(ctx, { id, reason: body.reason ?? null }));
export const apiCloseDuplicate = async (ctx: Ctx, id: string, body: z.infer<typeof duplicateBody>) =>
	needDetail(await closeNeedAsDuplicate(ctx, { id, reason: body.reason }));
export const apiGetOffer = async (ctx: Ctx, id: string) => offerDetail(await getOffer(ctx, id));
export const apiUpdateOffer = async (ctx: Ctx, id: string, body: z.infer<typeof offerChangeBody>) =>
	offerDetail(await updateOffer(ctx, { ...body, id }));
