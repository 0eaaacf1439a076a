import { describe, expect, it } from 'vitest';
import { OPERATIONS, openApiDocument } from './openapi.ts';

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
	it('has every operationId the issue names, each with its path parameters', () => {
		const ids = OPERATIONS.map((o) => o.operationId);
		for (const id of ['createPerson', 'createNeed', 'createOffer', 'listNeeds', 'suggestMatches', 'proposeLink', 'respondToLink', 'completeLink', 'getMutualAidReach', 'recordCertificate'])
			expect(ids).toContain(id);
		const matches = doc.paths['/aid/needs/{id}/matches']!.get as { parameters: { name: string; in: string }[] };
		expect(matches.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })]);
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
		expect(post.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })]);
		const body = resolve(post.requestBody.content['application/json']!.schema);
		expect(Object.keys(body.properties as object).sort()).toEqual(['checkedOn', 'validUntil']);
		expect(post.responses['200']).toBeUndefined();
		const created = resolve(post.responses['201']!.content!['application/json']!.schema);
		expect(Object.keys(created.properties as object).sort()).toEqual(['checkedOn', 'id', 'personId', 'validUntil']);
	});
});
