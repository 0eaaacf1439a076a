import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import { createPartner } from '../../src/lib/server/network/index.ts';
import { areasPlace } from '../../src/lib/server/areas/index.ts';
import { fieldworkContact, fieldworkContactParty } from '../../src/lib/server/fieldwork/schema.ts';
import { actions, load } from '../../src/routes/(work)/fieldwork/log/+page.server.ts';

// The log form's folded "More" part on a real PostgreSQL: it offers only the organisation's
// colleagues who log contacts, its partners and the named places of its neighbourhoods; a crafted
// post with another organisation's colleague or partner, or another neighbourhood's place, is
// refused in the page's language and writes nothing; residents and volunteers get a 403.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const [rabot, muide] = [await makeArea(db), await makeArea(db)];
const worker = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: rabot.id });
const colleague = await makeActor(db, 'outreach', { organisationId: org.id, areaId: rabot.id });
const theirWorker = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: rabot.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: rabot.id });
const w = ctxFor(db, worker.actor);
const amina = await registerPerson(w, { firstName: 'Amina', organisationId: org.id, areaId: rabot.id });
const ocmw = await createPartner(w, { name: 'OCMW Gent', kind: 'welfare', organisationId: org.id });
const theirs = await createPartner(ctxFor(db, theirWorker.actor), { name: 'Their OCMW', kind: 'welfare', organisationId: otherOrg.id });
const [house, farPlace] = await db
	.insert(areasPlace)
	.values([
		{ areaId: rabot.id, organisationId: org.id, name: 'Wijkhuis Rabot', kind: 'neighbourhood_house' as const },
		{ areaId: muide.id, organisationId: org.id, name: 'Buurthuis Muide', kind: 'neighbourhood_house' as const }
	])
	.returning();

const get = (path: string, who: { actor: unknown }) => {
	const e = formPost(path, who, {}, { locale: 'nl' }) as { request: Request };
	return { ...(e as object), request: new Request(e.request.url) } as never;
};
const post = (who: { actor: unknown }, more: Array<[string, string]>) =>
	actions.default!(
		formPost(
			'/fieldwork/log',
			who,
			[
				['organisationId', org.id],
				['areaId', rabot.id],
				['type', 'home_visit'],
				['people', amina.id],
				['themes', 'housing'],
				['duration', '30'],
				...more
			],
			{ locale: 'nl' }
		)
	);
const rows = async () => ({
	contacts: (await db.select({ n: count() }).from(fieldworkContact))[0]!.n,
	parties: (await db.select({ n: count() }).from(fieldworkContactParty))[0]!.n
});
type Choices = {
	choices: {
		colleagues: { id: string; organisationId: string }[];
		partners: { id: string; organisationId: string }[];
		places: { id: string; areaId: string }[];
	};
};

describe('the log form’s “More” part', () => {
	it('offers the organisation’s other colleagues, its partners and its neighbourhood’s places only', async () => {
		const { choices } = (await load(get('/fieldwork/log', worker))) as Choices;
		expect(choices.colleagues.map((c) => c.id)).toEqual([colleague.user.id]);
		expect(choices.partners.map((p) => p.id)).toEqual([ocmw.id]);
		expect(choices.places.map((p) => p.id)).toEqual([house!.id]);
	});

	it('writes who must act, the partner present and the named place; redirects to the contact', async () => {
		const before = await rows();
		const out = await outcome(
			post(worker, [
				['mustAct', colleague.user.id],
				['partners', ocmw.id],
				['placeId', house!.id]
			])
		);
		expect(out).toMatchObject({ status: 303 });
		const id = /\/fieldwork\/contacts\/([0-9a-f-]+)/.exec((out as { location: string }).location)![1]!;
		const parties = await db.select().from(fieldworkContactParty).where(eq(fieldworkContactParty.contactId, id));
		expect(parties.filter((p) => p.role === 'must_act').map((p) => p.userId)).toEqual([colleague.user.id]);
		expect(parties.filter((p) => p.role === 'partner_present').map((p) => p.partnerId)).toEqual([ocmw.id]);
		const [contact] = await db.select().from(fieldworkContact).where(eq(fieldworkContact.id, id));
		expect(contact!.placeId).toBe(house!.id);
		expect(await rows()).toEqual({ contacts: before.contacts + 1, parties: before.parties + 4 });
	});

	it.each([
		['a colleague of another organisation', 'mustAct', () => theirWorker.user.id, 'mustActUserIds', 'Deze collega werkt niet in deze organisatie.'],
		['a partner of another organisation', 'partners', () => theirs.id, 'partnerIds', 'Deze partner hoort niet bij deze organisatie.'],
		['a place of another neighbourhood', 'placeId', () => farPlace!.id, 'placeId', 'Deze plek ligt niet in deze wijk.']
	])('refuses %s in Dutch and writes nothing', async (_label, field, value, errorField, message) => {
		const before = await rows();
		const out = (await outcome(post(worker, [[field, value()]]))) as { status: number; data: { errors: Record<string, string> } };
		expect(out.status).toBe(422);
		expect(out.data.errors[errorField]).toBe(message);
		expect(await rows()).toEqual(before);
	});

	it('residents and volunteers get a 403 on the page and on a post; nothing written', async () => {
		const before = await rows();
		for (const who of [resident, volunteer]) {
			expect(await outcome(load(get('/fieldwork/log', who)))).toMatchObject({ status: 403 });
			expect(await outcome(post(who, [['mustAct', colleague.user.id]]))).toMatchObject({ status: 403 });
		}
		expect(await rows()).toEqual(before);
	});
});
