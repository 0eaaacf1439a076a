import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	doublePrecision,
	foreignKey,
	index,
	primaryKey,
	integer,
	jsonb,
	pgTable,
	smallint,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';
import { authUser } from '../auth/schema.ts';
import { peopleOrganisation, peoplePerson } from '../people/schema.ts';
import { areasArea } from '../areas/schema.ts';
import type { DateItem, Window } from './scoring.ts';

/**
 * 'review': said by a resident who joined a neighbourhood on their own; the neighbourhood's facilitators
 * look at it before it is matched (never suggested, proposed, on the board or in the weekly proposal
 * until then: those all read 'open'). 'withdrawn' by the person; 'duplicate' closed by a facilitator,
 * with the reason in status_reason. Rows are never deleted for either.
 */
export const NEED_STATUSES = ['review', 'open', 'matched', 'closed', 'withdrawn', 'duplicate'] as const;
/** 'paused' by the volunteer (not suggested, keeps its links); 'review' like a need's. */
export const OFFER_STATUSES = ['review', 'active', 'paused', 'withdrawn'] as const;
export const FREQUENCIES = ['once', 'weekly', 'monthly', 'other'] as const;
/** proposed → accepted → took_place → closed, or declined / cancelled (with a reason). */
export const LINK_STATUSES = ['proposed', 'accepted', 'took_place', 'closed', 'declined', 'cancelled'] as const;
/** The states in which a link holds one of the volunteer's places. */
export const ACTIVE_LINK_STATUSES = ['accepted', 'took_place'] as const;
export const OPEN_LINK_STATUSES = ['proposed', 'accepted', 'took_place'] as const;

export type LinkStatus = (typeof LINK_STATUSES)[number];

const placeFields = () => ({
	organisationId: uuid('organisation_id')
		.notNull()
		.references(() => peopleOrganisation.id),
	areaId: uuid('area_id')
		.notNull()
		.references(() => areasArea.id),
	// An optional point (WGS84): only ever shown to the other side once both accepted the link.
	lat: doublePrecision('lat'),
	lon: doublePrecision('lon'),
	windows: jsonb('windows').$type<Window[]>().notNull().default([]),
	// Specific days ("the move on 12 March"), besides or instead of weekly windows; neither means any time.
	dates: jsonb('dates').$type<DateItem[]>().notNull().default([]),
	languages: text('languages')
		.array()
		.notNull()
		.default(sql`'{}'::text[]`)
});

export const aidNeed = pgTable(
	'aid_need',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id, { onDelete: 'cascade' }),
		category: text('category').notNull(),
		title: text('title').notNull(),
		description: text('description'),
		...placeFields(),
		frequency: text('frequency', { enum: FREQUENCIES }).notNull().default('once'),
		safeguarded: boolean('safeguarded').notNull().default(false),
		status: text('status', { enum: NEED_STATUSES }).notNull().default('open'),
		// Why it was withdrawn or closed as a duplicate (short, shown to staff and to the person).
		statusReason: text('status_reason'),
		// Said by a facilitator for someone without an account or a phone (assisted use).
		assisted: boolean('assisted').notNull().default(false),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('aid_need_queue_idx').on(t.organisationId, t.areaId, t.status, t.createdAt),
		index('aid_need_person_idx').on(t.personId),
		// What a link's copy of the need's place refers to (aid_link_need_place).
		unique('aid_need_place').on(t.id, t.organisationId, t.areaId)
	]
);

export const aidOffer = pgTable(
	'aid_offer',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id, { onDelete: 'cascade' }),
		category: text('category').notNull(),
		title: text('title').notNull(),
		description: text('description'),
		...placeFields(),
		capacity: smallint('capacity').notNull(),
		// Links holding a place now. Kept by the link verbs in the same transaction; the CHECK is the
		// database's guarantee that no two concurrent acceptances ever overbook a volunteer.
		activeLinks: smallint('active_links').notNull().default(0),
		// The offer's languages and its volunteer's, kept by the database (trigger aid_offer_languages,
		// and aid_person_languages when the person's change): ranking reads one column, not a lookup per offer.
		volunteerLanguages: text('volunteer_languages')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		status: text('status', { enum: OFFER_STATUSES }).notNull().default('active'),
		assisted: boolean('assisted').notNull().default(false),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		check('aid_offer_capacity', sql`${t.capacity} between 1 and 20`),
		check('aid_offer_no_overbooking', sql`${t.activeLinks} >= 0 and ${t.activeLinks} <= ${t.capacity}`),
		index('aid_offer_match_idx').on(t.organisationId, t.category, t.status),
		index('aid_offer_person_idx').on(t.personId)
	]
);

export const aidLink = pgTable(
	'aid_link',
	{
		id: id(),
		needId: uuid('need_id')
			.notNull()
			.references(() => aidNeed.id, { onDelete: 'cascade' }),
		offerId: uuid('offer_id')
			.notNull()
			.references(() => aidOffer.id, { onDelete: 'cascade' }),
		// The need's organisation and neighbourhood, copied so the queue's stalled-link count is one
		// index range; the composite foreign key below guarantees the copy equals the need's.
		organisationId: uuid('organisation_id').notNull(),
		areaId: uuid('area_id').notNull(),
		status: text('status', { enum: LINK_STATUSES }).notNull().default('proposed'),
		// Each side says yes on its own; a facilitator may say it for someone without an account.
		needAcceptedAt: timestamp('need_accepted_at', { withTimezone: true }),
		offerAcceptedAt: timestamp('offer_accepted_at', { withTimezone: true }),
		score: integer('score').notNull().default(0),
		reasons: jsonb('reasons').$type<unknown[]>().notNull().default([]),
		// Why it was declined, cancelled or closed (free text, short).
		reason: text('reason'),
		proposedByUserId: text('proposed_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		tookPlaceAt: timestamp('took_place_at', { withTimezone: true }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		nudgedAt: timestamp('nudged_at', { withTimezone: true }),
		// Any change of state: links without a change for 14 days are "stalled".
		changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
		createdAt: createdAt()
	},
	(t) => [
		index('aid_link_need_idx').on(t.needId),
		index('aid_link_offer_idx').on(t.offerId, t.status),
		index('aid_link_changed_idx').on(t.status, t.changedAt),
		foreignKey({
			name: 'aid_link_need_place',
			columns: [t.needId, t.organisationId, t.areaId],
			foreignColumns: [aidNeed.id, aidNeed.organisationId, aidNeed.areaId]
		})
			.onDelete('cascade')
			// A need that moves takes its links' copies along.
			.onUpdate('cascade'),
		index('aid_link_open_place_idx')
			.on(t.organisationId, t.areaId, t.changedAt)
			.where(sql`${t.status} in ('proposed', 'accepted', 'took_place')`),
		// One open link per pair at a time.
		uniqueIndex('aid_link_open_pair')
			.on(t.needId, t.offerId)
			.where(sql`${t.status} in ('proposed', 'accepted', 'took_place')`)
	]
);

/**
 * Experience for the ranking ("helped 3 seniors before"): links that took place, per volunteer,
 * organisation, category and the age group the person helped was in then. Kept by the database
 * (trigger aid_link_experience, when a link's took_place_at is first set), so suggestMatches reads a
 * few rows by key instead of aggregating links → offers → needs → people for every candidate.
 */
export const aidExperience = pgTable(
	'aid_experience',
	{
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id, { onDelete: 'cascade' }),
		category: text('category').notNull(),
		// 'unknown' when the person helped had no age group.
		ageGroup: text('age_group').notNull(),
		links: integer('links').notNull()
	},
	(t) => [primaryKey({ columns: [t.personId, t.category, t.organisationId, t.ageGroup] })]
);

export const aidFeedback = pgTable(
	'aid_feedback',
	{
		id: id(),
		linkId: uuid('link_id')
			.notNull()
			.references(() => aidLink.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id, { onDelete: 'cascade' }),
		// 1 = not good, 2 = all right, 3 = good: three faces on a phone, no stars to interpret.
		rating: smallint('rating').notNull(),
		comment: text('comment'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('aid_feedback_once').on(t.linkId, t.personId), check('aid_feedback_rating', sql`${t.rating} between 1 and 3`)]
);

/**
 * An organisation shows its open needs in a neighbourhood, anonymously, on that neighbourhood's public
 * page (a row = switched on; none = off, the default). Per organisation: the needs are the ones it
 * holds, so only its own staff decide; another organisation in the same neighbourhood decides for its own.
 */
export const aidBoard = pgTable(
	'aid_board',
	{
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id, { onDelete: 'cascade' }),
		areaId: uuid('area_id')
			.notNull()
			.references(() => areasArea.id, { onDelete: 'cascade' }),
		switchedOnAt: timestamp('switched_on_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.areaId, t.organisationId] })]
);

/** A good-conduct certificate ("uittreksel strafregister", model 2) seen by a facilitator. */
export const aidCertificate = pgTable(
	'aid_certificate',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id, { onDelete: 'cascade' }),
		checkedOn: date('checked_on').notNull(),
		validUntil: date('valid_until').notNull(),
		checkedByUserId: text('checked_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('aid_certificate_person_idx').on(t.personId, t.validUntil)]
);

/** Office hours ("permanences") at a neighbourhood house: weekly, public or internal. */
export const aidOfficeHour = pgTable(
	'aid_office_hour',
	{
		id: id(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		areaId: uuid('area_id')
			.notNull()
			.references(() => areasArea.id),
		place: text('place').notNull(),
		day: smallint('day').notNull(),
		start: smallint('start_minute').notNull(),
		end: smallint('end_minute').notNull(),
		public: boolean('public').notNull().default(true),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [check('aid_office_hour_time', sql`${t.day} between 0 and 6 and ${t.start} >= 0 and ${t.end} <= 1440 and ${t.end} > ${t.start}`)]
);

/** A visit counted during office hours (the person is optional: someone may only ask a question). */
export const aidVisit = pgTable(
	'aid_visit',
	{
		id: id(),
		officeHourId: uuid('office_hour_id').references(() => aidOfficeHour.id, { onDelete: 'set null' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		areaId: uuid('area_id')
			.notNull()
			.references(() => areasArea.id),
		personId: uuid('person_id').references(() => peoplePerson.id, { onDelete: 'set null' }),
		countedByUserId: text('counted_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('aid_visit_area_idx').on(t.areaId, t.createdAt)]
);

export const DRAFT_KINDS = ['need', 'offer'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];
/** What the question pages gathered so far: the flat form fields of each step, as posted. */
export type DraftValues = Record<string, string | string[]>;

/**
 * A need or offer being said one question at a time: kept on the server between the steps so nothing
 * is lost without JavaScript and the back button shows the answer given. One open draft per person
 * and kind; removed when sent, and swept after 30 days untouched (drafts.ts).
 */
export const aidDraft = pgTable(
	'aid_draft',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: DRAFT_KINDS }).notNull(),
		values: jsonb('values').$type<DraftValues>().notNull().default({}),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [unique('aid_draft_person_kind').on(t.personId, t.kind), index('aid_draft_updated_idx').on(t.updatedAt)]
);
