import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { createNeed, createNeedInput, createOffer, createOfferInput } from '../../src/lib/server/aid/index.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { ForbiddenError, InvalidError } from '../../src/lib/server/core/errors.ts';
import { aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { areasArea } from '../../src/lib/server/areas/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import wijken from '../../src/lib/server/seed/gent-wijken.json' with { type: 'json' };

// The verbs themselves keep a need's or offer's point inside the chosen neighbourhood (when it has a
// boundary), so every caller gets the rule: the resident's form, the API, the office-hour walk-in.

const { db } = await freshDatabase();
const rabot = (
	await db
		.insert(areasArea)
		.values({ name: 'Rabot - Blaisantvest', city: 'Gent', code: 'verb-rabot', boundary: wijken.features[0]!.geometry, source: wijken.attribution })
		.returning()
)[0]!;
const bare = await makeArea(db, 'Zonder grens');
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id });
const stranger = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: rabot.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id });
const f = ctxFor(db, facilitator.actor);
const walkIn = await registerPerson(
	f,
	registerPersonInput.parse({ firstName: 'Georgi', organisationId: org.id, areaId: rabot.id, contactConsent: 'on' })
);

const IN_RABOT = { lat: 51.0635, lon: 3.712 };
const IN_SLUIZEKEN = { lat: 51.0675, lon: 3.731 };
const MADRID = { lat: 40.4168, lon: -3.7038 };

const needInput = (personId: string, areaId: string, point: unknown) =>
	createNeedInput.parse({ personId, category: 'errands', title: 'Shopping on Tuesday', areaId, point });
const offerInput = (personId: string, areaId: string, point: unknown) =>
	createOfferInput.parse({ personId, category: 'errands', title: 'I do errands', areaId, point, capacity: 1 });

const total = async (t: typeof aidNeed | typeof aidOffer | typeof coreAudit) => ((await db.select({ n: count() }).from(t)) as [{ n: number }])[0].n;
const counts = async () => ({ needs: await total(aidNeed), offers: await total(aidOffer), audit: await total(coreAudit) });
const refusal = async (p: Promise<unknown>) => {
	const e = await p.then(
		() => null,
		(x: unknown) => x
	);
	expect(e).toBeInstanceOf(InvalidError);
	return (e as InvalidError).fields;
};

describe('a point outside the chosen neighbourhood', () => {
	it('is refused for a need, assisted or said by the resident, on the field `point`, and nothing is written', async () => {
		const before = await counts();
		expect(await refusal(createNeed(f, needInput(walkIn.id, rabot.id, IN_SLUIZEKEN)))).toEqual({ point: 'map_error_outside' });
		expect(await refusal(createNeed(ctxFor(db, resident.actor), needInput(resident.person.id, rabot.id, IN_SLUIZEKEN)))).toEqual({
			point: 'map_error_outside'
		});
		expect(await refusal(createNeed(f, needInput(walkIn.id, rabot.id, MADRID)))).toEqual({ point: 'map_error_outside' });
		expect(await counts()).toEqual(before);
	});

	it('is refused for an offer too', async () => {
		const before = await counts();
		expect(await refusal(createOffer(ctxFor(db, volunteer.actor), offerInput(volunteer.person.id, rabot.id, IN_SLUIZEKEN)))).toEqual({
			point: 'map_error_outside'
		});
		expect(await counts()).toEqual(before);
	});

	it('is refused as no place at all when a caller hands the verb a point that is not one', async () => {
		const before = await counts();
		const input = { ...needInput(walkIn.id, bare.id, null), point: { lat: 95, lon: 3.7 } };
		expect(await refusal(createNeed(f, input))).toEqual({ point: 'aid_error_coordinates' });
		expect(await refusal(createNeed(f, { ...input, point: { lat: Number.NaN, lon: 3.7 } }))).toEqual({ point: 'aid_error_coordinates' });
		expect(await counts()).toEqual(before);
	});

	it('still answers 403 first to someone who may not say the need at all', async () => {
		const before = await counts();
		await expect(createNeed(ctxFor(db, stranger.actor), needInput(walkIn.id, rabot.id, IN_SLUIZEKEN))).rejects.toBeInstanceOf(ForbiddenError);
		await expect(createOffer(ctxFor(db, resident.actor), offerInput(volunteer.person.id, rabot.id, IN_SLUIZEKEN))).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await counts()).toEqual(before);
	});
});

describe('a point that fits', () => {
	it('is kept when inside the boundary', async () => {
		const need = await createNeed(f, needInput(walkIn.id, rabot.id, IN_RABOT));
		expect([need.lat, need.lon]).toEqual([IN_RABOT.lat, IN_RABOT.lon]);
		const offer = await createOffer(ctxFor(db, volunteer.actor), offerInput(volunteer.person.id, rabot.id, IN_RABOT));
		expect([offer.lat, offer.lon]).toEqual([IN_RABOT.lat, IN_RABOT.lon]);
	});

	it('is any valid point in a neighbourhood without a boundary, and no point is always fine', async () => {
		const far = await createNeed(f, needInput(walkIn.id, bare.id, MADRID));
		expect((await db.select().from(aidNeed).where(eq(aidNeed.id, far.id)))[0]).toMatchObject({ lat: MADRID.lat, lon: MADRID.lon, areaId: bare.id });
		const none = await createNeed(f, needInput(walkIn.id, rabot.id, null));
		expect([none.lat, none.lon]).toEqual([null, null]);
	});
});
