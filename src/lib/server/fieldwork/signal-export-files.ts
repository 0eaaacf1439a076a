import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import { intl } from '#lib/intl.ts';
import { figuresMonth, themeName } from '#lib/fieldwork/figures-labels.ts';
import type { Cell } from '../stats/index.ts';
import { csvText } from './figures-export.ts';
import type { SignalReport } from './signal-export-shape.ts';

// The anonymised signals report as files for a steering group: CSV (long form, one row per signal ×
// month × theme, then the signal's totals) and DOCX (per signal its story, a table per month and per
// theme, the quotes). The words are the reader's language; the cells are exactly the shaped ones.

type Msg = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
const messages = m as unknown as Record<string, Msg | undefined>;
const statusLabel = (code: string, locale: Locale) => messages[`fw_sigexp_status_${code}`]?.({}, { locale }) ?? code;

/** What the report was made for, in words: the filters as chosen (a neighbourhood's name, a theme, a status). */
type ExportFilter = { areaName: string | null; theme: string | null; status: string | null; one: boolean };

export function filterText(f: ExportFilter, locale: Locale): string {
	const o = { locale };
	const parts = [
		f.one ? m.fw_sigexp_filter_one({}, o) : null,
		f.areaName,
		f.theme ? themeName(f.theme, locale) : null,
		f.status ? statusLabel(f.status, locale) : null
	].filter((p): p is string => !!p);
	return parts.length ? parts.join(' · ') : m.fw_sigexp_filter_all({}, o);
}

const number = (c: Cell, locale: Locale) => (c.suppressed || c.value === null ? m.fw_figures_suppressed({}, { locale }) : c.value);

const dateText = (day: string, locale: Locale) => {
	const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
	return intl('DateTimeFormat', locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y, mo - 1, d));
};

/** RFC 4180 with a byte-order mark (the house writer of figures-export.ts): numbers stay numbers, "<5" is text. */
export function signalsCsv(reports: SignalReport[], locale: Locale): string {
	const o = { locale };
	const header = [
		m.fw_sigexp_signal({}, o),
		m.fw_sigexp_area({}, o),
		m.fw_sigexp_signal_theme({}, o),
		m.fw_sigexp_status({}, o),
		m.fw_sigexp_escalated_to({}, o),
		m.fw_sigexp_escalated_on({}, o),
		m.fw_sigexp_month({}, o),
		m.fw_sigexp_theme({}, o),
		m.fw_sigexp_contacts({}, o),
		m.fw_sigexp_questions({}, o),
		m.fw_sigexp_people({}, o)
	];
	const rows: (string | number | null)[][] = [header];
	for (const r of reports) {
		const about = [
			r.title,
			r.areaName ?? m.fw_sigexp_no_area({}, o),
			themeName(r.theme, locale),
			statusLabel(r.status, locale),
			r.escalatedTo ?? '',
			r.escalatedOn ?? ''
		];
		for (const c of r.byMonthTheme)
			rows.push([...about, c.month, themeName(c.theme, locale), number(c.contacts, locale), number(c.questions, locale), number(c.people, locale)]);
		rows.push([
			...about,
			m.fw_sigexp_all_months({}, o),
			m.fw_sigexp_all_themes({}, o),
			number(r.totals.contacts, locale),
			number(r.totals.questions, locale),
			number(r.totals.people, locale)
		]);
	}
	return csvText(rows);
}

// Arabic reads right to left: Word needs that said per paragraph and per table (as the register does).
type Heading = (typeof HeadingLevel)[keyof typeof HeadingLevel];
const writer = (locale: Locale) => {
	const bidirectional = locale === 'ar';
	const para = (text: string, heading?: Heading) => new Paragraph({ text, heading, bidirectional });
	const cell = (text: string) => new TableCell({ children: [para(text)] });
	const table = (head: string[], body: string[][]) =>
		new Table({
			width: { size: 100, type: WidthType.PERCENTAGE },
			visuallyRightToLeft: bidirectional,
			rows: [new TableRow({ tableHeader: true, children: head.map(cell) }), ...body.map((r) => new TableRow({ children: r.map(cell) }))]
		});
	return { para, table };
};

/** One Word document: title, date made, filter, the suppression rule; per signal its story, two tables and the quotes. */
export async function signalsDocx(reports: SignalReport[], locale: Locale, filter: string, now: Date = new Date()): Promise<Uint8Array> {
	const o = { locale };
	const { para, table } = writer(locale);
	const text = (c: Cell) => String(number(c, locale));
	const date = intl('DateTimeFormat', locale, { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(now);
	const counts = [m.fw_sigexp_contacts({}, o), m.fw_sigexp_questions({}, o), m.fw_sigexp_people({}, o)];
	const children: (Paragraph | Table)[] = [
		para(m.fw_sigexp_title({}, o), HeadingLevel.TITLE),
		para(m.fw_sigexp_made({ date }, o)),
		para(m.fw_sigexp_filter({ filter }, o)),
		para(m.fw_sigexp_rule({}, o)),
		para(m.fw_sigexp_people_rule({}, o))
	];
	if (!reports.length) children.push(para(m.fw_sigexp_none({}, o)));
	for (const r of reports) {
		children.push(
			para(r.title, HeadingLevel.HEADING_1),
			para(
				[
					r.areaName ?? m.fw_sigexp_no_area({}, o),
					themeName(r.theme, locale),
					m.fw_sigexp_status_line({ status: statusLabel(r.status, locale) }, o)
				].join(' · ')
			),
			para(r.description)
		);
		if (r.escalatedTo && r.escalatedOn)
			children.push(para(m.fw_sigexp_escalated_line({ to: r.escalatedTo, date: dateText(r.escalatedOn, locale) }, o)));
		if (r.answer) children.push(para(m.fw_sigexp_answer_line({ answer: r.answer }, o)));
		children.push(
			para(m.fw_sigexp_totals_line({ people: text(r.totals.people), contacts: text(r.totals.contacts), questions: text(r.totals.questions) }, o)),
			para(m.fw_sigexp_by_month({}, o), HeadingLevel.HEADING_2),
			table(
				[m.fw_sigexp_month({}, o), ...counts],
				r.byMonth.map((c) => [figuresMonth(c.month, locale), text(c.contacts), text(c.questions), text(c.people)])
			),
			para(m.fw_sigexp_by_theme({}, o), HeadingLevel.HEADING_2),
			table(
				[m.fw_sigexp_theme({}, o), ...counts],
				r.byTheme.map((c) => [themeName(c.theme, locale), text(c.contacts), text(c.questions), text(c.people)])
			),
			para(m.fw_sigexp_quotes({}, o), HeadingLevel.HEADING_2),
			...(r.quotes.length ? r.quotes.map((q) => para(`“${q}”`)) : [para(m.fw_sigexp_no_quotes({}, o))])
		);
	}
	const doc = new Document({ creator: 'Wijkweb', title: m.fw_sigexp_title({}, o), sections: [{ children }] });
	return new Uint8Array(await Packer.toBuffer(doc));
}
