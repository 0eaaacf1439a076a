import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import { createPartner } from '../../src/lib/server/network/index.ts';
import { networkPartner, networkRelationship } from '../../src/lib/server/network/schema.ts';
import { peopleHousehold } from '../../src/lib/server/people/schema.ts';
import { actions as tiesActions, load as tiesLoad } from '../../src/routes/(work)/people/[id]/ties/+page.server.ts';
import { actions as newHouseholdActions } from '../../src/routes/(work)/households/new/+page.server.ts';
import { actions as newPartnerActions } from '../../src/routes/(work)/partners/new/+page.server.ts';
import { load as partnersLoad } from '../../src/routes/(work)/partners/+page.server.ts';

// The pages' forms: bad input re-renders with the values and a message in the page's language, and
// changes nothing; another organisation's person is a 404 page; a wrong role a 403.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const stranger = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const f = ctxFor(db, facilitator.actor);
const amina = await registerPerson(f, { firstName: 'Amina', organisationId: org.id, areaId: area.id });
const partner = await createPartner(f, { name: 'OCMW', kind: 'welfare', organisationId: org.id });

const rows = async () =>
	[networkRelationship, networkPartner, peopleHousehold].map(async (t) => ((await db.select({ n: count() }).from(t)) as [{ n: number }])[0].n);
const snapshot = async () => Promise.all(await rows());
const params = { id: amina.id };
type Failure = { status: number; data: { errors: Record<string, string>; values: Record<string, string>; message: string } };

describe('the ties tab and the network forms', () => {
	it('a tie of the wrong kinds re-renders with the values and a message in the page’s language; nothing is written', async () => {
		const before = await snapshot();
		const out = (await tiesActions.tie!(
			formPost(
				`/people/${amina.id}/ties?/tie`,
				facilitator,
				{ type: 'contact_person_at', toKind: 'person', toId: amina.id, role: 'x' },
				{ params, locale: 'fr' }
			)
		)) as Failure;
		expect(out.status).toBe(422);
		expect(out.data.errors.toId).toBe('Un lien a besoin de deux extrémités différentes : c’est deux fois la même.');
		const kinds = (await tiesActions.tie!(
			formPost(
				`/people/${amina.id}/ties?/tie`,
				facilitator,
				{ type: 'member_of', toKind: 'partner', toId: partner.id, note: 'n'.repeat(3000) },
				{ params }
			)
		)) as Failure;
		expect([kinds.status, kinds.data.errors.note]).toEqual([422, 'This is too long.']);
		const unknown = (await tiesActions.tie!(
			formPost(`/people/${amina.id}/ties?/tie`, facilitator, { type: 'enemy_of', toKind: 'partner', toId: partner.id }, { params })
		)) as Failure;
		expect([unknown.status, unknown.data.errors.type, unknown.data.values.type]).toEqual([422, 'Choose a kind of tie from the list.', 'enemy_of']);
		expect(await snapshot()).toEqual(before);
	});

	it('the tab of another organisation’s person is a 404; a volunteer gets a 403', async () => {
		expect(await outcome(tiesLoad(formPost(`/people/${amina.id}/ties`, stranger, {}, { params })))).toMatchObject({ status: 404 });
		expect(await outcome(tiesLoad(formPost(`/people/${amina.id}/ties`, volunteer, {}, { params })))).toMatchObject({ status: 403 });
		const before = await snapshot();
		const out = (await tiesActions.tie!(
			formPost(`/people/${amina.id}/ties?/tie`, stranger, { type: 'knows', toKind: 'person', toId: amina.id }, { params })
		)) as Failure;
		expect(out.status).toBeGreaterThanOrEqual(400);
		expect(await snapshot()).toEqual(before);
	});

	it('a new household for another organisation’s person and a partner with a bad website change nothing', async () => {
		const before = await snapshot();
		expect(await outcome(newHouseholdActions.default!(formPost('/households/new', stranger, { personId: amina.id, role: 'adult' })))).toMatchObject({
			status: 404
		});
		const bad = (await newPartnerActions.default!(
			formPost('/partners/new', facilitator, [
				['organisationId', org.id],
				['name', 'Repair café'],
				['kind', 'association'],
				['website', 'javascript:alert(1)'],
				['themes', 'leisure']
			])
		)) as Failure;
		expect([bad.status, bad.data.errors.website, bad.data.values.name]).toEqual([
			400,
			'Give a web address starting with http:// or https://.',
			'Repair café'
		]);
		expect(await snapshot()).toEqual(before);
	});

	it('the partners list ignores a filter that is not a choice instead of failing', async () => {
		const out = (await partnersLoad(formPost('/partners?kind=bank&theme=income', facilitator, {}))) as { partners: unknown[] };
		expect(out.partners.length).toBe(1);
	});
});
