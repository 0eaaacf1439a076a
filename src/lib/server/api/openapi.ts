import { z } from 'zod';
import { meResponse, problemSchema } from './schemas.ts';

type Operation = {
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
	path: string;
	operationId: string;
	summary: string;
	response: z.ZodType;
	request?: z.ZodType;
};

// Every /api/v1 operation, with a stable operationId. Later modules add theirs here.
export const OPERATIONS: Operation[] = [
	{ method: 'get', path: '/me', operationId: 'getMe', summary: 'The token’s user, person and roles', response: meResponse }
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
		paths[op.path]![op.method] = {
			operationId: op.operationId,
			summary: op.summary,
			security: [{ bearer: [] }],
			...(op.request ? { requestBody: { required: true, content: { 'application/json': { schema: schema(op.request) } } } } : {}),
			responses: {
				'200': { description: 'OK', content: { 'application/json': { schema: schema(op.response) } } },
				'401': problem,
				'403': problem,
				...(op.request ? { '400': problem, '422': problem } : {})
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
