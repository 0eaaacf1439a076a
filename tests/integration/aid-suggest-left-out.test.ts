import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { formPost } from '../factories/page.ts';
import { apiCall } from '../factories/api.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import {
	createNeed,
	createNeedInput,
	createOffer,
	createOfferInput,
	proposeLink,
	suggestMatches,
	weeklyProposalFor
} from '../../src/lib/server/aid/index.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { ConflictError, NotFoundError } from '../../src/lib/server/core/errors.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { aidCertificate, aidLink, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import { translate } from '../../src/lib/server/web/translate.ts';

// What suggestMatches leaves out, and says it left out: per reason, counted by the database; and a
// proposal of a left-out offer, refused with the one reason that applied (verb, API, form alike).

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const f = ctxFor(db, facilitator.actor);
const TUESDAY = [{ day: 1, start: 540, end: 720 }];

const person = (firstName: string) =>
	registerPerson(f, registerPersonInput.parse({ firstName, organisationId: org.id, areaId: area.id, contactConsent: 'on', languages: 'nl' }));
const offerFor = async (
	firstName: string,
	over: Partial<{ category: string; capacity: number; description: string; windows: typeof TUESDAY }> = {}
) => {
	const p = await person(firstName);
	return createOffer(
		f,
		createOfferInput.parse({
			personId: p.id,
			category: over.category ?? 'childcare',
			title: `${firstName} helps`,
			description: over.description,
			areaId: area.id,
			windows: over.windows ?? TUESDAY,
			capacity: over.capacity ?? 2
		})
	);
};
const setOffer = (id: string, patch: Partial<typeof aidOffer.$inferInsert>) => db.update(aidOffer).set(patch).where(eq(aidOffer.id, id));
const certify = (personId: string, validUntil: string) => db.insert(aidCertificate).values({ personId, checkedOn: '2020-01-01', validUntil });

// A parent asks for childcare (safeguarded) on Tuesday morning. In the organisation's childcare offers:
const parent = await person('Maria');
const need = await createNeed(
	f,
	createNeedInput.parse({ personId: parent.id, category: 'childcare', title: 'Opvang dinsdag', areaId: area.id, windows: TUESDAY, safeguarded: true })
);
const valid = await offerFor('Valid', { description: 'Ik ben kleuterjuf geweest.\nGraag op dinsdag.' });
await certify(valid.personId, '2099-01-01');
const noCertificate = await offerFor('NoCert');
const expired = await offerFor('Expired');
await certify(expired.personId, '2021-01-01');
const full = await offerFor('Full', { capacity: 1 });
await certify(full.personId, '2099-01-01');
await setOffer(full.id, { activeLinks: 1 });
// Full and without a certificate: counted once, as full (the first rule that applies).
const fullNoCertificate = await offerFor('FullNoCert', { capacity: 1 });
await setOffer(fullNoCertificate.id, { activeLinks: 1 });
const paused = await offerFor('Paused');
await certify(paused.personId, '2099-01-01');
await setOffer(paused.id, { status: 'paused' });
// Not counted: withdrawn, another kind of help, the parent's own offer, another organisation's.
const withdrawn = await offerFor('Withdrawn');
await setOffer(withdrawn.id, { status: 'withdrawn' });
const otherKind = await offerFor('Errands', { category: 'errands' });
const own = await createOffer(
	f,
	createOfferInput.parse({ personId: parent.id, category: 'childcare', title: 'Ik pas ook op', areaId: area.id, windows: TUESDAY, capacity: 2 })
);
await certify(parent.id, '2099-01-01');
const [theirs] = await db.insert(peoplePerson).values({ firstName: 'Elsewhere', organisationId: otherOrg.id, areaId: area.id }).returning();
const [elsewhere] = await db
	.insert(aidOffer)
	.values({
		personId: theirs!.id,
		organisationId: otherOrg.id,
		areaId: area.id,
		category: 'childcare',
		title: 'Elders',
		windows: TUESDAY,
		capacity: 2
	})
	.returning();
await certify(theirs!.id, '2099-01-01');

const total = async (t: typeof aidLink | typeof coreAudit) => ((await db.select({ n: count() }).from(t)) as [{ n: number }])[0].n;
const snapshot = async () => ({ links: await total(aidLink), audit: await total(coreAudit) });

describe('what suggestMatches leaves out', () => {
	it('lists only the eligible offer, with its own words, and counts the others per reason', async () => {
		const s = await suggestMatches(f, { needId: need.id });
		expect(s.candidates.map((c) => c.firstName)).toEqual(['Valid']);
		expect(s.candidates[0]).toMatchObject({
			offerTitle: 'Valid helps',
			offerDescription: 'Ik ben kleuterjuf geweest.\nGraag op dinsdag.',
			timeFit: 'common'
		});
		expect(s.leftOut).toEqual({ full: 2, certificate: 2, paused: 1 });
	});

	it('counts no certificates for a need that needs none', async () => {
		const p = await person('Jan');
		const plain = await createNeed(f, createNeedInput.parse({ personId: p.id, category: 'childcare', title: 'Ophalen', areaId: area.id }));
		const s = await suggestMatches(f, { needId: plain.id });
		expect(s.candidates.map((c) => c.firstName).sort()).toEqual(['Expired', 'Maria', 'NoCert', 'Valid']);
		expect(s.leftOut).toEqual({ full: 2, certificate: 0, paused: 1 });
	});
});

describe('proposing a left-out offer', () => {
	const cases: Array<[string, () => string, string]> = [
		['no certificate', () => noCertificate.id, 'aid_error_certificate_missing'],
		['an expired certificate', () => expired.id, 'aid_error_certificate_expired'],
		['no place left', () => full.id, 'aid_error_full'],
		['no place left and no certificate', () => fullNoCertificate.id, 'aid_error_full'],
		['paused', () => paused.id, 'aid_error_offer_paused'],
		['withdrawn', () => withdrawn.id, 'aid_error_offer_withdrawn'],
		['another kind of help', () => otherKind.id, 'aid_error_offer_other_category'],
		['the person’s own offer', () => own.id, 'aid_error_offer_own']
	];

	it.each(cases)('names the one reason that applied: %s (verb, API and form), and writes nothing', async (_, offerId, key) => {
		const before = await snapshot();
		const e = await proposeLink(f, { needId: need.id, offerId: offerId() }).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(ConflictError);
		expect((e as ConflictError).key).toBe(key);

		const api = await apiCall(
			{ ...facilitator.actor, via: 'token', tokenScopes: ['read', 'write'] },
			{ method: 'POST', path: '/aid/links', body: { needId: need.id, offerId: offerId() } }
		);
		expect(api.status).toBe(409);
		expect(api.body.detail).toBe(translate(key, 'en'));

		const { actions } = await import('../../src/routes/(work)/aid/needs/[id]/+page.server.ts');
		const form = (await actions.propose!(
			formPost(`/aid/needs/${need.id}?/propose`, facilitator, { offerId: offerId() }, { params: { id: need.id }, locale: 'nl' })
		)) as { status: number; data: { form: string; message: string } };
		expect(form.status).toBe(409);
		expect(form.data).toMatchObject({ form: 'propose', message: translate(key, 'nl') });
		expect(await snapshot()).toEqual(before);
	});

	it('gives every reason its own message', () => {
		const texts = new Set(cases.map(([, , key]) => translate(key, 'en')));
		expect(texts.size).toBe(new Set(cases.map(([, , key]) => key)).size);
		for (const t of texts) expect(t).not.toMatch(/^aid_error/);
	});

	it('answers an unknown offer, or another organisation’s, as unknown', async () => {
		for (const offerId of [elsewhere!.id, '00000000-0000-4000-8000-000000000000'])
			await expect(proposeLink(f, { needId: need.id, offerId })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('still proposes the eligible offer', async () => {
		const link = await proposeLink(f, { needId: need.id, offerId: valid.id });
		expect(link.offerId).toBe(valid.id);
	});
});

describe('a volunteer never free when the need is', () => {
	it('is listed last on the need, marked, and never paired in the weekly proposal', async () => {
		const p = await person('Rachid');
		const moving = await createNeed(
			f,
			createNeedInput.parse({ personId: p.id, category: 'moving', title: 'Verhuis', areaId: area.id, windows: TUESDAY })
		);
		const thursday = await offerFor('Thursday', { category: 'moving', windows: [{ day: 3, start: 540, end: 720 }] });
		const s = await suggestMatches(f, { needId: moving.id });
		expect(s.candidates.map((c) => [c.offerId, c.timeFit])).toEqual([[thursday.id, 'none']]);
		const weekly = await weeklyProposalFor(f, { areaId: area.id });
		expect(weekly!.pairs.filter((x) => x.needId === moving.id)).toEqual([]);
		// A volunteer who is free then is paired.
		const tuesday = await offerFor('Tuesday', { category: 'moving' });
		const again = await weeklyProposalFor(f, { areaId: area.id });
		expect(again!.pairs.filter((x) => x.needId === moving.id).map((x) => x.offerId)).toEqual([tuesday.id]);
	});
});
