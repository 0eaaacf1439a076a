import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { peoplePerson, seedConsent } from '../people/index.ts';
import { aidCertificate, aidLink, aidNeed, aidOffer, aidOfficeHour, type DateItem, weekdayOf, type Window } from '../aid/index.ts';
import { addDays, addMonths, endOfBelgianMonth, startOfBelgianMonth, todayInBelgium } from '../core/index.ts';

// The demo's mutual aid in Rabot and Sluizeken: people the house registered (most without an
// account), their needs and offers, a year of links that took place (so that the coordinator's
// figures are above the suppression threshold of 5), and the house's office hours.

type Area = { id: string };
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const w = (day: number, from: number, to: number): Window => ({ day, start: from * 60, end: to * 60 });
/** The first Saturday at least `days` days from today (Belgian day): a moving day in the demo's future. */
const saturdayIn = (days: number) => {
	const from = addDays(todayInBelgium(), days);
	return addDays(from, (5 - weekdayOf(from) + 7) % 7);
};

export async function seedDemoAid(db: Db, orgId: string, rabot: Area, sluizeken: Area, accounts: { volunteer: string; resident: string }) {
	// Everyone the house registered agreed to be contacted (spoken, at the office hour).
	const contactable: string[] = [];
	const person = async (firstName: string, areaId: string, facts: Partial<typeof peoplePerson.$inferInsert>) => {
		const [p] = await db
			.insert(peoplePerson)
			.values({ firstName, organisationId: orgId, areaId, ...facts })
			.returning({ id: peoplePerson.id });
		contactable.push(p!.id);
		return p!.id;
	};
	// The accounts' people get their facts too.
	await db
		.update(peoplePerson)
		.set({
			languages: ['nl', 'bg', 'en'],
			ageGroup: '18_29',
			student: true,
			originGroup: 'belgium',
			phone: '+32 470 00 00 10'
		})
		.where(eq(peoplePerson.id, accounts.volunteer));
	await db
		.update(peoplePerson)
		.set({ languages: ['ar', 'nl'], ageGroup: '30_49', originGroup: 'outside_eu' })
		.where(eq(peoplePerson.id, accounts.resident));
	await db
		.update(peoplePerson)
		.set({ languages: ['bg'], ageGroup: '65_plus' })
		.where(eq(peoplePerson.firstName, 'Georgi'));

	const hamid = await person('Hamid', rabot.id, {
		languages: ['ar', 'nl', 'fr'],
		ageGroup: '50_64',
		originGroup: 'outside_eu',
		phone: '+32 470 00 00 11'
	});
	const ines = await person('Ines', rabot.id, { languages: ['fr', 'nl'], ageGroup: '30_49', phone: '+32 470 00 00 12' });
	const bart = await person('Bart', sluizeken.id, {
		languages: ['nl'],
		ageGroup: '65_plus',
		originGroup: 'belgium',
		phone: '+32 470 00 00 13'
	});
	const sara = await person('Sara', rabot.id, {
		languages: ['nl', 'tr', 'en'],
		ageGroup: '18_29',
		student: true,
		originGroup: 'eu',
		phone: '+32 470 00 00 14'
	});
	const rosa = await person('Rosa', rabot.id, { languages: ['es', 'nl'], ageGroup: '65_plus', originGroup: 'eu' });
	const ahmed = await person('Ahmed', rabot.id, { languages: ['ar'], ageGroup: '30_49' });
	const maria = await person('Maria', rabot.id, {
		languages: ['ro', 'fr'],
		ageGroup: '30_49',
		originGroup: 'eu',
		phone: '+32 470 00 00 15'
	});
	const jan = await person('Jan', sluizeken.id, { languages: ['nl'], ageGroup: '65_plus', originGroup: 'belgium' });
	const lea = await person('Lea', rabot.id, { languages: ['nl', 'fr'], ageGroup: '0_17' });
	const yusuf = await person('Yusuf', sluizeken.id, {
		languages: ['tr', 'nl'],
		ageGroup: '65_plus',
		originGroup: 'outside_eu',
		phone: '+32 470 00 00 16'
	});

	await db.insert(aidCertificate).values([
		{ personId: ines, checkedOn: day(-200), validUntil: day(900) },
		{ personId: sara, checkedOn: day(-100), validUntil: day(1000) },
		{ personId: bart, checkedOn: day(-1400), validUntil: day(-300) }
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

	// Two years of links that took place, so that a coordinator sees real figures (most of them 5 or
	// more, and bars in every month of the default period): see history() below.
	const [g] = await db.select({ id: peoplePerson.id }).from(peoplePerson).where(eq(peoplePerson.firstName, 'Georgi'));
	const georgi = g!.id;
	// More volunteers (two of them students) and the neighbours they helped; the house knows them all.
	const nadia = await person('Nadia', rabot.id, {
		languages: ['ar', 'nl', 'fr'],
		ageGroup: '18_29',
		student: true,
		originGroup: 'outside_eu'
	});
	const elif = await person('Elif', rabot.id, {
		languages: ['tr', 'nl'],
		ageGroup: '18_29',
		student: true,
		originGroup: 'eu'
	});
	const koen = await person('Koen', sluizeken.id, { languages: ['nl'], ageGroup: '50_64', originGroup: 'belgium' });
	const luc = await person('Luc', rabot.id, { languages: ['nl', 'fr'], ageGroup: '65_plus', originGroup: 'belgium' });
	const [nadiaGoes, nadiaReads, elifHomework, elifMeals, koenGarden, koenRepairs, lucCompany, lucGoes] = await Promise.all([
		offer(nadia, rabot.id, 'accompaniment', 'Mee naar de dokter of het OCMW', [w(0, 9, 12)], 2, ['ar']),
		offer(nadia, rabot.id, 'language', 'Samen Nederlands lezen', [w(2, 14, 16)], 2),
		offer(elif, rabot.id, 'homework', 'Hulp bij huiswerk (lager onderwijs)', [w(1, 16, 18)], 2, ['tr']),
		offer(elif, rabot.id, 'meals', 'Samen koken en een maaltijd brengen', [w(4, 17, 19)], 2),
		offer(koen, sluizeken.id, 'gardening', 'Gras maaien en snoeien', [w(5, 9, 12)], 2),
		offer(koen, sluizeken.id, 'repairs', 'Fietsen en kleine klussen', [w(5, 13, 16)], 2),
		offer(luc, rabot.id, 'company', 'Een wandeling en een babbel', [w(2, 10, 12)], 2),
		offer(luc, rabot.id, 'accompaniment', 'Mee naar afspraken', [w(3, 9, 12)], 1)
	]);
	const resident = (firstName: string, facts: Partial<typeof peoplePerson.$inferInsert>, areaId = rabot.id) => person(firstName, areaId, facts);
	const earlier = [
		rosa,
		jan,
		yusuf,
		georgi,
		ahmed,
		maria,
		await resident('Marcel', { languages: ['nl'], ageGroup: '65_plus', originGroup: 'belgium' }, sluizeken.id),
		await resident('Hilde', { languages: ['nl', 'en'], ageGroup: '50_64' }),
		await resident('Mohamed', { languages: ['ar', 'fr'], ageGroup: '65_plus', originGroup: 'outside_eu' }),
		await resident('Zeynep', { languages: ['tr'], ageGroup: '30_49', originGroup: 'outside_eu' })
	];
	// Neighbours helped for the first time in the last twelve months ("new residents reached").
	const newer = [
		lea,
		await resident('Tom', { languages: ['nl', 'en'], ageGroup: '18_29', student: true, originGroup: 'belgium' }),
		await resident('Amira', { languages: ['ar', 'nl'], ageGroup: '18_29', student: true, originGroup: 'outside_eu' }),
		await resident('Kevin', { languages: ['nl'], ageGroup: '30_49' }, sluizeken.id),
		await resident('Sofia', { languages: ['es', 'fr'], ageGroup: '65_plus', originGroup: 'eu' }),
		await resident('Nour', { languages: ['ar'], ageGroup: '50_64', originGroup: 'outside_eu' }),
		await resident('Emre', { languages: ['tr', 'nl'], ageGroup: '0_17' }),
		await resident('Anna', { languages: ['pl', 'en'], ageGroup: '30_49', originGroup: 'eu' }),
		await resident('Dirk', { languages: ['nl'], ageGroup: '65_plus', originGroup: 'belgium' }, sluizeken.id),
		await resident('Layla', { languages: ['ar', 'en'], ageGroup: '65_plus', originGroup: 'outside_eu' })
	];
	const areaOf = new Map<string, string>([...[jan, yusuf, bart, koen].map((id) => [id, sluizeken.id] as const)]);
	for (const id of [earlier[6]!, newer[3]!, newer[8]!]) areaOf.set(id, sluizeken.id);
	const offersFor: Record<string, string[]> = {
		errands: [lotteErrands, hamidErrands],
		company: [saraCompany, lucCompany],
		accompaniment: [nadiaGoes, lucGoes],
		paperwork: [inesPaperwork],
		homework: [saraHomework, elifHomework],
		repairs: [hamidRepairs, koenRepairs],
		gardening: [bartGarden, koenGarden],
		language: [nadiaReads],
		transport: [bartTransport],
		meals: [elifMeals]
	};
	await history(db, orgId, { earlier, newer, offersFor, areaOf, defaultArea: rabot.id });

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
	await seedConsent(db, contactable, 'contact');
	// Everyone whose origin group the demo knows gave it for the intercultural figures (kept only with that consent).
	const withOrigin = await db
		.select({ id: peoplePerson.id })
		.from(peoplePerson)
		.where(and(eq(peoplePerson.organisationId, orgId), isNotNull(peoplePerson.originGroup)));
	await seedConsent(
		db,
		withOrigin.map((r) => r.id),
		'intercultural'
	);
}

/** The Belgian day `n` days from today. */
const day = (n: number) => addDays(todayInBelgium(), n);

const TITLES: Record<string, string> = {
	errands: 'Boodschappen',
	company: 'Een babbel',
	accompaniment: 'Mee naar een afspraak',
	paperwork: 'Hulp met een brief',
	homework: 'Huiswerk',
	repairs: 'Iets herstellen',
	gardening: 'Tuinwerk',
	language: 'Nederlands oefenen',
	transport: 'Vervoer naar een afspraak',
	meals: 'Een warme maaltijd'
};

/**
 * Links that took place and were closed, month by month for two years: four a month in the first
 * year, eight a month in the last twelve months (this one included, up to now), across ten categories
 * in turn, each between a neighbour and a volunteer offering that kind of help. The neighbours of the
 * first year come back; the newer ones start in the last twelve months. So the coordinator's default
 * period shows figures of 5 and more, a bar in every month and in most categories. Two inserts, so
 * the demo seed stays fast.
 */
async function history(
	db: Db,
	orgId: string,
	p: { earlier: string[]; newer: string[]; offersFor: Record<string, string[]>; areaOf: Map<string, string>; defaultArea: string }
) {
	const categories = Object.keys(p.offersFor);
	const offerPerson = new Map(
		(await db.select({ id: aidOffer.id, personId: aidOffer.personId, areaId: aidOffer.areaId }).from(aidOffer)).map((o) => [o.id, o])
	);
	const today = todayInBelgium();
	const now = Date.now();
	const rows: { need: typeof aidNeed.$inferInsert; link: Omit<typeof aidLink.$inferInsert, 'needId'> }[] = [];
	let n = 0;
	for (let back = 23; back >= 0; back--) {
		const month = addMonths(today, -back);
		const start = startOfBelgianMonth(month).getTime();
		const end = back === 0 ? now : endOfBelgianMonth(month).getTime();
		const count = back >= 12 ? 4 : 8;
		for (let j = 0; j < count; j++, n++) {
			const slot = (end - start) / count;
			const made = new Date(start + slot * (j + 0.4));
			const tookPlace = new Date(start + slot * (j + 0.8));
			const category = categories[n % categories.length]!;
			const offers = p.offersFor[category]!;
			const offerId = offers[Math.floor(n / categories.length) % offers.length]!;
			// The newer neighbours only in the last twelve months; there, every other link is one of theirs.
			const pool = back < 12 && n % 2 === 0 ? p.newer : p.earlier;
			const personId = pool[(n * 7 + back) % pool.length]!;
			if (personId === offerPerson.get(offerId)?.personId) continue;
			const areaId = p.areaOf.get(personId) ?? p.defaultArea;
			const created = new Date(made.getTime() - 3 * DAY);
			const closed = new Date(Math.min(tookPlace.getTime() + DAY, now));
			rows.push({
				need: {
					personId,
					organisationId: orgId,
					areaId,
					category,
					title: TITLES[category] ?? category,
					windows: [],
					createdAt: created,
					updatedAt: closed,
					status: 'closed',
					assisted: true
				},
				link: {
					organisationId: orgId,
					areaId,
					offerId,
					status: 'closed',
					needAcceptedAt: new Date(made.getTime() - DAY),
					offerAcceptedAt: made,
					tookPlaceAt: tookPlace,
					closedAt: closed,
					changedAt: closed,
					createdAt: new Date(made.getTime() - 2 * DAY),
					score: 40 + (n % 30)
				}
			});
		}
	}
	const needs = await db
		.insert(aidNeed)
		.values(rows.map((r) => r.need))
		.returning({ id: aidNeed.id });
	await db.insert(aidLink).values(rows.map((r, i) => ({ ...r.link, needId: needs[i]!.id })));
}
