import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';
import { fieldworkContact } from '../../src/lib/server/fieldwork/schema.ts';
import { POST } from '../../src/routes/(work)/fieldwork/street/send/+server.ts';
import { actions } from '../../src/routes/(work)/fieldwork/street/+page.server.ts';
import { actions as settingsActions } from '../../src/routes/(work)/fieldwork/settings/+page.server.ts';

// The street log's two doors: the plain form post (no JavaScript) and the JSON endpoint the phone's
// queue sends to. Same origin only, each client id once, residents refused, another neighbourhood
// refused, bad input a 4xx in the request's language with nothing written.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const area = await makeArea(db);
const otherArea = await makeArea(db);
const outreach = await makeActor(db, 'outreach', { organisationId: org.id, areaId: area.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });

const rows = async () => ((await db.select({ n: count() }).from(fieldworkContact)) as [{ n: number }])[0].n;
const ORIGIN = 'http://localhost';

function send(who: { actor: unknown } | null, body: unknown, opts: { origin?: string | null; locale?: string } = {}) {
	const url = new URL('/fieldwork/street/send', ORIGIN);
	const headers = new Headers({ 'content-type': 'application/json' });
	if (opts.origin !== null) headers.set('origin', opts.origin ?? ORIGIN);
	const request = new Request(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
	return POST({ request, url, locals: { actor: who ? who.actor : anonymous, locale: opts.locale ?? 'en' } } as never);
}

const street = (extra: Record<string, unknown> = {}) => ({
	clientId: crypto.randomUUID(),
	areaId: area.id,
	anonymousCount: 6,
	ages: '16-20',
	durationMinutes: 30,
	themes: ['leisure'],
	startedAt: new Date().toISOString(),
	...extra
});

describe('the street queue’s endpoint', () => {
	it('logs a contact once per client id: 201, then 200 "repeated" with the same id', async () => {
		const before = await rows();
		const item = street();
		const first = await send(outreach, item);
		expect(first.status).toBe(201);
		const created = (await first.json()) as { id: string; repeated: boolean };
		expect(created.repeated).toBe(false);
		const again = await send(outreach, item);
		expect(again.status).toBe(200);
		expect(await again.json()).toMatchObject({ id: created.id, repeated: true });
		expect(await rows()).toBe(before + 1);
	});

	it('refuses another origin (403), nobody signed in (401), a resident and a volunteer (403); nothing written', async () => {
		const before = await rows();
		expect((await send(outreach, street(), { origin: 'https://evil.example' })).status).toBe(403);
		expect((await send(outreach, street(), { origin: null })).status).toBe(403);
		expect((await send(null, street())).status).toBe(401);
		expect((await send(resident, street())).status).toBe(403);
		expect((await send(volunteer, street())).status).toBe(403);
		expect(await rows()).toBe(before);
	});

	it('refuses a neighbourhood the worker does not work in, and bad input, with a message in the request’s language', async () => {
		const before = await rows();
		const elsewhere = await send(outreach, street({ areaId: otherArea.id }));
		expect(elsewhere.status).toBe(422);
		const zero = await send(outreach, street({ anonymousCount: 0 }), { locale: 'nl' });
		expect(zero.status).toBe(422);
		expect(((await zero.json()) as { fields: Record<string, string> }).fields.anonymousCount).toBe('Het aantal jongeren is tussen 1 en 500.');
		const many = await send(outreach, street({ anonymousCount: 10_000 }), { locale: 'fr' });
		expect(((await many.json()) as { fields: Record<string, string> }).fields.anonymousCount).toBe('Le nombre de jeunes est entre 1 et 500.');
		expect((await send(outreach, street({ themes: ['weather'] }))).status).toBe(422);
		expect((await send(outreach, street({ durationMinutes: -5 }))).status).toBe(422);
		expect((await send(outreach, street({ clientId: undefined }))).status).toBe(422);
		expect((await send(outreach, '{not json')).status).toBe(400);
		expect((await send(outreach, street({ note: 'x'.repeat(20_000) }))).status).toBe(413);
		expect(await rows()).toBe(before);
	});
});

describe('the street page’s plain form', () => {
	const fields = (extra: Record<string, string> = {}) => ({
		areaId: area.id,
		anonymousCount: '4',
		ages: '12-15',
		durationMinutes: '15',
		themes: 'health',
		placeName: 'Het plein',
		note: '',
		...extra
	});

	it('logs the contact and redirects (Post/Redirect/Get)', async () => {
		const before = await rows();
		const result = (await outcome(actions.default!(formPost('/fieldwork/street', outreach, fields())))) as { status: number; location: string };
		expect(result).toMatchObject({ status: 303, location: '/fieldwork/street?saved=1' });
		expect(await rows()).toBe(before + 1);
	});

	it('answers bad input with a 400 in the page’s language, another neighbourhood with a field error, a resident with 403; nothing written', async () => {
		const before = await rows();
		const bad = (await actions.default!(formPost('/fieldwork/street', outreach, fields({ anonymousCount: '0' }), { locale: 'nl' }))) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(bad.status).toBe(400);
		expect(bad.data.errors.anonymousCount).toBe('Het aantal jongeren is tussen 1 en 500.');
		const elsewhere = (await actions.default!(formPost('/fieldwork/street', outreach, fields({ areaId: otherArea.id })))) as { status: number };
		expect(elsewhere.status).toBe(422);
		const refused = (await actions.default!(formPost('/fieldwork/street', resident, fields()))) as { status: number };
		expect(refused.status).toBe(403);
		expect(await rows()).toBe(before);
	});
});

describe('the settings page’s form', () => {
	it('saves and redirects; refuses −5 minutes with a message in the page’s language; refuses a resident', async () => {
		const ok = (await outcome(
			settingsActions.default!(formPost('/fieldwork/settings', outreach, { usualMinutes: '45', weeklyTargetHours: '30' }))
		)) as {
			status: number;
		};
		expect(ok.status).toBe(303);
		const bad = (await settingsActions.default!(formPost('/fieldwork/settings', outreach, { usualMinutes: '-5' }, { locale: 'nl' }))) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(bad.status).toBe(400);
		expect(bad.data.errors.usualMinutes).toBe('Dit getal ligt buiten de grenzen.');
		const refused = (await settingsActions.default!(formPost('/fieldwork/settings', resident, { usualMinutes: '30' }))) as { status: number };
		expect(refused.status).toBe(403);
	});
});
