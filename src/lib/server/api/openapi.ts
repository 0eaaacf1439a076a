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

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any' });

export function openApiDocument(origin: string) {
	const paths: Record<string, Record<string, unknown>> = {};
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
		components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
		paths
	};
}
