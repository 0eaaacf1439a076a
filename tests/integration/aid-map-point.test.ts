import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { formPost, outcome } from '../factories/page.ts';
import { makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { areasArea } from '../../src/lib/server/areas/schema.ts';
import { aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { contains, fitProjection, project, readBoundary } from '../../src/lib/aid/map.ts';
import wijken from '../../src/lib/server/seed/gent-wijken.json' with { type: 'json' };

// The optional point of a resident's need or offer, picked on the server-drawn map without JavaScript:
// the map picture, the "Where?" question's taps and "remove the place" (kept in the draft, never sent) and
// the send that stores the point.

const { db } = await freshAppDatabase();

const [rabotGeo, sluizekenGeo] = wijken.features;
const withBoundary = async (name: string, code: string, geometry: unknown) =>
	(await db.insert(areasArea).values({ name, city: 'Gent', code, boundary: geometry, source: wijken.attribution }).returning())[0]!;
const rabot = await withBoundary('Rabot - Blaisantvest', 'map-rabot', rabotGeo!.geometry);
const sluizeken = await withBoundary('Sluizeken - Tolhuis - Ham', 'map-sluizeken', sluizekenGeo!.geometry);
const bare = await makeArea(db, 'Zonder grens');
const org = await makeOrganisation(db);
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: rabot.id });
const everywhere = await makeActor(db, 'volunteer', { organisationId: org.id });
const nobody = await makeActor(db, null);

const rabotBoundary = readBoundary(rabotGeo!.geometry)!;
const IN_RABOT = { lat: 51.0635, lon: 3.712 };
const pixel = project(fitProjection(rabotBoundary), IN_RABOT);

const counts = async () => ({
	needs: ((await db.select({ n: count() }).from(aidNeed)) as [{ n: number }])[0].n,
	offers: ((await db.select({ n: count() }).from(aidOffer)) as [{ n: number }])[0].n,
	audit: ((await db.select({ n: count() }).from(coreAudit)) as [{ n: number }])[0].n
});

type Actor = { actor: unknown } | null;
type Reply = { status?: number; location?: string; data?: { values: Record<string, string>; errors: Record<string, string> } };
const post = (who: Actor, kind: string, path: string, fields: Array<[string, string]>) => formPost(path, who, fields, { params: { kind } });
const pages = {
	what: () => import('../../src/routes/(resident)/help/[kind]/+page.server.ts'),
	when: () => import('../../src/routes/(resident)/help/[kind]/when/+page.server.ts'),
	where: () => import('../../src/routes/(resident)/help/[kind]/where/+page.server.ts'),
	more: () => import('../../src/routes/(resident)/help/[kind]/more/+page.server.ts'),
	check: () => import('../../src/routes/(resident)/help/[kind]/check/+page.server.ts')
};
/** The step's answer action: `save` where the page has named actions ("Where?"), else the default. */
const submit = (actions: object) => {
	const a = actions as Record<string, ((event: never) => unknown) | undefined>;
	return (a.save ?? a.default)!;
};
const tap = (x: number, y: number): Array<[string, string]> => [
	['map.x', String(x)],
	['map.y', String(y)]
];
/** A tap on the "Where?" map of `areaId`. */
const point = async (who: Actor, areaId: string, fields: Array<[string, string]>, kind = 'need') =>
	(await outcome((await pages.where()).actions.point!(post(who, kind, `/help/${kind}/where`, [['areaId', areaId], ...fields])))) as Reply;
/** The questions before and after "Where?", answered. */
async function answered(who: Actor, areaId: string, kind = 'need') {
	const step = async (page: 'what' | 'when' | 'where' | 'more', fields: Array<[string, string]>) =>
		outcome(submit((await pages[page]()).actions)(post(who, kind, `/help/${kind}/${page}`, fields)));
	await step('what', [['category', kind === 'need' ? 'errands' : 'repairs']]);
	await step('when', [['when', 'mornings']]);
	await step('where', [['areaId', areaId]]);
	await step('more', [
		['title', 'Boodschappen op dinsdag'],
		['capacity', '2']
	]);
}
const draftOf = async (who: { actor: unknown }, kind = 'need') =>
	(await (await pages.check()).load(post(who, kind, `/help/${kind}/check`, []) as never)) as { draftId: string; values: Record<string, string> };
const send = async (who: { actor: unknown }, kind = 'need') =>
	(await outcome(
		(await pages.check()).actions.send!(post(who, kind, `/help/${kind}/check`, [['draft', (await draftOf(who, kind)).draftId]]))
	)) as Reply;

describe('the map picture', () => {
	const get = async (code: string, query = '') => {
		const { GET } = await import('../../src/routes/(public)/areas/[code]/map.svg/+server.ts');
		return outcome(
			GET({ params: { code }, url: new URL(`http://localhost/areas/${code}/map.svg${query}`), locals: { locale: 'nl' } } as never)
		) as Promise<Response & { status: number; body: { message: string } }>;
	};

	it('draws a neighbourhood for anyone, with its name and the attribution of the boundary, cacheable', async () => {
		const res = await get(rabot.code);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
		expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
		const svg = await res.text();
		expect(svg).toContain('<title id="map-title">Rabot - Blaisantvest, Gent</title>');
		expect(svg).toContain('Bron: Stad Gent (data.stad.gent, stadswijken-gent)');
		expect(svg).not.toContain('translate(');
	});

	it('adds a marker at ?lat=&lon=, kept out of shared caches', async () => {
		const res = await get(rabot.code, `?lat=${IN_RABOT.lat}&lon=${IN_RABOT.lon}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('private, max-age=3600');
		expect(await res.text()).toContain(`translate(${Math.round(pixel.x * 10) / 10} ${Math.round(pixel.y * 10) / 10})`);
	});

	it.each([
		['a latitude of 91', '?lat=91&lon=3.7'],
		['a latitude alone', '?lat=51.06'],
		['an empty longitude', '?lat=51.06&lon='],
		['words', '?lat=north&lon=east'],
		['an exponent', '?lat=5e1&lon=3']
	])('answers 400 to %s', async (_name, query) => {
		const res = await get(rabot.code, query);
		expect(res.status).toBe(400);
		expect(res.body.message).toBe('Deze plaats bestaat niet op de kaart.');
	});

	it('answers 404 for an unknown area and for one without a boundary', async () => {
		expect((await get('no-such-area')).status).toBe(404);
		const none = await get(bare.code);
		expect(none.status).toBe(404);
		expect(none.body.message).toBe('Er is geen kaart van deze wijk.');
	});
});

describe('the “Where?” question with a point', () => {
	it('offers the map only for areas with a boundary, with its attribution', async () => {
		await answered(everywhere, rabot.id);
		const data = (await (await pages.where()).load(post(everywhere, 'need', '/help/need/where', []) as never)) as {
			areas: Array<{ id: string; code: string; map: boolean; source: string | null }>;
		};
		const byId = new Map(data.areas.map((a) => [a.id, a]));
		expect(byId.get(rabot.id)).toMatchObject({ code: rabot.code, map: true, source: wijken.attribution });
		expect(byId.get(sluizeken.id)?.map).toBe(true);
		expect(byId.get(bare.id)).toMatchObject({ map: false, source: null });
	});

	it('a tap keeps the point in the draft, the other answers with it, and comes back to the map; nothing is stored', async () => {
		await answered(resident, rabot.id);
		const before = await counts();
		const res = await point(resident, rabot.id, tap(Math.round(pixel.x), Math.round(pixel.y)));
		expect([res.status, res.location]).toEqual([303, '/help/need/where?map=1#f-point']);
		const { values } = await draftOf(resident);
		expect(values).toMatchObject({ title: 'Boodschappen op dinsdag', when: ['mornings'], areaId: rabot.id });
		expect(values).not.toHaveProperty('map.x');
		const p = { lat: Number(values.lat), lon: Number(values.lon) };
		expect(contains(rabotBoundary, p)).toBe(true);
		expect(Math.abs(p.lat - IN_RABOT.lat)).toBeLessThan(0.0001);
		expect(Math.abs(p.lon - IN_RABOT.lon)).toBeLessThan(0.0001);
		expect(await counts()).toEqual(before);
	});

	it.each([
		['a tap outside the outline', tap(318, 318), 'This place is outside the neighbourhood. Tap inside the outlined area, or remove the place.'],
		['a keyboard "click" at 0,0', tap(0, 0), 'The map needs a tap or a mouse click. The place is optional: you can leave it out.'],
		[
			'a tap that is no pixel',
			[
				['map.x', '-4'],
				['map.y', 'x']
			] as Array<[string, string]>,
			'This click could not be read. Tap the map again.'
		]
	])('refuses %s with a message at the map and keeps the point', async (_name, click, message) => {
		const kept = (await draftOf(resident)).values;
		const res = await point(resident, rabot.id, click);
		expect(res.status).toBe(422);
		expect(res.data!.errors).toEqual({ point: message });
		expect((await draftOf(resident)).values).toEqual(kept);
	});

	it('sends the need with the point', async () => {
		const res = await send(resident);
		expect(res.location).toMatch(/^\/help\/need\/done\//);
		const [row] = await db.select().from(aidNeed).where(eq(aidNeed.personId, resident.person.id));
		expect(row).toMatchObject({ areaId: rabot.id, title: 'Boodschappen op dinsdag' });
		expect(contains(rabotBoundary, { lat: row!.lat!, lon: row!.lon! })).toBe(true);
	});

	it('removes the point without sending anything', async () => {
		await answered(resident, rabot.id);
		await point(resident, rabot.id, tap(Math.round(pixel.x), Math.round(pixel.y)));
		const before = await counts();
		const res = await point(resident, rabot.id, [['point', 'clear']]);
		expect(res.status).toBe(303);
		const { values } = await draftOf(resident);
		expect(values).not.toHaveProperty('lat');
		expect(values.title).toBe('Boodschappen op dinsdag');
		expect(await counts()).toEqual(before);
	});

	it('drops a place marked in one neighbourhood when another is chosen', async () => {
		await answered(everywhere, rabot.id, 'offer');
		await point(everywhere, rabot.id, tap(Math.round(pixel.x), Math.round(pixel.y)), 'offer');
		expect((await draftOf(everywhere, 'offer')).values.lat).toBeDefined();
		await outcome((await pages.where()).actions.save!(post(everywhere, 'offer', '/help/offer/where', [['areaId', sluizeken.id]])));
		const { values } = await draftOf(everywhere, 'offer');
		expect(values.areaId).toBe(sluizeken.id);
		expect(values).not.toHaveProperty('lat');
		expect((await send(everywhere, 'offer')).status).toBe(303);
		const [row] = await db.select().from(aidOffer).where(eq(aidOffer.personId, everywhere.person.id));
		expect(row).toMatchObject({ areaId: sluizeken.id, lat: null, lon: null, capacity: 2 });
	});

	it('answers a tap on a neighbourhood without a map with a message, not an error page', async () => {
		const res = await point(everywhere, bare.id, tap(100, 100), 'offer');
		expect(res.status).toBe(422);
		expect(res.data!.errors.point).toBe('There is no map of this neighbourhood. The place is optional.');
	});

	it('refuses someone who may not ask for help, and nobody at all, storing nothing', async () => {
		const before = await counts();
		expect((await point(nobody, rabot.id, tap(Math.round(pixel.x), Math.round(pixel.y)))).status).toBe(403);
		expect((await point(nobody, rabot.id, [['point', 'clear']])).status).toBe(403);
		expect((await point(null, rabot.id, tap(Math.round(pixel.x), Math.round(pixel.y)))).status).toBe(401);
		expect(await counts()).toEqual(before);
	});
});
