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
// the map picture, the form's "set the point" / "remove the point" submissions (which never save) and
// the save that stores the point.

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
const IN_SLUIZEKEN = { lat: 51.0675, lon: 3.731 };
const pixel = project(fitProjection(rabotBoundary), IN_RABOT);

const counts = async () => ({
	needs: ((await db.select({ n: count() }).from(aidNeed)) as [{ n: number }])[0].n,
	offers: ((await db.select({ n: count() }).from(aidOffer)) as [{ n: number }])[0].n,
	audit: ((await db.select({ n: count() }).from(coreAudit)) as [{ n: number }])[0].n
});

type Actor = { actor: unknown } | null;
const post = (who: Actor, fields: Array<[string, string]>) => formPost('/help/need', who, fields);
type Reply = { status?: number; location?: string; data?: Reply; values: Record<string, string>; errors: Record<string, string>; pointStep?: string };
/** A plain reply (a map click that worked) or the data of a failure (status 4xx). */
const body = (r: Reply) => (r.data ?? r) as Reply;

const needForm = (over: Array<[string, string]> = []): Array<[string, string]> => [
	['category', 'errands'],
	['title', 'Boodschappen op dinsdag'],
	['description', 'Ik woon op de tweede verdieping'],
	['w0_day', '1'],
	['w0_start', '09:00'],
	['w0_end', '12:00'],
	['frequency', 'weekly'],
	['areaId', rabot.id],
	['mapArea', rabot.id],
	['languages', 'nl'],
	['languages', 'tr'],
	...over
];
const need = async () => (await import('../../src/routes/(resident)/help/need/+page.server.ts')).actions.default!;
const offer = async () => (await import('../../src/routes/(resident)/help/offer/+page.server.ts')).actions.default!;

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

describe('the need and offer forms with a point', () => {
	it('offers the map only for areas with a boundary, with its attribution', async () => {
		const { load } = await import('../../src/routes/(resident)/help/need/+page.server.ts');
		const data = (await load(post(everywhere, []))) as { areas: Array<{ id: string; code: string; map: boolean; source: string | null }> };
		const byId = new Map(data.areas.map((a) => [a.id, a]));
		expect(byId.get(rabot.id)).toMatchObject({ code: rabot.code, map: true, source: wijken.attribution });
		expect(byId.get(sluizeken.id)?.map).toBe(true);
		expect(byId.get(bare.id)).toMatchObject({ map: false, source: null });
	});

	it('sets the point from a click on the map, keeps everything typed, and stores nothing', async () => {
		const before = await counts();
		const res = body(
			(await (
				await need()
			)(
				post(
					resident,
					needForm([
						['map.x', String(Math.round(pixel.x))],
						['map.y', String(Math.round(pixel.y))]
					])
				)
			)) as Reply
		);
		expect(res.status).toBeUndefined();
		expect(res.pointStep).toBe('set');
		expect(res.errors).toEqual({});
		expect(res.values).toMatchObject({
			title: 'Boodschappen op dinsdag',
			description: 'Ik woon op de tweede verdieping',
			w0_start: '09:00',
			languages: 'nl,tr',
			frequency: 'weekly'
		});
		expect(res.values).not.toHaveProperty('map.x');
		const point = { lat: Number(res.values.lat), lon: Number(res.values.lon) };
		expect(contains(rabotBoundary, point)).toBe(true);
		expect(Math.abs(point.lat - IN_RABOT.lat)).toBeLessThan(0.0001);
		expect(Math.abs(point.lon - IN_RABOT.lon)).toBeLessThan(0.0001);
		expect(await counts()).toEqual(before);
	});

	it('saves the need with the point when the save button is pressed', async () => {
		const res = (await outcome(
			(await need())(
				post(
					resident,
					needForm([
						['lat', '51.0635'],
						['lon', '3.712']
					])
				)
			)
		)) as Reply;
		expect([res.status, res.location]).toEqual([303, '/help?saved=need']);
		const [row] = await db.select().from(aidNeed).where(eq(aidNeed.personId, resident.person.id));
		expect(row).toMatchObject({ lat: 51.0635, lon: 3.712, areaId: rabot.id, title: 'Boodschappen op dinsdag' });
	});

	it('saves an offer with its point too, and without one when none was picked', async () => {
		const form = (extra: Array<[string, string]>): Array<[string, string]> => [
			['category', 'repairs'],
			['title', 'Kleine herstellingen'],
			['capacity', '2'],
			['areaId', rabot.id],
			['mapArea', rabot.id],
			...extra
		];
		expect(
			(
				(await outcome(
					(await offer())(
						post(
							everywhere,
							form([
								['lat', '51.0635'],
								['lon', '3.712']
							])
						)
					)
				)) as Reply
			).status
		).toBe(303);
		expect(((await outcome((await offer())(post(everywhere, form([]))))) as Reply).status).toBe(303);
		const rows = await db.select().from(aidOffer).where(eq(aidOffer.personId, everywhere.person.id));
		expect(rows).toHaveLength(2);
		expect(rows.map((r) => [r.lat, r.lon])).toEqual(
			expect.arrayContaining([
				[51.0635, 3.712],
				[null, null]
			])
		);
	});

	it('removes the point without saving', async () => {
		const before = await counts();
		const res = body(
			(await (
				await need()
			)(
				post(
					resident,
					needForm([
						['lat', '51.0635'],
						['lon', '3.712'],
						['point', 'clear']
					])
				)
			)) as Reply
		);
		expect(res.pointStep).toBe('cleared');
		expect(res.values).not.toHaveProperty('lat');
		expect(res.values).not.toHaveProperty('lon');
		expect(res.values.title).toBe('Boodschappen op dinsdag');
		expect(await counts()).toEqual(before);
	});

	it.each([
		[
			'a click outside the outline',
			[
				['map.x', '318'],
				['map.y', '318']
			],
			'This place is outside the neighbourhood. Tap inside the outlined area, or remove the place.'
		],
		[
			'a keyboard "click" at 0,0',
			[
				['map.x', '0'],
				['map.y', '0']
			],
			'The map needs a tap or a mouse click. The place is optional: you can leave it out.'
		],
		[
			'a click that is no pixel',
			[
				['map.x', '-4'],
				['map.y', 'x']
			],
			'This click could not be read. Tap the map again.'
		]
	] as Array<[string, Array<[string, string]>, string]>)(
		'refuses %s with a message at the map, keeps the old point, stores nothing',
		async (_name, click, message) => {
			const before = await counts();
			const res = (await (await need())(post(resident, needForm([['lat', '51.0635'], ['lon', '3.712'], ...click])))) as Reply;
			expect(res.status).toBe(400);
			expect(body(res).errors).toEqual({ point: message });
			expect(body(res).values).toMatchObject({ lat: '51.0635', lon: '3.712', title: 'Boodschappen op dinsdag' });
			expect(await counts()).toEqual(before);
		}
	);

	it('ignores a click on the map of the area chosen before, and shows the new one', async () => {
		const res = body(
			(await (
				await need()
			)(
				post(
					everywhere,
					needForm([
						['map.x', '100'],
						['map.y', '100']
					]).map(([k, v]) => [k, k === 'areaId' ? sluizeken.id : v])
				)
			)) as Reply
		);
		expect(res.pointStep).toBe('area');
		expect(res.values).not.toHaveProperty('lat');
		expect(res.values.areaId).toBe(sluizeken.id);
	});

	it.each([
		[
			'a latitude of 91',
			[
				['lat', '91'],
				['lon', '3.712']
			],
			'This place is not on the map.'
		],
		[
			'half a point',
			[
				['lat', '51.0635'],
				['lon', '']
			],
			'This place is not on the map.'
		],
		[
			'a point in another neighbourhood',
			[
				['lat', String(IN_SLUIZEKEN.lat)],
				['lon', String(IN_SLUIZEKEN.lon)]
			],
			'This place is outside the neighbourhood. Tap inside the outlined area, or remove the place.'
		]
	] as Array<[string, Array<[string, string]>, string]>)(
		'refuses to save with %s: a field message, nothing stored',
		async (_name, point, message) => {
			const before = await counts();
			const res = (await outcome((await need())(post(resident, needForm(point))))) as Reply;
			expect(res.status).toBe(400);
			expect(body(res).errors.point).toBe(message);
			expect(body(res).values.title).toBe('Boodschappen op dinsdag');
			expect(await counts()).toEqual(before);
		}
	);

	it('refuses someone who may not ask for help, and nobody at all, storing nothing', async () => {
		const before = await counts();
		const click = needForm([
			['map.x', String(Math.round(pixel.x))],
			['map.y', String(Math.round(pixel.y))]
		]);
		expect(((await outcome((await need())(post(nobody, click)))) as Reply).status).toBe(403);
		expect(((await outcome((await need())(post(nobody, needForm([['point', 'clear']]))))) as Reply).status).toBe(403);
		expect(
			(
				(await outcome(
					(await need())(
						post(
							nobody,
							needForm([
								['lat', '51.0635'],
								['lon', '3.712']
							])
						)
					)
				)) as Reply
			).status
		).toBe(403);
		expect(((await outcome((await need())(post(null, click)))) as Reply).status).toBe(401);
		expect(await counts()).toEqual(before);
	});
});
