import { z } from 'zod';
import { problemSchema } from './schemas.ts';
import { OPERATIONS } from './operations.ts';

type Documented = {
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
	path: string;
	operationId: string;
	summary: string;
	response: z.ZodType;
	request?: z.ZodType;
	/** Query parameters (an object schema); path parameters are read from `{name}` in the path. */
	query?: z.ZodObject;
	/** The success status when it is not 200 (201 for a record made, 204 for nothing to say). */
	status?: 201 | 204;
	/** Path parameters that are not record ids (a neighbourhood's code), by name. */
	pathParams?: Record<string, { description: string; schema: Json }>;
	/** Open to anyone, no token (public data only). */
	public?: true;
	/** A file answer: its content types (each described as a binary body). */
	fileTypes?: string[];
};

type Json = Record<string, unknown>;

/** What the document describes: the declared operations, from their verbs. */
export function documented(): Documented[] {
	const bound: Documented[] = OPERATIONS.map((op) => ({
		method: op.method,
		path: op.path,
		operationId: op.operationId,
		summary: op.summary ?? op.verb.spec.summary,
		response: op.response ?? z.null(),
		request: op.request,
		query: op.query,
		status: op.status === 200 ? undefined : op.status,
		pathParams: op.pathParams,
		public: op.verb.spec.permission.public,
		fileTypes: op.file ? [...new Set(Object.values(op.file.types))] : undefined
	}));
	return bound;
}
type Io = 'input' | 'output';

const IDEMPOTENCY_KEY = {
	name: 'Idempotency-Key',
	in: 'header',
	required: false,
	description:
		'Makes the POST safe to retry: the first request with a key runs and its answer is kept 24 hours for this token; the same key with the same body gets that answer again (Idempotency-Replayed: true), with another body or path a 422 idempotency-key-reused, while the first still runs a 409 idempotency-key-in-flight. Failed requests are not kept.',
	schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' }
};

// The IETF draft "RateLimit header fields for HTTP" (docs/api.md); every answer to a token request has them.
const HEADERS = {
	RateLimit: {
		description: 'What is left of this token’s quota: `"per-token";r=<requests left>;t=<seconds until the window ends>`.',
		schema: { type: 'string', example: '"per-token";r=117;t=42' }
	},
	'RateLimit-Policy': {
		description: 'The quota: `"per-token";q=<requests>;w=60` (per token per minute, API_RATE_LIMIT, default 120).',
		schema: { type: 'string', example: '"per-token";q=120;w=60' }
	},
	'Retry-After': { description: 'Seconds to wait before the next request.', schema: { type: 'integer', minimum: 1 } },
	'Idempotency-Replayed': {
		description: 'true when this is the kept answer of an earlier request with the same Idempotency-Key, and nothing ran.',
		schema: { type: 'string', enum: ['true'] }
	}
};

/**
 * Zod → JSON Schema, with every named schema (`.meta({ id })`) moved to components.schemas and
 * referenced from there, so clients generate one type per named schema.
 */
function schemaIn(components: Record<string, Json>, s: z.ZodType, io: Io = 'output'): Json {
	const raw = JSON.stringify(z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any', io })).replaceAll(
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
	const schema = (s: z.ZodType, io?: Io) => schemaIn(components, s, io);
	const problem = { description: 'Problem', content: { 'application/problem+json': { schema: schema(problemSchema) } } };
	const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
	const rateHeaders = { RateLimit: ref('headers', 'RateLimit'), 'RateLimit-Policy': ref('headers', 'RateLimit-Policy') };
	for (const op of documented()) {
		paths[op.path] ??= {};
		const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
			name: m[1],
			in: 'path',
			required: true,
			...(op.pathParams?.[m[1]!] ?? { schema: { type: 'string', format: 'uuid' } })
		}));
		// Requests and queries are what a client sends: documented as Zod's input (defaults optional, "HH:MM" or minutes).
		const queryParams = op.query
			? Object.entries((schema(op.query, 'input') as { properties?: Record<string, Json> }).properties ?? {}).map(([name, s]) => ({
					name,
					in: 'query',
					required: false,
					schema: s
				}))
			: [];
		// Every POST with a token may be retried safely with a key (docs/api.md).
		const idempotent = op.method === 'post' && !op.public;
		const parameters = [...pathParams, ...queryParams, ...(idempotent ? [ref('parameters', 'IdempotencyKey')] : [])];
		paths[op.path]![op.method] = {
			operationId: op.operationId,
			summary: op.summary,
			...(parameters.length ? { parameters } : {}),
			security: op.public ? [] : [{ bearer: [] }],
			...(op.request ? { requestBody: { required: true, content: { 'application/json': { schema: schema(op.request, 'input') } } } } : {}),
			responses: {
				[String(op.status ?? 200)]: {
					description: op.status === 201 ? 'Created' : op.status === 204 ? 'No Content' : 'OK',
					...(op.public
						? {}
						: {
								headers: {
									...rateHeaders,
									...(idempotent ? { 'Idempotency-Replayed': ref('headers', 'Idempotency-Replayed') } : {}),
									...(op.fileTypes
										? { 'Content-Disposition': { description: 'attachment; filename="…" (a download).', schema: { type: 'string' } } }
										: {})
								}
							}),
					// 204: nothing to say, so no body. A file: its bytes, in one of its types, as an attachment.
					...(op.status === 204
						? {}
						: op.fileTypes
							? { content: Object.fromEntries(op.fileTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) }
							: { content: { 'application/json': { schema: schema(op.response) } } })
				},
				...(op.public ? {} : { '401': problem, '403': problem, '429': ref('responses', 'TooManyRequests') }),
				...(op.request || op.query ? { '400': problem, '422': problem } : {}),
				...(op.request ? { '415': problem } : {}),
				...(pathParams.length ? { '404': problem } : {}),
				...(op.method === 'post' || op.method === 'patch' ? { '409': problem } : {})
			}
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Wijkweb API',
			version: '1.0.0',
			license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
			description: 'Personal access tokens (Bearer) from the account page or `npm run token`.'
		},
		servers: [{ url: `${origin}/api/v1` }],
		components: {
			schemas: components,
			parameters: { IdempotencyKey: IDEMPOTENCY_KEY },
			headers: HEADERS,
			responses: {
				TooManyRequests: {
					description: 'Too many requests with this token in this minute',
					headers: { ...rateHeaders, 'Retry-After': ref('headers', 'Retry-After') },
					content: problem.content
				}
			},
			securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }
		},
		paths
	};
}
