import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, updatedAt } from '../db/columns.ts';
import { authUser } from '../auth/schema.ts';
import { areasArea } from '../areas/schema.ts';
// Only for the purpose "sharing with a named partner"; network's tables reference ours too (both lazily).
import { networkPartner } from '../network/schema.ts';

export const ORGANISATION_KINDS = ['city', 'association', 'welfare', 'funder'] as const;
export const LAWFUL_BASES = ['public_task', 'consent'] as const;
/** Broad age bands: enough for "intergenerational", too coarse to identify anyone. */
export const AGE_GROUPS = ['0_17', '18_29', '30_49', '50_64', '65_plus'] as const;
/** Origin in three broad groups, kept only with consent for the intercultural figures. */
export const ORIGIN_GROUPS = ['belgium', 'eu', 'outside_eu'] as const;

/** How a person prefers to be reached. */
export const CHANNELS = ['phone', 'sms', 'email', 'visit', 'letter'] as const;
/** A household member is an adult or a child; the head of household is optional. */
export const MEMBER_ROLES = ['adult', 'child'] as const;

/** The picture types a logo may have: raster only, recognised by their first bytes (no SVG: it can carry script). */
export const LOGO_TYPES = ['image/png', 'image/webp', 'image/jpeg'] as const;
export const LOGO_MAX_BYTES = 100 * 1024;

export const peopleOrganisation = pgTable(
	'people_organisation',
	{
		id: id(),
		// Also the name shown in the header of its staff's and residents' pages.
		name: text('name').notNull().unique(),
		kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
		// A city or welfare office works under its public task; an association asks consent per purpose.
		lawfulBasis: text('lawful_basis', { enum: LAWFUL_BASES }).notNull(),
		// The organisation's own look: an accent colour (#rrggbb, checked for contrast when set) and a
		// logo kept in the database (tens of organisations, a few KB each: no file store to back up).
		accentColor: text('accent_color'),
		logo: bytea('logo'),
		logoType: text('logo_type', { enum: LOGO_TYPES }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		check('people_organisation_accent_hex', sql`${t.accentColor} ~ '^#[0-9a-f]{6}$'`),
		check('people_organisation_logo_typed', sql`(${t.logo} is null) = (${t.logoType} is null)`),
		check('people_organisation_logo_size', sql`octet_length(${t.logo}) <= ${sql.raw(String(LOGO_MAX_BYTES))}`)
	]
);

// A person exists with or without an account: someone met at office hours is registered first
// and may get an account later (user_id is then filled in).
export const peoplePerson = pgTable(
	'people_person',
	{
		id: id(),
		firstName: text('first_name').notNull(),
		lastName: text('last_name'),
		email: text('email'),
		phone: text('phone'),
		userId: text('user_id')
			.unique()
			.references(() => authUser.id, { onDelete: 'set null' }),
		organisationId: uuid('organisation_id').references(() => peopleOrganisation.id),
		areaId: uuid('area_id').references(() => areasArea.id),
		// What mutual aid matches on: languages spoken (ISO 639 codes), an age band, student or not.
		languages: text('languages')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		ageGroup: text('age_group', { enum: AGE_GROUPS }),
		student: boolean('student').notNull().default(false),
		// Kept for the intercultural figures, counted only while the person consents to the purpose
		// 'intercultural' (people_consent; migration 0013 moved the old booleans there).
		originGroup: text('origin_group', { enum: ORIGIN_GROUPS }),
		registeredByUserId: text('registered_by_user_id').references(() => authUser.id, {
			onDelete: 'set null'
		}),
		// Fieldwork (issue 13). Only a first name is required; all of these are optional.
		birthYear: integer('birth_year'),
		preferredChannel: text('preferred_channel', { enum: CHANNELS }),
		// ISO 3166-1 alpha-2 (src/lib/countries.ts); kept only while the person's organisation has an
		// origin purpose the person consented to (or its lawful basis covers it). origin_group derives from it.
		countryOfOrigin: text('country_of_origin'),
		// Activities' reach (issue 15): the share of people in a vulnerable situation and of clients of the
		// social service. Null is "not recorded"; kept and counted only while the organisation has an active
		// 'social_situation' purpose that covers the person (like the country of origin).
		vulnerable: boolean('vulnerable'),
		socialServiceClient: boolean('social_service_client'),
		// The name folded for search: lower case, accents removed ("Céline" → "celine"), by PostgreSQL
		// itself (people_fold, migration 0012), so every writer gets it and a trigram index serves it.
		searchName: text('search_name').generatedAlwaysAs(sql`people_fold(first_name || ' ' || coalesce(last_name, ''))`),
		// When staff last met or changed this person: what retention counts "not seen for the period" from.
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		// A merged record points at the one kept (old links and bookmarks land there); an erased one keeps
		// only its id and place, so anonymous counts stay; an archived one (public bodies) is read-only.
		mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => peoplePerson.id),
		erasedAt: timestamp('erased_at', { withTimezone: true }),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('people_person_org_idx').on(t.organisationId),
		index('people_person_area_idx').on(t.areaId),
		index('people_person_search_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
		// The person record (A): nearest names first (`q <<-> search_name`, KNN) needs GiST; GIN only filters,
		// and a common first name matches thousands of rows that would all be sorted (docs/performance.md).
		index('people_person_search_gist_idx').using('gist', sql`${t.searchName} gist_trgm_ops(siglen = 256)`),
		check('people_person_birth_year', sql`${t.birthYear} between 1900 and 2100`),
		check('people_person_country', sql`${t.countryOfOrigin} ~ '^[A-Z]{2}$'`),
		check('people_person_not_merged_into_self', sql`${t.mergedIntoId} <> ${t.id}`)
	]
);

// A household: people who live together. Its size and number of children are counted from its current
// members, never typed. Scoped like a person (organisation and neighbourhood).
export const peopleHousehold = pgTable(
	'people_household',
	{
		id: id(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		areaId: uuid('area_id').references(() => areasArea.id),
		// A label staff recognise ("Peeters family"); optional, and removed when its people are erased.
		name: text('name'),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('people_household_org_idx').on(t.organisationId), index('people_household_area_idx').on(t.areaId)]
);

// Membership with history: moving out sets left_on, so the household's past stays. A person is in at
// most one current household (the partial unique index).
export const peopleHouseholdMember = pgTable(
	'people_household_member',
	{
		id: id(),
		householdId: uuid('household_id')
			.notNull()
			.references(() => peopleHousehold.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id, { onDelete: 'cascade' }),
		role: text('role', { enum: MEMBER_ROLES }).notNull(),
		head: boolean('head').notNull().default(false),
		joinedOn: date('joined_on'),
		leftOn: date('left_on'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('people_household_member_current')
			.on(t.personId)
			.where(sql`${t.leftOn} is null`),
		index('people_household_member_household_idx').on(t.householdId),
		check('people_household_member_dates', sql`${t.leftOn} is null or ${t.joinedOn} is null or ${t.leftOn} >= ${t.joinedOn}`)
	]
);

// A staff member's request to link a registered person to an account. Nothing changes until the
// account's owner, signed in, confirms through the mailed link: only a SHA-256 of its token is kept.
// A request for an address without an account is recorded too (user_id null, its token never sent),
// so that every address costs the same work and counts against the same limit.
export const peopleLinkRequest = pgTable(
	'people_link_request',
	{
		id: id(),
		tokenHash: text('token_hash').notNull().unique(),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		userId: text('user_id').references(() => authUser.id, { onDelete: 'cascade' }),
		requestedByUserId: text('requested_by_user_id')
			.notNull()
			.references(() => authUser.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('people_link_request_person_idx').on(t.personId, t.createdAt)]
);

// Consent per purpose (issue 13, DOMAIN.md "Privacy first"). An organisation lists its purposes; a
// person's consent is recorded per purpose as a history of rows (given, withdrawn), never a boolean
// overwritten. Help never depends on it.

/** The purposes Wijkweb knows how to honour (what stops when consent is withdrawn). */
export const PURPOSE_CODES = ['contact', 'origin_statistics', 'intercultural', 'photos', 'share_partner', 'social_situation'] as const;
/** GDPR art. 6 bases; a purpose under anything but consent is recorded, not asked. */
export const PURPOSE_BASES = ['consent', 'public_task', 'legal_obligation', 'contract', 'vital_interest', 'legitimate_interest'] as const;
/** Categories of personal data, for the register of processing (art. 30). */
export const DATA_CATEGORIES = ['identity', 'contact', 'household', 'origin', 'languages', 'relationships', 'notes', 'photos', 'health'] as const;
export const CONSENT_METHODS = ['spoken', 'paper', 'online'] as const;

export const peoplePurpose = pgTable(
	'people_purpose',
	{
		id: id(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		code: text('code', { enum: PURPOSE_CODES }).notNull(),
		// "Sharing with a named partner": one purpose per partner.
		partnerId: uuid('partner_id').references(() => networkPartner.id, { onDelete: 'cascade' }),
		// Null: the organisation's own lawful basis (people_organisation.lawful_basis).
		lawfulBasis: text('lawful_basis', { enum: PURPOSE_BASES }),
		categories: text('categories', { enum: DATA_CATEGORIES })
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		// Days the data kept for this purpose may be kept after its last use. Null is a configuration
		// error: the server refuses to start while any active purpose has none.
		retentionDays: integer('retention_days'),
		// The text version consent is asked with now (people_purpose_text).
		version: integer('version').notNull().default(1),
		active: boolean('active').notNull().default(true),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('people_purpose_org_code').on(t.organisationId, t.code, t.partnerId).nullsNotDistinct(),
		check('people_purpose_partner', sql`(${t.code} = 'share_partner') = (${t.partnerId} is not null)`),
		check('people_purpose_retention', sql`${t.retentionDays} > 0`)
	]
);

// The text shown to the person, per version and language ({ nl, fr, en, bg, tr, ar }): a consent
// records the version it was given on, so what the person agreed to can always be shown again.
export const peoplePurposeText = pgTable(
	'people_purpose_text',
	{
		purposeId: uuid('purpose_id')
			.notNull()
			.references(() => peoplePurpose.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		texts: jsonb('texts').$type<Record<string, string>>().notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.purposeId, t.version] })]
);

// One row per change; the person's current answer for a purpose is the latest row.
export const peopleConsent = pgTable(
	'people_consent',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id, { onDelete: 'cascade' }),
		purposeId: uuid('purpose_id')
			.notNull()
			.references(() => peoplePurpose.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		given: boolean('given').notNull(),
		method: text('method', { enum: CONSENT_METHODS }).notNull(),
		recordedByUserId: text('recorded_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('people_consent_person_idx').on(t.personId, t.purposeId, t.recordedAt)]
);
