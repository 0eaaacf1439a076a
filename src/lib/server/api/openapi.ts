import { z } from 'zod';
import { meResponse, problemSchema } from './schemas.ts';
import { registerPersonInput } from '../people/validation.ts';
import { createNeedInput, createOfferInput, needQueryInput, proposeLinkInput } from '../aid/validation.ts';
import { reachInput } from '../aid/reach.ts';
import {
	certificateRequest,
	certificateResponse,
	linkResponse,
	matchesResponse,
	needListResponse,
	needResponse,
	offerResponse,
	personResponse,
	reachResponse,
	respondBody
} from './aid.ts';

type Operation = {
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
	path: string;
	operationId: string;
	summary: string;
	response: z.ZodType;
	request?: z.ZodType;
	/** Query parameters (an object schema); path parameters are read from `{name}` in the path. */
	query?: z.ZodObject;
	/** The success status when it is not 200 (201 for a record made). */
	status?: 201;
};

// Every /api/v1 operation, with a stable operationId. Later modules add theirs here.
export const OPERATIONS: Operation[] = [
	{ method: 'get', path: '/me', operationId: 'getMe', summary: 'The token’s user, person and roles', response: meResponse },
	{ method: 'post', path: '/people', operationId: 'createPerson', summary: 'Register a person without an account (walk-in), consent recorded', request: registerPersonInput, response: personResponse },
	{ method: 'post', path: '/aid/needs', operationId: 'createNeed', summary: 'Say what a person needs (their own, or assisted by staff)', request: createNeedInput, response: needResponse },
	{ method: 'get', path: '/aid/needs', operationId: 'listNeeds', summary: 'The queue of needs in the actor’s organisations and areas', query: needQueryInput, response: needListResponse },
	{ method: 'post', path: '/aid/offers', operationId: 'createOffer', summary: 'Say what a volunteer offers, when, and for how many people at once', request: createOfferInput, response: offerResponse },
	{
		method: 'get',
		path: '/aid/needs/{id}/matches',
		operationId: 'suggestMatches',
		summary: 'Ranked candidate offers for a need, each with its score and the reasons that make it up',
		response: matchesResponse
	},
	{ method: 'post', path: '/aid/links', operationId: 'proposeLink', summary: 'Propose an offer for a need (sides without an account are accepted by the facilitator)', request: proposeLinkInput, response: linkResponse },
	{ method: 'post', path: '/aid/links/{id}/response', operationId: 'respondToLink', summary: 'Accept or decline a proposed link, by the side it is proposed to (accepting twice is harmless)', request: respondBody, response: linkResponse },
	{ method: 'post', path: '/aid/links/{id}/complete', operationId: 'completeLink', summary: 'Say that the help took place (send an empty JSON body, {}, with Content-Type: application/json: a POST without a content type is refused as a cross-site form)', response: linkResponse },
	{
		method: 'post',
		path: '/people/{id}/certificates',
		operationId: 'recordCertificate',
		summary: 'Record that a facilitator checked a person’s good-conduct certificate: the dates only, never the document',
		request: certificateRequest,
		response: certificateResponse,
		status: 201
	},
	{ method: 'get', path: '/aid/reach', operationId: 'getMutualAidReach', summary: 'Mutual-aid figures for an area and a period; groups under 5 suppressed', query: reachInput, response: reachResponse }
];

type Json = Record<string, unknown>;

/**
 * Zod → JSON Schema, with every named schema (`.meta({ id })`) moved to components.schemas and
 * referenced from there, so clients generate one type per named schema.
 */
function schemaIn(components: Record<string, Json>, s: z.ZodType): Json {
	const raw = JSON.stringify(z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any' })).replaceAll(
		'"#/$defs/',
		'"#/components/schemas/'
	);
	const { $defs, $schema: _, ...rest } = JSON.parse(raw) as Json & { $defs?: Record<string, Json> };
	Object.assign(components, $defs ?? {});
	return rest;
}

export function openApiDocument(origin: string) {
	const paths: Record<string, Record<string, unknown>> = {};
	const components: Record<string, Json> = {};
	const schema = (s: z.ZodType) => schemaIn(components, s);
	const problem = { description: 'Problem', content: { 'application/problem+json': { schema: schema(problemSchema) } } };
	for (const op of OPERATIONS) {
		paths[op.path] ??= {};
		const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }));
		const queryParams = op.query
			? Object.entries((schema(op.query) as { properties?: Record<string, Json> }).properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }))
			: [];
		const parameters = [...pathParams, ...queryParams];
		paths[op.path]![op.method] = {
			operationId: op.operationId,
			summary: op.summary,
			...(parameters.length ? { parameters } : {}),
			security: [{ bearer: [] }],
			...(op.request ? { requestBody: { required: true, content: { 'application/json': { schema: schema(op.request) } } } } : {}),
			responses: {
				[String(op.status ?? 200)]: {
					description: op.status === 201 ? 'Created' : 'OK',
					content: { 'application/json': { schema: schema(op.response) } }
				},
				'401': problem,
				'403': problem,
				...(op.request || op.query ? { '400': problem, '422': problem } : {}),
				...(pathParams.length ? { '404': problem } : {}),
				...(op.method === 'post' ? { '409': problem } : {})
			}
		};
	}
	return {
		openapi: '3.1.0',
		info: { title: 'Wijkweb API', version: '1.0.0', description: 'Personal access tokens (Bearer) from the account page or `npm run token`.' },
		servers: [{ url: `${origin}/api/v1` }],
		components: { schemas: components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
		paths
	};
}
