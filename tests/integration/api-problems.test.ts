import { describe, expect, it } from 'vitest';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { createNeed, createNeedInput } from '../../src/lib/server/aid/index.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import type { Actor } from '../../src/lib/server/core/context.ts';
import * as rest from '../../src/routes/api/v1/[...rest]/+server.ts';

type Handler = (event: never) => Response | Promise<Response>;

// The operations served by the one dispatcher route (declared with their verbs).
const dispatched = rest.fallback as Handler;

// What a client reads when something is wrong: a stable type URI and code, the detail in the token
// owner's language, and field errors in the same shape for a query as for a body.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const f = ctxFor(db, facilitator.actor);
const person = await registerPerson(
	f,
	registerPersonInput.parse({ firstName: 'Mila', organisationId: org.id, areaId: area.id, contactConsent: 'on' })
);
const need = await createNeed(f, createNeedInput.parse({ personId: person.id, category: 'errands', title: 'Shopping', areaId: area.id }));

async function call(
	handler: Handler,
	path: string,
	opts: { method?: string; body?: unknown; params?: Record<string, string>; locale?: string; actor?: Actor } = {}
) {
	const url = new URL(`http://localhost/api/v1${path}`);
	const init: RequestInit = { method: opts.method ?? 'GET' };
	if (opts.body !== undefined) init.headers = { 'content-type': 'application/json' };
	if (opts.body !== undefined) init.body = JSON.stringify(opts.body);
	const event = {
		request: new Request(url, init),
		url,
		params: opts.params ?? {},
		locals: { actor: opts.actor ?? facilitator.actor, locale: opts.locale ?? 'en' }
	};
	const res = await handler(event as never);
	if (res.status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
	return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const INVALID = { type: 'https://wijkweb.example/problems/invalid', code: 'error_invalid', title: 'Unprocessable Content', status: 422 };

describe('problem+json', () => {
	it.each([
		['/aid/needs?limit=0&status=later', dispatched, {}, ['limit', 'status']],
		['/aid/links?stalled=yes', dispatched, {}, ['stalled']],
		['/aid/weekly', dispatched, {}, ['areaId']],
		['/aid/needs/{id}/matches?limit=99', dispatched, { id: need.id }, ['limit']]
	] as const)('answers a bad query of %s as a bad body: 422, invalid, a message per field', async (path, handler, params, fields) => {
		const r = await call(handler as Handler, path.replace('{id}', need.id), { params });
		expect(r.status).toBe(422);
		expect(r.body).toMatchObject({ ...INVALID, detail: 'Some fields need your attention.' });
		expect(Object.keys(r.body.errors as object).sort()).toEqual([...fields].sort());
		for (const message of Object.values(r.body.errors as object)) expect(message).toEqual(expect.any(String));
	});

	it('gives a body error the same shape, with the fields translated', async () => {
		const r = await call(dispatched, '/aid/needs', {
			method: 'POST',
			body: { personId: person.id, category: 'nonsense', title: 'x' },
			locale: 'fr'
		});
		expect(r.status).toBe(422);
		expect(r.body).toMatchObject({ ...INVALID, detail: 'Certains champs sont à vérifier.' });
		expect(r.body.errors).toHaveProperty('category');
	});

	it('names a domain error by its own type and code, the detail in the caller’s language', async () => {
		const once = await call(dispatched, `/aid/needs/${need.id}/duplicate`, {
			method: 'POST',
			body: { reason: 'Asked twice' },
			params: { id: need.id }
		});
		expect(once.status).toBe(200);
		const again = await call(dispatched, `/aid/needs/${need.id}/duplicate`, {
			method: 'POST',
			body: { reason: 'Asked twice' },
			params: { id: need.id },
			locale: 'bg'
		});
		expect(again).toEqual({
			status: 409,
			body: {
				type: 'https://wijkweb.example/problems/need-not-open',
				code: 'aid_error_need_not_open',
				title: 'Need not open',
				status: 409,
				detail: expect.stringMatching(/[а-я]/)
			}
		});
	});

	it('answers an unknown path and a malformed id with not-found', async () => {
		const unknown = await call(rest.fallback as Handler, '/nothing/here');
		expect(unknown.body).toMatchObject({ type: 'https://wijkweb.example/problems/not-found', code: 'error_not_found', status: 404 });
		const malformed = await call(dispatched as Handler, '/aid/needs/nope/matches', { params: { id: 'nope' } });
		expect(malformed.body).toMatchObject({ code: 'error_not_found', status: 404 });
	});
});
