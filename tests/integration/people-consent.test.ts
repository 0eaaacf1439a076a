import { describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import {
	consentGiven,
	createPurpose,
	getPerson,
	listConsents,
	recordConsent,
	registerPerson,
	registerPersonInput,
	updatePurpose,
	withdrawConsent
} from '../../src/lib/server/people/index.ts';
import { peopleConsent, peopleOrganisation, peoplePerson, peoplePurpose } from '../../src/lib/server/people/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { ForbiddenError, InvalidError, NotFoundError } from '../../src/lib/server/core/errors.ts';

// Consent per person × purpose on a real PostgreSQL: who may record and withdraw, what is refused
// (and changes nothing), and that a withdrawal stops what the purpose gated at once.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const [publicBody] = await db.insert(peopleOrganisation).values({ name: 'Stad Gent (test)', kind: 'city', lawfulBasis: 'public_task' }).returning();
const area = await makeArea(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const stranger = await makeActor(db, 'facilitator', { organisationId: otherOrg.id, areaId: area.id });
const strangerCoordinator = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const cityWorker = await makeActor(db, 'outreach', { organisationId: publicBody!.id });
const f = ctxFor(db, facilitator.actor);

const purposeOf = async (organisationId: string, code: 'contact' | 'intercultural') =>
	(
		await db
			.select()
			.from(peoplePurpose)
			.where(and(eq(peoplePurpose.organisationId, organisationId), eq(peoplePurpose.code, code)))
	)[0]!;
const contact = await purposeOf(org.id, 'contact');
const intercultural = await purposeOf(org.id, 'intercultural');
const theirContact = await purposeOf(otherOrg.id, 'contact');

const person = async (over: Record<string, unknown> = {}) =>
	registerPerson(f, registerPersonInput.parse({ firstName: 'Vera', organisationId: org.id, areaId: area.id, ...over }));
const consents = async () => ((await db.select({ n: count() }).from(peopleConsent)) as [{ n: number }])[0].n;
const refusal = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e);
const mayContact = async (id: string) =>
	(
		await db
			.select({ ok: consentGiven('contact', peoplePerson.id) })
			.from(peoplePerson)
			.where(eq(peoplePerson.id, id))
	)[0]!.ok;

describe('recording a consent', () => {
	it('writes a row on the purpose’s current text, with who, how and an audit row', async () => {
		const p = await person();
		const row = await recordConsent(f, { personId: p.id, purposeId: contact.id, method: 'paper' });
		expect(row).toMatchObject({ given: true, method: 'paper', version: 1, personId: p.id });
		const [stored] = await db.select().from(peopleConsent).where(eq(peopleConsent.id, row.id));
		expect(stored).toMatchObject({ recordedByUserId: facilitator.user.id, purposeId: contact.id, given: true });
		const [audit] = await db
			.select()
			.from(coreAudit)
			.where(and(eq(coreAudit.entity, 'people_consent'), eq(coreAudit.entityId, row.id)));
		expect(audit).toMatchObject({ action: 'create', actorUserId: facilitator.user.id });
		expect(await mayContact(p.id)).toBe(true);
	});

	it('refuses a volunteer (403) and another organisation’s worker (404), writing nothing', async () => {
		const p = await person();
		const before = await consents();
		expect(await refusal(recordConsent(ctxFor(db, volunteer.actor), { personId: p.id, purposeId: contact.id, method: 'spoken' }))).toBeInstanceOf(
			ForbiddenError
		);
		expect(await refusal(recordConsent(ctxFor(db, stranger.actor), { personId: p.id, purposeId: contact.id, method: 'spoken' }))).toBeInstanceOf(
			NotFoundError
		);
		// Even with their own organisation's purpose: the person is not theirs.
		expect(await refusal(recordConsent(ctxFor(db, stranger.actor), { personId: p.id, purposeId: theirContact.id, method: 'spoken' }))).toBeInstanceOf(
			NotFoundError
		);
		expect(await consents()).toBe(before);
	});

	it('refuses another organisation’s purpose, an inactive one and one not asked, with a field message, writing nothing', async () => {
		const p = await person();
		const before = await consents();
		const fields = async (purposeId: string) =>
			((await refusal(recordConsent(f, { personId: p.id, purposeId, method: 'spoken' }))) as InvalidError).fields;
		expect(await fields(theirContact.id)).toEqual({ purposeId: 'consent_error_other_organisation' });
		expect(await fields('00000000-0000-4000-8000-000000000000')).toEqual({ purposeId: 'consent_error_other_organisation' });
		const [inactive] = await db
			.insert(peoplePurpose)
			.values({ organisationId: org.id, code: 'photos', retentionDays: 365, active: false })
			.returning();
		expect(await fields(inactive!.id)).toEqual({ purposeId: 'consent_error_inactive' });
		const [legal] = await db
			.insert(peoplePurpose)
			.values({ organisationId: org.id, code: 'origin_statistics', retentionDays: 365, lawfulBasis: 'legal_obligation' })
			.returning();
		expect(await fields(legal!.id)).toEqual({ purposeId: 'consent_error_not_asked' });
		expect(await consents()).toBe(before);
	});

	it('records nothing to ask under a public task: the purpose is listed with its basis, its data may be used', async () => {
		const ctx = ctxFor(db, cityWorker.actor);
		const [own] = await db.insert(peoplePurpose).values({ organisationId: publicBody!.id, code: 'photos', retentionDays: 365 }).returning();
		const p = await registerPerson(ctx, registerPersonInput.parse({ firstName: 'Jo', organisationId: publicBody!.id }));
		expect(((await refusal(recordConsent(ctx, { personId: p.id, purposeId: own!.id, method: 'spoken' }))) as InvalidError).fields).toEqual({
			purposeId: 'consent_error_not_asked'
		});
		const view = await listConsents(ctx, { personId: p.id });
		expect(view.purposes.find((x) => x.id === own!.id)).toMatchObject({ asked: false, basis: 'public_task', state: 'not_asked' });
		// The two purposes that came from mutual aid stay asked, whatever the organisation's basis.
		expect(view.purposes.find((x) => x.code === 'contact')).toMatchObject({ asked: true, state: 'none' });
	});
});

describe('withdrawing a consent', () => {
	it('stops what the purpose gated at once, keeps the history, and cannot be done twice', async () => {
		const p = await person({ consents: ['contact'] });
		expect((await getPerson(f, { id: p.id })).contactConsent).toBe(true);
		const w = await withdrawConsent(f, { personId: p.id, purposeId: contact.id, method: 'spoken' });
		expect(w.stops).toEqual(['contact']);
		expect((await getPerson(f, { id: p.id })).contactConsent).toBe(false);
		expect(await mayContact(p.id)).toBe(false);
		const history = await db.select().from(peopleConsent).where(eq(peopleConsent.personId, p.id));
		expect(history.map((h) => h.given).sort()).toEqual([false, true]);
		const before = await consents();
		expect(((await refusal(withdrawConsent(f, { personId: p.id, purposeId: contact.id, method: 'spoken' }))) as InvalidError).fields).toEqual({
			purposeId: 'consent_error_not_given'
		});
		expect(await consents()).toBe(before);
		// Given again later: the latest row counts.
		await recordConsent(f, { personId: p.id, purposeId: contact.id, method: 'online' });
		expect(await mayContact(p.id)).toBe(true);
	});

	it('drops the origin group at registration without the intercultural consent, and keeps it with it', async () => {
		const without = await person({ originGroup: 'eu' });
		const withIt = await person({ originGroup: 'eu', consents: ['intercultural'] });
		const origin = async (id: string) => (await db.select().from(peoplePerson).where(eq(peoplePerson.id, id)))[0]!.originGroup;
		expect(await origin(without.id)).toBeNull();
		expect(await origin(withIt.id)).toBe('eu');
	});
});

describe('purposes and their texts', () => {
	it('lets the organisation’s coordinator add a purpose, refusing one without a retention period, and not another organisation’s', async () => {
		const base = {
			organisationId: org.id,
			code: 'photos' as const,
			categories: ['photos'],
			text_nl: 'Foto’s?',
			text_fr: 'Photos ?',
			text_en: 'Photos?'
		};
		const [{ n: before }] = (await db.select({ n: count() }).from(peoplePurpose)) as [{ n: number }];
		const noRetention = await refusal(createPurpose(ctxFor(db, coordinator.actor), { ...base, code: 'share_partner', retentionDays: '' } as never));
		expect((noRetention as InvalidError).fields).toMatchObject({ retentionDays: 'consent_error_retention' });
		expect(await refusal(createPurpose(ctxFor(db, strangerCoordinator.actor), { ...base, retentionDays: 90 }))).toBeInstanceOf(NotFoundError);
		expect(await refusal(createPurpose(ctxFor(db, facilitator.actor), { ...base, retentionDays: 90 }))).toBeInstanceOf(ForbiddenError);
		const [{ n: after }] = (await db.select({ n: count() }).from(peoplePurpose)) as [{ n: number }];
		expect(after).toBe(before);
	});

	it('makes a new version when the text changes; a consent keeps the version it was given on', async () => {
		const p = await person({ consents: ['intercultural'] });
		const texts = (
			await db.execute<{ texts: Record<string, string> }>(
				sql`select texts from people_purpose_text where purpose_id = ${intercultural.id} and version = 1`
			)
		).rows[0]!.texts;
		const same = { organisationId: org.id, purposeId: intercultural.id, categories: ['origin', 'languages'], retentionDays: 1095, active: true };
		const kept = await updatePurpose(ctxFor(db, coordinator.actor), {
			...same,
			text_nl: texts.nl!,
			text_fr: texts.fr!,
			text_en: texts.en!,
			text_bg: texts.bg,
			text_tr: texts.tr,
			text_ar: texts.ar
		});
		expect(kept).toMatchObject({ version: 1, textChanged: false });
		const changed = await updatePurpose(ctxFor(db, coordinator.actor), {
			...same,
			text_nl: 'Nieuwe tekst',
			text_fr: 'Nouveau texte',
			text_en: 'New text'
		});
		expect(changed).toMatchObject({ version: 2, textChanged: true });
		const view = await listConsents(f, { personId: p.id });
		const row = view.purposes.find((x) => x.id === intercultural.id)!;
		expect(row.latest).toMatchObject({ version: 1, given: true });
		expect(row.latest!.texts).toEqual(texts);
		expect(row.newerText).toBe(true);
		expect(row.texts.en).toBe('New text');
	});
});

describe('the API', () => {
	it('records (201) and withdraws (200), refusing bad input with a message (422), the wrong role (403) and another organisation (404)', async () => {
		const p = await person();
		const path = `/people/${p.id}/consents`;
		const before = await consents();
		const bad = await apiCall(facilitator.actor, { method: 'POST', path, body: { purposeId: contact.id, method: 'pigeon' } });
		expect(bad.status).toBe(422);
		expect(bad.body.errors).toMatchObject({ method: expect.any(String) });
		const other = await apiCall(facilitator.actor, { method: 'POST', path, body: { purposeId: theirContact.id, method: 'spoken' } });
		expect(other.status).toBe(422);
		expect(other.body.errors).toMatchObject({ purposeId: expect.any(String) });
		expect((await apiCall(volunteer.actor, { method: 'POST', path, body: { purposeId: contact.id, method: 'spoken' } })).status).toBe(403);
		expect((await apiCall(stranger.actor, { method: 'POST', path, body: { purposeId: contact.id, method: 'spoken' } })).status).toBe(404);
		expect((await apiCall(stranger.actor, { method: 'POST', path: `${path}/${contact.id}/withdraw`, body: {} })).status).toBe(404);
		expect(await consents()).toBe(before);

		const made = await apiCall(facilitator.actor, { method: 'POST', path, body: { purposeId: contact.id, method: 'spoken' } });
		expect(made.status).toBe(201);
		expect(made.body).toMatchObject({ given: true, purposeId: contact.id, version: 1 });
		const withdrawn = await apiCall(facilitator.actor, { method: 'POST', path: `${path}/${contact.id}/withdraw`, body: { method: 'paper' } });
		expect(withdrawn.status).toBe(200);
		expect(withdrawn.body).toMatchObject({ given: false, method: 'paper', stops: ['contact'] });
	});

	it('takes the consents of a new person as a list of purposes, and refuses a foreign one without registering anyone', async () => {
		const [{ n: people }] = (await db.select({ n: count() }).from(peoplePerson)) as [{ n: number }];
		const refused = await apiCall(facilitator.actor, {
			method: 'POST',
			path: '/people',
			body: { firstName: 'Ana', organisationId: org.id, areaId: area.id, consents: [{ purposeId: theirContact.id, method: 'paper' }] }
		});
		expect(refused.status).toBe(422);
		expect(refused.body.errors).toMatchObject({ consents: expect.any(String) });
		expect(((await db.select({ n: count() }).from(peoplePerson)) as [{ n: number }])[0].n).toBe(people);
		const made = await apiCall(facilitator.actor, {
			method: 'POST',
			path: '/people',
			body: {
				firstName: 'Ana',
				organisationId: org.id,
				areaId: area.id,
				consents: [{ code: 'contact', method: 'paper' }, { purposeId: intercultural.id }]
			}
		});
		expect(made.status).toBe(201);
		const rows = await db
			.select()
			.from(peopleConsent)
			.where(eq(peopleConsent.personId, made.body.id as string));
		expect(rows.map((r) => [r.purposeId, r.method]).sort()).toEqual(
			[
				[contact.id, 'paper'],
				[intercultural.id, 'spoken']
			].sort()
		);
	});
});
