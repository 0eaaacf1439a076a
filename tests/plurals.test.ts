import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { m } from '../src/lib/paraglide/messages.js';
import { locales, type Locale } from '../src/lib/paraglide/runtime.js';

// Every count on a page goes through the language's plural rules (Intl.PluralRules, through the
// message variants Paraglide compiles): never "1 times", "1 active links" or "1 lopende koppelingen".
const COUNTS = [0, 1, 2, 5, 21] as const;
type Fn = (inputs: { count: number }, o: { locale: Locale }) => string;
const say = (fn: Fn, locale: Locale) => COUNTS.map((count) => fn({ count }, { locale }));

const expected: Record<string, Record<Locale, string[]>> = {
	aid_reason_load: {
		nl: ['0 lopende koppelingen', '1 lopende koppeling', '2 lopende koppelingen', '5 lopende koppelingen', '21 lopende koppelingen'],
		// French counts 0 and 1 in the singular.
		fr: [
			'0 mise en relation en cours',
			'1 mise en relation en cours',
			'2 mises en relation en cours',
			'5 mises en relation en cours',
			'21 mises en relation en cours'
		],
		en: ['0 active links', '1 active link', '2 active links', '5 active links', '21 active links'],
		bg: ['0 активни връзки', '1 активна връзка', '2 активни връзки', '5 активни връзки', '21 активни връзки'],
		// Turkish keeps the noun singular after a number.
		tr: ['0 etkin eşleşme', '1 etkin eşleşme', '2 etkin eşleşme', '5 etkin eşleşme', '21 etkin eşleşme'],
		// Arabic: zero, one, two (dual), 3–10 (plural), 11–99 (singular, accusative).
		ar: ['لا روابط نشطة', 'رابط نشط واحد', 'رابطان نشطان', '5 روابط نشطة', '21 رابطًا نشطًا']
	},
	aid_reason_experience: {
		nl: ['hielp al 0 keer', 'hielp al 1 keer', 'hielp al 2 keer', 'hielp al 5 keer', 'hielp al 21 keer'],
		fr: ['a déjà aidé 0 fois', 'a déjà aidé 1 fois', 'a déjà aidé 2 fois', 'a déjà aidé 5 fois', 'a déjà aidé 21 fois'],
		en: ['helped 0 times before', 'helped once before', 'helped 2 times before', 'helped 5 times before', 'helped 21 times before'],
		bg: ['вече е помагал(а) 0 пъти', 'вече е помагал(а) веднъж', 'вече е помагал(а) 2 пъти', 'вече е помагал(а) 5 пъти', 'вече е помагал(а) 21 пъти'],
		tr: [
			'daha önce 0 kez yardım etti',
			'daha önce 1 kez yardım etti',
			'daha önce 2 kez yardım etti',
			'daha önce 5 kez yardım etti',
			'daha önce 21 kez yardım etti'
		],
		ar: ['لم يساعد من قبل', 'ساعد مرة واحدة من قبل', 'ساعد مرتين من قبل', 'ساعد 5 مرات من قبل', 'ساعد 21 مرةً من قبل']
	},
	aid_waiting_days: {
		nl: ['wacht 0 dagen', 'wacht 1 dag', 'wacht 2 dagen', 'wacht 5 dagen', 'wacht 21 dagen'],
		fr: ['attend depuis 0 jour', 'attend depuis 1 jour', 'attend depuis 2 jours', 'attend depuis 5 jours', 'attend depuis 21 jours'],
		en: ['waiting 0 days', 'waiting 1 day', 'waiting 2 days', 'waiting 5 days', 'waiting 21 days'],
		bg: ['чака 0 дни', 'чака 1 ден', 'чака 2 дни', 'чака 5 дни', 'чака 21 дни'],
		tr: ['0 gündür bekliyor', '1 gündür bekliyor', '2 gündür bekliyor', '5 gündür bekliyor', '21 gündür bekliyor'],
		ar: ['ينتظر منذ اليوم', 'ينتظر منذ يوم واحد', 'ينتظر منذ يومين', 'ينتظر منذ 5 أيام', 'ينتظر منذ 21 يومًا']
	},
	aid_weekly_pairings: {
		nl: ['0 koppelingen', '1 koppeling', '2 koppelingen', '5 koppelingen', '21 koppelingen'],
		fr: ['0 lien', '1 lien', '2 liens', '5 liens', '21 liens'],
		en: ['0 pairings', '1 pairing', '2 pairings', '5 pairings', '21 pairings'],
		bg: ['0 двойки', '1 двойка', '2 двойки', '5 двойки', '21 двойки'],
		tr: ['0 eşleşme', '1 eşleşme', '2 eşleşme', '5 eşleşme', '21 eşleşme'],
		ar: ['لا ربط', 'ربط واحد', 'ربطان', '5 روابط', '21 ربطًا']
	},
	aid_weekly_open_needs: {
		nl: ['0 open vragen', '1 open vraag', '2 open vragen', '5 open vragen', '21 open vragen'],
		fr: ['0 demande ouverte', '1 demande ouverte', '2 demandes ouvertes', '5 demandes ouvertes', '21 demandes ouvertes'],
		en: ['0 open needs', '1 open need', '2 open needs', '5 open needs', '21 open needs'],
		bg: ['0 отворени нужди', '1 отворена нужда', '2 отворени нужди', '5 отворени нужди', '21 отворени нужди'],
		tr: ['0 açık ihtiyaç', '1 açık ihtiyaç', '2 açık ihtiyaç', '5 açık ihtiyaç', '21 açık ihtiyaç'],
		ar: ['لا طلبات مفتوحة', 'طلب مفتوح واحد', 'طلبان مفتوحان', '5 طلبات مفتوحة', '21 طلبًا مفتوحًا']
	}
};

const table = m as unknown as Record<string, Fn>;

describe('counts follow plural rules', () => {
	for (const [key, byLocale] of Object.entries(expected)) {
		for (const locale of locales) {
			it(`${key} in ${locale} for ${COUNTS.join(', ')}`, () => {
				expect(say(table[key]!, locale)).toEqual(byLocale[locale]);
			});
		}
	}

	it('the office-hour tally, places taken and the board latest agree with their number', () => {
		expect(m.oh_visits_today({ count: 1 }, { locale: 'nl' })).toBe('Vandaag geteld: 1 bezoek');
		expect(m.oh_visits_today({ count: 5 }, { locale: 'nl' })).toBe('Vandaag geteld: 5 bezoeken');
		expect(m.aid_places({ taken: 0, capacity: 1 }, { locale: 'en' })).toBe('0 of 1 place taken');
		expect(m.aid_places({ taken: 1, capacity: 2 }, { locale: 'nl' })).toBe('1 van 2 plaatsen bezet');
		expect(m.aid_places({ taken: 1, capacity: 3 }, { locale: 'fr' })).toBe('1 place prise sur 3');
		expect(m.aid_places({ taken: 2, capacity: 3 }, { locale: 'fr' })).toBe('2 places prises sur 3');
		expect(m.board_latest({ count: 1 }, { locale: 'en' })).toBe('Below is the most recent one.');
		expect(m.board_latest({ count: 50 }, { locale: 'en' })).toBe('Below are the 50 most recent.');
	});

	it('English never puts 1 before a plural noun, in any message that takes a count', () => {
		const en = readFileSync('messages/en.json', 'utf8');
		const withCount = Object.entries(JSON.parse(en) as Record<string, unknown>).filter(([, v]) => JSON.stringify(v).includes('{count}'));
		expect(withCount.length).toBeGreaterThanOrEqual(10);
		for (const [key] of withCount) {
			const text = table[key]!({ count: 1 }, { locale: 'en' });
			expect(text, key).not.toMatch(/\b1 (times|links|days|pairings|needs|visits|places|requests)\b/);
		}
	});
});
