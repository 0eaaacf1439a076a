import { describe, expect, it } from 'vitest';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { openApiDocument } from './openapi.ts';

// The API document through a real OpenAPI linter (Redocly's recommended rules): zero errors, so the
// document that client generators read is valid, not only the one our own tests expect.

async function errorsIn(document: unknown): Promise<string[]> {
	const config = await createConfig({ extends: ['recommended'] });
	const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
	return problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
}

describe('the OpenAPI document', () => {
	it('passes Redocly’s recommended rules without an error', async () => {
		expect(await errorsIn(openApiDocument('https://wijkweb.example'))).toEqual([]);
	});

	it('would fail on a broken document (the linter really looks)', async () => {
		const broken = openApiDocument('https://wijkweb.example');
		const [a, b] = Object.values(broken.paths).flatMap((methods) => Object.values(methods)) as Array<{ operationId: string }>;
		b!.operationId = a!.operationId;
		expect(await errorsIn(broken)).toEqual([expect.stringContaining('operation-operationId-unique')]);
	});
});
