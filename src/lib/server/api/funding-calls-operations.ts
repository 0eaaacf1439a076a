import { z } from 'zod';
import { CALL_STATUSES } from '../../funding/types.ts';
import {
	callRulesShape,
	createCall,
	createCallInput,
	createProgramme,
	createProgrammeInput,
	getCall,
	listCalls,
	type CallView
} from '../funding/index.ts';
import { operation, type Operation } from './operation.ts';

// Funding (issue 16), part calls: programmes and their calls. Same verbs, same permissions as the
// pages: a programme and a call are made by the funder's officers; a published or closed call is
// public; a draft is answered only to its officers (404 to anyone else).

const when = z.iso.datetime({ offset: true });
const created = z.object({ id: z.uuid() }).meta({ id: 'FundingCreated' });
const callCreated = z.object({ id: z.uuid(), version: z.int() }).meta({ id: 'CallCreated' });

const callDocument = z.object({ id: z.uuid(), name: z.string(), mediaType: z.string(), size: z.int(), createdAt: when });
const call = z
	.object({
		id: z.uuid(),
		programmeId: z.uuid(),
		programmeName: z.string(),
		organisationId: z.uuid(),
		organisationName: z.string(),
		title: z.string(),
		summary: z.string(),
		template: z.string().nullable(),
		status: z.enum(CALL_STATUSES),
		rules: callRulesShape.describe('The rules as data: amounts in euro cents, shares in basis points (2000 = 20 %), days as YYYY-MM-DD.'),
		opensAt: when,
		closesAt: when,
		publishedAt: when.nullable(),
		version: z.int().describe('Name it when saving the rules: a stale version is refused (409).'),
		documents: z.array(callDocument),
		manageable: z.boolean().describe('The caller may edit, publish and close it.')
	})
	.meta({ id: 'Call' });

const callItem = z.object({
	id: z.uuid(),
	title: z.string(),
	summary: z.string(),
	status: z.enum(CALL_STATUSES),
	opensAt: when,
	closesAt: when,
	programmeName: z.string(),
	organisationName: z.string(),
	open: z.boolean().describe('Published, opened and its deadline ahead.')
});
const callList = z
	.object({ items: z.array(callItem), nextCursor: z.string().nullable() })
	.meta({ id: 'CallList', description: 'Open calls first (nearest deadline first), then the others.' });

const listQuery = z.object({
	mine: z.enum(['true', 'false'], 'error_choice').optional().describe("true: all calls of the caller's organisations, drafts too (officers)"),
	programmeId: z.uuid('error_choice').optional()
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const asJson = (c: CallView) => ({
	...c,
	opensAt: c.opensAt.toISOString(),
	closesAt: c.closesAt.toISOString(),
	publishedAt: iso(c.publishedAt),
	documents: c.documents.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() }))
});

type Listed = Awaited<ReturnType<typeof listCalls>>;

export const FUNDING_CALL_OPERATIONS: Operation[] = [
	operation({
		method: 'post',
		path: '/funding/programmes',
		operationId: 'createProgramme',
		verb: createProgramme,
		request: createProgrammeInput,
		response: created,
		status: 201
	}),
	operation({
		method: 'post',
		path: '/funding/programmes/{id}/calls',
		operationId: 'createCall',
		verb: createCall,
		request: createCallInput.omit({ programmeId: true }),
		input: ({ params, body }) => ({ ...body, programmeId: params.id }),
		response: callCreated,
		status: 201,
		location: (c: { id: string }) => `/funding/calls/${c.id}`
	}),
	operation({
		method: 'get',
		path: '/funding/calls',
		operationId: 'listCalls',
		verb: listCalls,
		query: listQuery,
		input: ({ query }) => ({ mine: query.mine === 'true', programmeId: query.programmeId }),
		response: callList,
		respond: (items: Listed) => ({
			nextCursor: null,
			items: items.map((c) => ({ ...c, opensAt: c.opensAt.toISOString(), closesAt: c.closesAt.toISOString() }))
		})
	}),
	operation({ method: 'get', path: '/funding/calls/{id}', operationId: 'getCall', verb: getCall, response: call, respond: asJson })
];
