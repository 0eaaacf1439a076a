import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client.ts';
import {
	peopleConsent,
	peopleHousehold,
	peopleHouseholdMember,
	peopleLinkRequest,
	peoplePerson,
	peoplePurpose,
	peoplePurposeText
} from '../../src/lib/server/people/schema.ts';
import { networkAssignment, networkPartner, networkRelationship } from '../../src/lib/server/network/schema.ts';
import { aidCertificate, aidDraft, aidExperience, aidFeedback, aidLink, aidNeed, aidOffer, aidVisit } from '../../src/lib/server/aid/schema.ts';
import { activitiesActivity, activitiesAttendance, activitiesRegistration, activitiesSession } from '../../src/lib/server/activities/schema.ts';
import { fieldworkContact, fieldworkContactParty, fieldworkQuestion, fieldworkReferral } from '../../src/lib/server/fieldwork/schema.ts';
import { rightsErasureRequest } from '../../src/lib/server/rights/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { authSession } from '../../src/lib/server/auth/schema.ts';
import { makeActor } from './index.ts';
import { seedConsent } from '../../src/lib/server/people/index.ts';

const CONTACT_TEXT = { nl: 'We bellen u over uw vraag.', en: 'We call you about your need.' };

/** What a person tells about themselves (and staff write about them): every value a scan must no longer find. */
export const PERSONAL = {
	firstName: 'Céline',
	lastName: 'Vandenbroucke',
	email: 'celine.vandenbroucke@example.test',
	phone: '+32 470 12 34 56',
	needText: 'Hulp bij de brief van het OCMW over mijn huur',
	offerText: 'Ik kan koken voor buren in de Rabotwijk',
	linkReason: 'Céline verhuist naar Antwerpen',
	feedback: 'Céline was heel vriendelijk',
	otherFeedback: 'De vrijwilliger kwam te laat bij Céline',
	relationshipNote: 'Zus van Mehmet, belt op dinsdag',
	relationshipRole: 'mantelzorger',
	household: 'Familie Vandenbroucke',
	draft: 'Boodschappen voor mijn moeder',
	mergedName: 'Celine V.',
	mergedEmail: 'celine.oud@example.test',
	contactNote: 'Céline huilde, de deurwaarder komt dinsdag',
	contactPlace: 'Bij Céline thuis, Wondelgemstraat',
	referralShared: 'Céline, bel na 17 uur'
};

type Place = { organisationId: string; areaId: string };

/**
 * A resident with an account and a row in every table that references a person, as a worker of
 * `place` would have built it over time, plus a record merged into theirs and a helper they were linked with.
 */
export async function personWithEverything(db: Db, place: Place, worker: { personId: string; userId: string }) {
	const resident = await makeActor(db, 'resident', place);
	const id = resident.person.id;
	await db
		.update(peoplePerson)
		.set({
			...place,
			firstName: PERSONAL.firstName,
			lastName: PERSONAL.lastName,
			email: PERSONAL.email,
			phone: PERSONAL.phone,
			birthYear: 1987,
			preferredChannel: 'sms',
			countryOfOrigin: 'MA',
			originGroup: 'outside_eu',
			ageGroup: '30_49',
			languages: ['nl', 'ar']
		})
		.where(eq(peoplePerson.id, id));
	await seedConsent(db, [id], 'intercultural');
	await db
		.insert(authSession)
		.values({ id: `s-${id}`, token: `t-${id}`, userId: resident.user.id, expiresAt: new Date(Date.now() + 86_400_000), ipAddress: '192.0.2.7' });
	const [helper] = await db
		.insert(peoplePerson)
		.values({ firstName: 'Helper', ...place, ageGroup: '65_plus' })
		.returning();
	const [need] = await db
		.insert(aidNeed)
		.values({ personId: id, category: 'errands', title: PERSONAL.needText, description: PERSONAL.needText, lat: 51.06, lon: 3.71, ...place })
		.returning();
	const [offer] = await db
		.insert(aidOffer)
		.values({ personId: id, category: 'meals', title: PERSONAL.offerText, description: PERSONAL.offerText, capacity: 2, ...place })
		.returning();
	const [helperOffer] = await db
		.insert(aidOffer)
		.values({ personId: helper!.id, category: 'errands', title: 'Errands', capacity: 3, ...place })
		.returning();
	const made = new Date('2025-03-10T10:00:00Z');
	const [link] = await db
		.insert(aidLink)
		.values({
			needId: need!.id,
			offerId: helperOffer!.id,
			...place,
			status: 'took_place',
			needAcceptedAt: made,
			offerAcceptedAt: made,
			tookPlaceAt: made,
			reason: PERSONAL.linkReason
		})
		.returning();
	await db.insert(aidFeedback).values([
		{ linkId: link!.id, personId: id, rating: 3, comment: PERSONAL.feedback },
		{ linkId: link!.id, personId: helper!.id, rating: 2, comment: PERSONAL.otherFeedback }
	]);
	await db.insert(aidExperience).values({ organisationId: place.organisationId, personId: id, category: 'meals', ageGroup: '65_plus', links: 1 });
	await db.insert(aidCertificate).values({ personId: id, checkedOn: '2025-01-10', validUntil: '2028-01-10', checkedByUserId: worker.userId });
	await db.insert(aidVisit).values({ personId: id, ...place, countedByUserId: worker.userId });
	await db.insert(aidDraft).values({ personId: id, kind: 'need', values: { title: PERSONAL.draft } });
	const [household] = await db
		.insert(peopleHousehold)
		.values({ ...place, name: PERSONAL.household })
		.returning();
	await db.insert(peopleHouseholdMember).values({ householdId: household!.id, personId: id, role: 'adult', head: true });
	await db.insert(networkRelationship).values({
		...place,
		type: 'family',
		fromKind: 'person',
		fromPersonId: id,
		toKind: 'person',
		toPersonId: helper!.id,
		note: PERSONAL.relationshipNote,
		role: PERSONAL.relationshipRole
	});
	await db.insert(networkAssignment).values({ ...place, personId: id, workerPersonId: worker.personId });
	// Fieldwork (issue 14): a home visit with them, a question it raised, a referral to a partner.
	const [contact] = await db
		.insert(fieldworkContact)
		.values({
			...place,
			type: 'home_visit',
			startedAt: new Date('2025-03-04T09:00:00Z'),
			durationMinutes: 45,
			themes: ['income', 'housing'],
			note: PERSONAL.contactNote,
			placeName: PERSONAL.contactPlace,
			recordedByUserId: worker.userId
		})
		.returning();
	await db.insert(fieldworkContactParty).values([
		{ contactId: contact!.id, role: 'recorder', userId: worker.userId },
		{ contactId: contact!.id, role: 'with', personId: id }
	]);
	const [question] = await db
		.insert(fieldworkQuestion)
		.values({ ...place, contactId: contact!.id, personId: id, title: 'Energiefactuur', theme: 'income', ownerUserId: worker.userId })
		.returning();
	const [partner] = await db.insert(networkPartner).values({ organisationId: place.organisationId, name: 'OCMW', kind: 'welfare' }).returning();
	await db.insert(fieldworkReferral).values({
		...place,
		personId: id,
		questionId: question!.id,
		contactId: contact!.id,
		partnerId: partner!.id,
		shared: { firstName: PERSONAL.firstName, reach: PERSONAL.referralShared },
		createdByUserId: worker.userId
	});
	// Activities (issue 15): registered for a sewing workshop and came to its first session.
	const [activity] = await db
		.insert(activitiesActivity)
		.values({ ...place, kind: 'recurring', title: 'Naaiatelier', recurrence: 'weekly', startsOn: '2025-03-01', createdByUserId: worker.userId })
		.returning();
	const startsAt = new Date('2025-03-05T13:00:00Z');
	const [session] = await db
		.insert(activitiesSession)
		.values({ ...place, activityId: activity!.id, startsAt, endsAt: new Date('2025-03-05T15:00:00Z') })
		.returning();
	await db
		.insert(activitiesRegistration)
		.values({ organisationId: place.organisationId, activityId: activity!.id, personId: id, status: 'registered' });
	await db
		.insert(activitiesAttendance)
		.values({ ...place, sessionId: session!.id, activityId: activity!.id, personId: id, sessionStartsAt: startsAt });
	// One contact purpose per organisation: the first person of a test file makes it, the others reuse it.
	await db
		.insert(peoplePurpose)
		.values({ organisationId: place.organisationId, code: 'contact', retentionDays: 365, categories: ['contact'] })
		.onConflictDoNothing();
	const [purpose] = await db
		.select()
		.from(peoplePurpose)
		.where(and(eq(peoplePurpose.organisationId, place.organisationId), eq(peoplePurpose.code, 'contact')));
	await db
		.insert(peoplePurposeText)
		.values({ purposeId: purpose!.id, version: 1, texts: CONTACT_TEXT })
		// Every organisation already has contact's default text (migration 0014): this test's own replaces it.
		.onConflictDoUpdate({ target: [peoplePurposeText.purposeId, peoplePurposeText.version], set: { texts: CONTACT_TEXT } });
	await db
		.insert(peopleConsent)
		.values({ personId: id, purposeId: purpose!.id, version: 1, given: true, method: 'spoken', recordedByUserId: worker.userId });
	await db.insert(peopleLinkRequest).values({
		tokenHash: `hash-${id}`,
		personId: id,
		email: PERSONAL.email,
		requestedByUserId: worker.userId,
		expiresAt: new Date(Date.now() + 86_400_000)
	});
	await db.insert(rightsErasureRequest).values({ personId: id, handledAt: new Date('2025-01-01'), outcome: 'refused', outcomeReason: 'Legal duty' });
	const [merged] = await db
		.insert(peoplePerson)
		.values({ firstName: PERSONAL.mergedName, email: PERSONAL.mergedEmail, ...place, mergedIntoId: id })
		.returning();
	await db.insert(coreAudit).values([
		{ actorUserId: worker.userId, actorPersonId: worker.personId, action: 'read', entity: 'people_person', entityId: id, reason: 'Office hour' },
		{ actorUserId: worker.userId, actorPersonId: worker.personId, action: 'update', entity: 'people_person', entityId: merged!.id },
		{ actorUserId: worker.userId, actorPersonId: worker.personId, action: 'create', entity: 'aid_need', entityId: need!.id }
	]);
	return { resident, id, helper: helper!, need: need!, offer: offer!, link: link!, household: household!, merged: merged! };
}
