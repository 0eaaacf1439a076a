import { z } from 'zod';
import type { Ctx } from '../core/index.ts';
import { UnauthenticatedError } from '../core/index.ts';
import {
	LINK_STATUSES,
	endLink,
	endLinkInput,
	feedbackInput,
	giveFeedback,
	listLinks,
	nudgeLink,
	ownLinks,
	ownNeedsAndOffers
} from '../aid/index.ts';
import { iso, link, linkResponse, needOut, needResponse, offerOut, offerResponse, reasonSchema } from './aid.ts';

// The link operations the staff pages and "My help" have, for /api/v1: the same verbs, so the same
// permissions. A party sees the other side's contact details only once both said yes (partyView).

/** An ISO 8601 instant. */
const instant = z.string();

/**
 * A verb's input schema with the values from the path put in, so the body is checked by the very
 * schema the forms use (cross-field rules included); a body value for them is overruled by the path.
 */
export const withPath = <S extends z.ZodType>(schema: S, fromPath: Record<string, string>) =>
	z.preprocess((body) => (body && typeof body === 'object' && !Array.isArray(body) ? { ...body, ...fromPath } : body), schema);

/** Nobody signed in is a 401 before anything else, here as in the verbs themselves (belt and braces for the API). */
function signedIn(ctx: Ctx) {
	if (!ctx.actor.userId) throw new UnauthenticatedError();
}

/** Documents the body of POST /aid/links/{id}/end; it is validated with endLinkInput (and the link from the path). */
export const endLinkBody = z.object({ to: endLinkInput.shape.to, reason: endLinkInput.shape.reason }).meta({
	id: 'LinkEnd',
	description: 'closed: after the help took place; cancelled: before the end, and then `reason` is required (at most 300 characters).'
});

export const feedbackBody = z.object({ rating: feedbackInput.shape.rating, comment: feedbackInput.shape.comment }).meta({
	id: 'FeedbackInput',
	description: 'rating 1 (not good) to 3 (good); an optional comment of at most 300 characters.'
});

export const feedbackResponse = z.object({ linkId: z.uuid(), rating: z.number().int(), comment: z.string().nullable() }).meta({ id: 'Feedback' });

/** GET /aid/links: the links page's filters. */
export const linkQueryInput = z.object({
	areaId: z
		.uuid('error_not_found')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	/** 1: only links still open without a change for 14 days. */
	stalled: z.enum(['1', '0', ''], { message: 'error_choice' }).optional(),
	limit: z.coerce.number().int().min(1, 'error_choice').max(500, 'error_choice').default(100)
});

export const linkListResponse = z
	.object({
		links: z.array(
			z.object({
				id: z.uuid(),
				status: z.enum(LINK_STATUSES),
				score: z.number().int(),
				reason: z.string().nullable(),
				changedAt: instant,
				nudgedAt: instant.nullable(),
				needAccepted: z.boolean(),
				offerAccepted: z.boolean(),
				needId: z.uuid(),
				needTitle: z.string(),
				category: z.string(),
				needFirstName: z.string(),
				offerFirstName: z.string(),
				areaName: z.string()
			})
		)
	})
	.meta({ id: 'LinkList', description: 'First names only: contact details are on the person page, an audited read.' });

const contactSchema = z
	.object({
		lastName: z.string().nullable(),
		phone: z.string().nullable(),
		email: z.string().nullable(),
		point: z.object({ lat: z.number(), lon: z.number() }).nullable()
	})
	.meta({ id: 'LinkContact' });

export const myLinkResponse = z
	.object({
		id: z.uuid(),
		side: z.enum(['need', 'offer']),
		status: z.enum(LINK_STATUSES),
		title: z.string(),
		category: z.string(),
		reasons: z.array(reasonSchema),
		iAccepted: z.boolean(),
		changedAt: instant,
		myFeedback: z.number().int().nullable(),
		other: z.object({
			firstName: z.string(),
			areaName: z.string(),
			contact: contactSchema.nullable().meta({ description: 'null until both sides accepted (and again once the link was declined or cancelled).' })
		})
	})
	.meta({ id: 'MyLink' });

export const myAidResponse = z
	.object({ needs: z.array(needResponse), offers: z.array(offerResponse), links: z.array(myLinkResponse) })
	.meta({ id: 'MyAid' });

export const nudgeResponse = z
	.object({
		link: linkResponse,
		sides: z.array(
			z.object({
				side: z.enum(['need', 'offer']),
				firstName: z.string(),
				mailed: z.boolean().meta({ description: 'false: this side has no account (or no address): call or visit them.' })
			})
		)
	})
	.meta({ id: 'Nudge', description: 'The sides the link waits for, and whether each got a reminder mail.' });

export async function apiEndLink(ctx: Ctx, input: z.infer<typeof endLinkInput>) {
	signedIn(ctx);
	return link(await endLink(ctx, input));
}

export async function apiNudgeLink(ctx: Ctx, linkId: string): Promise<z.infer<typeof nudgeResponse>> {
	const n = await nudgeLink(ctx, { linkId });
	return { link: link(n.link), sides: n.sides.map(({ side, firstName, mailed }) => ({ side, firstName, mailed })) };
}

export async function apiGiveFeedback(ctx: Ctx, input: z.infer<typeof feedbackInput>): Promise<z.infer<typeof feedbackResponse>> {
	await giveFeedback(ctx, input);
	return { linkId: input.linkId, rating: input.rating, comment: input.comment ?? null };
}

export async function apiListLinks(ctx: Ctx, q: z.infer<typeof linkQueryInput>): Promise<z.infer<typeof linkListResponse>> {
	const rows = await listLinks(ctx, { areaId: q.areaId ?? null, stalled: q.stalled === '1', limit: q.limit });
	return {
		links: rows.map((l) => ({
			id: l.id,
			status: l.status,
			score: l.score,
			reason: l.reason,
			changedAt: iso(l.changedAt),
			nudgedAt: l.nudgedAt ? iso(l.nudgedAt) : null,
			needAccepted: !!l.needAcceptedAt,
			offerAccepted: !!l.offerAcceptedAt,
			needId: l.needId,
			needTitle: l.needTitle,
			category: l.category,
			needFirstName: l.needFirstName,
			offerFirstName: l.offerFirstName,
			areaName: l.areaName
		}))
	};
}

/** "My help": the caller's own needs, offers and links, exactly as /help shows them. */
export async function apiListMyAid(ctx: Ctx): Promise<z.infer<typeof myAidResponse>> {
	const [{ needs, offers }, links] = await Promise.all([ownNeedsAndOffers(ctx), ownLinks(ctx)]);
	return {
		needs: needs.map(needOut),
		offers: offers.map(offerOut),
		links: links.map((l) => ({
			id: l.id,
			side: l.side,
			status: l.status,
			title: l.title,
			category: l.category,
			reasons: l.reasons as z.infer<typeof reasonSchema>[],
			iAccepted: l.iAccepted,
			changedAt: iso(l.changedAt),
			myFeedback: l.myFeedback,
			other: l.other
		}))
	};
}
