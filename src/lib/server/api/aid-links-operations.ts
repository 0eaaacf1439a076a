import { z } from 'zod';
import { pageFields } from '../core/index.ts';
import {
	certificateHistory,
	completeLink,
	endLink,
	getCertificate,
	getLink,
	giveFeedback,
	listLinks,
	nudgeLink,
	ownAid,
	proposeLink,
	proposeLinkInput,
	recordCertificate,
	respondToLink
} from '../aid/index.ts';
import { iso, needOut, offerOut, type reasonSchema } from './aid.ts';
import {
	certificateListResponse,
	certificateRequest,
	certificateResponse,
	endLinkBody,
	feedbackBody,
	feedbackResponse,
	link,
	linkListResponse,
	linkQuery,
	linkResponse,
	linkSummary,
	linkSummaryOut,
	myAidQuery,
	myAidResponse,
	nudgeResponse,
	respondBody
} from './aid-links.ts';
import { operation, type Operation } from './operation.ts';

// The links (proposal to end, nudges, feedback), "My help" and good-conduct certificates, bound to
// their verbs: the same verbs as the pages, so the same people may do the same things.

const linkId = ({ params }: { params: Record<string, string> }) => ({ linkId: params.id! });

export const AID_LINK_OPERATIONS: Operation[] = [
	operation({
		method: 'get',
		path: '/aid/links',
		operationId: 'listLinks',
		verb: listLinks,
		query: linkQuery,
		response: linkListResponse,
		respond: (page) => ({ items: page.items.map(linkSummaryOut), nextCursor: page.nextCursor })
	}),
	operation({ method: 'get', path: '/aid/links/{id}', operationId: 'getLink', verb: getLink, response: linkSummary, respond: linkSummaryOut }),
	operation({
		method: 'post',
		path: '/aid/links',
		operationId: 'proposeLink',
		verb: proposeLink,
		request: proposeLinkInput,
		response: linkResponse,
		respond: link,
		status: 201,
		location: (l) => `/aid/links/${l.id}`
	}),
	operation({
		method: 'post',
		path: '/aid/links/{id}/response',
		operationId: 'respondToLink',
		verb: respondToLink,
		request: respondBody,
		// The link is the one in the path, whatever the body says.
		input: ({ params, body }) => ({ ...body, linkId: params.id }),
		response: linkResponse,
		respond: link
	}),
	operation({
		method: 'post',
		path: '/aid/links/{id}/complete',
		operationId: 'completeLink',
		verb: completeLink,
		input: linkId,
		response: linkResponse,
		respond: link
	}),
	operation({
		method: 'post',
		path: '/aid/links/{id}/end',
		operationId: 'endLink',
		verb: endLink,
		request: endLinkBody,
		input: ({ params, body }) => ({ ...body, linkId: params.id }),
		response: linkResponse,
		respond: link
	}),
	operation({
		method: 'post',
		path: '/aid/links/{id}/nudge',
		operationId: 'nudgeLink',
		verb: nudgeLink,
		// The page adds the contact details of a side without an account (an audited read); the API does not.
		input: linkId,
		response: nudgeResponse,
		respond: (n) => ({ link: link(n.link), sides: n.sides.map(({ side, firstName, mailed }) => ({ side, firstName, mailed })) })
	}),
	operation({
		method: 'post',
		path: '/aid/links/{id}/feedback',
		operationId: 'giveFeedback',
		verb: giveFeedback,
		request: feedbackBody,
		input: ({ params, body }) => ({ ...body, linkId: params.id }),
		response: feedbackResponse
	}),
	operation({
		method: 'get',
		path: '/aid/me',
		operationId: 'listMyAid',
		verb: ownAid,
		query: myAidQuery,
		response: myAidResponse,
		respond: ({ needs, offers, links }) => ({
			needs: needs.map(needOut),
			offers: offers.map(offerOut),
			links: links.items.map((l) => ({
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
			})),
			nextCursor: links.nextCursor
		})
	}),
	operation({
		method: 'post',
		path: '/people/{id}/certificates',
		operationId: 'recordCertificate',
		verb: recordCertificate,
		request: certificateRequest,
		input: ({ params, body }) => ({ ...body, personId: params.id }),
		response: certificateResponse,
		respond: (c) => ({ id: c.id, personId: c.personId, checkedOn: c.checkedOn, validUntil: c.validUntil }),
		status: 201,
		location: (c) => `/aid/certificates/${c.id}`
	}),
	operation({
		method: 'get',
		path: '/people/{id}/certificates',
		operationId: 'listCertificates',
		verb: certificateHistory,
		query: z.object(pageFields),
		input: ({ params, query }) => ({ ...query, personId: params.id }),
		response: certificateListResponse,
		respond: (page) => ({
			items: page.items.map((c) => ({
				id: c.id,
				checkedOn: c.checkedOn,
				validUntil: c.validUntil,
				checkedByName: c.checkedByName,
				recordedAt: iso(c.recordedAt)
			})),
			nextCursor: page.nextCursor
		})
	}),
	operation({
		method: 'get',
		path: '/aid/certificates/{id}',
		operationId: 'getCertificate',
		verb: getCertificate,
		response: certificateResponse
	})
];
