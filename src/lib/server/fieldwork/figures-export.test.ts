import { describe, expect, it } from 'vitest';
import { figuresCsv, figuresRows, figuresXlsx, neutralise, type FiguresSheetLabels } from './figures-export.ts';
import { shapeFigures, type FigureRow } from './figures-shape.ts';
import { zipTexts } from '../../../../tests/zip-texts.ts';

const row = (dim: string, key: string, n: number, minutes = 0, name: string | null = null): FigureRow => ({ dim, key, n, minutes, name });
const figures = shapeFigures({ from: '2025-01-01', to: '2025-03-31', areaId: null, theme: null, type: null }, [
	row('total', '', 12, 720),
	row('type', 'home_visit', 9, 540),
	row('type', 'street', 3, 180),
	row('month', '2025-02', 12, 720),
	row('partner', 'p1', 7, 0, '=HYPERLINK("x")'),
	row('referral', 'referred', 7)
]);

const words = (s: string) => s;
const labels = {
	title: 'Fieldwork figures',
	period: 'Period',
	filters: 'Filters',
	filterText: 'all',
	figure: 'Figure',
	value: 'Value',
	contacts: 'Contacts',
	hours: 'Hours',
	knownPeople: 'Known people',
	anonymousPeople: 'Anonymous',
	homeVisits: 'Home visits',
	byType: 'By type',
	byTheme: 'By theme',
	byMonth: 'By month',
	byArea: 'By neighbourhood',
	type: 'Type',
	theme: 'Theme',
	month: 'Month',
	area: 'Neighbourhood',
	noArea: 'None',
	homeVisitsPerYear: 'Home visits per year',
	year: 'Year',
	target: 'Target',
	workers: 'Workers',
	perWorker: 'Per worker',
	questions: 'Questions',
	referrals: 'Referrals',
	byPartner: 'By partner',
	partner: 'Partner',
	toActivity: 'To an activity',
	overrides: 'Overrides',
	status: 'Status',
	count: 'Number',
	typeName: (c) => `type:${c}`,
	themeName: words,
	monthName: (mo) => `month:${mo}`,
	questionStatus: words,
	referralStatus: words,
	suppressed: '<5',
	notes: ['Groups of 1 to 4 are shown as <5.']
} satisfies FiguresSheetLabels;

describe('the fieldwork figures as files', () => {
	it('writes the same cells as the page, "<5" where a cell is hidden', () => {
		const rows = figuresRows(figures, labels);
		expect(rows[0]).toEqual(['Fieldwork figures']);
		expect(rows).toContainEqual(['Contacts', 12]);
		expect(rows).toContainEqual(['Hours', 12]);
		// street 3 hidden, and home visits with it (the total would give it back).
		expect(rows).toContainEqual(['type:home_visit', '<5', '<5']);
		expect(rows).toContainEqual(['type:street', '<5', '<5']);
		expect(rows).toContainEqual(['month:2025-02', 12, 12]);
		expect(rows).toContainEqual(['Home visits', '<5']);
	});

	it('keeps a partner name that looks like a formula as text in the CSV', () => {
		expect(neutralise('-1')).toBe("'-1");
		expect(neutralise('OCMW')).toBe('OCMW');
		const csv = figuresCsv(figures, labels);
		expect(csv.startsWith('\uFEFFFieldwork figures\r\n')).toBe(true);
		expect(csv).toContain(`"'=HYPERLINK(""x"")",7`);
		expect(csv).toContain('type:street,<5,<5');
	});

	it('writes one XLSX sheet with numbers as numbers and "<5" as text', async () => {
		const buffer = await figuresXlsx(figures, labels);
		expect(buffer.subarray(0, 2).toString()).toBe('PK');
		const files = zipTexts(buffer);
		const sheet = files['xl/worksheets/sheet1.xml']!;
		const strings = files['xl/sharedStrings.xml']!;
		expect(sheet).not.toContain('<f>');
		expect(strings).toContain('&lt;5');
		expect(strings).toContain('<t>type:street</t>');
		expect(sheet).toMatch(/<v>12<\/v>/);
		// In a text cell the name stays as it is: a text cell is never run.
		expect(strings).toContain('<t>=HYPERLINK(');
	});
});
