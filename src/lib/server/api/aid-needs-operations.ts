import { z } from 'zod';
import {
	closeNeedAsDuplicate,
	createNeed,
	createNeedInput,
	createOffer,
	createOfferInput,
	getNeed,
	getOffer,
	listNeeds,
	suggestMatches,
	updateNeed,
	updateOffer,
	weeklyProposalFor,
	withdrawNeed,
	SUGGESTION_LIMIT
} from '../aid/index.ts';
import { pageFields } from '../core/index.ts';
import { operation, type Operation } from './operation.ts';
import { apiDate, apiWindow, dateIn, dateOut, windowIn, windowOut, type ApiDate, type ApiWindow } from './units.ts';
import { candidateOut, categorySchema, matchesResponse, needListResponse, needOut, needResponse, offerOut, offerResponse } from './aid.ts';
import {
	duplicateBody,
	needChangeBody,
	needDetail,
	needDetailResponse,
	offerChangeBody,
	offerDetail,
	offerDetailResponse,
	withdrawBody
} from './aid-own.ts';

// The needs and offers of /api/v1, each bound to its verb: say, list, read, change, withdraw, close as
// a duplicate, suggest, and the weekly proposal. Weekly times and days travel in the API's units
// (ISO weekday 1–7, "HH:MM") and are turned into the verbs' (day 0–6, minutes) here.

/** Weekly times and particular days of a body in the verbs' units; absent stays absent (a change). */
const when = <B extends { windows?: ApiWindow[]; dates?: ApiDate[] }>(body: B) => ({
	...body,
	...(body.windows ? { windows: body.windows.map(windowIn) } : {}),
	...(body.dates ? { dates: body.dates.map(dateIn) } : {})
});

const whenFields = {
	windows: z
		.array(apiWindow)
		.max(21, 'error_too_long')
		.default([])
		.meta({ description: 'When the person is free, every week (Europe/Brussels time).' }),
	dates: z
		.array(apiDate)
		.max(5, 'aid_error_dates_too_many')
		.optional()
		.meta({ description: 'Up to five particular days, from today to a year ahead.' })
};

const languages = createNeedInput.shape.languages.meta({ description: 'Languages it can be done in, ISO 639-1 codes (e.g. "nl", "ar").' });

export const createNeedBody = createNeedInput
	.extend({
		...whenFields,
		category: createNeedInput.shape.category.meta({ description: 'The kind of help, as a code.' }),
		personId: createNeedInput.shape.personId.meta({ description: 'Whose need: the caller’s own person, or (staff) a person of their organisation.' }),
		languages,
		safeguarded: createNeedInput.shape.safeguarded.meta({
			description: 'Help with children or inside someone’s home: only volunteers with a valid good-conduct certificate are suggested.'
		})
	})
	.meta({ id: 'NeedCreate' });

export const createOfferBody = createOfferInput
	.extend({
		...whenFields,
		category: createOfferInput.shape.category.meta({ description: 'The kind of help, as a code.' }),
		personId: createOfferInput.shape.personId.meta({
			description: 'Whose offer: the caller’s own person, or (staff) a person of their organisation.'
		}),
		languages,
		capacity: createOfferInput.shape.capacity.meta({ description: 'How many people at once, 1–20.' })
	})
	.meta({ id: 'OfferCreate' });

export const needQuery = z.object({
	areaId: z.uuid('error_not_found').optional().meta({ description: 'Only this neighbourhood.' }),
	status: z
		.enum(['open', 'review', 'matched', 'closed', 'all'], { message: 'error_choice' })
		.default('open')
		.meta({ description: 'open (the default): waiting, including those to review; review, matched, closed: only those; all: any status.' }),
	limit: pageFields.limit.meta({ description: 'Needs per page, 1–200 (50 unless said).' }),
	cursor: pageFields.cursor.meta({ description: 'The nextCursor of the page before; absent for the first page.' })
});

export const matchesQuery = z.object({
	limit: z.coerce
		.number()
		.int('error_choice')
		.min(1, 'error_choice')
		.max(SUGGESTION_LIMIT.max, 'error_choice')
		.default(SUGGESTION_LIMIT.default)
		.meta({ description: `How many candidates at most, 1–${SUGGESTION_LIMIT.max} (${SUGGESTION_LIMIT.default} unless said); the best ones.` })
});

export const weeklyQuery = z.object({ areaId: z.uuid('error_required').meta({ description: 'The neighbourhood.' }) });

export const weeklyResponse = z
	.object({
		areaId: z.uuid(),
		needs: z.number().int().meta({ description: 'Open needs without a link in the neighbourhood.' }),
		total: z.number().int().meta({ description: 'The sum of the pairs’ scores.' }),
		greedyTotal: z.number().int().meta({ description: 'The total a greedy pairing would reach, for comparison.' }),
		greedyCovered: z.number().int().meta({ description: 'How many needs a greedy pairing would cover.' }),
		pairs: z.array(
			z.object({
				needId: z.uuid(),
				needTitle: z.string(),
				category: categorySchema,
				offerId: z.uuid(),
				firstName: z.string(),
				score: z.number().int()
			})
		)
	})
	.meta({ id: 'WeeklyProposal' });

const needPath = (n: { id: string }) => `/aid/needs/${n.id}`;
const offerPath = (o: { id: string }) => `/aid/offers/${o.id}`;

export const AID_NEEDS_OPERATIONS: Operation[] = [
	operation({
		method: 'post',
		path: '/aid/needs',
		operationId: 'createNeed',
		verb: createNeed,
		request: createNeedBody,
		input: ({ body }) => when(body),
		response: needResponse,
		respond: needOut,
		status: 201,
		location: needPath
	}),
	operation({
		method: 'get',
		path: '/aid/needs',
		operationId: 'listNeeds',
		verb: listNeeds,
		query: needQuery,
		response: needListResponse,
		respond: (page: Awaited<ReturnType<typeof listNeeds>>) => ({
			items: page.items.map((n) => ({
				id: n.id,
				category: n.category,
				title: n.title,
				status: n.status,
				firstName: n.firstName,
				areaId: n.areaId,
				areaName: n.areaName,
				safeguarded: n.safeguarded,
				windows: n.windows.map(windowOut),
				dates: n.dates.map(dateOut),
				openLinks: n.openLinks,
				createdAt: n.createdAt.toISOString()
			})),
			nextCursor: page.nextCursor
		})
	}),
	operation({ method: 'get', path: '/aid/needs/{id}', operationId: 'getNeed', verb: getNeed, response: needDetailResponse, respond: needDetail }),
	operation({
		method: 'patch',
		path: '/aid/needs/{id}',
		operationId: 'updateNeed',
		verb: updateNeed,
		request: needChangeBody,
		input: ({ params, body }) => ({ ...when(body), id: params.id }),
		response: needDetailResponse,
		respond: needDetail
	}),
	operation({
		method: 'post',
		path: '/aid/needs/{id}/withdraw',
		operationId: 'withdrawNeed',
		verb: withdrawNeed,
		request: withdrawBody,
		input: ({ params, body }) => ({ id: params.id, reason: body.reason ?? null }),
		response: needDetailResponse,
		respond: needDetail
	}),
	operation({
		method: 'post',
		path: '/aid/needs/{id}/duplicate',
		operationId: 'closeNeedAsDuplicate',
		verb: closeNeedAsDuplicate,
		request: duplicateBody,
		input: ({ params, body }) => ({ id: params.id, reason: body.reason }),
		response: needDetailResponse,
		respond: needDetail
	}),
	operation({
		method: 'get',
		path: '/aid/needs/{id}/matches',
		operationId: 'suggestMatches',
		verb: suggestMatches,
		query: matchesQuery,
		input: ({ params, query }) => ({ needId: params.id, limit: query.limit }),
		response: matchesResponse,
		respond: (s: Awaited<ReturnType<typeof suggestMatches>>) => ({ needId: s.needId, candidates: s.candidates.map(candidateOut), leftOut: s.leftOut })
	}),
	operation({
		method: 'post',
		path: '/aid/offers',
		operationId: 'createOffer',
		verb: createOffer,
		request: createOfferBody,
		input: ({ body }) => when(body),
		response: offerResponse,
		respond: offerOut,
		status: 201,
		location: offerPath
	}),
	operation({
		method: 'get',
		path: '/aid/offers/{id}',
		operationId: 'getOffer',
		verb: getOffer,
		response: offerDetailResponse,
		respond: offerDetail
	}),
	operation({
		method: 'patch',
		path: '/aid/offers/{id}',
		operationId: 'updateOffer',
		verb: updateOffer,
		request: offerChangeBody,
		input: ({ params, body }) => ({ ...when(body), id: params.id }),
		response: offerDetailResponse,
		respond: offerDetail
	}),
	operation({
		method: 'get',
		path: '/aid/weekly',
		operationId: 'getWeeklyProposal',
		summary:
			'The weekly proposal for a neighbourhood: the pairing of open needs and offers with the highest total score (needs aid.link.manage, a write token). Nothing is sent: propose the pairs you keep with proposeLink (POST /aid/links), one call per pair',
		verb: weeklyProposalFor,
		query: weeklyQuery,
		response: weeklyResponse
	})
];
