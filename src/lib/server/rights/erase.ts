import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { personRecordIds } from './catalog.ts';

// Erasure (GDPR art. 17) without changing a published figure: the person's row stays with only what
// the figures count (organisation, neighbourhood, age band, student, origin group, languages and the
// intercultural consent — coarse categories the mutual-aid reach reads; see aid/reach.ts — and the
// birth year, country of origin and the two situation flags that the activities' reach counts: with
// name, contacts and account gone they point at no one; see docs/architecture.md "Reach"), every
// name, contact detail, note and free text is removed, and the rows that figures count (links, visits,
// household membership, consents, assignments) stay as anonymous rows pointing at it.

/** The name an erased person is shown with. */
const ERASED_NAME = '—';

/**
 * What erasure does with each column that references a person. A test compares this with the
 * database's foreign keys, so a table added later fails it until someone decides here.
 * - deleted: the rows go (nothing counts them);
 * - anonymised: the rows stay, their free texts and personal values are removed;
 * - kept: the rows hold no personal value besides the reference (figures count them).
 */
export const ERASURE_DECISIONS: Record<string, 'deleted' | 'anonymised' | 'kept'> = {
	'access_role_grant.person_id': 'deleted',
	// Activities (issue 15): attendance and registrations keep the erased shell, so every reach figure
	// stays the same; a registration of a known person holds no name or phone of its own.
	'activities_attendance.person_id': 'kept',
	'activities_registration.person_id': 'kept',
	'aid_certificate.person_id': 'deleted',
	'aid_draft.person_id': 'deleted',
	'aid_experience.person_id': 'kept',
	'aid_feedback.person_id': 'anonymised',
	'aid_need.person_id': 'anonymised',
	'aid_offer.person_id': 'anonymised',
	'aid_visit.person_id': 'kept',
	// Fieldwork (issue 14): a contact keeps the erased shell as one of its people, so every figure (people
	// reached, contacts, hours) stays the same; the notes of their contacts and what a referral shared go.
	'fieldwork_contact_party.person_id': 'kept',
	'fieldwork_question.person_id': 'kept',
	'fieldwork_referral.person_id': 'anonymised',
	'network_assignment.person_id': 'kept',
	'network_assignment.worker_person_id': 'kept',
	'network_relationship.from_person_id': 'anonymised',
	'network_relationship.to_person_id': 'anonymised',
	'people_consent.person_id': 'kept',
	'people_household_member.person_id': 'kept',
	'people_link_request.person_id': 'deleted',
	'people_person.merged_into_id': 'anonymised',
	'rights_erasure_request.person_id': 'kept'
};

type ErasureCounts = { records: number; accountDeleted: boolean };

/**
 * Erases the person `personId` and every record merged into it, in the caller's transaction (`tx`).
 * For the erasePerson verb and the retention job (privacy/): it writes no audit row (the caller
 * does: one per erasure, or one per job run) and checks no right.
 * as carried out, with `reason` (and `byUserId`, who carried it out, when a person did).
 */
export async function erasePersonData(
	tx: Db,
	personId: string,
	reason: string,
	byUserId: string | null = null,
	// When it was decided: the retention job passes its run's clock; a person's erasure is now.
	at: Date = new Date()
): Promise<ErasureCounts> {
	const ids = await personRecordIds(tx, personId);
	const any = sql`ANY(${sql.param(ids)}::uuid[])`;
	const { rows: users } = await tx.execute<{ user_id: string; email: string }>(
		sql`SELECT p.user_id, u.email FROM people_person p JOIN auth_user u ON u.id = p.user_id WHERE p.id = ${any} FOR UPDATE OF p`
	);
	let records = 0;
	const run = async (q: ReturnType<typeof sql>) => {
		records += (await tx.execute(q)).rowCount ?? 0;
	};
	await run(sql`DELETE FROM access_role_grant WHERE person_id = ${any}`);
	await run(sql`DELETE FROM aid_certificate WHERE person_id = ${any}`);
	await run(sql`DELETE FROM aid_draft WHERE person_id = ${any}`);
	await run(sql`DELETE FROM people_link_request WHERE person_id = ${any}`);
	// Their needs and offers stay for the links counted on them, without a word of what they said; an
	// open one is withdrawn, so nobody is matched with a person who no longer exists.
	for (const table of ['aid_need', 'aid_offer'] as const) {
		const open = table === 'aid_need' ? sql`('review', 'open')` : sql`('review', 'active', 'paused')`;
		await run(sql`
			UPDATE ${sql.identifier(table)} SET title = ${ERASED_NAME}, description = NULL, lat = NULL, lon = NULL,
			       windows = '[]'::jsonb, dates = '[]'::jsonb, languages = '{}'::text[],
			       ${table === 'aid_need' ? sql`status_reason = NULL,` : sql``}
			       status = CASE WHEN status IN ${open} THEN 'withdrawn' ELSE status END, updated_at = now()
			WHERE person_id = ${any}`);
	}
	await run(sql`
		UPDATE aid_link SET reason = NULL, reasons = '[]'::jsonb
		WHERE need_id IN (SELECT id FROM aid_need WHERE person_id = ${any}) OR offer_id IN (SELECT id FROM aid_offer WHERE person_id = ${any})`);
	// Their own comments, and the other side's comments on their links (those are about them).
	await run(sql`
		UPDATE aid_feedback SET comment = NULL
		WHERE comment IS NOT NULL AND (person_id = ${any} OR link_id IN (
			SELECT l.id FROM aid_link l JOIN aid_need n ON n.id = l.need_id JOIN aid_offer o ON o.id = l.offer_id
			WHERE n.person_id = ${any} OR o.person_id = ${any}))`);
	await run(sql`
		UPDATE fieldwork_contact SET note = NULL, note_shareable = false, place_name = NULL, lat = NULL, lon = NULL, updated_at = now()
		WHERE (note IS NOT NULL OR place_name IS NOT NULL OR lat IS NOT NULL)
		  AND id IN (SELECT contact_id FROM fieldwork_contact_party WHERE person_id = ${any})`);
	await run(sql`
		UPDATE fieldwork_referral SET shared = '{}'::jsonb, reason_text = NULL, updated_at = now()
		WHERE person_id = ${any} AND (shared <> '{}'::jsonb OR reason_text IS NOT NULL)`);
	await run(sql`
		UPDATE network_relationship SET note = NULL, role = NULL, updated_at = now()
		WHERE (note IS NOT NULL OR role IS NOT NULL) AND (from_person_id = ${any} OR to_person_id = ${any})`);
	// A household's name goes when nobody who is not erased lives in it any more.
	await run(sql`
		UPDATE people_household h SET name = NULL, updated_at = now()
		WHERE h.name IS NOT NULL AND h.id IN (SELECT household_id FROM people_household_member WHERE person_id = ${any})
		  AND NOT EXISTS (
			SELECT 1 FROM people_household_member m JOIN people_person p ON p.id = m.person_id
			WHERE m.household_id = h.id AND m.left_on IS NULL AND p.erased_at IS NULL AND NOT (p.id = ${any}))`);
	await run(sql`
		UPDATE people_person SET first_name = ${ERASED_NAME}, last_name = NULL, email = NULL, phone = NULL, user_id = NULL,
		       preferred_channel = NULL,
		       erased_at = coalesce(erased_at, ${at}), updated_at = now()
		WHERE id = ${any}`);
	// The account goes with its sessions (signed out everywhere), logins and tokens (their foreign keys
	// cascade); what staff did under it keeps its audit rows, which name the account by id only.
	for (const u of users) {
		await run(sql`DELETE FROM auth_verification WHERE identifier = ${u.email} OR value = ${u.user_id}`);
		await run(sql`DELETE FROM auth_user WHERE id = ${u.user_id}`);
	}
	await tx.execute(sql`
		UPDATE rights_erasure_request SET handled_at = now(), handled_by_user_id = ${byUserId}, outcome = 'erased', outcome_reason = ${reason}
		WHERE person_id = ${any} AND handled_at IS NULL`);
	return { records, accountDeleted: users.length > 0 };
}
