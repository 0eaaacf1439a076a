import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { readRegister } from '../../src/lib/server/privacy/index.ts';
import { peoplePurpose, peoplePurposeText } from '../../src/lib/server/people/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';
import { ForbiddenError, InvalidError, UnauthenticatedError } from '../../src/lib/server/core/errors.ts';
import { readersOf } from '../../src/lib/server/privacy/categories.ts';

// The register through the verb, the page load and both downloads, on two organisations: who sees
// which organisation, what the CSV's rows are, and that the Word file holds every purpose.

const { db } = await freshAppDatabase();
const orgA = await makeOrganisation(db, `Buurthuis Zuid ${Date.now()}`);
const orgB = await makeOrganisation(db, `Stad Noord ${Date.now()}`);
const area = await makeArea(db);
// Every organisation gets the contact and intercultural purposes when it is made (migration 0014's
// trigger); this test sets up its own purposes, so it starts from none.
await db.delete(peoplePurpose).where(inArray(peoplePurpose.organisationId, [orgA.id, orgB.id]));

async function purpose(
	organisationId: string,
	code: (typeof peoplePurpose.$inferInsert)['code'],
	categories: NonNullable<(typeof peoplePurpose.$inferInsert)['categories']>,
	texts: Record<string, string>,
	retentionDays: number | null = 365
) {
	const [p] = await db.insert(peoplePurpose).values({ organisationId, code, categories, retentionDays, version: 2 }).returning();
	await db.insert(peoplePurposeText).values({ purposeId: p!.id, version: 1, texts: { en: 'Old text' } });
	await db.insert(peoplePurposeText).values({ purposeId: p!.id, version: 2, texts });
	return p!;
}
await purpose(orgA.id, 'contact', ['contact', 'identity'], {
	nl: 'We bellen je over je vraag.',
	en: 'We call you about your request.',
	ar: 'نتصل بك بخصوص طلبك.'
});
await purpose(
	orgA.id,
	'intercultural',
	['origin', 'languages', 'identity'],
	{ nl: 'We tellen herkomst mee.', en: 'We count origin in the figures.' },
	null
);
await purpose(orgB.id, 'photos', ['photos'], { nl: 'Foto’s van activiteiten.', en: 'Photos of activities.' });

const admin = await makeActor(db, 'admin', { organisationId: orgA.id });
const coordA = await makeActor(db, 'coordinator', { organisationId: orgA.id });
const coordB = await makeActor(db, 'coordinator', { organisationId: orgB.id });
const areaCoord = await makeActor(db, 'coordinator', { organisationId: orgA.id, areaId: area.id });
const facilitator = await makeActor(db, 'facilitator', { organisationId: orgA.id });

const names = (r: { name: string }[]) => r.map((o) => o.name);
const event = (who: { actor: unknown } | null, path: string, locale = 'en') =>
	({ locals: { actor: who ? who.actor : anonymous, locale }, url: new URL(path, 'http://localhost') }) as never;

/** RFC 4180, as registerCsv writes it (quotes doubled inside quoted cells). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const body = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < body.length; i++) {
		const ch = body[i]!;
		if (quoted && ch === '"' && body[i + 1] === '"') {
			cell += '"';
			i++;
		} else if (ch === '"') {
			quoted = !quoted;
		} else if (!quoted && ch === ',') {
			row.push(cell);
			cell = '';
		} else if (!quoted && ch === '\r' && body[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else {
			cell += ch;
		}
	}
	return rows;
}

describe('the register of processing', () => {
	it('shows an admin every organisation, a coordinator only their own', async () => {
		const all = names(await readRegister(ctxFor(db, admin.actor), { locale: 'en' }));
		expect(all).toContain(orgA.name);
		expect(all).toContain(orgB.name);
		expect(names(await readRegister(ctxFor(db, coordA.actor), { locale: 'en' }))).toEqual([orgA.name]);
		expect(names(await readRegister(ctxFor(db, coordB.actor), { locale: 'en' }))).toEqual([orgB.name]);
	});

	it('refuses a facilitator, a coordinator bound to one neighbourhood, and nobody signed in', async () => {
		await expect(readRegister(ctxFor(db, facilitator.actor), { locale: 'en' })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(readRegister(ctxFor(db, areaCoord.actor), { locale: 'en' })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(readRegister(ctxFor(db, anonymous), { locale: 'en' })).rejects.toBeInstanceOf(UnauthenticatedError);
		const { GET } = await import('../../src/routes/admin/register.csv/+server.ts');
		for (const who of [facilitator, areaCoord]) {
			const res = await GET(event(who, '/admin/register.csv'));
			expect(res.status).toBe(403);
			expect(res.headers.get('content-type')).toContain('application/problem+json');
			expect(await res.text()).not.toContain(orgA.name);
		}
		expect((await GET(event(null, '/admin/register.csv'))).status).toBe(401);
	});

	it('refuses an unknown language with a clear 422 and reads nothing', async () => {
		const before = await db.$count(coreAudit);
		const e = await readRegister(ctxFor(db, admin.actor), { locale: 'xx' as never }).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(InvalidError);
		expect((e as InvalidError).status).toBe(422);
		expect(await db.$count(coreAudit)).toBe(before);
	});

	it('gives each purpose its current text in the page’s language, its basis, categories and retention', async () => {
		const [a] = await readRegister(ctxFor(db, coordA.actor), { locale: 'ar' });
		expect(a!.purposes.map((p) => [p.code, p.text, p.lawfulBasis, p.ownBasis, p.retentionDays])).toEqual([
			['contact', 'نتصل بك بخصوص طلبك.', 'consent', false, 365],
			// No Arabic text: English, the fallback; no retention: shown as the configuration error it is.
			['intercultural', 'We count origin in the figures.', 'consent', false, null]
		]);
		expect(a!.readers.find((r) => r.category === 'household')!.readers).toEqual(readersOf('household'));
	});

	it('downloads a CSV with a header and one row per organisation × purpose × category', async () => {
		const { GET } = await import('../../src/routes/admin/register.csv/+server.ts');
		const res = await GET(event(admin, '/admin/register.csv'));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const rows = parseCsv(await res.text());
		expect(rows[0]).toEqual([
			'Organisation',
			'Lawful basis for personal data',
			'Purpose',
			'Text shown to the person',
			'Lawful basis',
			'Retention (days)',
			'Active',
			'Category of data',
			'Roles that may read it'
		]);
		const ours = rows.slice(1).filter((r) => r[0] === orgA.name || r[0] === orgB.name);
		// 2 + 3 categories for A's purposes, 1 for B's: every row of the file is one of them.
		expect(rows.length - 1).toBe(ours.length);
		expect(ours.map((r) => [r[0], r[2], r[7]])).toEqual([
			[orgA.name, 'Contact', 'Contact details'],
			[orgA.name, 'Contact', 'Identity (name, birth year)'],
			[orgA.name, 'Intercultural figures', 'Origin'],
			[orgA.name, 'Intercultural figures', 'Languages'],
			[orgA.name, 'Intercultural figures', 'Identity (name, birth year)'],
			[orgB.name, 'Photos', 'Photos']
		]);
		expect(ours[2]![5]).toBe('missing');
		expect(ours[0]![8]).toContain('Facilitator');
		expect(ours[5]![8]).toBe('no role');
	});

	it('downloads a Word document that holds every purpose of every organisation', async () => {
		const { GET } = await import('../../src/routes/admin/register.docx/+server.ts');
		const res = await GET(event(admin, '/admin/register.docx', 'nl'));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
		const xml = strFromU8(files['word/document.xml']!);
		for (const text of [
			orgA.name,
			orgB.name,
			'Contact opnemen',
			'Interculturele cijfers',
			'Foto’s',
			'We bellen je over je vraag.',
			'Foto’s van activiteiten.',
			'Verwerkingsregister'
		])
			expect(xml).toContain(text);
		expect(xml).not.toContain('Old text');
	});

	it('renders the page for a coordinator with only their organisation', async () => {
		const { load } = await import('../../src/routes/admin/register/+page.server.ts');
		const data = (await load(event(coordB, '/admin/register'))) as { register: { name: string }[] };
		expect(names(data.register)).toEqual([orgB.name]);
	});
});
