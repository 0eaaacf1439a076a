import { describe, expect, it } from 'vitest';
import { neutralise, reachCsv, reachRows, reachXlsx, type ReachSheetLabels } from './reach-export.ts';
import { REACH_FIGURES, type Reach } from './reach.ts';
import { cell, suppressTable } from '../stats/index.ts';
import { zipTexts } from '../../../../tests/zip-texts.ts';

const hostile = '=HYPERLINK("http://evil","x")';

const reach: Reach = {
	period: { from: '2025-01-01', to: '2025-12-31' },
	areaId: '00000000-0000-4000-8000-000000000001',
	figures: Object.fromEntries(REACH_FIGURES.map((k, i) => [k, cell(i === 0 ? 3 : 10 + i)])) as Reach['figures'],
	byCategory: (() => {
		const made = suppressTable([5, 3, 2]);
		return ['errands', 'company', '+odd'].map((category, i) => ({ category, made: made[i]!, completed: cell(0) }));
	})(),
	monthly: [{ month: '2025-01', made: cell(12), completed: cell(4) }]
};

const labels: ReachSheetLabels = {
	title: 'Reach of mutual aid',
	period: 'Period',
	area: 'Area',
	areaName: hostile,
	figure: 'Figure',
	value: 'Value',
	figures: Object.fromEntries(REACH_FIGURES.map((k) => [k, k])) as ReachSheetLabels['figures'],
	byCategory: 'By category',
	monthly: 'Per month',
	category: 'Category',
	categoryName: (c) => c,
	month: 'Month',
	made: 'Made',
	completed: 'Completed',
	suppressed: '<5',
	note: '<5: fewer than 5, or hidden.'
};

describe('the downloads of the reach figures', () => {
	it('neutralises texts a spreadsheet would run as a formula', () => {
		for (const t of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(t)).toBe(`'${t}`);
		for (const t of ['<5', 'Gent', '12', '', 'Rabot-Blaisantvest', 'a=b', ' x']) expect(neutralise(t)).toBe(t);
	});

	it('neutralises the full-width = + - @ too (OWASP: some spreadsheet programs read them as formulas)', () => {
		for (const t of ['\uff1dHYPERLINK("http://evil")', '\uff0b1', '\uff0d1', '\uff20SUM(A1)']) expect(neutralise(t)).toBe(`'${t}`);
		const csv = reachCsv(reach, { ...labels, areaName: '\uff1d1+1' });
		expect(csv).toContain("Area,'\uff1d1+1\r\n");
	});

	it('writes the same cells: numbers as numbers, suppressed ones as "<5"', () => {
		const rows = reachRows(reach, labels);
		expect(rows).toContainEqual(['linksMade', '<5']);
		expect(rows).toContainEqual(['linksCompleted', 11]);
		expect(rows).toContainEqual(['errands', 5, 0]);
		expect(rows).toContainEqual(['company', '<5', 0]);
		expect(rows).toContainEqual(["'+odd", '<5', 0]);
		expect(rows).toContainEqual(['2025-01', 12, '<5']);
		// No number from 1 to 4 anywhere in the file.
		expect(rows.flat().some((v) => typeof v === 'number' && v >= 1 && v <= 4)).toBe(false);
	});

	it('writes CSV with quoting and the injection guard', () => {
		const csv = reachCsv(reach, labels);
		expect(csv.startsWith('\uFEFFReach of mutual aid\r\n')).toBe(true);
		expect(csv).toContain(`Area,"'=HYPERLINK(""http://evil"",""x"")"\r\n`);
		expect(csv).toContain('linksMade,<5\r\n');
		expect(csv).toContain('company,<5,0\r\n');
		expect(csv).toContain("'+odd,<5,0\r\n");
		expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
	});

	it('writes an XLSX whose sheet holds "<5", the numbers and the texts as text cells, and no formula', async () => {
		const buf = await reachXlsx(reach, labels);
		expect(buf.subarray(0, 2).toString()).toBe('PK');
		const files = zipTexts(buf);
		const sheet = files['xl/worksheets/sheet1.xml']!;
		const strings = files['xl/sharedStrings.xml']!;
		expect(sheet).toBeDefined();
		expect(sheet).not.toContain('<f>');
		expect(strings).toContain('&lt;5');
		expect(sheet).toMatch(/<v>12<\/v>/);
		expect(files['xl/workbook.xml']).toContain('Reach of mutual aid');
		// A text cell (t="s") is never a formula, so the texts are not touched: no apostrophe added.
		expect(strings).toContain('<t>=HYPERLINK(');
		expect(strings).toContain('<t>+odd</t>');
		expect(strings).not.toContain("'=HYPERLINK(");
		expect(strings).not.toContain("'+odd");
		const cells = [...sheet.matchAll(/<c [^>]*>/g)].map((m) => m[0]);
		expect(cells.filter((c) => !/t="s"/.test(c)).every((c) => !/t="(str|e)"/.test(c))).toBe(true);
	});

	it('writes an area called "-Rabot" into the XLSX as "-Rabot" (and into the CSV guarded)', async () => {
		const named = { ...labels, areaName: '-Rabot' };
		const strings = zipTexts(await reachXlsx(reach, named))['xl/sharedStrings.xml']!;
		expect(strings).toContain('<t>-Rabot</t>');
		expect(strings).not.toContain("'-Rabot");
		expect(reachCsv(reach, named)).toContain("Area,'-Rabot\r\n");
	});
});
