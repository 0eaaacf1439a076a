import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	doublePrecision,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	time,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';
import { authUser } from '../auth/schema.ts';
import { areasArea, areasPlace } from '../areas/schema.ts';
import { peopleHousehold, peopleOrganisation, peoplePerson } from '../people/schema.ts';

// Activities (issue 15): recurring ones with sessions, one-off events and focus groups; who registered
// ahead, who came. Reach is computed from attendance rows only (never from a typed-in total); the
// anonymous headcount of a session is its own, labelled figure.

export const ACTIVITY_KINDS = ['recurring', 'one_off', 'focus_group'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** How a recurring activity's sessions are laid out; `dates`: picked one by one. */
export const RECURRENCES = ['weekly', 'biweekly', 'monthly', 'dates'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export const TARGET_GROUPS = ['everyone', 'children', 'youth', 'adults', 'seniors', 'families', 'women', 'newcomers'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/**
 * A registration's status, with its class (a CRM's positive / pending / waiting / negative, learnt from)
 * and whether it is counted as a place taken, so no page or figure hard-codes labels.
 */
export const REGISTRATION_STATUSES = ['registered', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

// The limits the pages, the API and the CHECKs share.
export const ACTIVITY_LIMITS = {
	titleMax: 200,
	descriptionMax: 4000,
	capacityMax: 10000,
	headcountMax: 5000,
	durationMax: 24 * 60,
	sessionsMax: 400
} as const;

export const activitiesActivity = pgTable(
	'activities_activity',
	{
		id: id(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		// The neighbourhood it is for: what scopes it, and whose public page and feed show it.
		areaId: uuid('area_id').references(() => areasArea.id),
		kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
		title: text('title').notNull(),
		description: text('description'),
		organiserUserId: text('organiser_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		// A neighbourhood house (areas_place) or a named place on the map.
		placeId: uuid('place_id').references(() => areasPlace.id),
		placeName: text('place_name'),
		lat: doublePrecision('lat'),
		lon: doublePrecision('lon'),
		themes: text('themes')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		targetGroups: text('target_groups')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		// 0: unlimited. Beyond it, registrations go on the waiting list.
		capacity: integer('capacity').notNull().default(0),
		public: boolean('public').notNull().default(false),
		// Recurring activities: how the sessions were laid out, and the series' default time and length.
		recurrence: text('recurrence', { enum: RECURRENCES }),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on'),
		startTime: time('start_time'),
		durationMinutes: integer('duration_minutes'),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('activities_activity_org_idx').on(t.organisationId, t.startsOn),
		index('activities_activity_area_idx').on(t.areaId),
		index('activities_activity_public_idx')
			.on(t.areaId)
			.where(sql`${t.public} and ${t.archivedAt} is null`),
		check('activities_activity_capacity', sql`${t.capacity} between 0 and 10000`),
		check('activities_activity_dates', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
		check('activities_activity_duration', sql`${t.durationMinutes} is null or ${t.durationMinutes} between 1 and 1440`)
	]
);

/**
 * One meeting of an activity. Sessions are rows of their own (not computed from a rule), so editing a
 * series changes the sessions to come and leaves the past ones as they were. Organisation and
 * neighbourhood are copied from the activity so attendance is scoped and counted without a join.
 */
export const activitiesSession = pgTable(
	'activities_session',
	{
		id: id(),
		activityId: uuid('activity_id')
			.notNull()
			.references(() => activitiesActivity.id),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		areaId: uuid('area_id').references(() => areasArea.id),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		placeId: uuid('place_id').references(() => areasPlace.id),
		placeName: text('place_name'),
		// People who came but did not want to be named: reported beside the distinct counts, never in them.
		anonymousCount: integer('anonymous_count').notNull().default(0),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		// The organiser closes the attendance; a change after that is a late correction, audited as such.
		closedAt: timestamp('closed_at', { withTimezone: true }),
		closedByUserId: text('closed_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('activities_session_activity_idx').on(t.activityId, t.startsAt),
		index('activities_session_org_idx').on(t.organisationId, t.startsAt),
		index('activities_session_area_idx').on(t.areaId, t.startsAt),
		check('activities_session_order', sql`${t.endsAt} > ${t.startsAt}`),
		check('activities_session_anonymous', sql`${t.anonymousCount} between 0 and 5000`)
	]
);

/**
 * Who registered ahead: for the whole series (session null) or one session. A known person, or someone
 * who said "I'm coming" on the public page — signed in (user) or with a first name and phone for a
 * call-back, kept only with their consent. A household registered at once is one row per member with
 * the household noted.
 */
export const activitiesRegistration = pgTable(
	'activities_registration',
	{
		id: id(),
		activityId: uuid('activity_id')
			.notNull()
			.references(() => activitiesActivity.id),
		sessionId: uuid('session_id').references(() => activitiesSession.id),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		personId: uuid('person_id').references(() => peoplePerson.id),
		householdId: uuid('household_id').references(() => peopleHousehold.id),
		userId: text('user_id').references(() => authUser.id, { onDelete: 'set null' }),
		firstName: text('first_name'),
		phone: text('phone'),
		callbackConsentAt: timestamp('callback_consent_at', { withTimezone: true }),
		status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
		// registered → positive, waiting → waiting, cancelled → negative; `counted`: takes a place.
		statusClass: text('status_class').generatedAlwaysAs(
			sql`case status when 'registered' then 'positive' when 'waiting' then 'waiting' else 'negative' end`
		),
		counted: boolean('counted').generatedAlwaysAs(sql`status = 'registered'`),
		recordedByUserId: text('recorded_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('activities_registration_activity_idx').on(t.activityId, t.status),
		// One live registration per person and series (or session): a second is refused, not doubled.
		uniqueIndex('activities_registration_person')
			.on(t.activityId, sql`coalesce(${t.sessionId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.personId)
			.where(sql`${t.personId} is not null and ${t.status} <> 'cancelled'`),
		check('activities_registration_who', sql`${t.personId} is not null or ${t.userId} is not null or ${t.firstName} is not null`)
	]
);

/**
 * One person at one session. The primary key makes "the same person twice" impossible and a resend a
 * no-op (idempotent). The session's organisation, neighbourhood, activity and start are copied here so a
 * year of reach over hundreds of thousands of rows is one index range, without joins.
 */
export const activitiesAttendance = pgTable(
	'activities_attendance',
	{
		sessionId: uuid('session_id')
			.notNull()
			.references(() => activitiesSession.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id),
		activityId: uuid('activity_id')
			.notNull()
			.references(() => activitiesActivity.id),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		areaId: uuid('area_id').references(() => areasArea.id),
		sessionStartsAt: timestamp('session_starts_at', { withTimezone: true }).notNull(),
		recordedByUserId: text('recorded_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.sessionId, t.personId] }),
		index('activities_attendance_org_idx').on(t.organisationId, t.sessionStartsAt),
		index('activities_attendance_area_idx').on(t.areaId, t.sessionStartsAt),
		index('activities_attendance_person_idx').on(t.personId, t.sessionStartsAt)
	]
);

export type ActivityRow = typeof activitiesActivity.$inferSelect;
export type SessionRow = typeof activitiesSession.$inferSelect;
