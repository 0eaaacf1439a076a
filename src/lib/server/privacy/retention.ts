import { and, desc, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { audit, inTransaction, systemActor } from '../core/index.ts';
import { peopleConsent, peopleOrganisation, peoplePerson, peoplePurpose } from '../people/index.ts';
import { anonymisePerson } from './anonymise.ts';
import { decide, type ConsentFacts, type PurposeFacts } from './retention-rules.ts';

export type RetentionCounts = { examined: number; anonymised: number; contactRemoved: number; originCleared: number };

const REASON = 'retention';

/**
 * One run of the daily retention job (jobs.ts), at `now` (read once by the caller: the tests pass a
 * day in the future instead of waiting). Reads every person not yet erased or merged with their
 * organisation's purposes and their consents, decides (retention-rules.ts), carries it out, and writes
 * ONE audit row with the counts, as the system — all in one transaction, so a failed run changes nothing.
 */
export async function runRetention(db: Db, now: Date = new Date()): Promise<RetentionCounts> {
	return inTransaction({ db, actor: systemActor }, async (ctx) => {
		const tx = ctx.db;
		const purposes = await tx
			.select({
				id: peoplePurpose.id,
				organisationId: peoplePurpose.organisationId,
				code: peoplePurpose.code,
				basis: sql<string>`coalesce(${peoplePurpose.lawfulBasis}, ${peopleOrganisation.lawfulBasis})`,
				categories: peoplePurpose.categories,
				retentionDays: peoplePurpose.retentionDays,
				active: peoplePurpose.active
			})
			.from(peoplePurpose)
			.innerJoin(peopleOrganisation, eq(peopleOrganisation.id, peoplePurpose.organisationId));
		const byOrganisation = new Map<string, PurposeFacts[]>();
		for (const p of purposes) byOrganisation.set(p.organisationId, [...(byOrganisation.get(p.organisationId) ?? []), p]);

		const people = await tx
			.select({
				id: peoplePerson.id,
				organisationId: peoplePerson.organisationId,
				lastSeenAt: peoplePerson.lastSeenAt,
				hasAccount: isNotNull(peoplePerson.userId).mapWith(Boolean),
				hasContact: or(isNotNull(peoplePerson.phone), isNotNull(peoplePerson.email))!.mapWith(Boolean),
				hasOrigin: or(isNotNull(peoplePerson.countryOfOrigin), isNotNull(peoplePerson.originGroup))!.mapWith(Boolean)
			})
			.from(peoplePerson)
			.where(
				and(
					isNull(peoplePerson.erasedAt),
					isNull(peoplePerson.mergedIntoId),
					isNotNull(peoplePerson.organisationId),
					// A row seen after `now` (a clock set back) is not judged on a day it was not yet seen.
					lte(peoplePerson.lastSeenAt, now)
				)
			);

		// Only the latest answer per person and purpose matters (as of now): one row each.
		const consents = await tx
			.selectDistinctOn([peopleConsent.personId, peopleConsent.purposeId], {
				personId: peopleConsent.personId,
				purposeId: peopleConsent.purposeId,
				given: peopleConsent.given,
				at: peopleConsent.recordedAt
			})
			.from(peopleConsent)
			.where(lte(peopleConsent.recordedAt, now))
			.orderBy(peopleConsent.personId, peopleConsent.purposeId, desc(peopleConsent.recordedAt));
		const consentsOf = new Map<string, ConsentFacts[]>();
		for (const c of consents) consentsOf.set(c.personId, [...(consentsOf.get(c.personId) ?? []), c]);

		const anonymise: string[] = [];
		const removeContact: string[] = [];
		const clearOrigin: string[] = [];
		for (const person of people) {
			const d = decide({ ...person, consents: consentsOf.get(person.id) ?? [] }, byOrganisation.get(person.organisationId!) ?? [], now);
			if (d.anonymise) anonymise.push(person.id);
			if (d.removeContact) removeContact.push(person.id);
			if (d.clearOrigin) clearOrigin.push(person.id);
		}

		if (removeContact.length)
			await tx.update(peoplePerson).set({ phone: null, email: null, updatedAt: now }).where(inArray(peoplePerson.id, removeContact));
		if (clearOrigin.length)
			await tx.update(peoplePerson).set({ countryOfOrigin: null, originGroup: null, updatedAt: now }).where(inArray(peoplePerson.id, clearOrigin));
		for (const id of anonymise) await anonymisePerson(tx, id, REASON, now);

		const counts: RetentionCounts = {
			examined: people.length,
			anonymised: anonymise.length,
			contactRemoved: removeContact.length,
			originCleared: clearOrigin.length
		};
		await audit(ctx, { action: 'update', entity: 'privacy_retention', reason: REASON, details: { ...counts, at: now.toISOString() } });
		return counts;
	});
}
