import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { Locale } from '#lib/paraglide/runtime.js';
import { m } from '#lib/paraglide/messages.js';
import { intl } from '#lib/intl.ts';
import { dataCategoryLabel, lawfulBasisLabel, listOf, purposeLabel, readersLine } from '#lib/privacy/labels.ts';
import { readersOf } from './categories.ts';
import type { RegisterOrganisation, RegisterPurpose } from './register.ts';

// The register as files for the data-protection officer: CSV (one row per organisation × purpose ×
// category, for a spreadsheet) and DOCX (the document an authority asks for). Same facts as the page.

const basisText = (p: RegisterPurpose, locale: Locale) =>
	p.ownBasis ? lawfulBasisLabel(p.lawfulBasis, locale) : m.privacy_register_basis_org({ basis: lawfulBasisLabel(p.lawfulBasis, locale) }, { locale });
const retentionText = (p: RegisterPurpose, locale: Locale) =>
	p.retentionDays === null ? m.privacy_register_retention_missing({}, { locale }) : intl('NumberFormat', locale, {}).format(p.retentionDays);

/** A text starting with = + - @ (or their full-width forms, a tab, a CR) is a formula to a spreadsheet (OWASP). */
const neutralise = (text: string) => (/^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(text) ? `'${text}` : text);
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** RFC 4180 with a byte-order mark, so a spreadsheet reads the UTF-8 (Bulgarian, Arabic). */
export function registerCsv(register: RegisterOrganisation[], locale: Locale): string {
	const o = { locale };
	const header = [
		m.privacy_register_organisation({}, o),
		m.admin_org_basis({}, o),
		m.privacy_register_purpose({}, o),
		m.privacy_register_text({}, o),
		m.privacy_register_basis({}, o),
		m.privacy_register_retention({}, o),
		m.privacy_register_active({}, o),
		m.privacy_register_category({}, o),
		m.privacy_register_roles({}, o)
	];
	const rows: string[][] = [header];
	for (const org of register)
		for (const p of org.purposes) {
			// A purpose without categories still gets its row: the register must not hide a purpose.
			const categories = p.categories.length ? p.categories : [null];
			for (const c of categories)
				rows.push([
					org.name,
					lawfulBasisLabel(org.lawfulBasis, locale),
					purposeLabel(p.code, locale),
					p.text ?? '',
					basisText(p, locale),
					p.retentionDays === null ? m.privacy_register_retention_missing({}, o) : String(p.retentionDays),
					p.active ? m.common_yes({}, o) : m.common_no({}, o),
					c ? dataCategoryLabel(c, locale) : '',
					c ? readersLine(readersOf(c), locale) : ''
				]);
		}
	return '\uFEFF' + rows.map((r) => r.map((v) => quote(neutralise(v))).join(',')).join('\r\n') + '\r\n';
}

// Arabic reads right to left: Word needs that said per paragraph and per table.
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

/** One Word document: per organisation its purposes, then who may read which category. */
export async function registerDocx(register: RegisterOrganisation[], locale: Locale, now: Date = new Date()): Promise<Buffer> {
	const o = { locale };
	const date = intl('DateTimeFormat', locale, { dateStyle: 'long' }).format(now);
	const { para, table } = writer(locale);
	const children: (Paragraph | Table)[] = [
		para(m.admin_register({}, o), HeadingLevel.TITLE),
		para(m.privacy_register_generated({ date }, o)),
		para(m.privacy_register_intro({}, o))
	];
	for (const org of register) {
		children.push(
			para(org.name, HeadingLevel.HEADING_1),
			para(m.privacy_register_org_basis({ basis: lawfulBasisLabel(org.lawfulBasis, locale) }, o)),
			para(m.privacy_register_purposes({}, o), HeadingLevel.HEADING_2)
		);
		if (org.purposes.length)
			children.push(
				table(
					[
						m.privacy_register_purpose({}, o),
						m.privacy_register_text({}, o),
						m.privacy_register_basis({}, o),
						m.privacy_register_categories({}, o),
						m.privacy_register_retention({}, o)
					],
					org.purposes.map((p) => [
						purposeLabel(p.code, locale) + (p.active ? '' : ` (${m.privacy_register_active({}, o)}: ${m.common_no({}, o)})`),
						p.text ?? m.privacy_register_no_text({}, o),
						basisText(p, locale),
						listOf(
							p.categories.map((c) => dataCategoryLabel(c, locale)),
							locale
						),
						retentionText(p, locale)
					])
				)
			);
		else children.push(para(m.privacy_register_no_purposes({}, o)));
		children.push(
			para(m.privacy_register_readers({}, o), HeadingLevel.HEADING_2),
			table(
				[m.privacy_register_category({}, o), m.privacy_register_roles({}, o)],
				org.readers.map((r) => [dataCategoryLabel(r.category, locale), readersLine(r.readers, locale)])
			),
			para(m.privacy_register_readers_note({}, o))
		);
	}
	const doc = new Document({ creator: 'Wijkweb', title: m.admin_register({}, o), sections: [{ children }] });
	return Packer.toBuffer(doc);
}
