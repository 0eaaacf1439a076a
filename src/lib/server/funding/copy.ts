import { AsyncLocalStorage } from 'node:async_hooks';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { m } from '#lib/paraglide/messages.js';
import { baseLocale, getServerAsyncLocalStorage, isLocale, overwriteServerAsyncLocalStorage, type Locale } from '#lib/paraglide/runtime.js';
import { formatLocale, intl } from '#lib/intl.ts';
import { BELGIAN_ZONE } from '#lib/zone.ts';
import { countWords } from '#lib/words.ts';
import { applicationTotals, checkApplication } from '#lib/funding/rules.ts';
import { categoryLabel, describeRule } from '#lib/funding/describe.ts';
import { applicantKindLabel } from '#lib/funding/rules-in-words.ts';
import { formatCents, formatShare } from '#lib/funding/money.ts';
import type { ApplicantKind, ApplicationBody, CallRules } from '#lib/funding/types.ts';

// The submitted application as a Word document: what the applicant downloads and keeps, in their
// language. Everything in it is computed by the same pure functions as the form and the submit action
// (word counts, totals, shares, the rule check at the submission instant), so the copy says what the
// server decided, not a second opinion.

export type CopyInput = {
	callTitle: string;
	applicantName: string;
	applicantKind: ApplicantKind;
	version: number;
	submittedAt: Date;
	rules: CallRules;
	body: ApplicationBody;
	locale: string;
};

/**
 * Runs `work` with Paraglide's ambient locale set to `locale`: the shared sentence makers (describeRule,
 * the labels) read the page's locale, and a document is made in the applicant's, whatever the request's.
 */
function inLocale<T>(locale: Locale, work: () => T): T {
	let storage = getServerAsyncLocalStorage();
	if (!storage) {
		storage = new AsyncLocalStorage();
		overwriteServerAsyncLocalStorage(storage);
	}
	const store = storage.getStore() ?? {};
	return storage.run({ ...store, locale }, work) as T;
}

type Heading = (typeof HeadingLevel)[keyof typeof HeadingLevel];

// Arabic reads right to left: Word needs that said per paragraph and per table.
function writer(locale: Locale) {
	const bidirectional = locale === 'ar';
	const para = (text: string, heading?: Heading) => new Paragraph({ text, heading, bidirectional });
	const cell = (text: string) => new TableCell({ children: [para(text)] });
	const table = (head: string[], body: string[][]) =>
		new Table({
			width: { size: 100, type: WidthType.PERCENTAGE },
			visuallyRightToLeft: bidirectional,
			rows: [new TableRow({ tableHeader: true, children: head.map(cell) }), ...body.map((r) => new TableRow({ children: r.map(cell) }))]
		});
	// A text as typed: one paragraph per line, blank lines kept out.
	const text = (value: string) =>
		value
			.split(/\r?\n/u)
			.map((line) => line.trim())
			.filter(Boolean)
			.map((line) => para(line));
	return { para, table, text };
}

function build(input: CopyInput, locale: Locale): Document {
	const o = { locale };
	const { para, table, text } = writer(locale);
	const fmt = formatLocale(locale) ?? locale;
	const euro = (cents: number) => formatCents(cents, fmt);
	const num = (n: number) => intl('NumberFormat', fmt, {}).format(n);
	const { rules, body } = input;
	const submitted = intl('DateTimeFormat', fmt, { dateStyle: 'long', timeStyle: 'short', timeZone: BELGIAN_ZONE }).format(input.submittedAt);
	const none = () => [para(m.fund_copy_none({}, o))];

	const children: (Paragraph | Table)[] = [
		para(body.title || input.callTitle, HeadingLevel.TITLE),
		para(m.fund_copy_call({ call: input.callTitle }, o)),
		para(m.fund_copy_applicant({ name: input.applicantName, kind: applicantKindLabel(input.applicantKind) }, o)),
		para(m.fund_copy_version({ version: num(input.version), date: submitted }, o))
	];
	if (body.summary.trim()) children.push(para(m.fund_copy_summary({}, o), HeadingLevel.HEADING_1), ...text(body.summary));

	children.push(para(m.fund_copy_sections({}, o), HeadingLevel.HEADING_1));
	for (const section of rules.sections) {
		const value = body.sections[section.key] ?? '';
		// The engine's own count (its default language), so the copy shows the figure the rule was checked on.
		const words = countWords(value);
		children.push(
			para(section.title, HeadingLevel.HEADING_2),
			para(
				section.maxWords > 0
					? m.fund_copy_words({ count: num(words), max: num(section.maxWords) }, o)
					: m.fund_copy_words_free({ count: num(words) }, o)
			),
			...(value.trim() ? text(value) : none())
		);
	}

	const totals = applicationTotals(rules, body);
	const share = formatShare(totals.cofinancingCents, totals.totalCents, fmt);
	children.push(
		para(m.fund_copy_budget({}, o), HeadingLevel.HEADING_1),
		...(body.budget.length
			? [
					table(
						[m.fund_copy_year({}, o), m.fund_copy_category({}, o), m.fund_copy_description({}, o), m.fund_copy_amount({}, o)],
						[...body.budget].sort((a, b) => a.year - b.year).map((l) => [num(l.year), categoryLabel(l.category), l.description, euro(l.amountCents)])
					)
				]
			: none()),
		para(m.fund_copy_by_year({}, o), HeadingLevel.HEADING_2),
		table(
			[m.fund_copy_year({}, o), m.fund_copy_amount({}, o)],
			totals.byYear.map((cents, i) => [num(i + 1), euro(cents)])
		),
		para(m.fund_copy_by_category({}, o), HeadingLevel.HEADING_2),
		table(
			[m.fund_copy_category({}, o), m.fund_copy_amount({}, o)],
			Object.entries(totals.byCategory).map(([code, cents]) => [categoryLabel(code), euro(cents ?? 0)])
		),
		para(m.fund_copy_totals({}, o), HeadingLevel.HEADING_2),
		table(
			[m.fund_copy_what({}, o), m.fund_copy_amount({}, o)],
			[
				[m.fund_copy_total_cost({}, o), euro(totals.totalCents)],
				[m.fund_copy_own_contribution({}, o), euro(body.ownContributionCents)],
				[m.fund_copy_cofinancing({}, o), euro(totals.cofinancingCents)],
				[m.fund_copy_grant({}, o), euro(totals.grantCents)],
				...(rules.startFundMaxCents !== null || body.startFundCents ? [[m.fund_copy_start_fund({}, o), euro(body.startFundCents)]] : [])
			]
		),
		para(share.rounded ? m.fund_copy_share_rounded({ share: share.text }, o) : m.fund_copy_share({ share: share.text }, o))
	);

	children.push(
		para(m.fund_copy_partners({}, o), HeadingLevel.HEADING_1),
		...(body.partners.length
			? [
					table(
						[m.fund_copy_partner({}, o), m.fund_copy_role({}, o), m.fund_copy_contribution({}, o)],
						body.partners.map((p) => [p.name, p.role, euro(p.contributionCents)])
					)
				]
			: none()),
		para(m.fund_copy_target_groups({}, o), HeadingLevel.HEADING_1),
		...(body.targetGroups.length ? body.targetGroups.map((g) => para(`• ${g}`)) : none()),
		para(m.fund_copy_indicators({}, o), HeadingLevel.HEADING_1),
		...(body.indicators.length
			? [
					table(
						[m.fund_copy_indicator({}, o), m.fund_copy_target({}, o), m.fund_copy_unit({}, o)],
						body.indicators.map((i) => [i.name, num(i.target), i.unit])
					)
				]
			: none()),
		para(m.fund_copy_risks({}, o), HeadingLevel.HEADING_1),
		...(body.risks.length
			? [
					table(
						[m.fund_copy_risk({}, o), m.fund_copy_mitigation({}, o)],
						body.risks.map((r) => [r.risk, r.mitigation])
					)
				]
			: none())
	);

	// The rules as they held at the instant of submission (the deadline included), in words.
	const results = checkApplication(rules, body, { now: input.submittedAt, applicantKind: input.applicantKind });
	children.push(
		para(m.fund_copy_check({ date: submitted }, o), HeadingLevel.HEADING_1),
		...results.map((r) => para((r.pass ? m.fund_copy_rule_pass : m.fund_copy_rule_fail)({ rule: describeRule(r, { rules, body }) }, o)))
	);
	return new Document({ creator: 'Wijkweb', title: m.fund_copy_doc_title({ call: input.callTitle }, o), sections: [{ children }] });
}

/** The submitted version of an application as a DOCX, in `locale` (an unknown one: the base language). */
export async function applicationCopyDocx(input: CopyInput): Promise<Uint8Array> {
	const locale: Locale = isLocale(input.locale) ? input.locale : baseLocale;
	const doc = inLocale(locale, () => build(input, locale));
	return new Uint8Array(await Packer.toBuffer(doc));
}
