import { describe, expect, it } from 'vitest';
import { zipTexts } from '../zip-texts.ts';
import { applicationCopyDocx, type CopyInput } from '../../src/lib/server/funding/index.ts';
import { callTemplate } from '../../src/lib/funding/templates.ts';
import { formatCents } from '../../src/lib/funding/money.ts';
import type { ApplicationBody } from '../../src/lib/funding/types.ts';

// The submitted copy an applicant downloads, parsed back: the applicant, every section's text with its
// word count, the budget's totals and share, the rule check at the submission instant, in Dutch and in
// Arabic (right to left).

const EURO = 100;
const opensAt = new Date('2026-09-01T08:00:00Z');
const { title, rules } = callTemplate('improvement_contract', { opensAt, locale: 'nl' });
const submittedAt = new Date('2026-10-15T14:30:00Z');

const sectionText: Record<string, string> = Object.fromEntries(rules.sections.map((s) => [s.key, `Tekst voor ${s.key}: de buurt doet mee.`]));
sectionText.context = 'De Rabotwijk telt veel jonge gezinnen.\nHet buurthuis is te klein voor wat er gebeurt.';

const body: ApplicationBody = {
	title: 'Rabot leeft',
	summary: 'Een buurt die zichzelf draagt.',
	sections: sectionText,
	budget: [
		...[1, 2, 3, 4].map((year) => ({
			id: `p${year}`,
			year,
			category: 'personnel' as const,
			description: 'Buurtwerker',
			amountCents: 100_000 * EURO
		})),
		{ id: 'si', year: 1, category: 'small_infrastructure', description: 'Zitbanken op het plein', amountCents: 20_000 * EURO }
	],
	ownContributionCents: 60_000 * EURO,
	startFundCents: 0,
	partners: [{ id: 'pa', name: 'Samenlevingsopbouw Gent', role: 'Begeleiding', contributionCents: 30_000 * EURO, partnerId: null }],
	targetGroups: ['Jonge gezinnen', 'Ouderen alleen thuis'],
	indicators: [
		{ id: 'i1', metric: null, name: 'Bewoners op buurtvergaderingen', target: 120, unit: 'personen' },
		{ id: 'i2', metric: null, name: 'Activiteiten op het plein', target: 24, unit: 'activiteiten' },
		{ id: 'i3', metric: null, name: 'Vrijwilligers', target: 15, unit: 'personen' }
	],
	risks: [{ id: 'r1', risk: 'Te weinig vrijwilligers', mitigation: 'Werven via de school' }]
};

const input = (over: Partial<CopyInput> = {}): CopyInput => ({
	callTitle: title,
	applicantName: 'Stad Gent, dienst Buurtwerk',
	applicantKind: 'city',
	version: 2,
	submittedAt,
	rules,
	body,
	locale: 'nl',
	...over
});

/** The document's words, one paragraph a line, spaces as plain spaces. */
const documentText = (xml: string) =>
	xml
		.replace(/<\/w:p>/g, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/[\u00a0\u202f]/g, ' ');
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the submitted copy (DOCX)', () => {
	it('holds in Dutch the call, the applicant, the version on the Belgian clock, the sections with their word counts', async () => {
		const files = zipTexts(await applicationCopyDocx(input()));
		const text = documentText(files['word/document.xml']!);
		expect(text).toContain(title);
		expect(text).toContain('Aanvrager: Stad Gent, dienst Buurtwerk (');
		// 14:30 UTC on 15 October is 16:30 in Brussels (summer time).
		expect(text).toMatch(/Versie 2, ingediend op 15 oktober 2026.*16:30/u);
		expect(text).toContain('De Rabotwijk telt veel jonge gezinnen.\nHet buurthuis is te klein voor wat er gebeurt.');
		for (const s of rules.sections) expect(text).toContain(s.title);
		// "De Rabotwijk telt veel jonge gezinnen. Het buurthuis is te klein voor wat er gebeurt." is 15 words.
		expect(text).toContain('15 woorden van hoogstens 1.000');
		expect(text).not.toMatch(/\{\w+\}/u);
	});

	it('holds the budget per line, per year and per category, the totals, the share, partners, groups, indicators and risks', async () => {
		const text = documentText(zipTexts(await applicationCopyDocx(input()))['word/document.xml']!);
		expect(text).toContain('Zitbanken op het plein');
		expect(text).toContain('Totale projectkost\n€ 420.000,00');
		expect(text).toContain('Cofinanciering (eigen inbreng en partners)\n€ 90.000,00');
		expect(text).toContain('Gevraagde subsidie\n€ 330.000,00');
		// Year 1: personnel and the benches.
		expect(text).toContain('1\n€ 120.000,00');
		expect(text).toContain('4\n€ 100.000,00');
		// 90 000 / 420 000 = 21.428…%: shown with one decimal, and said to be rounded.
		expect(text).toMatch(/Aandeel cofinanciering in de totale kost: 21,4 ?% \(afgerond\)/u);
		expect(text).toContain('Samenlevingsopbouw Gent\nBegeleiding\n€ 30.000,00');
		expect(text).toContain('• Ouderen alleen thuis');
		expect(text).toContain('Bewoners op buurtvergaderingen\n120\npersonen');
		expect(text).toContain('Te weinig vrijwilligers\nWerven via de school');
	});

	it('holds the rule check at the submission instant: all met before the deadline, the deadline failed after it', async () => {
		const before = documentText(zipTexts(await applicationCopyDocx(input()))['word/document.xml']!);
		expect(before).toContain('De regels van de oproep bij het indienen');
		expect(before).toContain('✓ In orde:');
		expect(before).not.toContain('✗');
		const late = new Date(Date.parse(rules.closesAt) + 1000);
		const after = documentText(zipTexts(await applicationCopyDocx(input({ submittedAt: late })))['word/document.xml']!);
		expect(after.split('\n').filter((l) => l.startsWith('✗'))).toHaveLength(1);
		// Too much co-financing asked of the applicant changes the share rule's verdict too.
		const low = { ...body, ownContributionCents: 0, partners: [] };
		const lowText = documentText(zipTexts(await applicationCopyDocx(input({ body: low })))['word/document.xml']!);
		expect(lowText).toMatch(/✗ Niet in orde: De cofinanciering is 0,0 ?%/u);
	});

	it('is written in Arabic from right to left, with the same texts and totals', async () => {
		const files = zipTexts(await applicationCopyDocx(input({ locale: 'ar' })));
		const xml = files['word/document.xml']!;
		const text = documentText(xml);
		expect(text).toContain('مقدّم الطلب: Stad Gent, dienst Buurtwerk');
		expect(text).toContain('De Rabotwijk telt veel jonge gezinnen.');
		expect(text).toContain(plain(formatCents(42_000_000, 'ar')));
		expect(text).toContain('✓ مستوفاة:');
		// Every paragraph and table is marked right to left.
		const paragraphs = xml.match(/<w:p>|<w:p /g)!.length;
		expect(xml.match(/<w:bidi\/>/g)?.length).toBe(paragraphs);
		expect(xml).not.toMatch(/<w:bidi w:val="false"\/>/u);
		expect(xml.match(/<w:bidiVisual\/>/g)?.length).toBe(xml.match(/<w:tbl>/g)!.length);
		const nl = zipTexts(await applicationCopyDocx(input()))['word/document.xml']!;
		expect(nl).not.toMatch(/<w:bidi\/>|<w:bidiVisual\/>/u);
	});

	it('falls back to Dutch for an unknown language', async () => {
		const text = documentText(zipTexts(await applicationCopyDocx(input({ locale: 'xx' })))['word/document.xml']!);
		expect(text).toContain('Aanvrager: Stad Gent');
	});
});
