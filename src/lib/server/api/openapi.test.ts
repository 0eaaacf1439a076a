import { describe, expect, it } from 'vitest';
import { documented, openApiDocument } from './openapi.ts';

const OPERATIONS = documented();

const doc = openApiDocument('http://localhost:3000');

/** Follows a local `#/components/...` reference. */
function resolve(node: Record<string, unknown>): Record<string, unknown> {
	const ref = node.$ref;
	if (typeof ref !== 'string') return node;
	return ref
		.slice(2)
		.split('/')
		.reduce<Record<string, unknown>>((at, key) => at[key] as Record<string, unknown>, doc as unknown as Record<string, unknown>);
}

describe('OpenAPI document', () => {
	it('is OpenAPI 3.1 with a unique operationId on every operation', () => {
		expect(doc.openapi).toBe('3.1.0');
		const ids = OPERATIONS.map((o) => o.operationId);
		expect(new Set(ids).size).toBe(ids.length);
		expect(doc.paths['/me']?.get).toMatchObject({ operationId: 'getMe' });
	});

	it('documents getMe from the Zod schema, through a resolvable named component', () => {
		const get = doc.paths['/me']!.get as { responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }> };
		const me = resolve(get.responses['200']!.content['application/json']!.schema);
		expect(me.type).toBe('object');
		expect(Object.keys(me.properties as object)).toEqual(expect.arrayContaining(['id', 'email', 'roles', 'tokenScopes']));
		const problem = resolve(get.responses['401']!.content['application/problem+json']!.schema);
		expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail']));
		expect(JSON.stringify(doc)).not.toContain('#/$defs/');
	});
});

describe('mutual-aid operations', () => {
	it('documents the own need and offer operations with their path id, bodies and a 409', () => {
		const ops = Object.fromEntries(OPERATIONS.map((o) => [o.operationId, `${o.method} ${o.path}`]));
		expect(ops).toMatchObject({
			getNeed: 'get /aid/needs/{id}',
			updateNeed: 'patch /aid/needs/{id}',
			withdrawNeed: 'post /aid/needs/{id}/withdraw',
			closeNeedAsDuplicate: 'post /aid/needs/{id}/duplicate',
			getOffer: 'get /aid/offers/{id}',
			updateOffer: 'patch /aid/offers/{id}'
		});
		const patch = doc.paths['/aid/offers/{id}']!.patch as { requestBody: unknown; responses: Record<string, unknown> };
		expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404', '409', '422']));
		const body = resolve((patch.requestBody as { content: Record<string, { schema: Record<string, unknown> }> }).content['application/json']!.schema);
		expect(Object.keys(body.properties as object)).toEqual(expect.arrayContaining(['status', 'capacity', 'title']));
	});

	it('has every operationId the issue names, each with its path parameters', () => {
		const ids = OPERATIONS.map((o) => o.operationId);
		for (const id of [
			'createPerson',
			'createNeed',
			'createOffer',
			'listNeeds',
			'suggestMatches',
			'proposeLink',
			'respondToLink',
			'completeLink',
			'getMutualAidReach',
			'recordCertificate'
		])
			expect(ids).toContain(id);
		// Its `limit` is documented, with its range and default (the issue: it was taken but not said).
		const matches = doc.paths['/aid/needs/{id}/matches']!.get as { parameters: { name: string; in: string; schema: Record<string, unknown> }[] };
		expect(matches.parameters).toEqual([
			expect.objectContaining({ name: 'id', in: 'path' }),
			expect.objectContaining({ name: 'limit', in: 'query', schema: expect.objectContaining({ minimum: 1, maximum: 50, default: 10 }) })
		]);
		const reach = doc.paths['/aid/reach']!.get as { parameters: { name: string; in: string }[] };
		expect(reach.parameters.map((p) => p.name).sort()).toEqual(['areaId', 'from', 'to']);
		const create = doc.paths['/aid/needs']!.post as { requestBody: { content: Record<string, { schema: Record<string, unknown> }> } };
		const body = resolve(create.requestBody.content['application/json']!.schema);
		expect(Object.keys(body.properties as object)).toEqual(expect.arrayContaining(['category', 'windows', 'personId']));
	});

	it('documents recordCertificate as a 201 with the person in the path and only the dates in the body', () => {
		const post = doc.paths['/people/{id}/certificates']!.post as {
			parameters: { name: string; in: string }[];
			requestBody: { content: Record<string, { schema: Record<string, unknown> }> };
			responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
		};
		expect(post.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' }), { $ref: '#/components/parameters/IdempotencyKey' }]);
		const body = resolve(post.requestBody.content['application/json']!.schema);
		expect(Object.keys(body.properties as object).sort()).toEqual(['checkedOn', 'validUntil']);
		expect(post.responses['200']).toBeUndefined();
		const created = resolve(post.responses['201']!.content!['application/json']!.schema);
		expect(Object.keys(created.properties as object).sort()).toEqual(['checkedOn', 'id', 'personId', 'validUntil']);
	});
});

describe('the operations the aid pages have (issue: everything the pages can do, the API can do)', () => {
	type Op = {
		operationId: string;
		security: unknown[];
		parameters?: { name: string; in: string; schema: Record<string, unknown> }[];
		requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
		responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
	};
	const op = (path: string, method: string) => (doc.paths[path] as Record<string, Op> | undefined)?.[method];
	const bodyOf = (o: Op) => resolve(o.requestBody!.content['application/json']!.schema);

	it.each([
		['endLink', 'post', '/aid/links/{id}/end', '200'],
		['nudgeLink', 'post', '/aid/links/{id}/nudge', '200'],
		['giveFeedback', 'post', '/aid/links/{id}/feedback', '200'],
		['listLinks', 'get', '/aid/links', '200'],
		['listMyAid', 'get', '/aid/me', '200'],
		['getWeeklyProposal', 'get', '/aid/weekly', '200'],
		['listOfficeHours', 'get', '/aid/office-hours', '200'],
		['createOfficeHour', 'post', '/aid/office-hours', '201'],
		['getOfficeHour', 'get', '/aid/office-hours/{id}', '200'],
		['countVisit', 'post', '/aid/visits', '201'],
		['getVisit', 'get', '/aid/visits/{id}', '200'],
		['setNeighbourhoodBoard', 'post', '/areas/{area}/board', '200'],
		['getNeighbourhoodBoard', 'get', '/areas/{area}/board', '200'],
		['listNeighbourhoodOfficeHours', 'get', '/areas/{area}/office-hours', '200']
	])('has %s at %s %s, answering %s with a named schema', (id, method, path, status) => {
		const o = op(path, method)!;
		expect(o.operationId).toBe(id);
		expect(OPERATIONS.filter((x) => x.operationId === id)).toHaveLength(1);
		expect(Object.keys(o.responses).filter((s) => s.startsWith('2'))).toEqual([status]);
		expect(o.responses[status]!.content!['application/json']!.schema.$ref).toMatch(/^#\/components\/schemas\/\w+$/);
		expect(resolve(o.responses[status]!.content!['application/json']!.schema).type).toBe('object');
		for (const p of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))
			expect(o.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: p, in: 'path' })]));
		if (o.requestBody) expect(Object.keys(o.responses)).toEqual(expect.arrayContaining(['415', '422']));
	});

	it('documents request bodies as what a client sends (defaults optional, the path not in the body)', () => {
		const end = bodyOf(op('/aid/links/{id}/end', 'post')!);
		expect(Object.keys(end.properties as object).sort()).toEqual(['reason', 'to']);
		expect(end.required).toEqual(['to']);
		expect(String(end.description)).toContain('reason');
		const feedback = bodyOf(op('/aid/links/{id}/feedback', 'post')!);
		expect(Object.keys(feedback.properties as object).sort()).toEqual(['comment', 'rating']);
		const hour = bodyOf(op('/aid/office-hours', 'post')!);
		expect(hour.required).not.toContain('public');
		expect((hour.properties as Record<string, Record<string, unknown>>).start).not.toEqual({});
		expect(bodyOf(op('/aid/needs', 'post')!).required).not.toContain('windows');
		const board = bodyOf(op('/areas/{area}/board', 'post')!);
		expect(Object.keys(board.properties as object).sort()).toEqual(['organisationId', 'show']);
		expect(board.required).toEqual(['show']);
	});

	it('documents a DELETE as 204 No Content, without a body', () => {
		const del = op('/aid/office-hours/{id}', 'delete')!;
		expect(Object.keys(del.responses).filter((s) => s.startsWith('2'))).toEqual(['204']);
		expect(del.responses['204']!.content).toBeUndefined();
	});

	it('documents a file answer (exportSignals) as a binary body per content type, before /signals/{id}', () => {
		const file = op('/signals/export', 'get')!;
		expect(file.responses['200']!.content).toEqual({
			'text/csv': { schema: { type: 'string', format: 'binary' } },
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } }
		});
		expect(file.responses['422']).toBeDefined();
		const ids = OPERATIONS.map((o) => o.operationId);
		expect(ids.indexOf('exportSignals')).toBeLessThan(ids.indexOf('getSignal'));
	});

	it('says where the body is empty and where the sending happens', () => {
		expect(OPERATIONS.find((o) => o.operationId === 'nudgeLink')!.summary).toContain('{}');
		expect(OPERATIONS.find((o) => o.operationId === 'getWeeklyProposal')!.summary).toContain('proposeLink');
	});

	it('has the query parameters of the pages', () => {
		expect(
			op('/aid/links', 'get')!
				.parameters!.map((p) => p.name)
				.sort()
		).toEqual(['areaId', 'cursor', 'limit', 'stalled']);
		expect(op('/aid/weekly', 'get')!.parameters!.map((p) => p.name)).toEqual(['areaId']);
	});

	it('opens only what the public pages show without a token (the neighbourhoods, the board by code)', () => {
		const open = OPERATIONS.filter((o) => o.public).map((o) => o.operationId);
		// Funding calls: a published or closed call is public (its page needs no account); a draft answers 404 without its officer's token.
		expect(open.sort()).toEqual(['getCall', 'getNeighbourhoodBoard', 'listCalls', 'listNeighbourhoodOfficeHours', 'listNeighbourhoods']);
		const board = op('/areas/{area}/board', 'get')!;
		expect(board.security).toEqual([]);
		expect(board.responses['401']).toBeUndefined();
		expect(board.parameters![0]!.schema).not.toHaveProperty('format');
		expect(op('/areas/{area}/board', 'post')!.security).toEqual([{ bearer: [] }]);
	});

	it('documents every record made as a 201', () => {
		for (const id of ['createPerson', 'createNeed', 'createOffer', 'proposeLink', 'recordCertificate', 'createOfficeHour', 'countVisit'])
			expect(OPERATIONS.find((o) => o.operationId === id)!.status, id).toBe(201);
	});
});

describe('the API conventions in the document (docs/api.md)', () => {
	type Op = { parameters?: Record<string, unknown>[]; security: unknown[]; responses: Record<string, Record<string, unknown>> };
	const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
		Object.entries(item as Record<string, Op>).map(([method, o]) => ({ path, method, o }))
	);

	it('offers the Idempotency-Key header on every POST with a token, and only there', () => {
		const key = { $ref: '#/components/parameters/IdempotencyKey' };
		for (const { path, method, o } of ops) {
			const wanted = method === 'post' && o.security.length > 0;
			expect(
				(o.parameters ?? []).some((p) => p.$ref === key.$ref),
				`${method} ${path}`
			).toBe(wanted);
		}
		expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header', schema: { maxLength: 255 } });
	});

	it('documents the 429 and the RateLimit headers on every operation with a token', () => {
		for (const { path, method, o } of ops) {
			if (!o.security.length) continue;
			expect(o.responses['429'], `${method} ${path}`).toEqual({ $ref: '#/components/responses/TooManyRequests' });
			const ok = Object.entries(o.responses).find(([s]) => s.startsWith('2'))![1];
			expect(Object.keys(ok.headers as object), `${method} ${path}`).toEqual(expect.arrayContaining(['RateLimit', 'RateLimit-Policy']));
		}
		expect(Object.keys(doc.components.responses.TooManyRequests.headers).sort()).toEqual(['RateLimit', 'RateLimit-Policy', 'Retry-After']);
		expect(Object.keys(doc.components.headers)).toEqual(
			expect.arrayContaining(['RateLimit', 'RateLimit-Policy', 'Retry-After', 'Idempotency-Replayed'])
		);
	});

	it('describes a problem with its type URI, its code from the registry and field errors', () => {
		const problem = doc.components.schemas.Problem as { required: string[]; properties: Record<string, Record<string, unknown>> };
		expect(problem.required).toEqual(expect.arrayContaining(['type', 'code', 'title', 'status', 'detail']));
		expect(problem.properties.type).toMatchObject({ format: 'uri' });
		expect(problem.properties.code!.enum).toEqual(
			expect.arrayContaining(['error_invalid', 'aid_error_need_not_open', 'error_rate_limited', 'error_idempotency_key_reused'])
		);
		expect(problem.properties.errors).toMatchObject({ type: 'object' });
	});
});
