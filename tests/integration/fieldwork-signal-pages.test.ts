import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import { fieldworkContact, fieldworkSignal, fieldworkSignalEvent, fieldworkSignalEvidence } from '../../src/lib/server/fieldwork/schema.ts';
import { createQuestion, createSignal, linkSignalEvidence } from '../../src/lib/server/fieldwork/index.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import { actions as listActions, load as listLoad } from '../../src/routes/(work)/fieldwork/signals/+page.server.ts';
import { actions as newActions, load as newLoad } from '../../src/routes/(work)/fieldwork/signals/new/+page.server.ts';
import { actions as signalActions, load as signalLoad } from '../../src/routes/(work)/fieldwork/signals/[id]/+page.server.ts';

// The signal pages and createSignal with evidence, on a real PostgreSQL: residents and volunteers get
// a 403, another neighbourhood's or organisation's records a 404 (exactly like an unknown id), bad
// input a 4xx with the Dutch message and no row changed; a good post redirects (Post/Redirect/Get).

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const [rabot, muide] = [await makeArea(db, 'Rabot'), await makeArea(db, 'Muide')];
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id, areaId: rabot.id });
const muideWorker = await makeActor(db, 'coordinator', { organisationId: org.id, areaId: muide.id });
const stranger = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: rabot.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: rabot.id });
const asA = ctxFor(db, coordinator.actor);
const asB = ctxFor(db, muideWorker.actor);

async function contact(organisationId: string, areaId: string) {
	const [c] = await db
		.insert(fieldworkContact)
		.values({ organisationId, areaId, type: 'home_visit', startedAt: new Date('2026-11-10T10:00:00Z'), durationMinutes: 30, themes: ['income'] })
		.returning({ id: fieldworkContact.id });
	return c!.id;
}
const contactA = await contact(org.id, rabot.id);
const contactB = await contact(org.id, muide.id);
const person = await registerPerson(asA, { firstName: 'Yasmina', organisationId: org.id, areaId: rabot.id });
const questionA = await createQuestion(asA, { personId: person.id, title: 'Energiefactuur', theme: 'income' });
const signal = await createSignal(asA, {
	organisationId: org.id,
	areaId: rabot.id,
	theme: 'income',
	title: 'Het OCMW maakt alleen online afspraken',
	description: 'Gezien bij veel huisbezoeken'
});

const rows = async (t: typeof fieldworkSignal | typeof fieldworkSignalEvidence | typeof fieldworkSignalEvent) =>
	(await db.select({ n: count() }).from(t))[0]!.n;
const statusOf = async (id: string) => (await db.select().from(fieldworkSignal).where(eq(fieldworkSignal.id, id)))[0]!;
type Failure = { status: number; data: { errors: Record<string, string>; message: string } };
const get = (path: string, who: { actor: unknown }, params?: Record<string, string>) => {
	const e = formPost(path, who, {}, { params, locale: 'nl' }) as { request: Request };
	return { ...(e as object), request: new Request(e.request.url) } as never;
};
const good = {
	organisationId: org.id,
	areaId: rabot.id,
	theme: 'housing' as const,
	title: 'Geen naschoolse opvang onder 6',
	description: 'Ouders vinden niets'
};

describe('createSignal with evidence', () => {
	it('links its contacts and questions in the same transaction', async () => {
		const s = await createSignal(asA, { ...good, contactIds: [contactA], questionIds: [questionA.id] });
		expect(s.linked).toBe(2);
		expect((await db.select().from(fieldworkSignalEvidence).where(eq(fieldworkSignalEvidence.signalId, s.id))).length).toBe(2);
	});

	it('another neighbourhood’s contact is a 404 and no signal is created; a wrong role a 403', async () => {
		const [signals, evidence, events] = [await rows(fieldworkSignal), await rows(fieldworkSignalEvidence), await rows(fieldworkSignalEvent)];
		await expect(createSignal(asA, { ...good, contactIds: [contactA, contactB] })).rejects.toMatchObject({ status: 404 });
		await expect(createSignal(asA, { ...good, contactIds: ['00000000-0000-4000-8000-000000000000'] })).rejects.toMatchObject({ status: 404 });
		// B's coordinator may note signals in Muide, but not with Rabot's question as evidence.
		await expect(createSignal(asB, { ...good, areaId: muide.id, questionIds: [questionA.id] })).rejects.toMatchObject({ status: 404 });
		await expect(createSignal(ctxFor(db, volunteer.actor), { ...good, contactIds: [contactA] })).rejects.toMatchObject({ status: 403 });
		expect([await rows(fieldworkSignal), await rows(fieldworkSignalEvidence), await rows(fieldworkSignalEvent)]).toEqual([signals, evidence, events]);
	});
});

describe('who sees the pages', () => {
	it('residents and volunteers get a 403 on every page and action', async () => {
		const params = { id: signal.id };
		for (const who of [resident, volunteer]) {
			expect(await outcome(listLoad(get('/fieldwork/signals', who)))).toMatchObject({ status: 403 });
			expect(await outcome(newLoad(get('/fieldwork/signals/new', who)))).toMatchObject({ status: 403 });
			expect(await outcome(signalLoad(get(`/fieldwork/signals/${signal.id}`, who, params)))).toMatchObject({ status: 403 });
			const link = await outcome(listActions.link!(formPost('/fieldwork/signals?/link', who, { id: signal.id, contactIds: contactA })));
			expect(link).toMatchObject({ status: 403 });
			expect(await outcome(newActions.default!(formPost('/fieldwork/signals/new', who, good)))).toMatchObject({ status: 403 });
			const step = await outcome(signalActions.step!(formPost(`/fieldwork/signals/${signal.id}?/step`, who, { status: 'closed' }, { params })));
			expect(step).toMatchObject({ status: 403 });
		}
		expect((await statusOf(signal.id)).status).toBe('noted');
	});

	it('another neighbourhood’s and organisation’s coordinators get a 404 for the signal, the contact and the question', async () => {
		const params = { id: signal.id };
		for (const who of [muideWorker, stranger]) {
			expect(await outcome(signalLoad(get(`/fieldwork/signals/${signal.id}`, who, params)))).toMatchObject({ status: 404 });
			expect(await outcome(listLoad(get(`/fieldwork/signals?contact=${contactA}`, who)))).toMatchObject({ status: 404 });
			expect(await outcome(listLoad(get(`/fieldwork/signals?question=${questionA.id}`, who)))).toMatchObject({ status: 404 });
			expect(await outcome(newLoad(get(`/fieldwork/signals/new?contact=${contactA}`, who)))).toMatchObject({ status: 404 });
			const post = (action: 'step' | 'edit' | 'unlink', fields: Record<string, string>) =>
				outcome(signalActions[action]!(formPost(`/fieldwork/signals/${signal.id}?/${action}`, who, fields, { params, locale: 'nl' })));
			expect(await post('step', { status: 'closed' })).toMatchObject({ status: 404 });
			expect(await post('edit', { title: 'Gekaapt', description: 'x' })).toMatchObject({ status: 404 });
			expect(await post('unlink', { evidenceId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ status: 404 });
			const link = await outcome(listActions.link!(formPost('/fieldwork/signals?/link', who, { id: signal.id, contactIds: contactA })));
			expect(link).toMatchObject({ status: 404 });
		}
		// Muide's signals list shows nothing of Rabot.
		const list = (await listLoad(get('/fieldwork/signals', muideWorker))) as { signals: Array<{ id: string }> };
		expect(list.signals.map((s) => s.id)).not.toContain(signal.id);
		const s = await statusOf(signal.id);
		expect([s.status, s.title]).toEqual(['noted', 'Het OCMW maakt alleen online afspraken']);
	});

	it('the coordinator sees the list, the linking notice, the form’s choices and the signal', async () => {
		const list = (await listLoad(get(`/fieldwork/signals?contact=${contactA}&theme=income`, coordinator))) as {
			signals: Array<{ id: string }>;
			linking: { kind: string; type: string };
			mayManage: boolean;
		};
		expect(list.signals.map((s) => s.id)).toContain(signal.id);
		expect(list.linking).toMatchObject({ kind: 'contact', type: 'home_visit' });
		expect(list.mayManage).toBe(true);
		const form = (await newLoad(get(`/fieldwork/signals/new?question=${questionA.id}`, coordinator))) as {
			areas: Array<{ id: string }>;
			defaultArea: string;
		};
		expect([form.areas.map((a) => a.id), form.defaultArea]).toEqual([[rabot.id], rabot.id]);
		const one = (await signalLoad(get(`/fieldwork/signals/${signal.id}`, coordinator, { id: signal.id }))) as { steps: string[]; areaName: string };
		expect([one.steps, one.areaName]).toEqual([['substantiated', 'closed'], 'Rabot']);
	});
});

describe('the forms', () => {
	it('a new signal without a title re-renders in Dutch with the typed values; nothing written; a good one links its contact', async () => {
		const before = await rows(fieldworkSignal);
		const bad = (await newActions.default!(
			formPost('/fieldwork/signals/new', coordinator, { ...good, title: '', contactIds: contactA }, { locale: 'nl' })
		)) as Failure & { data: { values: Record<string, string> } };
		expect([bad.status, bad.data.errors.title, bad.data.values.description]).toEqual([400, 'Vul dit in.', 'Ouders vinden niets']);
		const away = (await newActions.default!(
			formPost('/fieldwork/signals/new', coordinator, { ...good, contactIds: contactB }, { locale: 'nl' })
		)) as Failure;
		expect(away.status).toBe(404);
		expect(await rows(fieldworkSignal)).toBe(before);
		const ok = (await outcome(newActions.default!(formPost('/fieldwork/signals/new', coordinator, { ...good, contactIds: contactA })))) as {
			status: number;
			location: string;
		};
		expect(ok.status).toBe(303);
		const id = ok.location.split('/').pop()!.split('?')[0]!;
		expect(await rows(fieldworkSignal)).toBe(before + 1);
		expect((await db.select().from(fieldworkSignalEvidence).where(eq(fieldworkSignalEvidence.signalId, id))).map((e) => e.contactId)).toEqual([
			contactA
		]);
	});

	it('linking from the list redirects to the signal; the steps: skipping one, answering without an answer, an empty title → 4xx in Dutch, nothing changed', async () => {
		const s = await createSignal(asA, { ...good, title: 'Wachtlijst sociale huur' });
		const params = { id: s.id };
		const post = (action: 'step' | 'edit' | 'unlink', fields: Record<string, string>) =>
			outcome(signalActions[action]!(formPost(`/fieldwork/signals/${s.id}?/${action}`, coordinator, fields, { params, locale: 'nl' })));
		// Substantiating with no evidence is refused by the machine.
		const early = (await post('step', { status: 'substantiated', escalatedTo: '', answer: '' })) as Failure;
		expect([early.status, early.data.errors.status]).toEqual([422, 'Onderbouw het eerst: koppel contacten of vragen als bewijs.']);
		const skipped = (await post('step', { status: 'escalated', escalatedTo: 'Schepen', escalatedOn: '2026-12-01' })) as Failure;
		expect([skipped.status, skipped.data.errors.status]).toEqual([422, 'Onderbouw het eerst: koppel contacten of vragen als bewijs.']);
		const linked = await outcome(listActions.link!(formPost('/fieldwork/signals?/link', coordinator, { id: s.id, contactIds: contactA })));
		expect(linked).toMatchObject({ status: 303, location: `/fieldwork/signals/${s.id}?linked=1` });
		const events = await rows(fieldworkSignalEvent);
		expect(await post('step', { status: 'substantiated', escalatedTo: '', escalatedOn: '2026-12-01' })).toMatchObject({ status: 303 });
		const noWhom = (await post('step', { status: 'escalated', escalatedTo: '', escalatedOn: '2026-12-01' })) as Failure;
		expect([noWhom.status, noWhom.data.errors.escalatedTo]).toEqual([422, 'Zeg aan wie het signaal is doorgegeven.']);
		expect(await post('step', { status: 'escalated', escalatedTo: 'Schepen van Welzijn', escalatedOn: '2026-12-01' })).toMatchObject({ status: 303 });
		const noAnswer = (await post('step', { status: 'answered', answer: '' })) as Failure;
		expect([noAnswer.status, noAnswer.data.errors.answer]).toEqual([422, 'Schrijf het antwoord dat je kreeg.']);
		expect((await statusOf(s.id)).status).toBe('escalated');
		expect(await rows(fieldworkSignalEvent)).toBe(events + 2);
		const empty = (await post('edit', { title: '', description: 'Nog steeds' })) as Failure;
		expect([empty.status, empty.data.errors.title]).toEqual([400, 'Vul dit in.']);
		expect((await statusOf(s.id)).title).toBe('Wachtlijst sociale huur');
		expect(await post('edit', { title: 'Wachtlijst sociale huur: 8 jaar', description: 'Nog steeds' })).toMatchObject({ status: 303 });
		expect((await statusOf(s.id)).title).toBe('Wachtlijst sociale huur: 8 jaar');
	});

	it('removing evidence: an unknown evidence id is a 404, the real one is removed', async () => {
		const s = await createSignal(asA, { ...good, title: 'Geen bus na 20 uur', contactIds: [contactA] });
		await linkSignalEvidence(asA, { id: s.id, contactIds: [], questionIds: [questionA.id] });
		const params = { id: s.id };
		const [ev] = await db.select().from(fieldworkSignalEvidence).where(eq(fieldworkSignalEvidence.signalId, s.id));
		const confirm = (await signalLoad(get(`/fieldwork/signals/${s.id}?remove=${ev!.id}`, coordinator, params))) as {
			removing: { evidenceId: string } | null;
		};
		expect(confirm.removing?.evidenceId).toBe(ev!.id);
		const unlink = (evidenceId: string) =>
			outcome(signalActions.unlink!(formPost(`/fieldwork/signals/${s.id}?/unlink`, coordinator, { evidenceId }, { params, locale: 'nl' })));
		expect(await unlink('00000000-0000-4000-8000-000000000000')).toMatchObject({ status: 404 });
		expect(await unlink('not-an-id')).toMatchObject({ status: 400 });
		expect((await db.select().from(fieldworkSignalEvidence).where(eq(fieldworkSignalEvidence.signalId, s.id))).length).toBe(2);
		expect(await unlink(ev!.id)).toMatchObject({ status: 303 });
		expect((await db.select().from(fieldworkSignalEvidence).where(eq(fieldworkSignalEvidence.signalId, s.id))).length).toBe(1);
	});
});
