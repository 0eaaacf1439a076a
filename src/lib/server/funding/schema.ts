import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, updatedAt } from '../db/columns.ts';
import { authUser } from '../auth/schema.ts';
import { peopleOrganisation } from '../people/schema.ts';
import { APPLICANT_KINDS, APPLICATION_STATUSES, CALL_STATUSES, type ApplicationBody, type CallRules } from '../../funding/types.ts';

// Funding (issue 16): a funder's programmes and their calls, whose rules are data (`rules`, checked by
// the pure engine in src/lib/funding/rules.ts); applications with their frozen versions and every
// status step; the jury (one table of who sits on which call: assignments are never split over two
// mechanisms), conflicts and scores; a granted application's project, its budget versions, tranches
// and expenses with their documents. Everything is scoped by the funder's organisation.

// The limits the pages, the API and the CHECKs share.
export const FUNDING_LIMITS = {
	titleMax: 200,
	textMax: 4000,
	/** A section's text, whatever the call's word limit (a 50 000-word paste is refused before counting). */
	sectionCharsMax: 60_000,
	budgetLinesMax: 500,
	partnersMax: 50,
	indicatorsMax: 30,
	risksMax: 30,
	/** 100 million euro in cents: more is a typing error, not a neighbourhood project. */
	amountMaxCents: 10_000_000_000,
	/** A document (a call's, an expense's invoice): at most 5 MB; PDF, PNG, JPEG or an office document. */
	fileMaxBytes: 5 * 1024 * 1024,
	yearsMax: 10
} as const;

export const fundingProgramme = pgTable(
	'funding_programme',
	{
		id: id(),
		// The funder: a city, a region's service or a foundation (an organisation of the instance).
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('funding_programme_org_idx').on(t.organisationId)]
);

export const fundingCall = pgTable(
	'funding_call',
	{
		id: id(),
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => fundingProgramme.id),
		// Copied from the programme so every read is scoped without a join.
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		// The template it was made from ('participatory', 'improvement_contract', 'sustainable_contract'), if any.
		template: text('template'),
		status: text('status', { enum: CALL_STATUSES }).notNull().default('draft'),
		rules: jsonb('rules').$type<CallRules>().notNull(),
		// The rules' opening and closing instants, copied out for lists and the deadline's index.
		opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
		closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		// Optimistic locking of the rules' editor: an update names the version it read.
		version: integer('version').notNull().default(1),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('funding_call_programme_idx').on(t.programmeId),
		index('funding_call_org_idx').on(t.organisationId, t.closesAt),
		index('funding_call_public_idx')
			.on(t.closesAt)
			.where(sql`${t.status} <> 'draft'`),
		check('funding_call_window', sql`${t.closesAt} > ${t.opensAt}`)
	]
);

/** A file kept in PostgreSQL: a call's document or an expense's invoice (size and type checked first). */
export const fundingFile = pgTable(
	'funding_file',
	{
		id: id(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		callId: uuid('call_id').references(() => fundingCall.id),
		name: text('name').notNull(),
		// Recognised from the file's first bytes, never the name or the type the browser sent.
		mediaType: text('media_type').notNull(),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		content: bytea('content').notNull(),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('funding_file_call_idx').on(t.callId),
		check('funding_file_size', sql`${t.size} between 1 and ${sql.raw(String(FUNDING_LIMITS.fileMaxBytes))}`)
	]
);

export const fundingApplication = pgTable(
	'funding_application',
	{
		id: id(),
		callId: uuid('call_id')
			.notNull()
			.references(() => fundingCall.id),
		// The funder's organisation (the call's), so the officer's reads are scoped without a join.
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		applicantKind: text('applicant_kind', { enum: APPLICANT_KINDS }).notNull(),
		applicantName: text('applicant_name').notNull(),
		// When the applicant is an organisation of the instance (an association, a city team).
		applicantOrganisationId: uuid('applicant_organisation_id').references(() => peopleOrganisation.id),
		ownerUserId: text('owner_user_id')
			.notNull()
			.references(() => authUser.id),
		// The applicant's language, for the decision's mail.
		locale: text('locale').notNull().default('nl'),
		status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('draft'),
		body: jsonb('body').$type<ApplicationBody>().notNull(),
		// Optimistic locking: every save names the version it read; a stale one is refused with both texts.
		version: integer('version').notNull().default(1),
		// Copied from the body on every save: the grant asked (cents), for lists and rankings.
		requestedCents: bigint('requested_cents', { mode: 'number' }).notNull().default(0),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		// The officer reopened a submitted application: edits are allowed and make a new version.
		reopenedAt: timestamp('reopened_at', { withTimezone: true }),
		grantedCents: bigint('granted_cents', { mode: 'number' }),
		decisionReason: text('decision_reason'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decidedByUserId: text('decided_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('funding_application_call_idx').on(t.callId, t.status),
		index('funding_application_owner_idx').on(t.ownerUserId),
		index('funding_application_org_idx').on(t.organisationId),
		check('funding_application_granted', sql`${t.grantedCents} is null or ${t.grantedCents} >= 0`)
	]
);

/**
 * A submitted (frozen) copy of an application: what the jury scores and the applicant downloads. Its
 * number is the application's `version` at the moment it was frozen; the latest one is the one in force.
 */
export const fundingApplicationVersion = pgTable(
	'funding_application_version',
	{
		applicationId: uuid('application_id')
			.notNull()
			.references(() => fundingApplication.id),
		version: integer('version').notNull(),
		body: jsonb('body').$type<ApplicationBody>().notNull(),
		// The call's rules it was checked against, as they were then.
		rules: jsonb('rules').$type<CallRules>().notNull(),
		submittedByUserId: text('submitted_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.applicationId, t.version] })]
);

/** Every status step: who, when, from what to what, and why. */
export const fundingApplicationEvent = pgTable(
	'funding_application_event',
	{
		id: id(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => fundingApplication.id),
		fromStatus: text('from_status', { enum: APPLICATION_STATUSES }),
		toStatus: text('to_status', { enum: APPLICATION_STATUSES }).notNull(),
		actorUserId: text('actor_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		reason: text('reason'),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('funding_application_event_app_idx').on(t.applicationId, t.at)]
);

/** Co-editors: invited by e-mail; the link (only its SHA-256 here) makes the invited account an editor. */
export const fundingEditor = pgTable(
	'funding_editor',
	{
		id: id(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => fundingApplication.id),
		email: text('email').notNull(),
		tokenHash: text('token_hash').notNull(),
		userId: text('user_id').references(() => authUser.id, { onDelete: 'cascade' }),
		invitedByUserId: text('invited_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('funding_editor_token_idx').on(t.tokenHash), index('funding_editor_user_idx').on(t.userId)]
);

/** Who sits on a call's jury: the one table of assignments (every eligible application of the call, less conflicts). */
export const fundingJuror = pgTable(
	'funding_juror',
	{
		callId: uuid('call_id')
			.notNull()
			.references(() => fundingCall.id),
		userId: text('user_id')
			.notNull()
			.references(() => authUser.id),
		assignedByUserId: text('assigned_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.callId, t.userId] }), index('funding_juror_user_idx').on(t.userId)]
);

/** A juror's declared conflict of interest: the application is hidden from them, their scores never count. */
export const fundingConflict = pgTable(
	'funding_conflict',
	{
		applicationId: uuid('application_id')
			.notNull()
			.references(() => fundingApplication.id),
		userId: text('user_id')
			.notNull()
			.references(() => authUser.id),
		reason: text('reason').notNull(),
		declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.applicationId, t.userId] })]
);

/** One juror's review of one application: final only with a motivation; only the officer reopens it. */
export const fundingReview = pgTable(
	'funding_review',
	{
		applicationId: uuid('application_id')
			.notNull()
			.references(() => fundingApplication.id),
		userId: text('user_id')
			.notNull()
			.references(() => authUser.id),
		motivation: text('motivation'),
		finalAt: timestamp('final_at', { withTimezone: true }),
		reopenedAt: timestamp('reopened_at', { withTimezone: true }),
		reopenedByUserId: text('reopened_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		updatedAt: updatedAt()
	},
	(t) => [
		primaryKey({ columns: [t.applicationId, t.userId] }),
		check('funding_review_final', sql`${t.finalAt} is null or length(trim(${t.motivation})) > 0`)
	]
);

/** A juror's score on one criterion (the call's key), with a comment kept from the applicant. */
export const fundingScore = pgTable(
	'funding_score',
	{
		applicationId: uuid('application_id')
			.notNull()
			.references(() => fundingApplication.id),
		userId: text('user_id')
			.notNull()
			.references(() => authUser.id),
		criterion: text('criterion').notNull(),
		score: integer('score').notNull(),
		comment: text('comment').notNull().default(''),
		updatedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.applicationId, t.userId, t.criterion] })]
);

/** A granted application carried out: its approved budget is the latest approved budget version. */
export const fundingProject = pgTable(
	'funding_project',
	{
		id: id(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => fundingApplication.id),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		grantedCents: bigint('granted_cents', { mode: 'number' }).notNull(),
		startsOn: date('starts_on').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('funding_project_application_idx').on(t.applicationId), index('funding_project_org_idx').on(t.organisationId)]
);

export const BUDGET_VERSION_STATUSES = ['proposed', 'approved', 'refused'] as const;

/** The project's budget: version 1 is the granted application's; an amendment is a new version the officer approves. */
export const fundingBudgetVersion = pgTable(
	'funding_budget_version',
	{
		projectId: uuid('project_id')
			.notNull()
			.references(() => fundingProject.id),
		version: integer('version').notNull(),
		body: jsonb('body').$type<ApplicationBody>().notNull(),
		status: text('status', { enum: BUDGET_VERSION_STATUSES }).notNull(),
		reason: text('reason').notNull().default(''),
		proposedByUserId: text('proposed_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		decidedByUserId: text('decided_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.projectId, t.version] })]
);

/** A tranche of the grant: planned (date, amount, condition), then paid. */
export const fundingTranche = pgTable(
	'funding_tranche',
	{
		id: id(),
		projectId: uuid('project_id')
			.notNull()
			.references(() => fundingProject.id),
		plannedOn: date('planned_on').notNull(),
		amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
		condition: text('condition').notNull().default(''),
		paidOn: date('paid_on'),
		paidCents: bigint('paid_cents', { mode: 'number' }),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('funding_tranche_project_idx').on(t.projectId, t.plannedOn),
		check('funding_tranche_amount', sql`${t.amountCents} > 0 and (${t.paidCents} is null or ${t.paidCents} > 0)`)
	]
);

/** Money spent against a budget line (the line's id in the approved budget), with its document. */
export const fundingExpense = pgTable(
	'funding_expense',
	{
		id: id(),
		projectId: uuid('project_id')
			.notNull()
			.references(() => fundingProject.id),
		lineId: text('line_id').notNull(),
		year: integer('year').notNull(),
		spentOn: date('spent_on').notNull(),
		amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
		supplier: text('supplier').notNull(),
		description: text('description').notNull().default(''),
		fileId: uuid('file_id').references(() => fundingFile.id),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('funding_expense_project_idx').on(t.projectId, t.lineId), check('funding_expense_amount', sql`${t.amountCents} > 0`)]
);
