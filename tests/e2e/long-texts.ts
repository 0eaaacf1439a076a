// Long real texts in every interface language, as residents write them: descriptions of 400+
// characters with a web address, a phone number without spaces and long words, long double names
// and e-mail addresses. The browser tests' server seeds them (seed-long-texts.ts) next to the demo,
// and the specs visit them at 360 px: the demo's own short texts never pushed a page sideways.
// Fixed ids, so a spec can open a need's page without searching for it.

export type Locale = 'nl' | 'fr' | 'en' | 'bg' | 'tr' | 'ar';
export const LOCALES: Locale[] = ['nl', 'fr', 'en', 'bg', 'tr', 'ar'];

type Person = { firstName: string; lastName: string; phone: string; email: string };
type LongNeed = { id: string; category: string; title: string; description: string; person: Person };

export const LONG_NEEDS: Record<Locale, LongNeed> = {
	nl: {
		id: '00000000-0000-4000-8000-00000000e101',
		category: 'paperwork',
		title: 'Hulp bij het invullen van de aanvraag voor het sociaal tarief bij de energieleverancier',
		description:
			'Ik heb een brief gekregen van mijn energieleverancier en ik begrijp niet goed wat ze van mij vragen. Ze verwijzen naar https://www.vlaanderen.be/energie-en-milieu/energiepremies-en-sociale-maatregelen/sociaal-tarief-voor-aardgas-en-elektriciteit en naar een arbeidsongeschiktheidsuitkeringsattest dat ik bij de mutualiteit zou moeten opvragen. Ik ben overdag thuis, behalve op woensdag. Bel liefst eerst naar mijn dochter op +32470123456, want mijn gehoor is niet meer zo goed.',
		person: {
			firstName: 'Marie-Louise',
			lastName: 'Vandenbroucke-Verstraeten',
			phone: '+32470123456',
			email: 'marie-louise.vandenbroucke-verstraeten@voorbeeld-buurthuis.be'
		}
	},
	fr: {
		id: '00000000-0000-4000-8000-00000000e102',
		category: 'paperwork',
		title: 'Accompagnement pour un rendez-vous au service des allocations familiales',
		description:
			"Je dois me présenter au service des allocations familiales avec tous mes documents, mais je ne sais pas exactement lesquels. Le courrier renvoie à https://www.famiwal.be/fr/allocations-familiales/documents-a-fournir-et-formulaires-de-demande-supplementaires et parle d'une attestation d'incapacité de travail. Je parle un peu le néerlandais, mais pas assez pour les démarches administratives. Vous pouvez me joindre au +32471987654 après seize heures, ou laisser un message à ma voisine du rez-de-chaussée.",
		person: {
			firstName: 'Jean-Baptiste',
			lastName: 'de Montmorency-Laval',
			phone: '+32471987654',
			email: 'jean-baptiste.demontmorency-laval@exemple-quartier.be'
		}
	},
	en: {
		id: '00000000-0000-4000-8000-00000000e103',
		category: 'errands',
		title: 'Someone to help me carry my shopping up to the fourth floor',
		description:
			'Since my knee operation I cannot carry heavy bags up the stairs, and the lift in our building has been out of order for weeks. The building manager keeps pointing to https://www.woningbedrijf-voorbeeld.be/onderhoud/meldingen/lift-buiten-gebruik-status-en-planning but nothing changes. I do my shopping on Tuesday mornings at the market on the square. A short phone call beforehand on +32472555666 would be lovely, so that I know when to expect you. Thank you so much for reading this.',
		person: {
			firstName: 'Christopher',
			lastName: 'Worthington-Fairbairn',
			phone: '+32472555666',
			email: 'christopher.worthington-fairbairn@example-neighbourhood.org'
		}
	},
	bg: {
		id: '00000000-0000-4000-8000-00000000e104',
		category: 'paperwork',
		title: 'Помощ с писмо от общината за детските надбавки и необходимите документи',
		description:
			'Получих писмо на нидерландски от общината и не разбирам какво точно трябва да направя. В писмото има връзка към https://www.gent.be/welzijn-gezondheid/financiele-ondersteuning/kinderbijslag-aanvraagformulieren-en-veelgestelde-vragen и се споменава удостоверение за неработоспособност, което трябва да донеса. Говоря български и малко английски. Най-добре ми се обадете на +359888123456 следобед, защото сутрин съм на работа. Благодаря предварително за помощта, търпението и разбирането.',
		person: {
			firstName: 'Пенка',
			lastName: 'Христова-Димитрова',
			phone: '+359888123456',
			email: 'penka.hristova-dimitrova@primerna-poshta.example.org'
		}
	},
	tr: {
		id: '00000000-0000-4000-8000-00000000e105',
		category: 'language',
		title: 'Hollandaca konuşma pratiği yapabileceğim sabırlı birine ihtiyacım var',
		description:
			'Hollandaca kursuna gidiyorum ama konuşma pratiği yapabileceğim kimse yok. Öğretmenim https://www.huisvandenederlandsegent.be/nederlands-leren/oefenkansen-buiten-de-klas-en-conversatietafels sayfasını önerdi, ama oradaki saatler bana uymuyor. Akşamları ve hafta sonları müsaitim. Kendimi anlatmakta zorlandığım için sabırlı birini arıyorum; alışverişlerimizde, komşularımızla ve okuldaki öğretmenlerle yapacağımız günlük konuşmalar yeterli. Telefon numaram +905321234567, mesaj da bırakabilirsiniz.',
		person: {
			firstName: 'Gülşen',
			lastName: 'Karaosmanoğlu-Büyükkahraman',
			phone: '+905321234567',
			email: 'gulsen.karaosmanoglu-buyukkahraman@ornek-mahalle.example.org'
		}
	},
	ar: {
		id: '00000000-0000-4000-8000-00000000e106',
		category: 'paperwork',
		title: 'أحتاج مساعدة في فهم رسالة من مصلحة الضرائب والرد عليها',
		description:
			'وصلتني رسالة من مصلحة الضرائب باللغة الهولندية ولا أفهم ما المطلوب مني بالضبط. في الرسالة رابط إلى https://financien.belgium.be/nl/particulieren/belastingaangifte/vereenvoudigde-aangifte-en-voorstel-van-vereenvoudigde-aangifte ويطلبون شهادة من صندوق التأمين الصحي. أتكلم العربية وقليلاً من الفرنسية. يمكنكم الاتصال بي على الرقم +32473112233 بعد الظهر، أو ترك رسالة مع جارتي في الطابق الأول. شكراً جزيلاً على مساعدتكم وصبركم وتفهمكم.',
		person: {
			firstName: 'عبد الرحمن',
			lastName: 'الشمري',
			phone: '+32473112233',
			email: 'abdulrahman.alshammari.family@example-neighbourhood.org'
		}
	}
};

/** A volunteer registered at the house, whose long offer the demo resident was linked to. */
export const LONG_HELPER: Person & { title: string; description: string } = {
	firstName: 'Радостина',
	lastName: 'Константинова-Петкова',
	phone: '+32470987654',
	email: 'radostina.konstantinova-petkova@primerna-poshta.example.org',
	title: 'Помагам с документи, писма и онлайн формуляри на български и нидерландски',
	description:
		'Работя като преводач и имам свободно време в четвъртък следобед и в събота сутрин. Мога да помогна с писма от общината, от болничната каса или от училището, както и с онлайн формуляри като https://www.mijnburgerprofiel.be/aanvragen-en-attesten/overzicht-van-alle-beschikbare-documenten. Обадете ми се на +32470987654 или ми пишете, ако предпочитате.'
};

/** The demo resident's needs linked to that offer: one accepted (contact shown), one that took place (feedback asked). */
export const RESIDENT_NEEDS = {
	accepted: {
		title: 'Formulier voor de Vlaamse huurpremie invullen met alle bewijsstukken',
		description:
			'De huurpremie moet elk jaar opnieuw worden aangevraagd via https://www.vlaanderen.be/bouwen-wonen-en-energie/huren/huurpremie-en-huursubsidie-aanvragen en ik vind de juiste bewijsstukken niet terug. Mijn huurcontract, de huurprijsindexeringsberekening en de brieven van de woonmaatschappij liggen in een map; samen zoeken lukt vast sneller dan alleen.'
	},
	tookPlace: {
		title: 'Begeleiding naar de afspraak bij de woonmaatschappij over de huurachterstand',
		description: 'Ik wil graag dat iemand mee gaat naar de afspraak, want de vorige keer begreep ik de helft niet van wat er gezegd werd.'
	}
};

/** A resident account only the browser tests use, so that their drafts and answers change no demo account. */
export const E2E_RESIDENT = 'e2e-resident@example.org';

/**
 * The one account whose language a spec changes with the signed-in switcher (which stores it on the
 * account, where it wins over the cookie): every other spec sets the cookie (helpers.ts `speak`).
 */
export const E2E_SWITCHER = 'e2e-switcher@example.org';

/** The account whose password the forgotten-password journey changes (each project sets it again), so no other spec's sign-in breaks. */
export const E2E_FORGOT = 'e2e-forgot@example.org';
/** An applicant and the co-editor they invite, one pair per browser project (the co-editors' journey). */
export const E2E_OWNERS = { 'phone-no-js': 'e2e-owner-phone@example.org', desktop: 'e2e-owner-desktop@example.org' } as const;
export const E2E_COEDITORS = { 'phone-no-js': 'e2e-coeditor-phone@example.org', desktop: 'e2e-coeditor-desktop@example.org' } as const;
/** A second jury member of the demo organisation (the demo has one), for the review journey. */
export const E2E_JUROR = 'e2e-juror@example.org';
/** Applicants without any role (an association's account), one per browser project: the call takes one application per applicant. */
export const E2E_APPLICANTS = { 'phone-no-js': 'e2e-applicant-phone@example.org', desktop: 'e2e-applicant-desktop@example.org' } as const;

/** The demo volunteer's offer, linked (accepted) to the Arabic need: the volunteer sees its long contact details. */
export const VOLUNTEER_OFFER = {
	title: 'Administratie en brieven van de overheid samen doornemen, ook in het Frans',
	description:
		'Ik ben gepensioneerd bediende en help graag met brieven van de belastingen, de mutualiteit en het OCMW. Ik ken de weg op https://www.myminfin.be/nl/belastingaangifte-en-aanslagbiljetten-raadplegen en kom ook aan huis als dat nodig is.'
};
