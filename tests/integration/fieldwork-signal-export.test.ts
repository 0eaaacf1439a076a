import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import { erasePerson } from '../../src/lib/server/rights/index.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { fieldworkContact, fieldworkContactParty, fieldworkQuestion } from '../../src/lib/server/fieldwork/schema.ts';
import { createSignal, exportSignals, linkSignalEvidence, updateSignal } from '../../src/lib/server/fieldwork/index.ts';
import { signalsDownload } from '../../src/routes/(work)/fieldwork/signals/export-download.ts';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from '../../src/lib/server/core/context.ts';
import type { Theme } from '../../src/lib/themes.ts';

// The anonymised signals export on a real PostgreSQL: the files read back (DOCX unzipped, CSV parsed),
// scope, roles, bad input, the audit row, erasure. Contacts and questions are inserted as rows (as the
// signals tests do): the names, notes and their shareable flag are what matters here.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const other = await makeOrganisation(db);
const [a, b] = [await makeArea(db, 'Rabot'), await makeArea(db, 'Muide')];
const admin = await makeActor(db, 'admin', { organisationId: org.id });
const workerA = await makeActor(db, 'coordinator', { organisationId: org.id, areaId: a.id });
const workerB = await makeActor(db, 'coordinator', { organisationId: org.id, areaId: b.id });
const outsider = await makeActor(db, 'coordinator', { organisationId: other.id, areaId: a.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: a.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: a.id });
const asA = ctxFor(db, workerA.actor);
const asB = ctxFor(db, workerB.actor);

const person = async (firstName: string, lastName: string, areaId = a.id) =>
	(await registerPerson(ctxFor(db, admin.actor), { firstName, lastName, organisationId: org.id, areaId })).id;

async function contact(
	areaId: string,
	people: string[],
	o: { note?: string; shareable?: boolean; anonymous?: number; at?: string; themes?: Theme[] } = {}
) {
	const [c] = await db
		.insert(fieldworkContact)
		.values({
			organisationId: org.id,
			areaId,
			type: 'home_visit',
			startedAt: new Date(o.at ?? '2026-10-10T10:00:00Z'),
			durationMinutes: 30,
			themes: o.themes ?? ['income'],
			anonymousCount: o.anonymous ?? 0,
			note: o.note ?? null,
			noteShareable: o.shareable ?? false
		})
		.returning({ id: fieldworkContact.id });
	if (people.length) await db.insert(fieldworkContactParty).values(people.map((personId) => ({ contactId: c!.id, role: 'with' as const, personId })));
	return c!.id;
}
async function question(areaId: string, personId: string | null) {
	const [q] = await db
		.insert(fieldworkQuestion)
		.values({ organisationId: org.id, areaId, personId, title: 'Energy bill', theme: 'income', createdAt: new Date('2026-11-05T10:00:00Z') })
		.returning({ id: fieldworkQuestion.id });
	return q!.id;
}

const SHAREABLE = 'Karima could not book at the welfare office without an itsme account; call 0470 12 34 56.';
const SECRET = 'Private: the landlord threatens eviction';
const NAMES = ['Karima', 'Benali', 'Wouter', 'Claes', 'Iris', 'Vandenbroucke', 'Tomasz', 'Nowak'];

// Signal A in Rabot: 6 contacts and a question; 4 people and 3 anonymous → 7; October has 5 contacts, November 1 (→ "<5").
const [karima, wouter, iris, tomasz] = [
	await person('Karima', 'Benali'),
	await person('Wouter', 'Claes'),
	await person('Iris', 'Vandenbroucke'),
	await person('Tomasz', 'Nowak')
];
const signalA = await createSignal(asA, {
	organisationId: org.id,
	areaId: a.id,
	theme: 'income',
	title: 'The welfare office only takes appointments online',
	description: 'Seen at many home visits in Rabot'
});
const contactsA = [
	await contact(a.id, [karima], { note: SHAREABLE, shareable: true }),
	await contact(a.id, [wouter], { note: SECRET, shareable: false }),
	await contact(a.id, [iris, karima], { themes: ['income', 'administration'] }),
	await contact(a.id, [wouter], { note: 'Wouter Claes asked the same; he mailed wouter@example.be', shareable: true }),
	await contact(a.id, [], { anonymous: 3, themes: ['income'] }),
	await contact(a.id, [karima], { at: '2026-11-02T10:00:00Z' })
];
await linkSignalEvidence(asA, { id: signalA.id, contactIds: contactsA, questionIds: [await question(a.id, tomasz)] });

// Signal B in Muide, with a quote of its own.
const signalB = await createSignal(asB, {
	organisationId: org.id,
	areaId: b.id,
	theme: 'housing',
	title: 'Mould in the Muide flats',
	description: 'Many flats'
});
await linkSignalEvidence(asB, {
	id: signalB.id,
	contactIds: [await contact(b.id, [await person('Bram', 'Muylaert', b.id)], { note: 'Mould in every room', shareable: true, themes: ['housing'] })]
});

const docxText = (body: Uint8Array) =>
	strFromU8(unzipSync(body)['word/document.xml']!)
		.replace(/<\/w:p>/g, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"');

// The byte-order mark is kept (a default TextDecoder would drop it): the test checks it is there.
const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** RFC 4180 back to rows (quoted cells may hold commas and quotes). */
function parseCsv(text: string): string[][] {
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const rows: string[][] = [];
	let row: string[] = [];
	let cellText = '';
	let quoted = false;
	for (let i = 1; i < text.length; i++) {
		const ch = text[i]!;
		if (quoted && ch === '"' && text[i + 1] === '"') {
			cellText += '"';
			i++;
		} else if (ch === '"') quoted = !quoted;
		else if (quoted) cellText += ch;
		else if (ch === ',') {
			row.push(cellText);
			cellText = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(cellText);
			rows.push(row);
			row = [];
			cellText = '';
			i++;
		} else cellText += ch;
	}
	return rows;
}

const exportAudits = async (userId: string) =>
	(
		await db
			.select({ n: count() })
			.from(coreAudit)
			.where(and(eq(coreAudit.actorUserId, userId), eq(coreAudit.entity, 'fieldwork_signal'), eq(coreAudit.action, 'read')))
	)[0]!.n;

const refusal = async (p: Promise<unknown>) => {
	try {
		await p;
		return 'allowed';
	} catch (e) {
		return (e as { status?: number }).status;
	}
};

/** The page download route, called as SvelteKit calls it. */
async function download(actor: Actor, format: 'csv' | 'docx', query = '', locale = 'nl') {
	const url = new URL(`http://localhost/fieldwork/signals/export.${format}${query}`);
	const res = await signalsDownload({ url, request: new Request(url), locals: { actor, locale } } as unknown as RequestEvent, format);
	return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('the anonymised signals export', () => {
	it('DOCX: title, "<5", the shareable quote without its name or number, never the private note or any name', async () => {
		const file = await exportSignals(asA, { format: 'docx', locale: 'nl' });
		expect(file.contentType).toContain('wordprocessingml.document');
		const text = docxText(file.body);
		expect(text).toContain('Signalen en knelpunten — geanonimiseerd overzicht');
		expect(text).toContain('The welfare office only takes appointments online');
		expect(text).toContain('<5');
		expect(text).toContain('Groepen van 1 tot 4 staan als “<5”');
		expect(text).toContain('… could not book at the welfare office without an itsme account; call ….');
		expect(text).toContain('… asked the same; he mailed …');
		expect(text).not.toContain(SECRET);
		expect(text).not.toContain('landlord');
		for (const name of NAMES) expect(text.toLowerCase()).not.toContain(name.toLowerCase());
		expect(text).not.toContain('0470');
		expect(text).not.toContain('@');
		// Neighbourhood A's worker: B's signal and quote are not in it.
		expect(text).not.toContain('Mould');
		for (const id of [karima, wouter, iris, tomasz, workerA.actor.userId!]) expect(text).not.toContain(id);
	});

	it('CSV: headers in the caller’s language, one row per month × theme, totals equal the evidence', async () => {
		const file = await exportSignals(asA, { format: 'csv', locale: 'en' });
		const rows = parseCsv(utf8(file.body));
		expect(rows[0]).toEqual([
			'Signal',
			'Neighbourhood',
			'Theme of the signal',
			'Status',
			'Escalated to',
			'Escalated on',
			'Month',
			'Theme',
			'Contacts',
			'Questions',
			'People'
		]);
		const mine = rows.slice(1).filter((r) => r[0] === 'The welfare office only takes appointments online');
		const at = (month: string, theme: string) => mine.find((r) => r[6] === month && r[7] === theme)?.slice(8);
		// October, income: 5 contacts, 0 questions, 3 people (Karima, Wouter, Iris) + 3 anonymous = 6.
		expect(at('2026-10', 'Income')).toEqual(['5', '0', '6']);
		expect(at('2026-10', 'Paperwork')).toEqual(['<5', '0', '<5']);
		expect(at('2026-11', 'Income')).toEqual(['<5', '<5', '<5']);
		// Totals: 6 contacts, 1 question, 4 distinct people + 3 anonymous = 7.
		expect(mine.at(-1)).toEqual([mine[0]![0], 'Rabot', 'Income', 'Noted', '', '', 'all months', 'all themes', '6', '<5', '7']);
		const all = rows.flat().join(' ').toLowerCase();
		for (const name of NAMES) expect(all).not.toContain(name.toLowerCase());
		expect(all).not.toContain('mould');
	});

	it('one signal by id; another neighbourhood’s or organisation’s id is a 404 as an unknown one', async () => {
		const one = parseCsv(utf8((await exportSignals(asB, { format: 'csv', id: signalB.id, locale: 'nl' })).body));
		expect(one.slice(1).every((r) => r[0] === 'Mould in the Muide flats')).toBe(true);
		expect(await refusal(exportSignals(asA, { format: 'csv', id: signalB.id }))).toBe(404);
		expect(await refusal(exportSignals(ctxFor(db, outsider.actor), { format: 'docx', id: signalA.id }))).toBe(404);
		expect(await refusal(exportSignals(asA, { format: 'csv', id: '00000000-0000-4000-8000-000000000000' }))).toBe(404);
		const outsiderFile = docxText((await exportSignals(ctxFor(db, outsider.actor), { format: 'docx', locale: 'en' })).body);
		expect(outsiderFile).toContain('No signals for this filter.');
	});

	it('refuses residents and volunteers (403); a bad format is a 422 with a message, and writes no audit row', async () => {
		expect(await refusal(exportSignals(ctxFor(db, resident.actor), { format: 'csv' }))).toBe(403);
		expect(await refusal(exportSignals(ctxFor(db, volunteer.actor), { format: 'docx' }))).toBe(403);
		const before = await exportAudits(workerA.actor.userId!);
		const bad = await download(workerA.actor, 'csv', '?theme=weather');
		expect(bad.res.status).toBe(422);
		expect(JSON.parse(utf8(bad.bytes)).errors.theme).toBe('Kies een van de mogelijkheden.');
		expect(await refusal(exportSignals(asA, { format: 'pdf' as 'csv' }))).toBe(422);
		expect(await exportAudits(workerA.actor.userId!)).toBe(before);
	});

	it('tells whom a signal was escalated to, when, and the answer, in the reader’s language', async () => {
		await updateSignal(asB, { id: signalB.id, status: 'substantiated' });
		await updateSignal(asB, { id: signalB.id, status: 'escalated', escalatedTo: 'Schepen van Wonen', escalatedOn: '2026-11-20' });
		await updateSignal(asB, { id: signalB.id, status: 'answered', answer: 'Housing company inspects the flats in January' });
		const nl = docxText((await exportSignals(asB, { format: 'docx', id: signalB.id, locale: 'nl' })).body);
		expect(nl).toContain('Aangekaart bij Schepen van Wonen op 20 november 2026.');
		expect(nl).toContain('Antwoord: Housing company inspects the flats in January');
		expect(nl).toContain('Status: Beantwoord');
		expect(nl).toContain('“Mould in every room”');
		const fr = docxText((await exportSignals(asB, { format: 'docx', id: signalB.id, locale: 'fr' })).body);
		expect(fr).toContain('Porté auprès de Schepen van Wonen le 20 novembre 2026.');
		const csv = parseCsv(utf8((await exportSignals(asB, { format: 'csv', id: signalB.id, locale: 'nl' })).body));
		expect(csv.at(-1)!.slice(3, 6)).toEqual(['Beantwoord', 'Schepen van Wonen', '2026-11-20']);
	});

	it('writes one audit row per export, with its format and count', async () => {
		const before = await exportAudits(workerA.actor.userId!);
		await exportSignals(asA, { format: 'csv' });
		await exportSignals(asA, { format: 'docx', theme: 'income' });
		expect(await exportAudits(workerA.actor.userId!)).toBe(before + 2);
		const rows = await db.select({ details: coreAudit.details }).from(coreAudit).where(eq(coreAudit.actorUserId, workerA.actor.userId!));
		expect(rows.map((r) => r.details)).toContainEqual({ part: 'export', format: 'docx', count: 1 });
	});

	it('the page downloads answer attachments that no cache keeps, in the page’s language', async () => {
		const csv = await download(workerA.actor, 'csv', '?status=noted&theme=', 'fr');
		expect(csv.res.status).toBe(200);
		expect(csv.res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(csv.res.headers.get('content-disposition')).toMatch(/^attachment; filename="wijkweb-signals-\d{4}-\d{2}-\d{2}\.csv"$/);
		expect(csv.res.headers.get('cache-control')).toBe('private, no-store');
		expect(utf8(csv.bytes)).toContain('Thème du signal');
		const docx = await download(workerA.actor, 'docx', `?id=${signalB.id}`);
		expect(docx.res.status).toBe(404);
		expect(docx.res.headers.get('content-type')).toContain('application/problem+json');
		const res = await download(resident.actor, 'docx');
		expect(res.res.status).toBe(403);
	});

	it('through the API: 200 with the right type, 403, 404 and 422 as problems', async () => {
		const ok = await apiCall(workerA.actor, { path: '/signals/export?format=csv&theme=income' });
		expect(ok.status).toBe(200);
		expect(ok.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(ok.text).toContain('The welfare office only takes appointments online');
		const docx = await apiCall(workerA.actor, { path: `/signals/export?format=docx&id=${signalA.id}` });
		expect(docx.status).toBe(200);
		expect(docxText(docx.bytes)).toContain('The welfare office only takes appointments online');
		expect((await apiCall(resident.actor, { path: '/signals/export?format=csv' })).status).toBe(403);
		expect((await apiCall(volunteer.actor, { path: '/signals/export?format=csv' })).status).toBe(403);
		expect((await apiCall(workerA.actor, { path: `/signals/export?format=csv&id=${signalB.id}` })).status).toBe(404);
		const pdf = await apiCall(workerA.actor, { path: '/signals/export?format=pdf' });
		expect(pdf.status).toBe(422);
		expect((pdf.body.errors as Record<string, string>).format).toBe('Choose CSV or DOCX.');
		expect((await apiCall(workerA.actor, { path: '/signals/export' })).status).toBe(422);
	});

	it('after erasing a person, the quotes of their contacts are gone and the counts stay the same', async () => {
		const csvBefore = utf8((await exportSignals(asA, { format: 'csv', id: signalA.id })).body);
		await erasePerson(ctxFor(db, admin.actor), { id: karima, reason: 'Asked at the office hour' });
		const csvAfter = utf8((await exportSignals(asA, { format: 'csv', id: signalA.id })).body);
		expect(csvAfter).toEqual(csvBefore);
		const text = docxText((await exportSignals(asA, { format: 'docx', id: signalA.id, locale: 'nl' })).body);
		expect(text).not.toContain('itsme');
		expect(text).toContain('… asked the same; he mailed …');
	});
});
