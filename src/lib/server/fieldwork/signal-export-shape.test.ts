import { describe, expect, it } from 'vitest';
import { THEMES } from '../../themes.ts';
import { anonymiseQuote, shapeSignalExport, type ExportContact, type ExportQuestion, type ExportSignal } from './signal-export-shape.ts';

let n = 0;
const contact = (over: Partial<ExportContact> = {}): ExportContact => ({
	id: `id-contact-${++n}`,
	startedAt: new Date('2026-11-10T10:00:00Z'),
	themes: ['income'],
	anonymousCount: 0,
	personIds: [],
	names: [],
	note: null,
	noteShareable: false,
	...over
});
const question = (over: Partial<ExportQuestion> = {}): ExportQuestion => ({
	id: `id-question-${++n}`,
	createdAt: new Date('2026-11-12T10:00:00Z'),
	theme: 'income',
	personId: null,
	names: [],
	...over
});
const signal = (over: Partial<ExportSignal> = {}): ExportSignal => ({
	id: `s${++n}`,
	title: 'Welfare office online only',
	description: 'Appointments only through the website',
	theme: 'income',
	areaName: 'Rabot',
	status: 'noted',
	escalatedTo: null,
	escalatedOn: null,
	answer: null,
	contacts: [],
	questions: [],
	...over
});
const shown = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };
const people = (k: number, prefix = 'p') => Array.from({ length: k }, (_, i) => `${prefix}${i}`);

describe('the signals export shape', () => {
	it('shows 1–4 as "<5", keeps 0 and shows 5', () => {
		const [r] = shapeSignalExport([signal({ contacts: [contact({ personIds: people(3) })] })]);
		expect(r!.totals).toEqual({ contacts: hidden, questions: shown(0), people: hidden });
		const [five] = shapeSignalExport([signal({ contacts: Array.from({ length: 5 }, (_, i) => contact({ personIds: [`x${i}`] })) })]);
		expect(five!.totals).toEqual({ contacts: shown(5), questions: shown(0), people: shown(5) });
		expect(five!.byMonth).toEqual([{ month: '2026-11', contacts: shown(5), questions: shown(0), people: shown(5) }]);
	});

	it('counts people as countEvidence does: distinct people once, anonymous counts added', () => {
		const [r] = shapeSignalExport([
			signal({
				contacts: [contact({ personIds: ['a', 'b', 'c'] }), contact({ personIds: ['a', 'b'], anonymousCount: 6 })],
				questions: [question({ personId: 'c' }), question({ personId: 'd' })]
			})
		]);
		expect(r!.totals.people).toEqual(shown(4 + 6));
	});

	it('hides a second cell of a month table where one small month could be worked out from the total', () => {
		const may = Array.from({ length: 6 }, () => contact({ startedAt: new Date('2026-05-10T10:00:00Z'), anonymousCount: 1 }));
		const june = Array.from({ length: 2 }, () => contact({ startedAt: new Date('2026-06-10T10:00:00Z'), anonymousCount: 1 }));
		const [r] = shapeSignalExport([signal({ contacts: [...may, ...june] })]);
		expect(r!.totals.contacts).toEqual(shown(8));
		expect(r!.byMonth.map((m) => [m.month, m.contacts])).toEqual([
			['2026-05', hidden],
			['2026-06', hidden]
		]);
	});

	it('counts per theme (a contact with two themes in both) and month × theme, only the pairs with evidence', () => {
		const cs = Array.from({ length: 5 }, () => contact({ themes: ['income', 'housing'], anonymousCount: 2 }));
		const [r] = shapeSignalExport([signal({ contacts: cs, questions: [question({ theme: 'health' })] })]);
		expect(r!.byTheme.map((t) => t.theme)).toEqual(THEMES.filter((t) => ['housing', 'income', 'health'].includes(t)));
		expect(r!.byTheme.find((t) => t.theme === 'income')!.contacts).toEqual(shown(5));
		expect(r!.byTheme.find((t) => t.theme === 'health')!.questions).toEqual(hidden);
		expect(r!.byMonthTheme).toHaveLength(3);
		expect(r!.byMonthTheme.every((c) => c.month === '2026-11')).toBe(true);
	});

	it('puts evidence in Brussels months: across the New Year and the clock changes', () => {
		const at = (iso: string) => contact({ startedAt: new Date(iso) });
		const [r] = shapeSignalExport([
			signal({
				contacts: [
					// 23:30 on 31 December in Brussels (winter time, UTC+1) …
					at('2026-12-31T22:30:00Z'),
					// … and 00:30 on 1 January.
					at('2026-12-31T23:30:00Z')
				]
			})
		]);
		expect(r!.byMonth.map((m) => m.month)).toEqual(['2026-12', '2027-01']);
		const [dst] = shapeSignalExport([
			signal({
				contacts: [
					// The night summer time starts (29 March 2026): 03:30 in Brussels, still March.
					at('2026-03-29T01:30:00Z'),
					// 00:30 on 1 April in summer time (UTC+2), though still 31 March in UTC.
					at('2026-03-31T22:30:00Z'),
					// After winter time returns (25 October): 31 October 23:30 UTC is 1 November 00:30.
					at('2026-10-31T23:30:00Z')
				]
			})
		]);
		const months = dst!.byMonth.map((m) => m.month);
		expect(months[0]).toBe('2026-03');
		expect(months[1]).toBe('2026-04');
		expect(months.at(-1)).toBe('2026-11');
		expect(months).toHaveLength(9);
		expect(dst!.byMonth.find((m) => m.month === '2026-10')!.contacts).toEqual(shown(0));
	});

	it('quotes only shareable notes, with every name of the people behind the signal removed', () => {
		const [r] = shapeSignalExport([
			signal({
				contacts: [
					contact({
						names: ['Fatima', 'El Amrani'],
						note: 'Fatima says her son could not book online; FATIMA tried at the Fatimastraat office. Ask El Amrani.',
						noteShareable: true,
						startedAt: new Date('2026-11-01T10:00:00Z')
					}),
					contact({ names: ['Jan'], note: 'Jan cried about the debts', noteShareable: false }),
					// A neighbour named in another person's note: stripped too (names of all people on the evidence).
					contact({ names: ['Amina'], note: 'Went with Jan to the office', noteShareable: true })
				],
				questions: [question({ names: ['Sofie', 'Peeters'], personId: 'person-sofie' })]
			})
		]);
		expect(r!.quotes).toEqual(['… says her son could not book online; … tried at the Fatimastraat office. Ask ….', 'Went with … to the office']);
		const all = JSON.stringify(r);
		expect(all).not.toContain('cried');
		for (const name of ['Fatima ', 'FATIMA', 'Amrani', 'Jan', 'Amina', 'Sofie', 'Peeters', 'person-sofie', 'id-contact', 'id-question'])
			expect(all).not.toContain(name);
	});

	it('drops e-mail addresses, phone numbers and ids from quotes and the signal’s own texts', () => {
		expect(anonymiseQuote('Call 0470 12 34 56 or +32 9 123 45 67, mail jan.peeters@example.be', [])).toBe('Call … or …, mail …');
		expect(anonymiseQuote('Rent went up by 120 euro in 2026', [])).toBe('Rent went up by 120 euro in 2026');
		expect(anonymiseQuote('Record 3f1c2b9e-1111-4222-8333-444455556666 seen', [])).toBe('Record … seen');
		expect(anonymiseQuote('Élodie and élodie and Élodiestraat', ['Élodie'])).toBe('… and … and Élodiestraat');
		const [r] = shapeSignalExport([
			signal({ title: 'Mila cannot book', description: 'Mila: 0470123456', answer: 'Told Mila', contacts: [contact({ names: ['Mila'] })] })
		]);
		expect([r!.title, r!.description, r!.answer]).toEqual(['… cannot book', '…: …', 'Told …']);
	});

	it('ranks signals as the list does: people, then contacts, then questions', () => {
		const reports = shapeSignalExport([
			signal({ title: 'few', contacts: [contact({ personIds: ['a'] })] }),
			signal({ title: 'many', contacts: [contact({ personIds: people(7) })] }),
			signal({ title: 'same people, more contacts', contacts: [contact({ personIds: ['a'] }), contact({ personIds: ['a'] })] }),
			signal({ title: 'none' })
		]);
		expect(reports.map((r) => r.title)).toEqual(['many', 'same people, more contacts', 'few', 'none']);
		expect(reports.at(-1)!.byMonth).toEqual([]);
	});
});
