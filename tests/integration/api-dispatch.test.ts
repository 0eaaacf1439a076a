import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { freshAppDatabase } from './db.ts';
import { makeActor, makeArea } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';

// The one /api/v1 route serves only declared operations, each through its verb.

const { db } = await freshAppDatabase();
const area = await makeArea(db, 'Rabot');
const admin = await makeActor(db, 'admin');

describe('the /api/v1 dispatcher', () => {
	it('answers an unknown path with a 404 problem', async () => {
		const res = await apiCall(admin.actor, { path: '/nothing/here' });
		expect(res.status).toBe(404);
		expect(res.headers.get('content-type')).toBe('application/problem+json');
	});

	it('answers a known path with another method 405, saying which methods it takes', async () => {
		const res = await apiCall(admin.actor, { method: 'DELETE', path: '/me' });
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('GET');
	});

	it('answers nobody 401 on an operation that needs a token', async () => {
		const res = await apiCall(anonymous, { path: '/me' });
		expect(res.status).toBe(401);
		expect(res.headers.get('content-type')).toBe('application/problem+json');
	});

	it('serves the neighbourhoods without a token, as the home page shows them', async () => {
		const res = await apiCall(anonymous, { path: '/areas' });
		expect(res.status).toBe(200);
		expect(res.body.items).toEqual([{ id: area.id, name: 'Rabot', city: 'Gent', source: null }]);
		expect(res.body.nextCursor).toBeNull();
	});

	it('answers /me with the caller', async () => {
		const res = await apiCall(admin.actor, { path: '/me' });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ id: admin.user.id, email: admin.email });
	});

	it('has no other route files under /api/v1 than itself and the document', () => {
		const dir = join(import.meta.dirname, '../../src/routes/api/v1');
		const files = readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((f) => f.isFile())
			.map((f) => join(f.parentPath, f.name).slice(dir.length + 1))
			.sort();
		expect(files.filter((f) => f.includes('+server') && !f.startsWith('[...rest]') && !f.startsWith('openapi.json'))).toEqual([]);
	});
});
