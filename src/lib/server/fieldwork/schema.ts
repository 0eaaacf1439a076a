import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';
import { authUser } from '../auth/schema.ts';
import { areasArea, areasPlace } from '../areas/schema.ts';
import { peopleOrganisation, peoplePerson } from '../people/schema.ts';
import { networkPartner } from '../network/schema.ts';
import { THEMES } from '../../themes.ts';

// Fieldwork II (issue 14): the contact log, the questions a contact raises, referrals to partners,
// and the signals many people hit. Every status change is a row of its own (…_event); every status
// has a class (open / closed), generated, so "open" is one indexed condition everywhere.

export const CONTACT_TYPES = ['home_visit', 'street', 'office_hours', 'phone', 'group', 'at_partner', 'online'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/**
 * Who is on a contact, and as what (a CRM's source / assignee / target, learnt from): the worker who
 * recorded it, the people it was with, a worker who must act, a partner present. Exactly one of
 * user, person and partner per row. Large group moments are an anonymous count on the contact, never
 * hundreds of rows here.
 */
export const CONTACT_ROLES = ['recorder', 'with', 'must_act', 'partner_present'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

// The limits the pages, the API and the CHECKs share (validation.ts reads them too).
export const CONTACT_LIMITS = {
	durationMax: 720,
	anonymousMax: 500,
	noteMax: 4000,
	ageMax: 120
} as const;

export const fieldworkContact = pgTable(
	'fieldwork_contact',
	{
		id: id(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		// The neighbourhood it happened in: what scopes it (a worker of another neighbourhood never sees it).
		areaId: uuid('area_id').references(() => areasArea.id),
		type: text('type', { enum: CONTACT_TYPES }).notNull(),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
		durationMinutes: integer('duration_minutes').notNull(),
		// Optionally a named place (a neighbourhood house) or a free name ("the square by the church"), and a point.
		placeId: uuid('place_id').references(() => areasPlace.id, { onDelete: 'set null' }),
		placeName: text('place_name'),
		lat: doublePrecision('lat'),
		lon: doublePrecision('lon'),
		themes: text('themes', { enum: THEMES }).array().notNull(),
		// Street work: "6 young people, about 16–20" without names.
		anonymousCount: integer('anonymous_count').notNull().default(0),
		anonymousAgeFrom: smallint('anonymous_age_from'),
		anonymousAgeTo: smallint('anonymous_age_to'),
		// Sensitive: read only by the author's team with a second factor, every read audited (notes.ts).
		note: text('note'),
		// The author allows the note to be quoted, without names, in a signal's anonymised export.
		noteShareable: boolean('note_shareable').notNull().default(false),
		// The id the phone (or an API client) made: a resend of the same contact answers the first row.
		clientId: uuid('client_id'),
		// sha256 of the request that made the row: the same client id with another body is refused.
		requestHash: text('request_hash'),
		recordedByUserId: text('recorded_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('fieldwork_contact_client_idx').on(t.organisationId, t.clientId),
		index('fieldwork_contact_scope_idx').on(t.organisationId, t.areaId, t.startedAt),
		index('fieldwork_contact_recorder_idx').on(t.recordedByUserId, t.startedAt),
		check('fieldwork_contact_duration', sql`${t.durationMinutes} between 1 and ${sql.raw(String(CONTACT_LIMITS.durationMax))}`),
		check('fieldwork_contact_anonymous', sql`${t.anonymousCount} between 0 and ${sql.raw(String(CONTACT_LIMITS.anonymousMax))}`),
		check(
			'fieldwork_contact_ages',
			sql`${t.anonymousAgeFrom} is null or ${t.anonymousAgeTo} is null or ${t.anonymousAgeFrom} <= ${t.anonymousAgeTo}`
		),
		check('fieldwork_contact_themes', sql`cardinality(${t.themes}) between 1 and ${sql.raw(String(THEMES.length))}`),
		check('fieldwork_contact_note', sql`${t.note} is null or length(${t.note}) <= ${sql.raw(String(CONTACT_LIMITS.noteMax))}`),
		check('fieldwork_contact_point', sql`(${t.lat} is null) = (${t.lon} is null)`)
	]
);

export const fieldworkContactParty = pgTable(
	'fieldwork_contact_party',
	{
		id: id(),
		contactId: uuid('contact_id')
			.notNull()
			.references(() => fieldworkContact.id, { onDelete: 'cascade' }),
		role: text('role', { enum: CONTACT_ROLES }).notNull(),
		userId: text('user_id').references(() => authUser.id, { onDelete: 'set null' }),
		personId: uuid('person_id').references(() => peoplePerson.id),
		partnerId: uuid('partner_id').references(() => networkPartner.id)
	},
	(t) => [
		index('fieldwork_contact_party_contact_idx').on(t.contactId),
		index('fieldwork_contact_party_person_idx').on(t.personId),
		index('fieldwork_contact_party_user_idx').on(t.userId),
		uniqueIndex('fieldwork_contact_party_person_once').on(t.contactId, t.personId),
		// A user row may lose its user (an account deleted): then all three are null, which is allowed.
		check('fieldwork_contact_party_one', sql`num_nonnulls(${t.userId}, ${t.personId}, ${t.partnerId}) <= 1`),
		check(
			'fieldwork_contact_party_role',
			sql`(${t.role} in ('recorder', 'must_act') and ${t.personId} is null and ${t.partnerId} is null)
			 or (${t.role} = 'with' and ${t.personId} is not null)
			 or (${t.role} = 'partner_present' and ${t.partnerId} is not null)`
		)
	]
);

/** A worker's own defaults: the usual duration offered first, and an outreach worker's weekly target. */
export const fieldworkWorker = pgTable('fieldwork_worker', {
	userId: text('user_id')
		.primaryKey()
		.references(() => authUser.id, { onDelete: 'cascade' }),
	usualMinutes: integer('usual_minutes').notNull().default(30),
	// Hours of direct contact a week (the outreach target of DOMAIN.md is 30); null: no target shown.
	weeklyTargetHours: integer('weekly_target_hours'),
	updatedAt: updatedAt()
});

// Questions: open → in_progress → answered | referred | dropped (rules in status.ts).
export const QUESTION_STATUSES = ['open', 'in_progress', 'answered', 'referred', 'dropped'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const fieldworkQuestion = pgTable(
	'fieldwork_question',
	{
		id: id(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		areaId: uuid('area_id').references(() => areasArea.id),
		contactId: uuid('contact_id').references(() => fieldworkContact.id, { onDelete: 'set null' }),
		personId: uuid('person_id').references(() => peoplePerson.id),
		title: text('title').notNull(),
		theme: text('theme', { enum: THEMES }).notNull(),
		ownerUserId: text('owner_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		dueOn: date('due_on'),
		status: text('status', { enum: QUESTION_STATUSES }).notNull().default('open'),
		statusClass: text('status_class').generatedAlwaysAs(sql`case when status in ('open', 'in_progress') then 'open' else 'closed' end`),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('fieldwork_question_scope_idx').on(t.organisationId, t.areaId, t.createdAt),
		index('fieldwork_question_owner_idx').on(t.ownerUserId, t.dueOn),
		index('fieldwork_question_contact_idx').on(t.contactId),
		index('fieldwork_question_person_idx').on(t.personId),
		check('fieldwork_question_title', sql`length(${t.title}) between 1 and 300`)
	]
);

export const fieldworkQuestionEvent = pgTable(
	'fieldwork_question_event',
	{
		id: id(),
		questionId: uuid('question_id')
			.notNull()
			.references(() => fieldworkQuestion.id, { onDelete: 'cascade' }),
		fromStatus: text('from_status', { enum: QUESTION_STATUSES }),
		toStatus: text('to_status', { enum: QUESTION_STATUSES }).notNull(),
		byUserId: text('by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		note: text('note')
	},
	(t) => [index('fieldwork_question_event_question_idx').on(t.questionId, t.at)]
);

// Referrals ("toeleiding"): referred → accepted → arrived → helped | not_helped, or rejected / revoked.
export const REFERRAL_STATUSES = ['referred', 'accepted', 'arrived', 'helped', 'not_helped', 'rejected', 'revoked'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_REASONS = ['did_not_go', 'waiting_list', 'not_eligible', 'unreachable', 'other'] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

export const fieldworkReferral = pgTable(
	'fieldwork_referral',
	{
		id: id(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		areaId: uuid('area_id').references(() => areasArea.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id),
		questionId: uuid('question_id').references(() => fieldworkQuestion.id, { onDelete: 'set null' }),
		contactId: uuid('contact_id').references(() => fieldworkContact.id, { onDelete: 'set null' }),
		// To a partner organisation, or to an activity (issue 15 adds its table and the foreign key).
		partnerId: uuid('partner_id').references(() => networkPartner.id),
		activityId: uuid('activity_id'),
		status: text('status', { enum: REFERRAL_STATUSES }).notNull().default('referred'),
		statusClass: text('status_class').generatedAlwaysAs(sql`case when status in ('referred', 'accepted', 'arrived') then 'open' else 'closed' end`),
		reason: text('reason', { enum: REFERRAL_REASONS }),
		reasonText: text('reason_text'),
		// No consent for sharing with the partner: who overrode it and why (reported in the figures).
		overrideReason: text('override_reason'),
		overrideByUserId: text('override_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		// Exactly what was shared with the partner when referring (shown to the worker before sending).
		shared: jsonb('shared').$type<Record<string, string>>().notNull(),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('fieldwork_referral_scope_idx').on(t.organisationId, t.areaId, t.createdAt),
		index('fieldwork_referral_creator_idx').on(t.createdByUserId, t.status),
		index('fieldwork_referral_person_idx').on(t.personId),
		index('fieldwork_referral_partner_idx').on(t.partnerId),
		check('fieldwork_referral_target', sql`num_nonnulls(${t.partnerId}, ${t.activityId}) = 1`),
		check('fieldwork_referral_reason', sql`(${t.status} = 'not_helped') = (${t.reason} is not null)`),
		check('fieldwork_referral_override', sql`(${t.overrideReason} is null) = (${t.overrideByUserId} is null)`)
	]
);

export const fieldworkReferralEvent = pgTable(
	'fieldwork_referral_event',
	{
		id: id(),
		referralId: uuid('referral_id')
			.notNull()
			.references(() => fieldworkReferral.id, { onDelete: 'cascade' }),
		fromStatus: text('from_status', { enum: REFERRAL_STATUSES }),
		toStatus: text('to_status', { enum: REFERRAL_STATUSES }).notNull(),
		byUserId: text('by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		note: text('note')
	},
	(t) => [index('fieldwork_referral_event_referral_idx').on(t.referralId, t.at)]
);

// Signals and bottlenecks: noted → substantiated → escalated → answered → closed.
export const SIGNAL_STATUSES = ['noted', 'substantiated', 'escalated', 'answered', 'closed'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

export const fieldworkSignal = pgTable(
	'fieldwork_signal',
	{
		id: id(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		areaId: uuid('area_id').references(() => areasArea.id),
		theme: text('theme', { enum: THEMES }).notNull(),
		title: text('title').notNull(),
		description: text('description').notNull(),
		status: text('status', { enum: SIGNAL_STATUSES }).notNull().default('noted'),
		statusClass: text('status_class').generatedAlwaysAs(sql`case when status = 'closed' then 'closed' else 'open' end`),
		escalatedTo: text('escalated_to'),
		escalatedOn: date('escalated_on'),
		answer: text('answer'),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('fieldwork_signal_scope_idx').on(t.organisationId, t.areaId, t.status),
		check('fieldwork_signal_title', sql`length(${t.title}) between 1 and 200`),
		check(
			'fieldwork_signal_escalated',
			sql`${t.status} not in ('escalated', 'answered') or (${t.escalatedTo} is not null and ${t.escalatedOn} is not null)`
		),
		check('fieldwork_signal_answer', sql`${t.status} <> 'answered' or ${t.answer} is not null`)
	]
);

/** Where a signal showed up: a contact or a question. The counts behind a signal are computed from these rows. */
export const fieldworkSignalEvidence = pgTable(
	'fieldwork_signal_evidence',
	{
		id: id(),
		signalId: uuid('signal_id')
			.notNull()
			.references(() => fieldworkSignal.id, { onDelete: 'cascade' }),
		contactId: uuid('contact_id').references(() => fieldworkContact.id, { onDelete: 'cascade' }),
		questionId: uuid('question_id').references(() => fieldworkQuestion.id, { onDelete: 'cascade' }),
		linkedByUserId: text('linked_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('fieldwork_signal_evidence_contact_once').on(t.signalId, t.contactId),
		uniqueIndex('fieldwork_signal_evidence_question_once').on(t.signalId, t.questionId),
		index('fieldwork_signal_evidence_contact_idx').on(t.contactId),
		index('fieldwork_signal_evidence_question_idx').on(t.questionId),
		check('fieldwork_signal_evidence_one', sql`num_nonnulls(${t.contactId}, ${t.questionId}) = 1`)
	]
);

export const fieldworkSignalEvent = pgTable(
	'fieldwork_signal_event',
	{
		id: id(),
		signalId: uuid('signal_id')
			.notNull()
			.references(() => fieldworkSignal.id, { onDelete: 'cascade' }),
		fromStatus: text('from_status', { enum: SIGNAL_STATUSES }),
		toStatus: text('to_status', { enum: SIGNAL_STATUSES }).notNull(),
		byUserId: text('by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		note: text('note')
	},
	(t) => [index('fieldwork_signal_event_signal_idx').on(t.signalId, t.at)]
);
