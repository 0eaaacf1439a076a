import { z } from 'zod';
import { pageFields, type Page } from '../core/index.ts';
import {
	countVisit,
	createOfficeHour,
	deleteOfficeHour,
	getMutualAidReach,
	getOfficeHour,
	getVisit,
	listOfficeHours,
	publicBoard,
	publicOfficeHours,
	setAidBoard,
	type OfficeHour
} from '../aid/index.ts';
import { operation } from './operation.ts';
import {
	boardOut,
	boardSwitchBody,
	boardSwitchResponse,
	entryOut,
	hourOut,
	officeHourEntry,
	officeHourIn,
	officeHourList,
	officeHourRequest,
	officeHourResponse,
	publicBoardResponse,
	publicOfficeHourList,
	reachQuery,
	reachResponse,
	visitOut,
	visitRequest,
	visitResponse
} from './aid-office.ts';
import { windowOut } from './units.ts';

// Office hours, visits, the neighbourhood board and the reach figures, bound to their verbs. The
// public operations (a neighbourhood's board and office hours) need no token, like its page.

const page = z.object({
	limit: pageFields.limit.meta({ description: 'At most this many items (1–200).' }),
	cursor: pageFields.cursor.meta({ description: 'The nextCursor of the page before; absent for the first page.' })
});
const areaCode = { area: { description: 'The neighbourhood’s code (its id works too).', schema: { type: 'string', maxLength: 100 } } };

type PublicHours = {
	area: { code: string; name: string; city: string };
	hours: Array<{ id: string; place: string; day: number; start: number; end: number }>;
	nextCursor: string | null;
};

export const AID_OFFICE_OPERATIONS = [
	operation({
		method: 'get',
		path: '/aid/office-hours',
		operationId: 'listOfficeHours',
		verb: listOfficeHours,
		query: page,
		response: officeHourList,
		respond: (p: Page<OfficeHour>) => ({ items: p.items.map(entryOut), nextCursor: p.nextCursor })
	}),
	operation({
		method: 'post',
		path: '/aid/office-hours',
		operationId: 'createOfficeHour',
		verb: createOfficeHour,
		request: officeHourRequest,
		input: ({ body }) => officeHourIn(body),
		response: officeHourResponse,
		respond: hourOut,
		status: 201,
		location: (h: { id: string }) => `/aid/office-hours/${h.id}`
	}),
	operation({
		method: 'get',
		path: '/aid/office-hours/{id}',
		operationId: 'getOfficeHour',
		verb: getOfficeHour,
		response: officeHourEntry,
		respond: entryOut
	}),
	operation({
		method: 'delete',
		path: '/aid/office-hours/{id}',
		operationId: 'deleteOfficeHour',
		verb: deleteOfficeHour,
		response: null,
		status: 204
	}),
	operation({
		method: 'post',
		path: '/aid/visits',
		operationId: 'countVisit',
		verb: countVisit,
		request: visitRequest,
		response: visitResponse,
		respond: visitOut,
		status: 201,
		location: (v: { id: string }) => `/aid/visits/${v.id}`
	}),
	operation({ method: 'get', path: '/aid/visits/{id}', operationId: 'getVisit', verb: getVisit, response: visitResponse, respond: visitOut }),
	operation({
		method: 'post',
		path: '/areas/{area}/board',
		operationId: 'setNeighbourhoodBoard',
		verb: setAidBoard,
		request: boardSwitchBody,
		input: ({ params, body }) => ({ areaId: params.area, show: body.show, organisationId: body.organisationId ?? undefined }),
		response: boardSwitchResponse,
		respond: ({ id, name, code, organisationId, aidBoard }: z.infer<typeof boardSwitchResponse>) => ({ id, name, code, organisationId, aidBoard })
	}),
	operation({
		method: 'get',
		path: '/areas/{area}/board',
		operationId: 'getNeighbourhoodBoard',
		verb: publicBoard,
		pathParams: areaCode,
		input: ({ params }) => ({ code: params.area }),
		response: publicBoardResponse,
		respond: boardOut
	}),
	operation({
		method: 'get',
		path: '/areas/{area}/office-hours',
		operationId: 'listNeighbourhoodOfficeHours',
		verb: publicOfficeHours,
		pathParams: areaCode,
		query: page,
		input: ({ params, query }) => ({ ...query, code: params.area }),
		response: publicOfficeHourList,
		respond: ({ area, hours, nextCursor }: PublicHours) => ({
			area: { code: area.code, name: area.name, city: area.city },
			items: hours.map((h) => ({ id: h.id, place: h.place, ...windowOut(h) })),
			nextCursor
		})
	}),
	operation({
		method: 'get',
		path: '/aid/reach',
		operationId: 'getMutualAidReach',
		verb: getMutualAidReach,
		query: reachQuery,
		response: reachResponse
	})
];
