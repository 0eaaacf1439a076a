import { belgianDateOf } from '../core/index.ts';
import { cell, monthsOf, suppressTable, type Cell } from '../stats/index.ts';
import { THEMES } from '../../themes.ts';
import { countEvidence } from './signal-evidence.ts';

// The anonymised signals report for a steering group or policy makers (the issue: "counts per month
// and theme, quotes only where the author marked them shareable, never a name, groups under 5 shown
// as <5"). No I/O: signal-export.ts reads the rows, signal-export-files.ts writes them out. Nothing of
// a person (id, name) leaves this file: the report holds only texts and suppressed counts.

/** A linked contact: its people by id (role 'with'), the names to strip, its note only if shareable. */
export type ExportContact = {
	id: string;
	startedAt: Date;
	themes: readonly string[];
	anonymousCount: number;
	personIds: readonly string[];
	/** First and last names of the people on the contact (to remove from every quote of the signal). */
	names: readonly string[];
	note: string | null;
	noteShareable: boolean;
};
export type ExportQuestion = { id: string; createdAt: Date; theme: string; personId: string | null; names: readonly string[] };

export type ExportSignal = {
	id: string;
	title: string;
	description: string;
	theme: string;
	areaName: string | null;
	status: string;
	escalatedTo: string | null;
	escalatedOn: string | null;
	answer: string | null;
	contacts: readonly ExportContact[];
	questions: readonly ExportQuestion[];
};

/** Counts of one slice of a signal's evidence; people as countEvidence counts them. */
type SliceCells = { contacts: Cell; questions: Cell; people: Cell };

/** A signal's own fields as they leave (cleaned), with its evidence turned into counts. */
export type SignalReport = Omit<ExportSignal, 'id' | 'contacts' | 'questions'> & {
	totals: SliceCells;
	/** Every month ('YYYY-MM', Brussels) from the first piece of evidence to the last, zeros included. */
	byMonth: ({ month: string } & SliceCells)[];
	/** The themes the evidence carries (a contact with two themes counts in both), in the themes' order. */
	byTheme: ({ theme: string } & SliceCells)[];
	/** Month × theme, only the pairs with evidence: the long form of the CSV. */
	byMonthTheme: ({ month: string; theme: string } & SliceCells)[];
	quotes: string[];
};

const monthOf = (at: Date) => belgianDateOf(at).slice(0, 7);

type Slice = { contacts: ExportContact[]; questions: ExportQuestion[] };
const raw = (s: Slice) => {
	const n = countEvidence(
		s.contacts.map((c) => ({ id: c.id, startedAt: c.startedAt, personIds: c.personIds, anonymousCount: c.anonymousCount })),
		s.questions.map((q) => ({ id: q.id, createdAt: q.createdAt, personId: q.personId }))
	);
	return { contacts: n.contacts, questions: n.questions, people: n.people };
};

/** A table of slices: each column suppressed as a table (1–4 → "<5", and one more where one alone would be given away). */
function table<K>(keys: K[], slices: Slice[]): (SliceCells & { key: K })[] {
	const counts = slices.map(raw);
	const column = (k: 'contacts' | 'questions' | 'people') => suppressTable(counts.map((c) => c[k]));
	const [contacts, questions, people] = [column('contacts'), column('questions'), column('people')];
	return keys.map((key, i) => ({ key, contacts: contacts[i]!, questions: questions[i]!, people: people[i]! }));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LETTER = '[\\p{L}\\p{N}\\p{M}]';
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
// A run of digits with spaces, dots, slashes or dashes between them: a phone, a national number, an account.
const DIGITS = /\+?\d[\d\s./()-]*\d/g;
const PHONE_DIGITS = 8;

/**
 * The words to strip: each full name as written, and each part of a compound name of four letters or
 * more ("Smet" of "De Smet"; not "de" or "van", ordinary words in Dutch).
 */
function nameWords(names: readonly string[]): string[] {
	const out = new Set<string>();
	for (const name of names) {
		const whole = name.trim();
		// An erased person's name is a dash: nothing to strip (and dashes in a note stay).
		if (!/\p{L}/u.test(whole)) continue;
		out.add(whole);
		for (const part of whole.split(/[\s\-'’]+/u)) if ([...part].length >= 4 || part === whole) out.add(part);
	}
	return [...out].filter(Boolean).sort((a, b) => b.length - a.length);
}

/**
 * A shareable note as a quote: every name of the people behind the signal replaced by "…" (whole
 * words, any case), e-mail addresses, ids and phone-like digit runs too. Over-removing is the safe side.
 */
export function anonymiseQuote(note: string, names: readonly string[]): string {
	let text = note.replace(EMAIL, '…').replace(UUID, '…');
	text = text.replace(DIGITS, (run) => (run.replace(/\D/g, '').length >= PHONE_DIGITS ? '…' : run));
	const words = nameWords(names);
	if (words.length) {
		const pattern = new RegExp(`(?<!${LETTER})(?:${words.map(escape).join('|')})(?!${LETTER})`, 'giu');
		text = text.replace(pattern, '…');
	}
	return text
		.replace(/…(?:\s*…)+/gu, '…')
		.replace(/\s+/gu, ' ')
		.trim();
}

function shapeOne(s: ExportSignal): SignalReport & { order: ReturnType<typeof raw> } {
	const contacts = [...s.contacts];
	const questions = [...s.questions];
	const all = { contacts, questions };
	const order = raw(all);
	const total = { contacts: cell(order.contacts), questions: cell(order.questions), people: cell(order.people) };

	const seen = [...contacts.map((c) => monthOf(c.startedAt)), ...questions.map((q) => monthOf(q.createdAt))].sort();
	const months = seen.length ? monthsOf(`${seen[0]}-01`, `${seen.at(-1)}-01`) : [];
	const inMonth = (m: string): Slice => ({
		contacts: contacts.filter((c) => monthOf(c.startedAt) === m),
		questions: questions.filter((q) => monthOf(q.createdAt) === m)
	});
	const byMonth = table(months, months.map(inMonth)).map(({ key, ...c }) => ({ month: key, ...c }));

	const withTheme = (slice: Slice, t: string): Slice => ({
		contacts: slice.contacts.filter((c) => c.themes.includes(t)),
		questions: slice.questions.filter((q) => q.theme === t)
	});
	const found = new Set([...contacts.flatMap((c) => c.themes), ...questions.map((q) => q.theme)]);
	const themes = [...THEMES.filter((t) => found.has(t)), ...[...found].filter((t) => !(THEMES as readonly string[]).includes(t)).sort()];
	const byTheme = table(
		themes,
		themes.map((t) => withTheme(all, t))
	).map(({ key, ...c }) => ({ theme: key, ...c }));

	const pairs = months.flatMap((m) => themes.map((t) => ({ m, t, slice: withTheme(inMonth(m), t) })));
	const used = pairs.filter((p) => p.slice.contacts.length + p.slice.questions.length > 0);
	const byMonthTheme = table(
		used.map((p) => [p.m, p.t] as const),
		used.map((p) => p.slice)
	).map(({ key, ...c }) => ({ month: key[0], theme: key[1], ...c }));

	// Every name of every person behind the signal: a neighbour named in another's note is stripped too.
	const names = [...contacts.flatMap((c) => c.names), ...questions.flatMap((q) => q.names)];
	const quotes = contacts
		.filter((c) => c.noteShareable && c.note?.trim())
		.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
		.map((c) => anonymiseQuote(c.note!, names))
		.filter((q) => q && q !== '…');

	return {
		// A worker's own words may name someone too: the same stripping as the quotes.
		title: anonymiseQuote(s.title, names),
		description: anonymiseQuote(s.description, names),
		theme: s.theme,
		areaName: s.areaName,
		status: s.status,
		escalatedTo: s.escalatedTo,
		escalatedOn: s.escalatedOn,
		answer: s.answer === null ? null : anonymiseQuote(s.answer, names),
		totals: total,
		byMonth,
		byTheme,
		byMonthTheme,
		quotes,
		order
	};
}

/** The report of some signals, ranked as listSignals ranks them: people, then contacts, then questions. */
export function shapeSignalExport(signals: readonly ExportSignal[]): SignalReport[] {
	return signals
		.map(shapeOne)
		.sort(
			(a, b) =>
				b.order.people - a.order.people ||
				b.order.contacts - a.order.contacts ||
				b.order.questions - a.order.questions ||
				a.title.localeCompare(b.title)
		)
		.map(({ order: _, ...r }) => r);
}
