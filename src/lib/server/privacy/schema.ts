import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';
import { authUser } from '../auth/schema.ts';
import { peopleOrganisation, peoplePerson } from '../people/schema.ts';
import { networkPartner } from '../network/schema.ts';

// Consent per purpose (issue 13, DOMAIN.md "Privacy first"). An organisation lists its purposes; a
// person's consent is recorded per purpose as a history of rows (given, withdrawn), never a boolean
// overwritten. Help never depends on it.

/** The purposes Wijkweb knows how to honour (what stops when consent is withdrawn). */
export const PURPOSE_CODES = ['contact', 'origin_statistics', 'intercultural', 'photos', 'share_partner'] as const;
/** GDPR art. 6 bases; a purpose under anything but consent is recorded, not asked. */
export const PURPOSE_BASES = ['consent', 'public_task', 'legal_obligation', 'contract', 'vital_interest', 'legitimate_interest'] as const;
/** Categories of personal data, for the register of processing (art. 30). */
export const DATA_CATEGORIES = ['identity', 'contact', 'household', 'origin', 'languages', 'relationships', 'notes', 'photos', 'health'] as const;
export const CONSENT_METHODS = ['spoken', 'paper', 'online'] as const;

export const privacyPurpose = pgTable(
	'privacy_purpose',
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
		// The text version consent is asked with now (privacy_purpose_text).
		version: integer('version').notNull().default(1),
		active: boolean('active').notNull().default(true),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('privacy_purpose_org_code').on(t.organisationId, t.code, t.partnerId).nullsNotDistinct(),
		check('privacy_purpose_partner', sql`(${t.code} = 'share_partner') = (${t.partnerId} is not null)`),
		check('privacy_purpose_retention', sql`${t.retentionDays} > 0`)
	]
);

// The text shown to the person, per version and language ({ nl, fr, en, bg, tr, ar }): a consent
// records the version it was given on, so what the person agreed to can always be shown again.
export const privacyPurposeText = pgTable(
	'privacy_purpose_text',
	{
		purposeId: uuid('purpose_id')
			.notNull()
			.references(() => privacyPurpose.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		texts: jsonb('texts').$type<Record<string, string>>().notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.purposeId, t.version] })]
);

// One row per change; the person's current answer for a purpose is the latest row.
export const privacyConsent = pgTable(
	'privacy_consent',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id, { onDelete: 'cascade' }),
		purposeId: uuid('purpose_id')
			.notNull()
			.references(() => privacyPurpose.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		given: boolean('given').notNull(),
		method: text('method', { enum: CONSENT_METHODS }).notNull(),
		recordedByUserId: text('recorded_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('privacy_consent_person_idx').on(t.personId, t.purposeId, t.recordedAt)]
);
