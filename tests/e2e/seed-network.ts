import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client.ts';
import { areasArea } from '../../src/lib/server/areas/schema.ts';
import { peopleHousehold, peopleHouseholdMember, peopleOrganisation, peoplePerson } from '../../src/lib/server/people/schema.ts';
import { networkPartner, networkPartnerArea, networkRelationship } from '../../src/lib/server/network/schema.ts';

// The network map spec's own small web in Rabot (tests/e2e/network-map.spec.ts): two groups of
// neighbours that only one organisation connects, a household, and someone with nobody. Added by the
// browser tests' server only, next to whatever the demo seeds.

export const MAP_BRIDGE = 'Netwerk OCMW Rabot';

export async function seedNetwork(db: Db) {
	const [rabot] = await db.select().from(areasArea).where(eq(areasArea.code, 'gent-7'));
	const [org] = await db.select().from(peopleOrganisation).where(eq(peopleOrganisation.name, 'Stad Gent — Buurtwerk'));
	if (!rabot || !org) throw new Error('seedNetwork: the demo data is not there');
	const place = { organisationId: org.id, areaId: rabot.id };
	const names = ['Amina Bakri', 'Bart Claes', 'Chloé Dumont', 'Dragan Ilić', 'Emre Şahin', 'Fleur Goossens', 'Hamza Idrissi', 'Ines Jacobs'];
	const people = await db
		.insert(peoplePerson)
		.values(names.map((n) => ({ ...place, firstName: n.split(' ')[0]!, lastName: n.split(' ')[1]! })))
		.returning({ id: peoplePerson.id });
	const [bridge, school] = await db
		.insert(networkPartner)
		.values([
			{ organisationId: org.id, name: MAP_BRIDGE, kind: 'welfare', themes: ['income', 'housing'] },
			{ organisationId: org.id, name: 'Netwerk Basisschool', kind: 'school', themes: ['education'] }
		])
		.returning({ id: networkPartner.id });
	await db.insert(networkPartnerArea).values([bridge!, school!].map((p) => ({ partnerId: p.id, areaId: rabot.id })));
	const [home] = await db
		.insert(peopleHousehold)
		.values({ ...place, name: 'Gezin Bakri' })
		.returning({ id: peopleHousehold.id });
	const p = people.map((x) => x.id);
	await db.insert(peopleHouseholdMember).values([
		{ householdId: home!.id, personId: p[0]!, role: 'adult', head: true },
		{ householdId: home!.id, personId: p[1]!, role: 'child' }
	]);
	const knows = (a: number, b: number) => ({
		...place,
		type: 'knows' as const,
		fromKind: 'person' as const,
		fromPersonId: p[a]!,
		toKind: 'person' as const,
		toPersonId: p[b]!
	});
	const referred = (a: number, partner: string) => ({
		...place,
		type: 'referred_to' as const,
		fromKind: 'person' as const,
		fromPersonId: p[a]!,
		toKind: 'partner' as const,
		toPartnerId: partner
	});
	// Group one: 0, 1, 2; group two: 3, 4, 5; 6 has one tie; 7 has none.
	await db
		.insert(networkRelationship)
		.values([
			knows(0, 2),
			knows(1, 2),
			knows(3, 4),
			knows(4, 5),
			knows(3, 5),
			referred(2, bridge!.id),
			referred(3, bridge!.id),
			referred(6, school!.id)
		]);
}
