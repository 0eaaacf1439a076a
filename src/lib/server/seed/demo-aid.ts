import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { peoplePerson } from '../people/schema.ts';
import { aidCertificate, aidLink, aidNeed, aidOffer, aidOfficeHour } from '../aid/schema.ts';
import { weekdayOf, type DateItem, type Window } from '../aid/scoring.ts';
import { addDays, belgianDay } from '../aid/certificate-dates.ts';

// The demo's mutual aid in Rabot and Sluizeken: people the house registered (most without an
// account), their needs and offers, a year of links that took place (so that the coordinator's
// figures are above the suppression threshold of 5), and the house's office hours.

type Area = { id: string };
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const w = (day: number, from: number, to: number): Window => ({ day, start: from * 60, end: to * 60 });
/** The first Saturday at least `days` days from today (Belgian day): a moving day in the demo's future. */
const saturdayIn = (days: number) => {
	const from = addDays(belgianDay(), days);
	return addDays(from, (5 - weekdayOf(from) + 7) % 7);
};

export async function seedDemoAid(db: Db, orgId: string, rabot: Area, sluizeken: Area, accounts: { volunteer: string; resident: string }) {
	const person = async (firstName: string, areaId: string, facts: Partial<typeof peoplePerson.$inferInsert>) => {
		const [p] = await db
			.insert(peoplePerson)
			.values({ firstName, organisationId: orgId, areaId, contactConsent: true, ...facts })
			.returning({ id: peoplePerson.id });
		return p!.id;
	};
	// The accounts' people get their facts too.
	await db
		.update(peoplePerson)
		.set({
			languages: ['nl', 'bg', 'en'],
			ageGroup: '18_29',
			student: true,
			interculturalConsent: true,
			originGroup: 'belgium',
			phone: '+32 470 00 00 10'
		})
		.where(eq(peoplePerson.id, accounts.volunteer));
	await db
		.update(peoplePerson)
		.set({ languages: ['ar', 'nl'], ageGroup: '30_49', interculturalConsent: true, originGroup: 'outside_eu' })
		.where(eq(peoplePerson.id, accounts.resident));
	await db
		.update(peoplePerson)
		.set({ languages: ['bg'], ageGroup: '65_plus' })
		.where(eq(peoplePerson.firstName, 'Georgi'));

	const hamid = await person('Hamid', rabot.id, {
		languages: ['ar', 'nl', 'fr'],
		ageGroup: '50_64',
		interculturalConsent: true,
		originGroup: 'outside_eu',
		phone: '+32 470 00 00 11'
	});
	const ines = await person('Ines', rabot.id, { languages: ['fr', 'nl'], ageGroup: '30_49', phone: '+32 470 00 00 12' });
	const bart = await person('Bart', sluizeken.id, {
		languages: ['nl'],
		ageGroup: '65_plus',
		interculturalConsent: true,
		originGroup: 'belgium',
		phone: '+32 470 00 00 13'
	});
	const sara = await person('Sara', rabot.id, {
		languages: ['nl', 'tr', 'en'],
		ageGroup: '18_29',
		student: true,
		interculturalConsent: true,
		originGroup: 'eu'
	});
	const rosa = await person('Rosa', rabot.id, { languages: ['es', 'nl'], ageGroup: '65_plus', interculturalConsent: true, originGroup: 'eu' });
	const ahmed = await person('Ahmed', rabot.id, { languages: ['ar'], ageGroup: '30_49' });
	const maria = await person('Maria', rabot.id, { languages: ['ro', 'fr'], ageGroup: '30_49', interculturalConsent: true, originGroup: 'eu' });
	const jan = await person('Jan', sluizeken.id, { languages: ['nl'], ageGroup: '65_plus', interculturalConsent: true, originGroup: 'belgium' });
	const lea = await person('Lea', rabot.id, { languages: ['nl', 'fr'], ageGroup: '0_17' });
	const yusuf = await person('Yusuf', sluizeken.id, {
		languages: ['tr', 'nl'],
		ageGroup: '65_plus',
		interculturalConsent: true,
		originGroup: 'outside_eu'
	});

	await db.insert(aidCertificate).values([
		{ personId: ines, checkedOn: iso(ago(200)), validUntil: iso(new Date(Date.now() + 900 * DAY)) },
		{ personId: sara, checkedOn: iso(ago(100)), validUntil: iso(new Date(Date.now() + 1000 * DAY)) },
		{ personId: bart, checkedOn: iso(ago(1400)), validUntil: iso(ago(300)) }
	]);

	const offer = async (
		personId: string,
		areaId: string,
		category: string,
		title: string,
		windows: Window[],
		capacity: number,
		languages: string[] = [],
		dates: DateItem[] = []
	) => {
		const [o] = await db
			.insert(aidOffer)
			.values({ personId, organisationId: orgId, areaId, category, title, windows, dates, capacity, languages })
			.returning({ id: aidOffer.id });
		return o!.id;
	};
	const lotteErrands = await offer(accounts.volunteer, rabot.id, 'errands', 'Boodschappen doen in de buurt', [w(1, 9, 12), w(3, 14, 17)], 2);
	await offer(accounts.volunteer, rabot.id, 'language', 'Nederlands oefenen bij een koffie', [w(2, 18, 20)], 2);
	const hamidRepairs = await offer(hamid, rabot.id, 'repairs', 'Kleine herstellingen', [w(5, 10, 16)], 2);
	const hamidErrands = await offer(hamid, rabot.id, 'errands', 'Mee naar de markt', [w(5, 8, 12)], 1);
	const inesPaperwork = await offer(ines, rabot.id, 'paperwork', 'Hulp met brieven en formulieren', [w(0, 13, 17)], 3);
	const bartGarden = await offer(bart, sluizeken.id, 'gardening', 'Tuin en terras', [w(2, 9, 12)], 1);
	const bartTransport = await offer(bart, sluizeken.id, 'transport', 'Met de auto naar een afspraak', [w(1, 8, 18), w(3, 8, 18)], 2);
	const saraHomework = await offer(sara, rabot.id, 'homework', 'Huiswerkbegeleiding', [w(3, 16, 18)], 2, ['tr']);
	const saraCompany = await offer(sara, rabot.id, 'company', 'Op bezoek voor een babbel', [w(5, 14, 17)], 2);
	// Specific days: Ahmed moves on a Saturday next month; Hamid keeps that Saturday free to carry boxes.
	const movingDay = saturdayIn(30);
	await offer(hamid, rabot.id, 'moving', 'Dozen dragen bij een verhuis', [], 1, [], [{ date: movingDay }]);

	const need = async (
		personId: string,
		areaId: string,
		category: string,
		title: string,
		windows: Window[],
		createdAt: Date,
		status: 'open' | 'matched' | 'closed' = 'open',
		safeguarded = false,
		dates: DateItem[] = []
	) => {
		const [n] = await db
			.insert(aidNeed)
			.values({
				personId,
				organisationId: orgId,
				areaId,
				category,
				title,
				windows,
				dates,
				createdAt,
				updatedAt: createdAt,
				status,
				safeguarded,
				assisted: true
			})
			.returning({ id: aidNeed.id });
		return n!.id;
	};
	// Open needs in the queue.
	await need(rosa, rabot.id, 'company', 'Iemand om mee te praten', [w(4, 14, 17)], ago(9));
	await need(ahmed, rabot.id, 'paperwork', 'Brief van het OCMW begrijpen', [w(0, 14, 16)], ago(4));
	await need(maria, rabot.id, 'homework', 'Huiswerk voor mijn zoon (10 jaar)', [w(3, 16, 18)], ago(2), 'open', true);
	await need(jan, sluizeken.id, 'transport', 'Naar het ziekenhuis op dinsdag', [w(1, 9, 12)], ago(6));
	await need(accounts.resident, rabot.id, 'repairs', 'Kraan die lekt', [w(5, 10, 12)], ago(3));
	await need(ahmed, rabot.id, 'moving', 'Hulp bij mijn verhuis', [], ago(1), 'open', false, [{ date: movingDay, start: 9 * 60, end: 13 * 60 }]);

	// A year of links that took place, across categories, to give the figures substance.
	const [g] = await db.select({ id: peoplePerson.id }).from(peoplePerson).where(eq(peoplePerson.firstName, 'Georgi'));
	const georgi = g!.id;
	const history: [string, string, string, string, number][] = [
		[rosa, lotteErrands, 'errands', 'Boodschappen', 330],
		[jan, bartTransport, 'transport', 'Naar de dokter', 300],
		[yusuf, bartTransport, 'transport', 'Naar het gemeentehuis', 280],
		[georgi, lotteErrands, 'errands', 'Boodschappen op dinsdag', 250],
		[ahmed, inesPaperwork, 'paperwork', 'Huurcontract lezen', 230],
		[maria, inesPaperwork, 'paperwork', 'Kindergeld aanvragen', 200],
		[rosa, saraCompany, 'company', 'Wekelijkse babbel', 180],
		[lea, saraHomework, 'homework', 'Wiskunde', 160],
		[jan, bartGarden, 'gardening', 'Haag snoeien', 150],
		[yusuf, hamidRepairs, 'repairs', 'Rolluik herstellen', 120],
		[rosa, lotteErrands, 'errands', 'Apotheek en bakker', 100],
		[ahmed, hamidErrands, 'errands', 'Markt op zaterdag', 90],
		[yusuf, inesPaperwork, 'paperwork', 'Belastingbrief', 70],
		[jan, lotteErrands, 'errands', 'Grote boodschappen', 60],
		[maria, saraHomework, 'homework', 'Lezen oefenen', 45],
		[rosa, hamidRepairs, 'repairs', 'Lamp ophangen', 30]
	];
	for (const [personId, offerId, category, title, daysAgo] of history) {
		const created = ago(daysAgo);
		const needId = await need(personId, rabot.id, category, title, [], created, 'closed');
		await db.insert(aidLink).values({
			needId,
			organisationId: orgId,
			areaId: rabot.id,
			offerId,
			status: 'closed',
			needAcceptedAt: new Date(created.getTime() + DAY),
			offerAcceptedAt: new Date(created.getTime() + 2 * DAY),
			tookPlaceAt: new Date(created.getTime() + 7 * DAY),
			closedAt: new Date(created.getTime() + 30 * DAY),
			changedAt: new Date(created.getTime() + 30 * DAY),
			createdAt: created,
			score: 50
		});
	}
	// One link still going (holds one of Ines's places) and two stalled ones for the facilitator: a
	// proposal Sara has not answered, and rides to the hospital that have gone quiet since accepted.
	const going = await need(rosa, rabot.id, 'paperwork', 'Pensioenaanvraag', [], ago(20), 'matched');
	await db.insert(aidLink).values({
		needId: going,
		organisationId: orgId,
		areaId: rabot.id,
		offerId: inesPaperwork,
		status: 'accepted',
		needAcceptedAt: ago(18),
		offerAcceptedAt: ago(17),
		changedAt: ago(17),
		createdAt: ago(19),
		score: 45
	});
	await db
		.update(aidOffer)
		.set({ activeLinks: sql`${aidOffer.activeLinks} + 1` })
		.where(eq(aidOffer.id, inesPaperwork));
	const stalled = await need(yusuf, sluizeken.id, 'company', 'Samen wandelen', [w(2, 10, 12)], ago(25));
	await db.insert(aidLink).values({
		needId: stalled,
		organisationId: orgId,
		areaId: sluizeken.id,
		offerId: saraCompany,
		status: 'proposed',
		needAcceptedAt: ago(24),
		changedAt: ago(24),
		createdAt: ago(24),
		score: 30
	});
	const rides = await need(maria, rabot.id, 'transport', 'Naar het ziekenhuis voor controles', [w(3, 8, 12)], ago(22), 'matched');
	await db.insert(aidLink).values({
		needId: rides,
		organisationId: orgId,
		areaId: rabot.id,
		offerId: bartTransport,
		status: 'accepted',
		needAcceptedAt: ago(21),
		offerAcceptedAt: ago(20),
		changedAt: ago(20),
		createdAt: ago(21),
		score: 35
	});
	await db
		.update(aidOffer)
		.set({ activeLinks: sql`${aidOffer.activeLinks} + 1` })
		.where(eq(aidOffer.id, bartTransport));

	await db.insert(aidOfficeHour).values([
		{ organisationId: orgId, areaId: rabot.id, place: 'Wijkhuis Rabot, Rabotstraat 1', day: 1, start: 9 * 60, end: 12 * 60, public: true },
		{ organisationId: orgId, areaId: rabot.id, place: 'Wijkhuis Rabot, Rabotstraat 1', day: 3, start: 14 * 60, end: 17 * 60, public: true },
		{ organisationId: orgId, areaId: sluizeken.id, place: 'Buurtcentrum Sluizeken', day: 4, start: 10 * 60, end: 12 * 60, public: true }
	]);
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
