import { m } from '../paraglide/messages.js';
import { parseAmount, type AmountProblem } from './money.ts';
import type { ApplicationBody, ApplicationPartner, BudgetCategory, BudgetLine, CallRules, ProposedIndicator, Risk } from './types.ts';

// The application form's fields ↔ an ApplicationBody. Pure, no I/O: the server reads a plain POST with
// it (no JavaScript needed) and the browser reads `new FormData(form)` with it on every keystroke, so the
// live check and the save see the same body.
//
// Field names: `title`, `summary`, `section_<key>`, `own_contribution`, `start_fund`, `target_groups`
// (one a line) and rows `line_<n>_id|year|category|description|amount`,
// `partner_<n>_id|name|role|contribution|partner_id`, `indicator_<n>_id|metric|name|target|unit`,
// `risk_<n>_id|risk|mitigation`, in the order of <n>. A row whose typed fields are all blank is dropped
// (the form without JavaScript always offers blank rows; emptying a row removes it). A row keeps the id
// of its hidden `_id` field when that id is one of the previous body's and not already taken; any other
// row gets a new id, the same for the same form (the live check sees stable ids as one types).

/** What an amount or a number that cannot be read stands at in the body: an invalid amount for the engine. */
export const INVALID = -1;

type Fields = Iterable<[string, FormDataEntryValue]>;
type Problems = Record<string, string>;
/**
 * The body; the problems (field name → message key, `problemText`); and which row each line, partner,
 * indicator and risk came from (its id → the row's field prefix, e.g. `line_3`), so a rule about a line
 * can link to that line's fields.
 */
export type Parsed = { body: ApplicationBody; problems: Problems; fieldOf: Record<string, string> };

const AMOUNT_PROBLEM: Record<AmountProblem, string> = {
	not_a_number: 'fund_form_error_amount',
	negative: 'fund_form_error_negative',
	too_many_decimals: 'fund_form_error_decimals',
	too_large: 'fund_form_error_too_large'
};

const PROBLEM_TEXT: Record<string, () => string> = {
	fund_form_error_amount: m.fund_form_error_amount,
	fund_form_error_negative: m.fund_form_error_negative,
	fund_form_error_decimals: m.fund_form_error_decimals,
	fund_form_error_too_large: m.fund_form_error_too_large,
	fund_form_error_year: m.fund_form_error_year,
	fund_form_error_target: m.fund_form_error_target
};

/** A problem key of `bodyFromForm` in the page's language (the live check shows them next to the fields). */
export const problemText = (key: string): string => (Object.hasOwn(PROBLEM_TEXT, key) ? PROBLEM_TEXT[key]!() : key);

// A textarea posts CRLF; a body holds LF.
const lines = (text: string) => text.replace(/\r\n?/gu, '\n');
const oneLine = (text: string) => lines(text).replace(/\n/gu, ' ').trim();
const multiLine = (text: string) => lines(text).trim();

type Row = { n: number; get: (part: string) => string };
const GROUPS = {
	line: ['id', 'year', 'category', 'description', 'amount'],
	partner: ['id', 'name', 'role', 'contribution', 'partner_id'],
	indicator: ['id', 'metric', 'name', 'target', 'unit'],
	risk: ['id', 'risk', 'mitigation']
} as const;
type Group = keyof typeof GROUPS;
const ROW_NAME = /^(line|partner|indicator|risk)_(\d{1,6})_([a-z_]+)$/u;

/** The rows of every repeated group (`<group>_<n>_<part>` → n → part → value), each in the order of n; one pass. */
function rows(values: Map<string, string>): Record<Group, Row[]> {
	const found: Record<Group, Map<number, Map<string, string>>> = { line: new Map(), partner: new Map(), indicator: new Map(), risk: new Map() };
	for (const [name, value] of values) {
		const hit = ROW_NAME.exec(name);
		if (!hit) continue;
		const group = hit[1] as Group;
		if (!(GROUPS[group] as readonly string[]).includes(hit[3]!)) continue;
		const n = Number(hit[2]);
		let row = found[group].get(n);
		if (!row) found[group].set(n, (row = new Map()));
		row.set(hit[3]!, value);
	}
	const ordered = (group: Group) =>
		[...found[group].keys()].sort((a, b) => a - b).map((n) => ({ n, get: (part: string) => found[group].get(n)!.get(part) ?? '' }));
	return { line: ordered('line'), partner: ordered('partner'), indicator: ordered('indicator'), risk: ordered('risk') };
}

/** Gives ids: a previous one when posted (once), else `<letter><k>` with the smallest free k, deterministically. */
function idGiver(known: Iterable<string>, letter: string) {
	const previous = new Set(known);
	const taken = new Set<string>(previous);
	const used = new Set<string>();
	let k = 0;
	return (posted: string): string => {
		if (previous.has(posted) && !used.has(posted)) {
			used.add(posted);
			return posted;
		}
		let id: string;
		do id = `${letter}${++k}`;
		while (taken.has(id));
		taken.add(id);
		used.add(id);
		return id;
	};
}

/** The posted form (FormData or its entries) → the body, and the fields that could not be read. */
export function bodyFromForm(form: FormData | Fields, rules: CallRules, previous: ApplicationBody): Parsed {
	const values = new Map<string, string>();
	// Files are never part of the body; a repeated name keeps its first value (a form has each once).
	for (const [name, value] of form as Fields) if (typeof value === 'string' && !values.has(name)) values.set(name, value);
	const problems: Problems = {};
	const fieldOf: Record<string, string> = {};
	const text = (name: string, fallback: string, read: (t: string) => string) => {
		const v = values.get(name);
		return v === undefined ? fallback : read(v);
	};
	const amount = (name: string, raw: string): number => {
		if (!raw.trim()) return 0;
		const parsed = parseAmount(raw);
		if (parsed.ok) return parsed.cents;
		problems[name] = AMOUNT_PROBLEM[parsed.problem];
		return INVALID;
	};
	const scalarAmount = (name: string, fallback: number) => (values.has(name) ? amount(name, values.get(name)!) : fallback);

	const sections: Record<string, string> = { ...previous.sections };
	for (const s of rules.sections) sections[s.key] = text(`section_${s.key}`, previous.sections[s.key] ?? '', multiLine);

	const grouped = rows(values);
	const lineId = idGiver(
		previous.budget.map((l) => l.id),
		'l'
	);
	const budget: BudgetLine[] = [];
	for (const row of grouped.line) {
		const description = oneLine(row.get('description'));
		const typed = row.get('amount');
		if (!description && !typed.trim()) continue;
		const name = (part: string) => `line_${row.n}_${part}`;
		const yearText = row.get('year').trim();
		// A year that is not one of the project's stays as posted (or 0) so the engine's line_year rule fails too.
		const year = /^\d{1,3}$/u.test(yearText) ? Number(yearText) : 0;
		if (year < 1 || year > rules.durationYears) problems[name('year')] = 'fund_form_error_year';
		const category = row.get('category').trim() as BudgetCategory;
		const id = lineId(row.get('id'));
		fieldOf[id] = `line_${row.n}`;
		budget.push({ id, year, category, description, amountCents: amount(name('amount'), typed) });
	}

	const partnerId = idGiver(
		previous.partners.map((p) => p.id),
		'p'
	);
	const partners: ApplicationPartner[] = [];
	for (const row of grouped.partner) {
		const [name, role, typed] = [oneLine(row.get('name')), oneLine(row.get('role')), row.get('contribution')];
		if (!name && !role && !typed.trim()) continue;
		const organisation = row.get('partner_id').trim();
		const id = partnerId(row.get('id'));
		fieldOf[id] = `partner_${row.n}`;
		partners.push({
			id,
			name,
			role,
			contributionCents: amount(`partner_${row.n}_contribution`, typed),
			partnerId: organisation || null
		});
	}

	const indicatorId = idGiver(
		previous.indicators.map((i) => i.id),
		'i'
	);
	const indicators: ProposedIndicator[] = [];
	for (const row of grouped.indicator) {
		const [name, typed, unit] = [oneLine(row.get('name')), row.get('target'), oneLine(row.get('unit'))];
		const metric = row.get('metric').trim();
		if (!name && !typed.trim() && !unit && !metric) continue;
		// A target is a number with at most two decimals, read as an amount is ("1.000" is a thousand).
		let target = 0;
		if (typed.trim()) {
			const parsed = parseAmount(typed);
			if (parsed.ok) target = parsed.cents / 100;
			else {
				problems[`indicator_${row.n}_target`] = parsed.problem === 'not_a_number' ? 'fund_form_error_target' : AMOUNT_PROBLEM[parsed.problem];
				target = INVALID;
			}
		}
		const id = indicatorId(row.get('id'));
		fieldOf[id] = `indicator_${row.n}`;
		indicators.push({ id, metric: metric || null, name, target, unit });
	}

	const riskId = idGiver(
		previous.risks.map((r) => r.id),
		'r'
	);
	const risks: Risk[] = [];
	for (const row of grouped.risk) {
		const [risk, mitigation] = [multiLine(row.get('risk')), multiLine(row.get('mitigation'))];
		if (!risk && !mitigation) continue;
		const id = riskId(row.get('id'));
		fieldOf[id] = `risk_${row.n}`;
		risks.push({ id, risk, mitigation });
	}

	const body: ApplicationBody = {
		title: text('title', previous.title, oneLine),
		summary: text('summary', previous.summary, multiLine),
		sections,
		budget,
		ownContributionCents: scalarAmount('own_contribution', previous.ownContributionCents),
		startFundCents: scalarAmount('start_fund', previous.startFundCents),
		partners,
		targetGroups: values.has('target_groups')
			? lines(values.get('target_groups')!)
					.split('\n')
					.map((g) => g.trim())
					.filter(Boolean)
			: [...previous.targetGroups],
		indicators,
		risks
	};
	return { body, problems, fieldOf };
}

/** Cents as a Belgian writes them in a form: "1.250,50", "15.000", "0"; read back by parseAmount. */
export function amountText(cents: number): string {
	const negative = cents < 0;
	const abs = Math.abs(cents);
	const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
	const rest = abs % 100;
	return `${negative ? '-' : ''}${whole}${rest ? `,${String(rest).padStart(2, '0')}` : ''}`;
}

/** A target as typed: "12", "12,5" (INVALID shows as "-1", which reads back as INVALID). */
const targetText = (target: number) => amountText(Math.round(target * 100));

/** The values the form's fields show for a body (rows numbered from 0); `bodyFromForm` reads them back. */
export function fieldsFromBody(body: ApplicationBody): Record<string, string> {
	const f: Record<string, string> = { title: body.title, summary: body.summary };
	for (const [key, value] of Object.entries(body.sections)) f[`section_${key}`] = value;
	body.budget.forEach((l, n) => {
		f[`line_${n}_id`] = l.id;
		f[`line_${n}_year`] = String(l.year);
		f[`line_${n}_category`] = l.category;
		f[`line_${n}_description`] = l.description;
		f[`line_${n}_amount`] = amountText(l.amountCents);
	});
	f.own_contribution = body.ownContributionCents ? amountText(body.ownContributionCents) : '';
	f.start_fund = body.startFundCents ? amountText(body.startFundCents) : '';
	body.partners.forEach((p, n) => {
		f[`partner_${n}_id`] = p.id;
		f[`partner_${n}_name`] = p.name;
		f[`partner_${n}_role`] = p.role;
		f[`partner_${n}_contribution`] = amountText(p.contributionCents);
		f[`partner_${n}_partner_id`] = p.partnerId ?? '';
	});
	f.target_groups = body.targetGroups.join('\n');
	body.indicators.forEach((i, n) => {
		f[`indicator_${n}_id`] = i.id;
		f[`indicator_${n}_metric`] = i.metric ?? '';
		f[`indicator_${n}_name`] = i.name;
		f[`indicator_${n}_target`] = targetText(i.target);
		f[`indicator_${n}_unit`] = i.unit;
	});
	body.risks.forEach((r, n) => {
		f[`risk_${n}_id`] = r.id;
		f[`risk_${n}_risk`] = r.risk;
		f[`risk_${n}_mitigation`] = r.mitigation;
	});
	return f;
}

/** The row numbers of a repeated group present in a form's values (`line`, `partner`, …), in order. */
export function rowNumbers(values: Record<string, string>, prefix: string): number[] {
	const pattern = new RegExp(`^${prefix}_(\\d{1,6})_`, 'u');
	const found = new Set<number>();
	for (const name of Object.keys(values)) {
		const hit = pattern.exec(name);
		if (hit) found.add(Number(hit[1]));
	}
	return [...found].sort((a, b) => a - b);
}
