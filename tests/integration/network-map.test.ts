import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { peopleHousehold, peopleHouseholdMember, peoplePerson } from '../../src/lib/server/people/schema.ts';
import { networkAssignment, networkPartner, networkPartnerArea, networkRelationship } from '../../src/lib/server/network/schema.ts';
import { getNetwork } from '../../src/lib/server/network/index.ts';
import type { Actor } from '../../src/lib/server/core/context.ts';
import { GET as graphmlGet } from '../../src/routes/(work)/network/export.graphml/+server.ts';
import { GET as gexfGet } from '../../src/routes/(work)/network/export.gexf/+server.ts';

// The network map on real PostgreSQL: scope (another organisation's people never appear, not even at
// the far end of a tie), the filters, the period, pseudonymisation and its audit row, the refusals.

const { db } = await freshAppDatabase();
const orgA = await makeOrganisation(db);
const orgB = await makeOrganisation(db);
const rabot = await makeArea(db, 'Rabot');
const muide = await makeArea(db, 'Muide');
const facilitator = await makeActor(db, 'facilitator', { organisationId: orgA.id });
const outreach = await makeActor(db, 'outreach', { organisationId: orgA.id, areaId: rabot.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: orgA.id, areaId: rabot.id });
const strangerB = await makeActor(db, 'facilitator', { organisationId: orgB.id });

const person = async (firstName: string, lastName: string, organisationId = orgA.id, areaId: string | null = rabot.id) =>
	(await db.insert(peoplePerson).values({ firstName, lastName, organisationId, areaId }).returning())[0]!;
const [maria, jan, ahmet, lea, yusuf] = [
	await person('Maria', 'Peeters'),
	await person('Jan', 'Peeters'),
	await person('Ahmet', 'Yilmaz'),
	await person('Léa', 'Dubois'),
	await person('Yusuf', 'Kaya')
];
const secretB = await person('Zorro', 'Geheim', orgB.id, rabot.id);
const [home] = await db.insert(peopleHousehold).values({ organisationId: orgA.id, areaId: rabot.id, name: 'Peeters family' }).returning();
await db.insert(peopleHouseholdMember).values([
	{ householdId: home!.id, personId: maria.id, role: 'adult' },
	{ householdId: home!.id, personId: jan.id, role: 'child' }
]);
const partner = async (name: string, organisationId: string, themes: ('income' | 'education')[]) => {
	const [p] = await db.insert(networkPartner).values({ organisationId, name, kind: 'welfare', themes }).returning();
	await db.insert(networkPartnerArea).values({ partnerId: p!.id, areaId: rabot.id });
	return p!;
};
const ocmw = await partner('OCMW Gent', orgA.id, ['income']);
const school = await partner('Basisschool De Ster', orgA.id, ['education']);
const partnerB = await partner('Their own partner', orgB.id, ['income']);
const tie = (
	values: Partial<typeof networkRelationship.$inferInsert> & Pick<typeof networkRelationship.$inferInsert, 'type' | 'fromKind' | 'toKind'>
) => db.insert(networkRelationship).values({ organisationId: orgA.id, areaId: rabot.id, ...values });
await tie({ type: 'knows', fromKind: 'person', fromPersonId: maria.id, toKind: 'person', toPersonId: ahmet.id });
await tie({ type: 'referred_to', fromKind: 'person', fromPersonId: ahmet.id, toKind: 'partner', toPartnerId: ocmw.id });
await tie({ type: 'referred_to', fromKind: 'person', fromPersonId: lea.id, toKind: 'partner', toPartnerId: school.id });
await tie({ type: 'works_with', fromKind: 'household', fromHouseholdId: home!.id, toKind: 'partner', toPartnerId: ocmw.id });
// A tie of the past: only a period that includes it draws it.
await tie({
	type: 'family',
	fromKind: 'person',
	fromPersonId: lea.id,
	toKind: 'person',
	toPersonId: ahmet.id,
	startsOn: '2025-01-01',
	endsOn: '2025-06-30'
});
// Organisation B's own record ties its person to one of A's: A must not see B's person through it.
await tie({ organisationId: orgB.id, type: 'knows', fromKind: 'person', fromPersonId: secretB.id, toKind: 'person', toPersonId: yusuf.id });
await db.insert(networkAssignment).values([
	{ organisationId: orgA.id, personId: yusuf.id, workerPersonId: facilitator.person.id },
	{ organisationId: orgA.id, personId: lea.id, workerPersonId: facilitator.person.id }
]);

const map = (actor: Actor, input: Partial<Record<'area' | 'caseload' | 'type' | 'theme' | 'from' | 'to' | 'names', string>>) =>
	getNetwork(ctxFor(db, actor), { caseload: '', names: '', ...input });
const ids = (m: { nodes: { id: string }[] }) => m.nodes.map((n) => n.id).sort();
const auditRows = async () => ((await db.select({ n: count() }).from(coreAudit).where(eq(coreAudit.entity, 'network_map'))) as [{ n: number }])[0].n;
const FIRST_NAMES = ['Maria', 'Jan', 'Ahmet', 'Léa', 'Yusuf', 'Peeters', 'Zorro'];

describe('getNetwork: a neighbourhood', () => {
	it('shows organisation A’s people, household and partners, pseudonymised, with isolation and the bridge; nothing of B', async () => {
		const m = await map(facilitator.actor, { area: rabot.id });
		expect(ids(m)).toEqual(
			[...[maria, jan, ahmet, lea, yusuf].map((p) => `person:${p.id}`), `household:${home!.id}`, `partner:${ocmw.id}`, `partner:${school.id}`].sort()
		);
		expect(m.nodes.some((n) => n.id.includes(secretB.id) || n.id.includes(partnerB.id))).toBe(false);
		const json = JSON.stringify(m);
		for (const name of FIRST_NAMES) expect(json).not.toContain(name);
		expect(m.nodes.find((n) => n.id === `person:${maria.id}`)).toMatchObject({ label: 'M.P.', named: false, href: `/people/${maria.id}` });
		// Yusuf's only tie is B's record: for A he has none. Léa has one (the school); the past family tie is not drawn today.
		expect(m.isolated[0]).toBe(`person:${yusuf.id}`);
		expect([...m.isolated].sort()).toEqual([`person:${yusuf.id}`, `person:${jan.id}`, `person:${lea.id}`].sort());
		expect(m.bridging[0]).toBe(`partner:${ocmw.id}`);
		expect(m.edges.filter((e) => e.type === 'household')).toHaveLength(2);
		expect(m.namedCount).toBe(0);
	});

	it('names only when asked, and then one audit row with the count', async () => {
		const before = await auditRows();
		const m = await map(facilitator.actor, { area: rabot.id, names: '1' });
		expect(m.nodes.find((n) => n.id === `person:${maria.id}`)).toMatchObject({ label: 'Maria Peeters', named: true });
		expect(m.namedCount).toBe(6);
		expect(await auditRows()).toBe(before + 1);
		const [row] = await db.select().from(coreAudit).where(eq(coreAudit.entity, 'network_map')).orderBy(coreAudit.id);
		expect(row).toMatchObject({ action: 'read', entityId: rabot.id, actorUserId: facilitator.user.id });
		expect(row!.details).toMatchObject({ namedNodes: 6 });
		await map(facilitator.actor, { area: rabot.id });
		expect(await auditRows()).toBe(before + 1);
	});

	it('the period: an ended tie is drawn (and marked ended) only when the period includes its time', async () => {
		const family = (m: Awaited<ReturnType<typeof map>>) => m.edges.filter((e) => e.type === 'family');
		expect(family(await map(facilitator.actor, { area: rabot.id }))).toEqual([]);
		expect(family(await map(facilitator.actor, { area: rabot.id, from: '2025-03-01', to: '2025-04-01' }))).toMatchObject([{ ended: false }]);
		expect(family(await map(facilitator.actor, { area: rabot.id, from: '2025-01-01', to: '2025-12-31' }))).toMatchObject([{ ended: true }]);
		expect(family(await map(facilitator.actor, { area: rabot.id, from: '2025-07-01', to: '2025-12-31' }))).toEqual([]);
	});

	it('filters by relationship type and by the partners’ theme', async () => {
		const knows = await map(facilitator.actor, { area: rabot.id, type: 'knows' });
		expect(new Set(knows.edges.map((e) => e.type))).toEqual(new Set(['knows']));
		const income = await map(facilitator.actor, { area: rabot.id, theme: 'income' });
		expect(income.nodes.filter((n) => n.kind === 'partner').map((n) => n.id)).toEqual([`partner:${ocmw.id}`]);
		expect(income.edges.some((e) => e.target === `partner:${school.id}`)).toBe(false);
	});

	it('organisation B’s facilitator sees only B: its own person and partner, 0 nodes of A', async () => {
		const m = await map(strangerB.actor, { area: rabot.id, names: '1' });
		expect(ids(m)).toEqual([`partner:${partnerB.id}`, `person:${secretB.id}`].sort());
		expect(JSON.stringify(m)).not.toContain('Maria');
	});
});

describe('getNetwork: the caseload', () => {
	it('the worker’s assigned people and what they are tied to', async () => {
		const m = await map(facilitator.actor, { caseload: '1' });
		expect(ids(m)).toEqual([`person:${lea.id}`, `person:${yusuf.id}`, `partner:${school.id}`].sort());
		const none = await map(outreach.actor, { caseload: '1' });
		expect(none.nodes).toEqual([]);
	});
});

describe('GET /api/v1/network: refusals change nothing', () => {
	it('a wrong role is 403, another neighbourhood of an area-bound role is 403', async () => {
		const before = await auditRows();
		expect((await apiCall(volunteer.actor, { path: `/network?area=${rabot.id}` })).status).toBe(403);
		expect((await apiCall(outreach.actor, { path: `/network?area=${muide.id}&names=1` })).status).toBe(403);
		expect(await auditRows()).toBe(before);
	});

	it('bad input is a 422 with the field’s message, in the caller’s language', async () => {
		const none = await apiCall(facilitator.actor, { path: '/network' });
		expect(none.status).toBe(422);
		expect(none.body.errors).toEqual({ area: 'Choose a neighbourhood or tick “Only my caseload”.' });
		const order = await apiCall(facilitator.actor, { path: `/network?area=${rabot.id}&from=2025-05-01&to=2025-01-01` }, 'nl');
		expect(order.status).toBe(422);
		expect(order.body.errors).toEqual({ to: 'Het einde van de periode mag niet voor het begin liggen.' });
		const type = await apiCall(facilitator.actor, { path: `/network?area=${rabot.id}&type=enemy` });
		expect(type.status).toBe(422);
		expect(Object.keys(type.body.errors as object)).toEqual(['type']);
		const unknown = await apiCall(facilitator.actor, { path: `/network?area=${crypto.randomUUID()}` });
		expect(unknown.status).toBe(422);
	});

	it('answers the map through the API for the right role, pseudonymised', async () => {
		const res = await apiCall(outreach.actor, { path: `/network?area=${rabot.id}` });
		expect(res.status).toBe(200);
		expect((res.body.nodes as unknown[]).length).toBe(8);
		expect(res.text).not.toContain('Maria');
	});
});

describe('the downloads /network/export.graphml and .gexf', () => {
	const download = (get: (event: never) => unknown, actor: Actor, query: string) => {
		const url = new URL(`http://localhost/network/export.graphml?${query}`);
		return get({ url, locals: { actor, locale: 'en' } } as never) as Promise<Response>;
	};

	it('the same nodes as the map, pseudonymised, as GraphML and GEXF', async () => {
		const res = await download(graphmlGet, facilitator.actor, `area=${rabot.id}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('graphml');
		const text = await res.text();
		expect(text.match(/<node /g)).toHaveLength(8);
		for (const name of FIRST_NAMES) expect(text).not.toContain(name);
		expect(text).not.toContain(secretB.id);
		const gexf = await (await download(gexfGet, facilitator.actor, `area=${rabot.id}`)).text();
		expect(gexf.match(/<node /g)).toHaveLength(8);
		expect(gexf).not.toContain('Maria');
	});

	it('another organisation gets none of A’s nodes; a wrong role 403, bad input 422, as problem+json, no audit row', async () => {
		const before = await auditRows();
		const other = await (await download(graphmlGet, strangerB.actor, `area=${rabot.id}&names=1`)).text();
		expect(other).not.toContain(maria.id);
		expect(other.match(/<node /g)).toHaveLength(2);
		const wrong = await download(graphmlGet, volunteer.actor, `area=${rabot.id}`);
		expect(wrong.status).toBe(403);
		expect(wrong.headers.get('content-type')).toContain('problem+json');
		const bad = await download(gexfGet, facilitator.actor, 'from=2025-01-01');
		expect(bad.status).toBe(422);
		expect(((await bad.json()) as { errors: Record<string, string> }).errors.area).toBe('Choose a neighbourhood or tick “Only my caseload”.');
		// strangerB asked for names: its own person is named and that read is audited (one row).
		expect(await auditRows()).toBe(before + 1);
	});
});
