import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { peopleHousehold, peopleHouseholdMember, peoplePerson } from '../people/index.ts';
import { networkAssignment, networkPartner, networkPartnerArea, networkRelationship } from '../network/index.ts';
import type { THEMES } from '../../themes.ts';

// The demo's web in Rabot and Sluizeken (issue 13): households (a family with two children among
// them), twenty partner organisations of the kinds a Ghent community worker knows (contact data
// fictitious: 555 numbers and example.org addresses), and ties that make a believable map — most
// people hang together through a few organisations (the OCMW and the school bridge two groups),
// a few people have no tie at all.

type Area = { id: string };
type Theme = (typeof THEMES)[number];
type Kind = (typeof networkPartner.$inferInsert)['kind'];
type End = { kind: 'person' | 'household' | 'partner'; id: string };

const PARTNERS: Array<[string, Kind, Theme[], string]> = [
	['OCMW Gent — sociaal huis Rabot', 'welfare', ['income', 'administration', 'housing'], 'Rabotstraat 80'],
	['OCMW Gent — sociaal huis Noord', 'welfare', ['income', 'administration'], 'Vogelenzang 2'],
	['JES Jeugdwerk Gent', 'youth', ['leisure', 'work_training'], 'Meersenierstraat 5'],
	['Jeugdhuis De Centrale', 'youth', ['leisure'], 'Kraankindersstraat 2'],
	['Kind en Gezin — consultatiebureau Rabot', 'child_family', ['family_parenting', 'health'], 'Wondelgemstraat 20'],
	['Huis van het Kind Gent', 'child_family', ['family_parenting'], 'Brugse Poort 12'],
	['Basisschool De Wonderfluit', 'school', ['education', 'language'], 'Sint-Salvatorstraat 16'],
	['Basisschool Sint-Jozef', 'school', ['education'], 'Tolhuislaan 3'],
	['WoninGent', 'housing', ['housing'], 'Hoogstraat 62'],
	['Sociaal Verhuurkantoor Gent', 'housing', ['housing', 'income'], 'Bevrijdingslaan 11'],
	['Wijkgezondheidscentrum De Kaai', 'health', ['health'], 'Kaai 4'],
	['CGG Eclips', 'mental_health', ['health'], 'Ebergiste De Deynestraat 6'],
	['Politie Gent — wijkinspecteur Rabot', 'police', ['services'], 'Hoogpoort 1'],
	['Repair Café Rabot', 'association', ['leisure', 'other'], 'Wijkhuis Rabot'],
	['Voedselbedeling De Vlaschaard', 'association', ['income', 'health'], 'Vlaanderenstraat 9'],
	['Buurtrestaurant Toreke', 'association', ['leisure', 'income'], 'Wondelgemstraat 8'],
	['Taalpunt Gent', 'city_service', ['language', 'education'], 'Woodrow Wilsonplein 1'],
	['Dienst Werk — werkwinkel', 'city_service', ['work_training', 'income'], 'Sluizeken 18'],
	['Dienst Mobiliteit — fietspunt', 'city_service', ['mobility'], 'Sint-Pietersplein 4'],
	['Samenlevingsopbouw Gent', 'other', ['housing', 'services'], 'Kartuizerlaan 26']
];

export async function seedDemoNetwork(db: Db, orgId: string, rabot: Area, sluizeken: Area, workers: { facilitator: string; outreach: string }) {
	const person = async (firstName: string, lastName: string, areaId: string) => {
		const [p] = await db.insert(peoplePerson).values({ firstName, lastName, organisationId: orgId, areaId }).returning({ id: peoplePerson.id });
		return p!.id;
	};
	const household = async (name: string, areaId: string, members: Array<[string, 'adult' | 'child', boolean]>) => {
		const [h] = await db.insert(peopleHousehold).values({ organisationId: orgId, areaId, name }).returning({ id: peopleHousehold.id });
		await db
			.insert(peopleHouseholdMember)
			.values(members.map(([personId, role, head]) => ({ householdId: h!.id, personId, role, head, joinedOn: '2023-09-01' })));
		return h!.id;
	};

	// Households: the El Amrani family (two children), the Peeters couple, a grandmother living alone.
	const [amina, yusuf, lina, adam] = [
		await person('Amina', 'El Amrani', rabot.id),
		await person('Yusuf', 'El Amrani', rabot.id),
		await person('Lina', 'El Amrani', rabot.id),
		await person('Adam', 'El Amrani', rabot.id)
	];
	const elAmrani = await household('Familie El Amrani', rabot.id, [
		[amina, 'adult', true],
		[yusuf, 'adult', false],
		[lina, 'child', false],
		[adam, 'child', false]
	]);
	const [jan, els] = [await person('Jan', 'Peeters', rabot.id), await person('Els', 'Peeters', rabot.id)];
	const peeters = await household('Familie Peeters', rabot.id, [
		[jan, 'adult', true],
		[els, 'adult', false]
	]);
	const [maria, dimitar, ivana, samira, tom, nora] = [
		await person('Maria', 'Dumon', sluizeken.id),
		await person('Dimitar', 'Petrov', rabot.id),
		await person('Ivana', 'Petrova', rabot.id),
		await person('Samira', 'B.', sluizeken.id),
		await person('Tom', 'V.', sluizeken.id),
		await person('Nora', 'K.', sluizeken.id)
	];
	await household('Maria', sluizeken.id, [[maria, 'adult', true]]);
	const petrov = await household('Familie Petrov', rabot.id, [
		[dimitar, 'adult', true],
		[ivana, 'adult', false]
	]);
	// Two more without any tie: the map's isolated people.
	await person('Rik', 'M.', rabot.id);
	await person('Zeynep', 'A.', sluizeken.id);

	const partners = await db
		.insert(networkPartner)
		.values(
			PARTNERS.map(([name, kind, themes, street], i) => ({
				organisationId: orgId,
				name,
				kind,
				themes,
				address: `${street}, 9000 Gent`,
				phone: `+32 9 555 ${String(10 + i).padStart(2, '0')} ${String(20 + i).padStart(2, '0')}`,
				email: `contact${i + 1}@partner.example.org`,
				website: `https://partner${i + 1}.example.org`
			}))
		)
		.returning({ id: networkPartner.id, name: networkPartner.name });
	const at = (prefix: string) => partners.find((p) => p.name.startsWith(prefix))!.id;
	await db
		.insert(networkPartnerArea)
		.values(
			partners.flatMap((p, i) => [
				{ partnerId: p.id, areaId: i % 3 === 2 ? sluizeken.id : rabot.id },
				...(i % 4 === 0 ? [{ partnerId: p.id, areaId: i % 3 === 2 ? rabot.id : sluizeken.id }] : [])
			])
		);

	const P = (id: string): End => ({ kind: 'person', id });
	const H = (id: string): End => ({ kind: 'household', id });
	const O = (id: string): End => ({ kind: 'partner', id });
	const tie = (
		from: End,
		type: (typeof networkRelationship.$inferInsert)['type'],
		to: End,
		areaId: string,
		extra: { role?: string; startsOn?: string; endsOn?: string } = {}
	) => ({
		organisationId: orgId,
		areaId,
		type,
		fromKind: from.kind,
		fromPersonId: from.kind === 'person' ? from.id : null,
		fromHouseholdId: from.kind === 'household' ? from.id : null,
		fromPartnerId: from.kind === 'partner' ? from.id : null,
		toKind: to.kind,
		toPersonId: to.kind === 'person' ? to.id : null,
		toHouseholdId: to.kind === 'household' ? to.id : null,
		toPartnerId: to.kind === 'partner' ? to.id : null,
		startsOn: extra.startsOn ?? '2024-02-01',
		endsOn: extra.endsOn ?? null,
		role: extra.role ?? null
	});
	const ocmw = at('OCMW Gent — sociaal huis Rabot');
	const school = at('Basisschool De Wonderfluit');
	const R = rabot.id;
	const S = sluizeken.id;
	await db.insert(networkRelationship).values([
		// Rabot's families around the school and the OCMW.
		tie(P(amina), 'contact_person_at', O(school), R, { role: 'ouderraad' }),
		tie(H(elAmrani), 'referred_to', O(at('Kind en Gezin')), R),
		tie(H(elAmrani), 'referred_to', O(ocmw), R),
		tie(P(lina), 'member_of', O(at('JES')), R),
		tie(P(adam), 'member_of', O(at('Jeugdhuis')), R),
		tie(H(peeters), 'neighbour', H(elAmrani), R),
		tie(P(jan), 'member_of', O(at('Repair Café')), R, { role: 'vrijwilliger' }),
		tie(P(els), 'knows', P(amina), R),
		tie(P(dimitar), 'referred_to', O(at('Taalpunt')), R),
		tie(H(petrov), 'referred_to', O(ocmw), R),
		tie(P(ivana), 'contact_person_at', O(at('Buurtrestaurant')), R, { role: 'kok' }),
		tie(P(dimitar), 'works_with', P(jan), R),
		// Sluizeken's people, joined to Rabot's through the OCMW and the school (the bridges).
		tie(P(maria), 'referred_to', O(ocmw), S),
		tie(P(maria), 'family', P(samira), S),
		tie(P(samira), 'member_of', O(at('Voedselbedeling')), S),
		tie(P(samira), 'referred_to', O(school), S),
		tie(P(tom), 'referred_to', O(at('CGG')), S),
		tie(P(tom), 'knows', P(nora), S),
		tie(P(nora), 'referred_to', O(at('Dienst Werk')), S),
		tie(P(tom), 'referred_to', O(at('WoninGent')), S, { startsOn: '2023-03-01', endsOn: '2024-06-30' }),
		// Partners that work together.
		tie(O(ocmw), 'works_with', O(at('Sociaal Verhuurkantoor')), R),
		tie(O(school), 'works_with', O(at('Huis van het Kind')), R),
		tie(O(at('Politie')), 'works_with', O(at('Samenlevingsopbouw')), R)
	]);
	await db.insert(networkAssignment).values([
		{ organisationId: orgId, areaId: R, personId: amina, workerPersonId: workers.facilitator, startsOn: '2024-02-01' },
		{ organisationId: orgId, areaId: R, personId: dimitar, workerPersonId: workers.outreach, startsOn: '2024-05-01' }
	]);
	// Rabot's walk-ins of the aid demo belong to a household too.
	const [georgi] = await db
		.select({ id: peoplePerson.id })
		.from(peoplePerson)
		.where(and(eq(peoplePerson.organisationId, orgId), inArray(peoplePerson.firstName, ['Georgi'])));
	if (georgi) await household('Georgi', rabot.id, [[georgi.id, 'adult', true]]);
}
