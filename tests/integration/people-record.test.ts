import { describe, expect, it } from 'vitest';
import { count, desc, eq, sql } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import {
	getPerson,
	listPeople,
	mergePeople,
	registerPerson,
	registerPersonInput,
	searchPeople,
	similarPeople,
	updatePerson
} from '../../src/lib/server/people/index.ts';
import { peopleConsent, peopleHousehold, peopleHouseholdMember, peoplePerson, peoplePurpose } from '../../src/lib/server/people/schema.ts';
import { networkAssignment, networkRelationship } from '../../src/lib/server/network/schema.ts';
import { countReferences } from '../../src/lib/server/people/references.ts';
import { createNeed, createNeedInput, createOffer, createOfferInput, proposeLink } from '../../src/lib/server/aid/index.ts';
import { todayInBelgium } from '../../src/lib/server/core/time.ts';

// The person record (issue 13, part A): birth year, channel and a country gated by a purpose;
// corrections (art. 16) audited by field name; search that ignores accents; look-alikes; merge.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const otherArea = await makeArea(db, 'Muide');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const outreach = await makeActor(db, 'outreach', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const stranger = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const admin = await makeActor(db, 'admin', { organisationId: org.id });
const f = ctxFor(db, facilitator.actor);
const register = (input: Record<string, unknown>, ctx = f) =>
	registerPerson(ctx, registerPersonInput.parse({ organisationId: org.id, areaId: area.id, ...input }));
const rows = async () => ((await db.select({ n: count() }).from(peoplePerson)) as [{ n: number }])[0].n;
const audits = async () => ((await db.select({ n: count() }).from(coreAudit)) as [{ n: number }])[0].n;
const thisYear = Number(todayInBelgium().slice(0, 4));

describe('registering a person (createPerson extended)', () => {
	it('keeps birth year and preferred channel', async () => {
		const p = await register({ firstName: 'Hatice', birthYear: '1971', preferredChannel: 'sms' });
		expect(p).toMatchObject({ birthYear: 1971, preferredChannel: 'sms', countryOfOrigin: null });
	});

	it('refuses a birth year in the future or before 1900 as a field error, and writes nothing', async () => {
		const before = await rows();
		const res = await apiCall(facilitator.actor, {
			method: 'POST',
			path: '/people',
			body: { firstName: 'Future', organisationId: org.id, areaId: area.id, birthYear: thisYear + 1 }
		});
		expect(res.status).toBe(422);
		expect(res.body.errors).toEqual({ birthYear: 'The year of birth cannot be later than this year.' });
		await expect(registerPerson(f, { firstName: 'Old', organisationId: org.id, areaId: area.id, birthYear: 1899 })).rejects.toMatchObject({
			fields: { birthYear: 'people_error_birth_year' }
		});
		expect(await rows()).toBe(before);
	});

	it('refuses a country of origin while the organisation has no origin purpose', async () => {
		const before = await rows();
		await expect(register({ firstName: 'Youssef', countryOfOrigin: 'MA' })).rejects.toMatchObject({
			status: 422,
			fields: { countryOfOrigin: 'people_error_origin_not_allowed' }
		});
		expect(await rows()).toBe(before);
	});
});

describe('the country of origin, gated by a purpose (originAllowed)', async () => {
	const publicOrg = await makeOrganisation(db);
	// Every new organisation gets contact and intercultural (migration 0014's trigger); these two start from none.
	await db.delete(peoplePurpose).where(eq(peoplePurpose.organisationId, publicOrg.id));
	await db.insert(peoplePurpose).values({ organisationId: publicOrg.id, code: 'origin_statistics', lawfulBasis: 'public_task', retentionDays: 365 });
	const consentOrg = await makeOrganisation(db);
	await db.delete(peoplePurpose).where(eq(peoplePurpose.organisationId, consentOrg.id));
	const [purpose] = await db.insert(peoplePurpose).values({ organisationId: consentOrg.id, code: 'intercultural', retentionDays: 365 }).returning();
	const worker = await makeActor(db, 'coordinator', { organisationId: consentOrg.id });
	const w = ctxFor(db, worker.actor);

	it('keeps the country under a purpose that needs no consent, and derives the broad group from it', async () => {
		const p = await registerPerson(
			ctxFor(db, admin.actor),
			registerPersonInput.parse({ firstName: 'Ivan', organisationId: publicOrg.id, countryOfOrigin: 'bg' })
		);
		expect(p).toMatchObject({ countryOfOrigin: 'BG', originGroup: 'eu' });
	});

	it('under consent: refused until the person said yes, kept after, refused again after a withdrawal', async () => {
		const p = await registerPerson(w, registerPersonInput.parse({ firstName: 'Amina', organisationId: consentOrg.id }));
		await expect(
			registerPerson(w, registerPersonInput.parse({ firstName: 'Omar', organisationId: consentOrg.id, countryOfOrigin: 'SY' }))
		).rejects.toMatchObject({
			fields: { countryOfOrigin: 'people_error_origin_not_allowed' }
		});
		const consent = (given: boolean, at: string) =>
			db.insert(peopleConsent).values({ personId: p.id, purposeId: purpose!.id, version: 1, given, method: 'spoken', recordedAt: new Date(at) });
		await consent(true, '2026-01-01T10:00:00Z');
		const { person } = await updatePerson(w, { id: p.id, countryOfOrigin: 'SY' });
		expect(person).toMatchObject({ countryOfOrigin: 'SY', originGroup: 'outside_eu' });
		await consent(false, '2026-02-01T10:00:00Z');
		await expect(updatePerson(w, { id: p.id, countryOfOrigin: 'TR' })).rejects.toMatchObject({
			fields: { countryOfOrigin: 'people_error_origin_not_allowed' }
		});
	});
});

describe('correcting a record (updatePerson, art. 16)', async () => {
	const p = await register({ firstName: 'Jan', lastName: 'Peters', phone: '+32 470 00 00 01' });

	it('changes the fields given and audits their names, never their values', async () => {
		const res = await apiCall(outreach.actor, {
			method: 'PATCH',
			path: `/people/${p.id}`,
			body: { lastName: 'Peeters', phone: null, birthYear: 1958, firstName: 'Jan' }
		});
		expect(res.status, res.text).toBe(200);
		expect(res.body).toMatchObject({ lastName: 'Peeters', phone: null, birthYear: 1958, mergedIntoId: null });
		const [row] = await db.select().from(coreAudit).where(eq(coreAudit.entityId, p.id)).orderBy(desc(coreAudit.at)).limit(1);
		expect(row).toMatchObject({ action: 'update', entity: 'people_person' });
		expect((row!.details as { fields: string[] }).fields.sort()).toEqual(['birthYear', 'lastName', 'phone']);
		expect(JSON.stringify(row!.details)).not.toMatch(/Peeters|1958|470/);
	});

	it('refuses a wrong role (403), another organisation (404) and bad input (422), changing nothing', async () => {
		const before = await db.select().from(peoplePerson).where(eq(peoplePerson.id, p.id));
		const auditBefore = await audits();
		const patch = (actor: typeof volunteer.actor, body: unknown) => apiCall(actor, { method: 'PATCH', path: `/people/${p.id}`, body });
		expect((await patch(volunteer.actor, { lastName: 'X' })).status).toBe(403);
		expect((await patch(stranger.actor, { lastName: 'X' })).status).toBe(404);
		const future = await patch(facilitator.actor, { birthYear: thisYear + 5 });
		expect(future.status).toBe(422);
		expect(future.body.errors).toEqual({ birthYear: 'The year of birth cannot be later than this year.' });
		const bad = await patch(facilitator.actor, { email: 'not-an-address', preferredChannel: 'pigeon' });
		expect(bad.status).toBe(422);
		expect(Object.keys(bad.body.errors as object).sort()).toEqual(['email', 'preferredChannel']);
		// A neighbourhood outside the facilitator's own is a field error: the person would leave their reach.
		const moved = await patch(facilitator.actor, { areaId: otherArea.id });
		expect(moved.status).toBe(422);
		expect(moved.body.errors).toHaveProperty('areaId');
		expect(await db.select().from(peoplePerson).where(eq(peoplePerson.id, p.id))).toEqual(before);
		expect(await audits()).toBe(auditBefore);
	});
});

describe('searching by name (searchPeople)', async () => {
	await register({ firstName: 'Céline', lastName: 'Dupont' });
	await register({ firstName: 'Celina', lastName: 'Marchal' });
	await register({ firstName: 'Marcel', lastName: 'Lindemans' });
	await registerPerson(
		ctxFor(db, stranger.actor),
		registerPersonInput.parse({ firstName: 'Céline', lastName: 'Autre', organisationId: otherOrg.id })
	);
	const names = async (q: string, actor = facilitator.actor) =>
		((await apiCall(actor, { path: `/people/search?q=${encodeURIComponent(q)}` })).body.items as { firstName: string; lastName: string }[]).map(
			(p) => `${p.firstName} ${p.lastName}`
		);

	it('ignores accents and case: "Celine" finds "Céline", best match first', async () => {
		const found = await names('Celine');
		expect(found[0]).toBe('Céline Dupont');
		expect(await names('CÉLINE')).toContain('Céline Dupont');
	});

	it('finds the full name: "celine dupont" finds "Céline Dupont" first', async () => {
		expect((await names('celine dupont'))[0]).toBe('Céline Dupont');
		expect(await names('dupont')).toEqual(['Céline Dupont']);
	});

	it('never finds another organisation’s Céline', async () => {
		expect(await names('celine')).not.toContain('Céline Autre');
		expect(await names('celine', stranger.actor)).toEqual(['Céline Autre']);
	});

	it('refuses the wrong role and a query over 200 characters', async () => {
		expect((await apiCall(volunteer.actor, { path: '/people/search?q=celine' })).status).toBe(403);
		const long = await apiCall(facilitator.actor, { path: `/people/search?q=${'a'.repeat(201)}` });
		expect(long.status).toBe(422);
		expect(long.body.errors).toEqual({ q: 'This is too long.' });
	});

	it('gives at most 20, and never a merged or erased record', async () => {
		for (let i = 0; i < 25; i++) await register({ firstName: 'Zeynep', lastName: `Kaya ${i}` });
		expect(await searchPeople(f, { q: 'zeynep' })).toHaveLength(20);
		const gone = await register({ firstName: 'Quentin', lastName: 'Gone' });
		const kept = await register({ firstName: 'Quentin', lastName: 'Kept' });
		await mergePeople(f, { id: gone.id, into: kept.id });
		const erased = await register({ firstName: 'Quentin', lastName: 'Erased' });
		await db.update(peoplePerson).set({ erasedAt: new Date() }).where(eq(peoplePerson.id, erased.id));
		expect((await searchPeople(f, { q: 'quentin' })).map((p) => p.id)).toEqual([kept.id]);
	});
});

describe('look-alikes before registering (similarPeople)', async () => {
	await register({ firstName: 'Mohamed', lastName: 'El Amrani', birthYear: '1985' });

	it('finds a similar name in the same neighbourhood born a year apart, with the reasons', async () => {
		const found = await similarPeople(f, { firstName: 'Mohammed', lastName: 'el amrani', organisationId: org.id, areaId: area.id, birthYear: 1986 });
		expect(found).toHaveLength(1);
		expect(found[0]!.reasons).toEqual(['similar_name', 'same_area', 'near_birth_year']);
	});

	it('does not offer someone of another organisation, or with another name', async () => {
		expect(await similarPeople(f, { firstName: 'Mohamed', lastName: 'El Amrani', organisationId: otherOrg.id, areaId: area.id })).toEqual([]);
		expect(await similarPeople(f, { firstName: 'Lotte', lastName: 'Janssens', organisationId: org.id, areaId: area.id })).toEqual([]);
	});
});

describe('merging two records (mergePeople)', async () => {
	const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
	const c = ctxFor(db, coordinator.actor);
	const helper = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
	const worker = await makeActor(db, 'outreach', { organisationId: org.id, areaId: area.id });

	/** A person with a need, an offer, a link, a household, two ties, a consent and an assignment. */
	async function rich(firstName: string) {
		const p = await register({ firstName, lastName: 'Yilmaz', birthYear: '1990' });
		const need = await createNeed(f, createNeedInput.parse({ personId: p.id, category: 'errands', title: 'Shopping', areaId: area.id }));
		await createOffer(f, createOfferInput.parse({ personId: p.id, category: 'company', title: 'A walk', areaId: area.id, capacity: 1 }));
		const offer = await createOffer(
			ctxFor(db, helper.actor),
			createOfferInput.parse({ personId: helper.person.id, category: 'errands', title: 'Errands', areaId: area.id, capacity: 5 })
		);
		await proposeLink(f, { needId: need.id, offerId: offer.id });
		const [household] = await db
			.insert(peopleHousehold)
			.values({ organisationId: org.id, areaId: area.id, name: `${firstName}’s` })
			.returning();
		await db.insert(peopleHouseholdMember).values({ householdId: household!.id, personId: p.id, role: 'adult' });
		const other = await register({ firstName: `${firstName}'s neighbour` });
		for (const type of ['knows', 'neighbour'] as const)
			await db.insert(networkRelationship).values({
				organisationId: org.id,
				areaId: area.id,
				type,
				fromKind: 'person',
				fromPersonId: p.id,
				toKind: 'person',
				toPersonId: other.id
			});
		const [purpose] = await db
			.insert(peoplePurpose)
			.values({ organisationId: org.id, code: 'contact', retentionDays: 365 })
			.onConflictDoUpdate({ target: [peoplePurpose.organisationId, peoplePurpose.code, peoplePurpose.partnerId], set: { version: 1 } })
			.returning();
		await db.insert(peopleConsent).values({ personId: p.id, purposeId: purpose!.id, version: 1, given: true, method: 'paper' });
		await db.insert(networkAssignment).values({ organisationId: org.id, areaId: area.id, personId: p.id, workerPersonId: worker.person.id });
		return p;
	}

	it('moves every referencing row to the kept record (counted from the catalog), and the merged one keeps only a pointer', async () => {
		const merged = await rich('Elif');
		const kept = await register({ firstName: 'Elif', lastName: 'Yılmaz', phone: '+32 470 12 34 56' });
		const before = await countReferences(db, [merged.id, kept.id]);
		const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
		expect(Object.keys(before[merged.id]!).sort()).toEqual(
			expect.arrayContaining([
				'aid_need.person_id',
				'aid_offer.person_id',
				'network_relationship.from_person_id',
				'people_household_member.person_id',
				'people_consent.person_id',
				'network_assignment.person_id'
			])
		);
		const out = await mergePeople(c, { id: merged.id, into: kept.id });
		const after = await countReferences(db, [merged.id, kept.id]);
		expect(after[merged.id]).toEqual({});
		// Nothing lost: every row is now the kept record's, table by table.
		for (const key of new Set([...Object.keys(before[merged.id]!), ...Object.keys(before[kept.id]!)]))
			expect(after[kept.id]![key] ?? 0, key).toBe((before[merged.id]![key] ?? 0) + (before[kept.id]![key] ?? 0));
		// …and one more: the merged record's own pointer to the kept one.
		expect(after[kept.id]!['people_person.merged_into_id']).toBe(1);
		expect(total(after[kept.id]!)).toBe(total(before[merged.id]!) + total(before[kept.id]!) + 1);
		expect(out.moved).toEqual(before[merged.id]);

		const [gone] = await db.select().from(peoplePerson).where(eq(peoplePerson.id, merged.id));
		expect(gone).toMatchObject({ mergedIntoId: kept.id, firstName: '', lastName: null, birthYear: null, phone: null, organisationId: org.id });
		const [now] = await db.select().from(peoplePerson).where(eq(peoplePerson.id, kept.id));
		// The kept record's own values stay; the merged one's fill what it lacked.
		expect(now).toMatchObject({ lastName: 'Yılmaz', phone: '+32 470 12 34 56', birthYear: 1990 });

		// The merged id answers with the kept one; the consultation log covers both ids.
		expect((await getPerson(f, { id: merged.id })).mergedIntoId).toBe(kept.id);
		const pointing = await db.select({ id: peoplePerson.id }).from(peoplePerson).where(eq(peoplePerson.mergedIntoId, kept.id));
		expect(pointing.map((r) => r.id)).toEqual([merged.id]);
		const [log] = await db
			.select()
			.from(coreAudit)
			.where(sql`${coreAudit.details} -> 'merge' ->> 'mergedId' = ${merged.id}`);
		expect(log).toMatchObject({ entityId: kept.id, action: 'update' });
	});

	it('ends the merged record’s current household when the kept one has one, and says so', async () => {
		const merged = await rich('Emre');
		const kept = await rich('Emre');
		const out = await mergePeople(c, { id: merged.id, into: kept.id, fromMerged: ['firstName'] });
		expect(out.resolved).toMatchObject({ 'people_household_member.ended': 1 });
		const current = await db
			.select()
			.from(peopleHouseholdMember)
			.where(sql`${peopleHouseholdMember.personId} = ${kept.id} and ${peopleHouseholdMember.leftOn} is null`);
		expect(current).toHaveLength(1);
		expect(await db.select().from(peopleHouseholdMember).where(eq(peopleHouseholdMember.personId, kept.id))).toHaveLength(2);
	});

	it('refuses a merge into itself, across organisations, of a merged record, for a wrong role or out of scope: 4xx, nothing changed', async () => {
		const a = await register({ firstName: 'Ana' });
		const b = await register({ firstName: 'Ana' });
		const foreign = await registerPerson(ctxFor(db, stranger.actor), registerPersonInput.parse({ firstName: 'Ana', organisationId: otherOrg.id }));
		const auditBefore = await audits();
		const snapshot = async () =>
			db
				.select()
				.from(peoplePerson)
				.where(sql`${peoplePerson.id} in (${a.id}, ${b.id}, ${foreign.id})`)
				.orderBy(peoplePerson.id);
		const before = await snapshot();
		const merge = (actor: typeof admin.actor, id: string, body: unknown) => apiCall(actor, { method: 'POST', path: `/people/${id}/merge`, body });

		const self = await merge(coordinator.actor, a.id, { into: a.id });
		expect(self.status).toBe(422);
		expect(self.body.errors).toEqual({ into: 'Choose another record: a record cannot be merged into itself.' });
		const across = await merge(admin.actor, a.id, { into: foreign.id });
		expect(across.status).toBe(422);
		expect(across.body.errors).toEqual({ into: 'Both records must belong to the same organisation.' });
		expect((await merge(stranger.actor, a.id, { into: b.id })).status).toBe(404);
		expect((await merge(coordinator.actor, a.id, { into: foreign.id })).status).toBe(404);
		expect((await merge(outreach.actor, a.id, { into: b.id })).status).toBe(403);
		expect((await merge(coordinator.actor, a.id, { into: b.id, fromMerged: ['password'] })).status).toBe(422);
		expect(await snapshot()).toEqual(before);
		expect(await audits()).toBe(auditBefore);

		await mergePeople(c, { id: a.id, into: b.id });
		const again = await merge(coordinator.actor, a.id, { into: b.id });
		expect(again.status).toBe(409);
		expect(again.body.code).toBe('people_error_person_closed');
	});
});

describe('the people list', () => {
	it('leaves out merged and erased records (they have no name left to show)', async () => {
		const gone = await register({ firstName: 'Listed', lastName: 'Gone' });
		const kept = await register({ firstName: 'Listed', lastName: 'Kept' });
		await mergePeople(f, { id: gone.id, into: kept.id });
		const erased = await register({ firstName: 'Listed', lastName: 'Erased' });
		await db.update(peoplePerson).set({ erasedAt: new Date(), firstName: '' }).where(eq(peoplePerson.id, erased.id));
		const ids = (await listPeople(f, { limit: 200 })).items.map((p) => p.id);
		expect(ids).toContain(kept.id);
		expect(ids).not.toContain(gone.id);
		expect(ids).not.toContain(erased.id);
	});
});
