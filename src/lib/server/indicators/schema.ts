import { sql } from 'drizzle-orm';
import { boolean, check, date, index, jsonb, numeric, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';
import { authUser } from '../auth/schema.ts';
import { areasArea } from '../areas/schema.ts';
import { peopleOrganisation } from '../people/schema.ts';
import { MEASURES, PERIOD_TYPES } from '../../measures.ts';

// Indicators (issue 15): definitions apart from values (a known indicator system, learnt from). A
// computed indicator names a metric of the registry (indicators/registry.ts: each module contributes
// its own) and what it counts; its values are computed from live data when asked, never stored. A
// manual indicator's values are typed in per period, with who entered them.

export const indicatorsIndicator = pgTable(
	'indicators_indicator',
	{
		id: id(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		// Null: the whole organisation.
		areaId: uuid('area_id').references(() => areasArea.id),
		name: text('name').notNull(),
		description: text('description'),
		// The built-in definition it was made from (registry code), if any.
		template: text('template'),
		// Null for a manual indicator; else a metric code of the registry ('fieldwork.contacts', …).
		metric: text('metric'),
		measure: text('measure', { enum: MEASURES }),
		// The value of a period is an average per week over it (partial weeks counted by their days).
		perWeek: boolean('per_week').notNull().default(false),
		// The metric's filters (contact types, themes, age band, activity kinds, aid categories), checked
		// against the metric's declared filters when defined.
		filters: jsonb('filters')
			.notNull()
			.default(sql`'{}'::jsonb`),
		target: numeric('target', { mode: 'number' }).notNull(),
		periodType: text('period_type', { enum: PERIOD_TYPES }).notNull(),
		// Programme years start on this month (1–12); only for 'programme_year'.
		programmeStartMonth: smallint('programme_start_month'),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('indicators_indicator_org_idx').on(t.organisationId),
		check('indicators_indicator_target', sql`${t.target} >= 0`),
		check('indicators_indicator_range', sql`${t.endsOn} > ${t.startsOn}`),
		check('indicators_indicator_manual', sql`(${t.metric} is null) = (${t.measure} is null)`),
		check(
			'indicators_indicator_programme',
			sql`(${t.periodType} = 'programme_year') = (${t.programmeStartMonth} is not null) and coalesce(${t.programmeStartMonth}, 1) between 1 and 12`
		)
	]
);

/** A manual indicator's value for one period (its first day), with who entered it. */
export const indicatorsValue = pgTable(
	'indicators_value',
	{
		id: id(),
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => indicatorsIndicator.id, { onDelete: 'cascade' }),
		periodStart: date('period_start').notNull(),
		value: numeric('value', { mode: 'number' }).notNull(),
		note: text('note'),
		enteredByUserId: text('entered_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('indicators_value_period').on(t.indicatorId, t.periodStart), check('indicators_value_positive', sql`${t.value} >= 0`)]
);

export type IndicatorRow = typeof indicatorsIndicator.$inferSelect;
