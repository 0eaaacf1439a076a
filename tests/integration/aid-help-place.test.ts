import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { createNeed, createNeedInput, createOffer, createOfferInput, proposeLink, respondToLink } from '../../src/lib/server/aid/index.ts';
import { areasArea } from '../../src/lib/server/areas/schema.ts';
import wijken from '../../src/lib/server/seed/gent-wijken.json' with { type: 'json' };
import HelpPage from '../../src/routes/(resident)/help/+page.svelte';

// Where the help takes place: once both sides said yes, each sees the other side's point on the
// server-drawn map of its neighbourhood, with a geo: link as the plain alternative. Never before.

const { db } = await freshAppDatabase();

const rabot = (
	await db
		.insert(areasArea)
		.values({ name: 'Rabot - Blaisantvest', city: 'Gent', code: 'place-rabot', boundary: wijken.features[0]!.geometry, source: wijken.attribution })
		.returning()
)[0]!;
const bare = await makeArea(db, 'Zonder grens');
const org = await makeOrganisation(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id });
const f = ctxFor(db, facilitator.actor);

const NEED_AT = { lat: 51.0635, lon: 3.712 };
const OFFER_AT = { lat: 51.0641, lon: 3.7135 };
const TUESDAY = [{ day: 1, start: 540, end: 720 }];

type Actor = Awaited<ReturnType<typeof makeActor>>;
async function pair(areaId: string, needAt: { lat: number; lon: number } | null) {
	const resident = await makeActor(db, 'resident', { organisationId: org.id });
	const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id });
	const need = await createNeed(
		ctxFor(db, resident.actor),
		createNeedInput.parse({ personId: resident.person.id, category: 'errands', title: 'Shopping', areaId, point: needAt, windows: TUESDAY })
	);
	const offer = await createOffer(
		ctxFor(db, volunteer.actor),
		createOfferInput.parse({
			personId: volunteer.person.id,
			category: 'errands',
			title: 'Errands',
			areaId,
			point: OFFER_AT,
			windows: TUESDAY,
			capacity: 2
		})
	);
	const link = await proposeLink(f, { needId: need.id, offerId: offer.id });
	return { resident, volunteer, link };
}

type HelpData = {
	member: boolean;
	links: Array<{
		id: string;
		other: { firstName: string; areaName: string; contact: null | { point: { lat: number; lon: number } | null; mapCode: string | null } };
	}>;
};
const helpData = async (who: Actor) => {
	const { load } = await import('../../src/routes/(resident)/help/+page.server.ts');
	return (await load({ locals: { actor: who.actor, locale: 'en' }, url: new URL('http://localhost/help') } as never)) as HelpData;
};
const onlyLink = async (who: Actor) => {
	const data = await helpData(who);
	expect(data.links).toHaveLength(1);
	return data.links[0]!;
};
const page = (data: HelpData) => render(HelpPage, { props: { data, form: null } as never }).body;

describe('the place on "My help"', () => {
	it('is never shown before both said yes: not in the page data, not on the page', async () => {
		const { resident, volunteer, link } = await pair(rabot.id, NEED_AT);
		for (const [who, other] of [
			[resident, OFFER_AT],
			[volunteer, NEED_AT]
		] as const) {
			const l = await onlyLink(who);
			expect(l.other.contact).toBeNull();
			// The page data carries the actor's own needs and offers (their own point); the other side's point is nowhere.
			const data = await helpData(who);
			const json = JSON.stringify(data);
			for (const secret of [String(other.lat), String(other.lon), 'mapCode']) expect(json).not.toContain(secret);
			const html = page(data);
			for (const secret of ['map.svg', 'geo:', String(other.lat), other.lat.toFixed(6)]) expect(html).not.toContain(secret);
		}
		// One side said yes: still nothing.
		await respondToLink(ctxFor(db, resident.actor), { linkId: link.id, answer: 'accept' });
		expect((await onlyLink(resident)).other.contact).toBeNull();
		expect((await onlyLink(volunteer)).other.contact).toBeNull();
		// A decline by the other side keeps it hidden for good.
		await respondToLink(ctxFor(db, volunteer.actor), { linkId: link.id, answer: 'decline' });
		for (const who of [resident, volunteer]) {
			expect((await onlyLink(who)).other.contact).toBeNull();
			expect(JSON.stringify((await helpData(who)).links)).not.toMatch(/51\.06|mapCode/);
		}
	});

	it('shows each side the other side’s point on the map of its neighbourhood once both said yes', async () => {
		const { resident, volunteer, link } = await pair(rabot.id, NEED_AT);
		await respondToLink(ctxFor(db, resident.actor), { linkId: link.id, answer: 'accept' });
		await respondToLink(ctxFor(db, volunteer.actor), { linkId: link.id, answer: 'accept' });

		const seenByResident = await onlyLink(resident);
		expect(seenByResident.other.contact).toMatchObject({ point: OFFER_AT, mapCode: 'place-rabot' });
		const seenByVolunteer = await onlyLink(volunteer);
		expect(seenByVolunteer.other.contact).toMatchObject({ point: NEED_AT, mapCode: 'place-rabot' });

		const html = page(await helpData(volunteer));
		const img = /<img[^>]*class="place-map[^"]*"[^>]*>/.exec(html)?.[0] ?? '';
		expect(img).toContain('src="/areas/place-rabot/map.svg?lat=51.063500&amp;lon=3.712000"');
		expect(img).toMatch(/alt="[^"]*Rabot - Blaisantvest[^"]*"/);
		expect(html).toContain('href="geo:51.063500,3.712000"');
	});

	it('gives only the geo: link when the neighbourhood has no map, and nothing when no point was given', async () => {
		const withPoint = await pair(bare.id, NEED_AT);
		const withoutPoint = await pair(bare.id, null);
		for (const p of [withPoint, withoutPoint]) {
			await respondToLink(ctxFor(db, p.resident.actor), { linkId: p.link.id, answer: 'accept' });
			await respondToLink(ctxFor(db, p.volunteer.actor), { linkId: p.link.id, answer: 'accept' });
		}
		expect((await onlyLink(withPoint.volunteer)).other.contact).toMatchObject({ point: NEED_AT, mapCode: null });
		const html = page(await helpData(withPoint.volunteer));
		expect(html).not.toContain('map.svg');
		expect(html).toContain('href="geo:51.063500,3.712000"');

		expect((await onlyLink(withoutPoint.volunteer)).other.contact).toMatchObject({ point: null, mapCode: null });
		expect(page(await helpData(withoutPoint.volunteer))).not.toContain('geo:');
	});
});
