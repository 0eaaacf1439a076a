import writeXlsxFile from 'write-excel-file/node';
import type { Reach, ReachFigure } from './reach.ts';
import { REACH_FIGURES } from './reach.ts';
import type { Cell } from '../stats/index.ts';

// The reach figures as a download: the same suppressed cells as the page, laid out as one sheet of
// rows (CSV or XLSX). The words come from the caller, in the reader's language.

export type ReachSheetLabels = {
	title: string;
	period: string;
	area: string;
	areaName: string;
	figure: string;
	value: string;
	figures: Record<ReachFigure, string>;
	byCategory: string;
	monthly: string;
	category: string;
	categoryName: (code: string) => string;
	month: string;
	made: string;
	completed: string;
	suppressed: string;
	note: string;
};

type Value = string | number | null;

/**
 * A spreadsheet opening a CSV runs a cell that starts with = + - @ (or their full-width forms, which
 * some programs read the same way, or a tab or carriage return) as a formula; a leading apostrophe
 * keeps it text (OWASP, CSV injection). Names (areas) are typed by people, so every CSV text goes
 * through this.
 */
export function neutralise(text: string): string {
	return /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(text) ? `'${text}` : text;
}

const out = (c: Cell, labels: ReachSheetLabels): Value => (c.suppressed || c.value === null ? labels.suppressed : c.value);

/** The rows of the download as they are; numbers stay numbers. */
function sheetRows(reach: Reach, labels: ReachSheetLabels): Value[][] {
	return [
		[labels.title],
		[labels.period, `${reach.period.from} – ${reach.period.to}`],
		[labels.area, labels.areaName],
		[],
		[labels.figure, labels.value],
		...REACH_FIGURES.map((k) => [labels.figures[k], out(reach.figures[k], labels)]),
		[],
		[labels.byCategory],
		[labels.category, labels.made, labels.completed],
		...reach.byCategory.map((r) => [labels.categoryName(r.category), out(r.made, labels), out(r.completed, labels)]),
		[],
		[labels.monthly],
		[labels.month, labels.made, labels.completed],
		...reach.monthly.map((r) => [r.month, out(r.made, labels), out(r.completed, labels)]),
		[],
		[labels.note]
	];
}

/** The rows of the CSV: texts neutralised, as a CSV cell has no type and any text may become a formula. */
export function reachRows(reach: Reach, labels: ReachSheetLabels): Value[][] {
	return sheetRows(reach, labels).map((row) => row.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
}

const quote = (v: Value) => {
	const s = v === null ? '' : String(v);
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** RFC 4180 CSV with a byte-order mark, so spreadsheet programs read the UTF-8 (Bulgarian, Arabic). */
export function reachCsv(reach: Reach, labels: ReachSheetLabels): string {
	return (
		'\uFEFF' +
		reachRows(reach, labels)
			.map((row) => row.map(quote).join(','))
			.join('\r\n') +
		'\r\n'
	);
}

/**
 * One XLSX sheet with the same rows: numbers as numbers, "<5" and words as text cells. A text cell is
 * never run as a formula, so the texts are written as they are (an area called "-Rabot" stays "-Rabot").
 */
export async function reachXlsx(reach: Reach, labels: ReachSheetLabels): Promise<Buffer> {
	const data = sheetRows(reach, labels).map((row) =>
		row.map((v) => (v === null ? null : { value: v, type: typeof v === 'number' ? Number : String }))
	);
	const sheet = labels.title.replace(/[[\]:*?/\\']/g, ' ').slice(0, 31) || 'Reach';
	return writeXlsxFile(data, { sheet, columns: [{ width: 44 }, { width: 14 }, { width: 14 }] }).toBuffer();
}
