import type { Db } from '../db/index.ts';
import { and, eq } from 'drizzle-orm';
import { peopleConsent, peopleHousehold, peopleHouseholdMember, peoplePerson, peoplePurpose, peoplePurposeText } from '../people/index.ts';
import { activitiesActivity, activitiesAttendance, activitiesRegistration, activitiesSession } from '../activities/index.ts';
import { addDays, addMonths, belgianLocalToInstant, dayOfWeek, todayInBelgium } from '../core/index.ts';
import type { Theme } from '../../themes.ts';
import { generator } from './random.ts';

// The demo's year of activities in Rabot (issue 15), ending today, with eight weeks of sessions to
// come. Its reach resembles the figures of DOMAIN.md "2. Fieldwork", and they come out of attendance
// rows, never typed: a social grocery with about 120 families a month, a sewing workshop with about
// 70 participants from 11 countries and strong in- and outflow, a holiday offer in July for 31
// families and 70 children, focus groups four times a year with about 10 people, a monthly training
// for volunteers, and one-off events with anonymous headcounts. Deterministic (seed/random.ts).

type Area = { id: string };
type Users = { facilitator: string; coordinator: string };
type Person = typeof peoplePerson.$inferInsert & { id: string };
type Session = typeof activitiesSession.$inferInsert & { id: string; startsAt: Date };
type Attendance = typeof activitiesAttendance.$inferInsert;

const WEEKS_AHEAD = 8;
// Countries of origin of Rabot's residents as the demo tells them (ISO 3166-1); Belgium most often.
const COUNTRIES = ['BE', 'BE', 'BE', 'MA', 'MA', 'TR', 'TR', 'BG', 'BG', 'SY', 'AF', 'ER', 'SO', 'RO', 'PL', 'CD', 'GN', 'SK'];
// The sewing workshop's 11 countries.
const SEWING_COUNTRIES = ['MA', 'TR', 'BG', 'SY', 'AF', 'ER', 'SO', 'RO', 'BE', 'GN', 'SK'];
// Names that the browser tests never type, so a test's own person is never taken for one of these.
const ADULT_NAMES = [
	'Aylin',
	'Sevda',
	'Hanna',
	'Ivana',
	'Leyla',
	'Sofie',
	'Rahma',
	'Elif',
	'Yusuf',
	'Dirk',
	'Petar',
	'Mehmet',
	'Zeynep',
	'Meryem',
	'Goran',
	'Abdi',
	'Tesfay',
	'Ilse',
	'Jamila',
	'Khadija',
	'Senait',
	'Rosa',
	'Magda',
	'Bogdan',
	'Nuri',
	'Wim',
	'Greet',
	'Halima',
	'Vesna'
];
const CHILD_NAMES = [
	'Noah',
	'Lina',
	'Adam',
	'Sara',
	'Ilyas',
	'Yara',
	'Emir',
	'Mila',
	'Rayan',
	'Nour',
	'Defne',
	'Kaan',
	'Lea',
	'Zakaria',
	'Hiba',
	'Daria',
	'Milan',
	'Ayla'
];
// No J: the network map spec finds its isolated Ines J. by her initials.
const LAST_INITIALS = 'ABCDEFGHKLMNOPRSTVWYZ';

export async function seedDemoActivities(db: Db, organisationId: string, rabot: Area, placeId: string, users: Users): Promise<void> {
	const g = generator(15);
	const today = todayInBelgium();
	const thisYear = Number(today.slice(0, 4));
	const people: Person[] = [];
	const households: Array<typeof peopleHousehold.$inferInsert & { id: string }> = [];
	const members: Array<typeof peopleHouseholdMember.$inferInsert> = [];
	const place = { organisationId, areaId: rabot.id };

	const person = (p: Partial<Person> & { adult: boolean; country: string }): Person => {
		const names = p.adult ? ADULT_NAMES : CHILD_NAMES;
		const row: Person = {
			id: g.uuid(),
			...place,
			firstName: p.firstName ?? g.pick(names),
			lastName: `${g.pick([...LAST_INITIALS])}.`,
			birthYear: p.adult ? thisYear - g.int(22, 70) : thisYear - g.int(3, 16),
			countryOfOrigin: p.country,
			vulnerable: p.vulnerable ?? null,
			socialServiceClient: p.socialServiceClient ?? null
		};
		people.push(row);
		return row;
	};
	/** A household of adults and children sharing a country; the first adult is its head (who comes to the grocery). */
	const household = (adults: number, children: number, country: string, situation: { vulnerable: boolean; client: boolean }) => {
		const h = { id: g.uuid(), ...place, name: `Gezin ${g.pick([...LAST_INITIALS])}.` };
		households.push(h);
		const list: Person[] = [];
		for (let i = 0; i < adults + children; i++) {
			const adult = i < adults;
			const p = person({ adult, country, vulnerable: situation.vulnerable, socialServiceClient: situation.client });
			members.push({ householdId: h.id, personId: p.id, role: adult ? 'adult' : 'child', head: i === 0 });
			list.push(p);
		}
		return list;
	};

	// The grocery's 130 families: most come every other week, so about 120 of them in a month.
	const grocery = Array.from({ length: 130 }, () =>
		household(g.int(1, 2), g.int(0, 4), g.pick(COUNTRIES), { vulnerable: g.chance(0.7), client: g.chance(0.45) })
	);
	// The holiday offer's 31 families with 70 children: 26 of them of foreign origin, 8 clients of the social service.
	const childCounts = Array.from({ length: 31 }, (_, i) => (i < 8 ? 3 : 2));
	const holiday = childCounts.map((children, i) =>
		household(1, children, i < 26 ? g.pick(COUNTRIES.filter((c) => c !== 'BE')) : 'BE', { vulnerable: g.chance(0.5), client: i % 4 === 0 })
	);
	// The sewing workshop: 30 grocery adults and 40 people of its own, each for a few months.
	const sewers = [
		...grocery.slice(0, 30).map((h) => h[0]!),
		...Array.from({ length: 40 }, (_, i) => person({ adult: true, country: SEWING_COUNTRIES[i % SEWING_COUNTRIES.length]! }))
	];
	for (const [i, s] of sewers.entries()) s.countryOfOrigin = SEWING_COUNTRIES[i % SEWING_COUNTRIES.length]!;
	const focus = grocery.slice(30, 46).map((h) => h[0]!);
	const volunteers = grocery.slice(46, 58).map((h) => h[0]!);

	const activities: Array<typeof activitiesActivity.$inferInsert & { id: string }> = [];
	const sessions: Session[] = [];
	const attendance: Attendance[] = [];
	const activity = (a: Omit<typeof activitiesActivity.$inferInsert, 'organisationId' | 'id'> & { themes: Theme[] }) => {
		const row = { id: g.uuid(), ...place, organiserUserId: users.facilitator, createdByUserId: users.coordinator, placeId, ...a };
		activities.push(row);
		return row;
	};
	const session = (activityId: string, day: string, start: string, minutes: number, anonymousCount = 0): Session => {
		const startsAt = belgianLocalToInstant(day, start);
		const s: Session = { id: g.uuid(), activityId, ...place, startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000), anonymousCount };
		// Past sessions were closed by the organiser; today's and the ones to come are open.
		if (day < today) Object.assign(s, { closedAt: new Date(startsAt.getTime() + (minutes + 30) * 60_000), closedByUserId: users.facilitator });
		sessions.push(s);
		return s;
	};
	const attend = (s: Session, who: Person[]) => {
		if (s.startsAt.getTime() > Date.now()) return;
		for (const p of new Set(who)) {
			attendance.push({
				sessionId: s.id,
				personId: p.id,
				activityId: s.activityId,
				...place,
				sessionStartsAt: s.startsAt,
				recordedByUserId: users.facilitator
			});
		}
	};
	/** Every `weekday` (1 = Monday) from a year ago to WEEKS_AHEAD weeks from now. */
	const weekly = (weekday: number) => {
		let day = addDays(addMonths(today, -12), 1);
		while (dayOfWeek(day) !== weekday) day = addDays(day, 1);
		const days: string[] = [];
		for (; day <= addDays(today, WEEKS_AHEAD * 7); day = addDays(day, 7)) days.push(day);
		return days;
	};
	const startsOn = addDays(addMonths(today, -12), 1);

	const kruidenier = activity({
		kind: 'recurring',
		title: 'Sociale kruidenier',
		description: 'Elke zaterdag: verse groenten en basisproducten aan een lage prijs, met een babbel en een koffie.',
		themes: ['income', 'services'],
		targetGroups: ['families'],
		recurrence: 'weekly',
		startsOn,
		startTime: '10:00',
		durationMinutes: 150
	});
	for (const day of weekly(6))
		attend(
			session(kruidenier.id, day, '10:00', 150),
			grocery.filter(() => g.chance(0.46)).map((h) => h[0]!)
		);

	const naaiatelier = activity({
		kind: 'recurring',
		title: 'Naaiatelier',
		description: 'Samen naaien, herstellen en Nederlands oefenen. Naaimachines zijn er; breng je eigen stof mee als je wil.',
		themes: ['leisure', 'language'],
		targetGroups: ['adults', 'women'],
		capacity: 20,
		public: true,
		recurrence: 'weekly',
		startsOn,
		startTime: '14:00',
		durationMinutes: 120
	});
	// Strong in- and outflow: each participant comes for a stretch of three to six months of the year.
	const stretches = sewers.map((p) => {
		const from = g.int(0, 44);
		return { p, from, to: from + g.int(12, 26) };
	});
	for (const [week, day] of weekly(3).entries()) {
		attend(
			session(naaiatelier.id, day, '14:00', 120),
			stretches.filter((s) => week >= s.from && week <= s.to && g.chance(0.7)).map((s) => s.p)
		);
	}
	// Who comes now registered for the series; the workshop is full, so two are on the waiting list.
	const current = stretches.filter((s) => s.to >= 46).map((s) => s.p);
	const registrations: Array<typeof activitiesRegistration.$inferInsert> = current.slice(0, 22).map((p, i) => ({
		activityId: naaiatelier.id,
		organisationId,
		personId: p.id,
		status: i < 20 ? 'registered' : 'waiting',
		recordedByUserId: users.facilitator
	}));

	// The holiday offer: ten days in July of this year (or last year before July), families and children together.
	const holidayYear = today.slice(5, 7) >= '08' ? thisYear : thisYear - 1;
	const vakantie = activity({
		kind: 'recurring',
		title: 'Vakantiewerking voor gezinnen',
		description: 'Tien dagen uitstappen en spel in juli, voor ouders en kinderen samen.',
		themes: ['leisure', 'family_parenting'],
		targetGroups: ['families', 'children'],
		recurrence: 'dates',
		startsOn: `${holidayYear}-07-01`,
		endsOn: `${holidayYear}-07-31`,
		startTime: '10:00',
		durationMinutes: 300
	});
	const july = Array.from({ length: 31 }, (_, i) => `${holidayYear}-07-${String(i + 1).padStart(2, '0')}`).filter((d) => dayOfWeek(d) <= 5);
	for (const day of july.slice(2, 12)) {
		// Every family came at least once: the first day everyone, then most of them.
		attend(
			session(vakantie.id, day, '10:00', 300),
			holiday.flatMap((h) => (day === july[2] || g.chance(0.6) ? h : []))
		);
	}

	const focusGroup = activity({
		kind: 'focus_group',
		title: 'Klankbordgroep Rabot',
		description: 'Vier keer per jaar: wat loopt goed in de wijk, wat moet beter?',
		themes: ['services', 'housing'],
		targetGroups: ['adults'],
		recurrence: 'dates',
		startsOn,
		startTime: '19:00',
		durationMinutes: 120
	});
	for (const months of [-11, -8, -5, -2])
		attend(
			session(focusGroup.id, addMonths(today, months), '19:00', 120),
			focus.filter(() => g.chance(0.65))
		);

	const vorming = activity({
		kind: 'recurring',
		title: 'Vorming voor vrijwilligers',
		description: 'Elke maand een vorming: eerste hulp, omgaan met conflicten, digitale hulp, ...',
		themes: ['work_training'],
		targetGroups: ['adults'],
		recurrence: 'monthly',
		startsOn,
		startTime: '18:30',
		durationMinutes: 150
	});
	for (let m = -11; m <= 1; m++)
		attend(
			session(vorming.id, `${addMonths(today, m).slice(0, 7)}-10`, '18:30', 150),
			volunteers.filter(() => g.chance(0.6))
		);

	// One-off events: many came without giving a name (the headcount), some known faces did.
	const events: Array<[string, Theme[], number, number, boolean]> = [
		['Kinderfeest', ['leisure', 'family_parenting'], -6, 80, true],
		['Buitenspeeldag', ['leisure'], -8, 60, true],
		['Iftar in het wijkhuis', ['leisure'], -9, 30, true],
		['Repair café', ['services'], -2, 25, true],
		['Wandeling langs de Lieve', ['leisure', 'health'], -3, 12, false]
	];
	for (const [title, themes, months, headcount, isPublic] of events) {
		const day = addMonths(today, months);
		const a = activity({
			kind: 'one_off',
			title,
			themes,
			targetGroups: ['everyone'],
			public: isPublic,
			startsOn: day,
			startTime: '14:00',
			durationMinutes: 180
		});
		attend(
			session(a.id, day, '14:00', 180, headcount),
			grocery.filter(() => g.chance(0.15)).flatMap((h) => h)
		);
	}

	// Plain multi-row inserts in chunks (PostgreSQL's 65 535 parameters per statement).
	const insert = async <T extends Record<string, unknown>>(table: Parameters<Db['insert']>[0], rows: T[], per = 500) => {
		for (let i = 0; i < rows.length; i += per) await db.insert(table).values(rows.slice(i, i + per) as never);
	};
	await insert(peoplePerson, people);
	await insert(peopleHousehold, households);
	await insert(peopleHouseholdMember, members);
	await insert(activitiesActivity, activities);
	await insert(activitiesSession, sessions);
	await insert(activitiesRegistration, registrations);
	await insert(activitiesAttendance, attendance, 2000);
	await seedReachConsent(db, organisationId, people, users.facilitator);
}

const SITUATION_TEXT = {
	nl: 'Mogen we noteren of u in een kwetsbare situatie leeft en of u cliënt bent van het OCMW, om anoniem te tellen wie onze activiteiten bereiken? U kunt dit altijd intrekken.',
	fr: 'Pouvons-nous noter si vous vivez une situation de vulnérabilité et si vous êtes client du CPAS, pour compter anonymement qui nos activités atteignent ? Vous pouvez retirer cet accord à tout moment.',
	en: 'May we note whether you live in a vulnerable situation and whether you are a client of the social service, to count anonymously whom our activities reach? You can withdraw this at any time.',
	bg: 'Може ли да отбележим дали живеете в уязвимо положение и дали сте клиент на социалната служба, за да преброим анонимно кого достигат нашите дейности? Можете да оттеглите съгласието си по всяко време.',
	tr: 'Etkinliklerimizin kimlere ulaştığını anonim olarak saymak için kırılgan bir durumda yaşayıp yaşamadığınızı ve sosyal hizmetin danışanı olup olmadığınızı not edebilir miyiz? Bu izni istediğiniz zaman geri alabilirsiniz.',
	ar: 'هل يمكننا أن نسجل إن كنت تعيش في وضع هش وإن كنت من عملاء الخدمة الاجتماعية، لنحصي دون ذكر الأسماء من تصل إليهم أنشطتنا؟ يمكنك سحب موافقتك في أي وقت.'
};

/**
 * Reach counts countries of origin and the two situation flags only under a purpose the person agreed
 * to: the organisation's intercultural purpose (made with every organisation) and a 'social_situation'
 * purpose the demo adds. Most participants said yes, spoken, when they first came; some did not.
 */
async function seedReachConsent(db: Db, organisationId: string, people: Person[], by: string) {
	const g = generator(151);
	const [intercultural] = await db
		.select({ id: peoplePurpose.id, version: peoplePurpose.version })
		.from(peoplePurpose)
		.where(and(eq(peoplePurpose.organisationId, organisationId), eq(peoplePurpose.code, 'intercultural')));
	const [situation] = await db
		.insert(peoplePurpose)
		.values({ organisationId, code: 'social_situation', lawfulBasis: 'consent', categories: ['health'], retentionDays: 1095 })
		.returning({ id: peoplePurpose.id, version: peoplePurpose.version });
	await db.insert(peoplePurposeText).values({ purposeId: situation!.id, version: 1, texts: SITUATION_TEXT });
	const consents: Array<typeof peopleConsent.$inferInsert> = [];
	const recordedAt = new Date(Date.now() - 400 * 86_400_000);
	for (const p of people) {
		for (const purpose of [intercultural, situation]) {
			if (purpose && g.chance(0.85))
				consents.push({
					personId: p.id,
					purposeId: purpose.id,
					version: purpose.version,
					given: true,
					method: 'spoken',
					recordedByUserId: by,
					recordedAt
				});
		}
	}
	for (let i = 0; i < consents.length; i += 1000) await db.insert(peopleConsent).values(consents.slice(i, i + 1000));
}
