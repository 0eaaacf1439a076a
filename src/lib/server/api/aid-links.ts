import { z } from 'zod';
import { LINK_STATUSES, certificateBody, endLinkInput, feedbackInput, respondInput, type LinkListItem } from '../aid/index.ts';
import { pageFields } from '../core/index.ts';
import { iso, needResponse, offerResponse, reasonSchema } from './aid.ts';

// The link and certificate shapes of /api/v1 (documented from these Zod schemas) and the mapping from
// the verbs' results to them. A party sees the other side's contact details only once both said yes
// (partyView).

/** An ISO 8601 instant. */
const instant = z.string().meta({ description: 'An instant, ISO 8601 in UTC (e.g. 2026-12-01T09:30:00.000Z).' });

const linkStatus = z.enum(LINK_STATUSES).meta({
	description:
		'proposed: waiting for one or both sides to say yes; accepted: both said yes (the volunteer’s place is taken); took_place: the help happened; closed: ended after it happened; declined: a side said no; cancelled: ended before the end, with a reason'
});

export const linkResponse = z
	.object({
		id: z.uuid(),
		needId: z.uuid(),
		offerId: z.uuid(),
		status: linkStatus,
		score: z.number().int().meta({ description: 'The match score when it was proposed (the sum of the reasons’ points).' }),
		needAccepted: z.boolean().meta({ description: 'The side with the need said yes (or a facilitator for them, when they have no account).' }),
		offerAccepted: z.boolean().meta({ description: 'The volunteer said yes (or a facilitator for them, when they have no account).' }),
		reason: z.string().nullable().meta({ description: 'Why it was declined or cancelled, as the person or facilitator wrote it.' }),
		changedAt: instant
	})
	.meta({ id: 'Link' });

type LinkRow = {
	id: string;
	needId: string;
	offerId: string;
	status: (typeof LINK_STATUSES)[number];
	score: number;
	needAcceptedAt: Date | null;
	offerAcceptedAt: Date | null;
	reason: string | null;
	changedAt: Date;
};
export const link = (l: LinkRow): z.infer<typeof linkResponse> => ({
	id: l.id,
	needId: l.needId,
	offerId: l.offerId,
	status: l.status,
	score: l.score,
	needAccepted: !!l.needAcceptedAt,
	offerAccepted: !!l.offerAcceptedAt,
	reason: l.reason,
	changedAt: iso(l.changedAt)
});

export const respondBody = z
	.object({
		answer: z.enum(['accept', 'decline'], { message: 'error_choice' }),
		// The form's own rule: trimmed, at most 300 characters, no control characters.
		reason: respondInput.shape.reason,
		side: z
			.enum(['need', 'offer'], { message: 'error_choice' })
			.optional()
			.meta({ description: 'Only a facilitator answering for a side without an account says which side (need or offer).' })
	})
	.meta({ id: 'LinkResponse' });

/** Documents the body of POST /aid/links/{id}/end; the verb checks it with endLinkInput (and the link from the path). */
export const endLinkBody = z.object({ to: endLinkInput.shape.to, reason: endLinkInput.shape.reason }).meta({
	id: 'LinkEnd',
	description: 'closed: after the help took place; cancelled: before the end, and then `reason` is required (at most 300 characters).'
});

export const feedbackBody = z.object({ rating: feedbackInput.shape.rating, comment: feedbackInput.shape.comment }).meta({
	id: 'FeedbackInput',
	description: 'rating 1 (not good) to 3 (good); an optional comment of at most 300 characters.'
});

export const feedbackResponse = z.object({ linkId: z.uuid(), rating: z.number().int(), comment: z.string().nullable() }).meta({ id: 'Feedback' });

/** GET /aid/links: the links page's filters, as JSON-minded clients send them. */
export const linkQuery = z.object({
	areaId: z.uuid('error_not_found').optional().meta({ description: 'Only links of needs in this neighbourhood.' }),
	stalled: z
		.enum(['true', 'false'], { message: 'error_choice' })
		.transform((v) => v === 'true')
		.optional()
		.meta({ description: 'true: only links still open without a change for 14 days (and those nudged today), oldest change first.' }),
	...pageFields
});

export const linkSummary = z
	.object({
		id: z.uuid(),
		status: linkStatus,
		score: z.number().int(),
		reason: z.string().nullable(),
		changedAt: instant,
		nudgedAt: instant.nullable().meta({ description: 'When a facilitator last sent a reminder (null: never).' }),
		needAccepted: z.boolean(),
		offerAccepted: z.boolean(),
		needId: z.uuid(),
		offerId: z.uuid(),
		needTitle: z.string(),
		category: z.string(),
		needFirstName: z.string(),
		offerFirstName: z.string(),
		areaId: z.uuid().meta({ description: 'The neighbourhood of the need.' }),
		areaName: z.string()
	})
	.meta({ id: 'LinkSummary', description: 'First names only: contact details are on the person page, an audited read.' });

export const linkListResponse = z
	.object({ items: z.array(linkSummary), nextCursor: z.string().nullable() })
	.meta({ id: 'LinkList', description: 'One page; pass nextCursor as cursor for the next (null: the last page).' });

export const linkSummaryOut = (l: LinkListItem): z.infer<typeof linkSummary> => ({
	id: l.id,
	status: l.status,
	score: l.score,
	reason: l.reason,
	changedAt: iso(l.changedAt),
	nudgedAt: l.nudgedAt ? iso(l.nudgedAt) : null,
	needAccepted: !!l.needAcceptedAt,
	offerAccepted: !!l.offerAcceptedAt,
	needId: l.needId,
	offerId: l.offerId,
	needTitle: l.needTitle,
	category: l.category,
	needFirstName: l.needFirstName,
	offerFirstName: l.offerFirstName,
	areaId: l.areaId,
	areaName: l.areaName
});

const contactSchema = z
	.object({
		lastName: z.string().nullable(),
		phone: z.string().nullable(),
		email: z.string().nullable(),
		point: z
			.object({ lat: z.number(), lon: z.number() })
			.nullable()
			.meta({ description: 'Where the other side is (WGS 84 degrees), when on record.' }),
		mapCode: z.string().nullable().meta({
			description: 'The code of the neighbourhood whose map shows the point (GET /areas/{code}/map.svg on the site), when it has one.'
		})
	})
	.meta({ id: 'LinkContact' });

export const myLinkResponse = z
	.object({
		id: z.uuid(),
		side: z.enum(['need', 'offer']).meta({ description: 'need: the caller asked for this help; offer: the caller offers it.' }),
		status: linkStatus,
		title: z.string(),
		category: z.string(),
		reasons: z.array(reasonSchema),
		iAccepted: z.boolean(),
		changedAt: instant,
		myFeedback: z.number().int().nullable().meta({ description: 'The caller’s rating, 1 (not good) to 3 (good); null: none given.' }),
		other: z.object({
			firstName: z.string(),
			areaName: z.string(),
			contact: contactSchema.nullable().meta({ description: 'null until both sides accepted (and again once the link was declined or cancelled).' })
		})
	})
	.meta({ id: 'MyLink' });

export const myAidQuery = z.object(pageFields);

export const myAidResponse = z
	.object({
		needs: z.array(needResponse),
		offers: z.array(offerResponse),
		links: z.array(myLinkResponse).meta({ description: 'One page of the caller’s links, newest change first.' }),
		nextCursor: z.string().nullable().meta({ description: 'The next page of links: pass it as cursor (null: the last page).' })
	})
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

/** A good-conduct certificate check: only its dates (the document itself is never recorded). */
export const certificateRequest = certificateBody.meta({
	id: 'CertificateCheck',
	description:
		'checkedOn: the day a facilitator saw the certificate (YYYY-MM-DD, not in the future, Belgian time); validUntil: the last day it counts, after checkedOn and at most 5 years later.'
});

export const certificateResponse = z
	.object({ id: z.uuid(), personId: z.uuid(), checkedOn: z.iso.date(), validUntil: z.iso.date() })
	.meta({ id: 'Certificate', description: 'Days are YYYY-MM-DD (Europe/Brussels).' });

export const certificateListResponse = z
	.object({
		items: z.array(
			z.object({
				id: z.uuid(),
				checkedOn: z.iso.date(),
				validUntil: z.iso.date(),
				checkedByName: z.string().nullable().meta({ description: 'Who recorded the check (null once that account is gone).' }),
				recordedAt: instant
			})
		),
		nextCursor: z.string().nullable()
	})
	.meta({ id: 'CertificateList', description: 'A person’s recorded checks, the latest day checked first; one page.' });
