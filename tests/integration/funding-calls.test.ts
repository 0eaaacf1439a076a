import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeOrganisation } from '../factories/index.ts';
import { anonymous } from '../../src/lib/server/core/index.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { fundingCall, fundingFile } from '../../src/lib/server/funding/schema.ts';
import {
	closeCall,
	createCall,
	createProgramme,
	downloadCallDocument,
	getCall,
	listCalls,
	listProgrammes,
	publishCall,
	removeCallDocument,
	updateCall,
	uploadCallDocument
} from '../../src/lib/server/funding/index.ts';
import { movePhase } from '../../src/lib/funding/phases.ts';

// Programmes and calls on a real PostgreSQL: the wall between funders, drafts hidden from the public,
// bad rules refused with nothing changed, a stale save told, and documents checked by their bytes.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const officer = await makeActor(db, 'officer', { organisationId: org.id });
const stranger = await makeActor(db, 'officer', { organisationId: otherOrg.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id });
const o = ctxFor(db, officer.actor);
const nobody = ctxFor(db, anonymous);

const refused = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		return e as { status: number; key: string; fields?: Record<string, string> };
	}
	throw new Error('not refused');
};
const callRow = async (id: string) => (await db.select().from(fundingCall).where(eq(fundingCall.id, id)))[0]!;
const audits = async () => ((await db.select({ n: count() }).from(coreAudit)) as [{ n: number }])[0].n;

const PDF = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...new Uint8Array(200).fill(32)]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Uint8Array(200)]);

const { id: programmeId } = await createProgramme(o, { organisationId: org.id, name: 'Buurtbudget Gent' });
const { id: callId, version } = await createCall(o, { programmeId, template: 'improvement_contract', locale: 'nl' });

describe('programmes', () => {
	it('are made by the officer of the organisation and refused to other roles and other funders', async () => {
		expect((await refused(createProgramme(ctxFor(db, coordinator.actor), { organisationId: org.id, name: 'X' }))).status).toBe(403);
		expect((await refused(createProgramme(ctxFor(db, resident.actor), { organisationId: org.id, name: 'X' }))).status).toBe(403);
		expect((await refused(createProgramme(ctxFor(db, stranger.actor), { organisationId: org.id, name: 'X' }))).status).toBe(403);
		expect((await refused(createProgramme(nobody, { organisationId: org.id, name: 'X' }))).status).toBe(401);
		expect((await refused(createProgramme(o, { organisationId: org.id, name: '  ' }))).fields).toEqual({ name: 'error_required' });
		const mine = await listProgrammes(o);
		expect(mine.map((p) => p.name)).toEqual(['Buurtbudget Gent']);
		expect(mine[0]!.calls.map((c) => c.id)).toEqual([callId]);
		expect(await listProgrammes(ctxFor(db, stranger.actor))).toEqual([]);
	});
});

describe('calls', () => {
	it('are made from a template as drafts that only their officers see', async () => {
		const row = await callRow(callId);
		expect(row).toMatchObject({ status: 'draft', template: 'improvement_contract', organisationId: org.id, version: 1 });
		expect(row.rules.maxGrantCents).toBe(80_000_000);
		expect((await getCall(o, { id: callId })).manageable).toBe(true);
		// A draft is unknown to the public, to a resident and to another funder's officer.
		for (const ctx of [nobody, ctxFor(db, resident.actor), ctxFor(db, stranger.actor)])
			expect((await refused(getCall(ctx, { id: callId }))).status).toBe(404);
		expect((await listCalls(nobody)).map((c) => c.id)).not.toContain(callId);
		expect((await listCalls(o, { mine: true })).map((c) => c.id)).toContain(callId);
		expect((await listCalls(ctxFor(db, stranger.actor), { mine: true })).map((c) => c.id)).not.toContain(callId);
	});

	it('a blank call needs a title, and another funder cannot add calls to the programme (404)', async () => {
		expect((await refused(createCall(o, { programmeId, template: 'blank' }))).fields).toEqual({ title: 'error_required' });
		expect((await refused(createCall(ctxFor(db, stranger.actor), { programmeId, template: 'participatory' }))).status).toBe(404);
		expect((await refused(createCall(ctxFor(db, resident.actor), { programmeId, template: 'participatory' }))).status).toBe(403);
		const blank = await createCall(o, { programmeId, template: '', title: 'Open oproep' });
		expect((await callRow(blank.id)).rules.sections).toEqual([]);
		// A blank call has no sections nor criteria: it cannot be published yet.
		const e = await refused(publishCall(o, { id: blank.id }));
		expect(e.status).toBe(422);
		expect(e.fields).toMatchObject({ sections: 'fund_call_error_no_sections', criteria: 'fund_call_error_no_criteria' });
		expect((await callRow(blank.id)).status).toBe('draft');
	});

	it('saves rules whole: a moved phase and a new co-financing share, with the version it read', async () => {
		const call = await getCall(o, { id: callId });
		const moved = movePhase(call.rules.phases, { index: 0, edge: 'end', day: '2099-01-10' }).phases;
		const rules = { ...call.rules, phases: moved, minCofinancingBp: 2500 };
		const out = await updateCall(o, { id: callId, version, title: call.title, summary: call.summary, rules });
		expect(out.version).toBe(2);
		const row = await callRow(callId);
		expect(row.rules.minCofinancingBp).toBe(2500);
		expect(row.rules.phases[1]!.startsOn).toBe('2099-01-11');
	});

	it('refuses a stale save (409) and keeps what the other save wrote', async () => {
		const before = await callRow(callId);
		const e = await refused(updateCall(o, { id: callId, version: 1, title: 'Stale', summary: '', rules: before.rules }));
		expect(e.status).toBe(409);
		expect(await callRow(callId)).toEqual(before);
	});

	it('refuses inconsistent rules with 422 naming the field, and changes nothing', async () => {
		const before = await callRow(callId);
		const auditsBefore = await audits();
		const r = before.rules;
		const save = (rules: unknown) => refused(updateCall(o, { id: callId, version: before.version, title: before.title, rules } as never));
		const cases: [unknown, Record<string, string>][] = [
			[{ ...r, closesAt: r.opensAt }, { closesAt: 'fund_call_error_window' }],
			[{ ...r, phases: [r.phases[0], { ...r.phases[1]!, startsOn: '2099-06-01' }, r.phases[2]] }, { phases: 'fund_call_error_phases' }],
			[{ ...r, sections: [r.sections[0], r.sections[0]] }, { sections: 'fund_call_error_keys' }],
			[{ ...r, scaleMin: 5, scaleMax: 5 }, { scaleMax: 'fund_call_error_scale' }]
		];
		for (const [rules, fields] of cases) {
			const e = await save(rules);
			expect(e.status).toBe(422);
			expect(e.fields).toEqual(fields);
		}
		// Shape errors: a share over 100 %, a negative amount, an unknown category, a weight of 0, no categories.
		for (const rules of [
			{ ...r, minCofinancingBp: 10_001 },
			{ ...r, maxGrantCents: -1 },
			{ ...r, maxGrantCents: 12.5 },
			{ ...r, categories: ['champagne'] },
			{ ...r, categories: [] },
			{ ...r, criteria: [{ ...r.criteria[0]!, weight: 0 }] },
			{ ...r, sections: [{ ...r.sections[0]!, maxWords: -1 }] }
		])
			expect((await save(rules)).status).toBe(422);
		expect(await callRow(callId)).toEqual(before);
		expect(await audits()).toBe(auditsBefore);
	});

	it('is changed only by its own officers: another funder 404, a coordinator or resident 403 or 404', async () => {
		const row = await callRow(callId);
		const input = { id: callId, version: row.version, title: 'Hijack', summary: '', rules: row.rules };
		expect((await refused(updateCall(ctxFor(db, stranger.actor), input))).status).toBe(404);
		expect((await refused(updateCall(ctxFor(db, resident.actor), input))).status).toBe(403);
		expect((await refused(publishCall(ctxFor(db, stranger.actor), { id: callId }))).status).toBe(404);
		expect((await refused(closeCall(ctxFor(db, coordinator.actor), { id: callId }))).status).toBe(403);
		expect((await callRow(callId)).title).not.toBe('Hijack');
	});

	it('is published, then public; closed, then public as closed and no longer editable', async () => {
		await publishCall(o, { id: callId });
		expect((await refused(publishCall(o, { id: callId }))).status).toBe(409);
		const seen = await getCall(nobody, { id: callId });
		expect(seen).toMatchObject({ status: 'published', manageable: false });
		const list = await listCalls(nobody);
		expect(list.find((c) => c.id === callId)).toMatchObject({ open: true, status: 'published' });
		await closeCall(o, { id: callId });
		expect((await getCall(nobody, { id: callId })).status).toBe('closed');
		expect((await listCalls(nobody)).find((c) => c.id === callId)!.open).toBe(false);
		const row = await callRow(callId);
		expect((await refused(updateCall(o, { id: callId, version: row.version, title: 'Later', summary: '', rules: row.rules }))).status).toBe(409);
		expect((await refused(closeCall(o, { id: callId }))).status).toBe(409);
	});
});

describe('call documents', () => {
	it('keeps a PDF recognised by its bytes; anyone downloads it from a public call', async () => {
		const doc = await uploadCallDocument(o, { callId, name: 'oproep.pdf', content: PDF });
		expect(doc).toMatchObject({ mediaType: 'application/pdf', size: PDF.byteLength });
		expect((await getCall(nobody, { id: callId })).documents.map((d) => d.name)).toEqual(['oproep.pdf']);
		const file = await downloadCallDocument(nobody, { callId, id: doc.id });
		expect(file.mediaType).toBe('application/pdf');
		expect(Buffer.from(file.content).equals(Buffer.from(PDF))).toBe(true);
	});

	it('refuses 20 MB, an executable renamed .pdf and an empty file, and stores nothing', async () => {
		const files = async () => ((await db.select({ n: count() }).from(fundingFile)) as [{ n: number }])[0].n;
		const before = await files();
		const big = new Uint8Array(20 * 1024 * 1024);
		big.set(PDF);
		expect((await refused(uploadCallDocument(o, { callId, name: 'groot.pdf', content: big }))).fields).toEqual({ file: 'fund_call_error_file_size' });
		expect((await refused(uploadCallDocument(o, { callId, name: 'oproep.pdf', content: EXE }))).fields).toEqual({
			file: 'fund_call_error_file_type'
		});
		expect((await refused(uploadCallDocument(o, { callId, name: 'leeg.pdf', content: new Uint8Array() }))).fields).toEqual({
			file: 'fund_call_error_file_empty'
		});
		expect((await refused(uploadCallDocument(ctxFor(db, stranger.actor), { callId, name: 'x.pdf', content: PDF }))).status).toBe(404);
		expect((await refused(uploadCallDocument(ctxFor(db, resident.actor), { callId, name: 'x.pdf', content: PDF }))).status).toBe(403);
		expect(await files()).toBe(before);
	});

	it('a draft call’s document is hidden from the public; removal is for its officers', async () => {
		const draft = await createCall(o, { programmeId, template: 'participatory' });
		const doc = await uploadCallDocument(o, { callId: draft.id, name: 'regels.pdf', content: PDF });
		expect((await refused(downloadCallDocument(nobody, { callId: draft.id, id: doc.id }))).status).toBe(404);
		// The document of one call is not reached through another call's address.
		expect((await refused(downloadCallDocument(nobody, { callId, id: doc.id }))).status).toBe(404);
		expect((await refused(removeCallDocument(ctxFor(db, stranger.actor), { callId: draft.id, id: doc.id }))).status).toBe(404);
		await removeCallDocument(o, { callId: draft.id, id: doc.id });
		expect((await getCall(o, { id: draft.id })).documents).toEqual([]);
	});
});
