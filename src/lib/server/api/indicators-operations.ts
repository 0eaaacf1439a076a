import { z } from 'zod';
import { MEASURES, PERIOD_TYPES } from '../../measures.ts';
import {
	defineIndicator,
	defineIndicatorFields,
	filtersInput,
	getIndicatorValues,
	listIndicators,
	recordIndicatorValue,
	TEMPLATES
} from '../indicators/index.ts';
import { operation, type Operation } from './operation.ts';

// Indicators (issue 15, the indicators part): definitions, their values per period against the
// target, and manual values. The same verbs, permissions and "<5" cells as the pages /indicators….

const day = z.iso.date();
const cell = z
	.object({ value: z.number().nullable().meta({ description: 'The value; null when suppressed or not known yet.' }), suppressed: z.boolean() })
	.meta({ id: 'IndicatorCell', description: 'Counts of 1 to 4 people (or households) are never shown: value null, suppressed true.' });

const filters = z
	.object({
		contactTypes: z.array(z.string()).optional(),
		themes: z.array(z.string()).optional(),
		activityKinds: z.array(z.string()).optional(),
		aidCategories: z.array(z.string()).optional(),
		activityIds: z.array(z.uuid()).optional(),
		ageBand: z.object({ from: z.int(), to: z.int() }).optional().meta({ description: 'Ages at the moment counted, both ends included.' })
	})
	.meta({ id: 'IndicatorFilters' });

const definition = z
	.object({
		id: z.uuid(),
		organisationId: z.uuid(),
		areaId: z.uuid().nullable().meta({ description: 'null: the whole organisation.' }),
		areaName: z.string().nullable(),
		name: z.string(),
		description: z.string().nullable(),
		template: z.string().nullable(),
		metric: z.string().nullable().meta({ description: 'The registry metric; null for a manual indicator.' }),
		measure: z.enum(MEASURES).nullable(),
		manual: z.boolean(),
		perWeek: z.boolean().meta({ description: 'Each value is an average per week: the total ÷ (the period’s days within the range ÷ 7).' }),
		filters,
		target: z.number(),
		periodType: z.enum(PERIOD_TYPES),
		programmeStartMonth: z.int().nullable(),
		startsOn: day,
		endsOn: day.meta({ description: 'The last day, included.' }),
		counts: z.string().meta({ description: 'What it counts, in words, in the caller’s language.' })
	})
	.meta({ id: 'Indicator' });

const periodValue = z
	.object({
		from: day,
		to: day.meta({ description: 'The day after the period (excluded).' }),
		value: cell,
		target: z.number(),
		status: z.enum(['met', 'near', 'behind', 'pending', 'hidden']).meta({
			description: 'met: value ≥ target; near: ≥ 80 % of it; behind: less; pending: not started or nothing entered; hidden: the value is suppressed.'
		}),
		current: z.boolean().meta({ description: 'The period today is in: its value counts up to now.' })
	})
	.meta({ id: 'IndicatorPeriodValue' });

const entry = z
	.object({ value: z.number(), note: z.string().nullable(), enteredAt: z.iso.datetime({ offset: true }), enteredBy: z.string().nullable() })
	.nullable()
	.meta({ description: 'A manual value as entered, and by whom.' });

const indicatorList = z
	.object({
		items: z.array(definition.extend({ recent: z.array(periodValue), latest: periodValue.nullable() })),
		nextCursor: z.string().nullable()
	})
	.meta({ id: 'IndicatorList' });

const indicatorValues = z
	.object({
		indicator: definition,
		mayRecord: z.boolean().meta({ description: 'The caller may enter values (manual indicators only).' }),
		periods: z.array(periodValue.extend({ entry }))
	})
	.meta({ id: 'IndicatorValues' });

const defineRequest = z
	.object({
		...defineIndicatorFields.shape,
		template: z
			.enum(TEMPLATES.map((t) => t.code) as [string, ...string[]])
			.nullish()
			.meta({ description: 'A built-in definition: it sets metric, measure, perWeek and filters (add a theme or activities when it asks).' }),
		filters: filtersInput.optional()
	})
	.meta({ id: 'IndicatorRequest' });

export const INDICATOR_OPERATIONS: Operation[] = [
	operation({
		method: 'post',
		path: '/indicators',
		operationId: 'defineIndicator',
		verb: defineIndicator,
		request: defineRequest,
		response: z.object({ id: z.uuid() }).meta({ id: 'IndicatorCreated' }),
		status: 201,
		location: (o: { id: string }) => `/indicators/${o.id}/values`
	}),
	operation({
		method: 'get',
		path: '/indicators',
		operationId: 'listIndicators',
		verb: listIndicators,
		query: z.object({ areaId: z.uuid('error_choice').optional() }),
		response: indicatorList,
		// An organisation keeps tens of indicators: one page.
		respond: (items) => ({ items, nextCursor: null })
	}),
	operation({
		method: 'get',
		path: '/indicators/{id}/values',
		operationId: 'getIndicatorValues',
		verb: getIndicatorValues,
		query: z.object({
			from: day.optional().meta({ description: 'First day; the periods overlapping the range are answered, whole. Default: the indicator’s start.' }),
			to: day.optional().meta({ description: 'Last day, included; at most 10 years after from. Default: the indicator’s end.' })
		}),
		response: indicatorValues
	}),
	operation({
		method: 'post',
		path: '/indicators/{id}/values',
		operationId: 'recordIndicatorValue',
		verb: recordIndicatorValue,
		request: z
			.object({
				periodStart: day.meta({ description: 'The first day of one of the indicator’s periods.' }),
				value: z.number().min(0),
				note: z.string().max(300).nullish()
			})
			.meta({ id: 'IndicatorValueRequest' }),
		input: ({ params, body }) => ({ ...body, id: params.id }),
		response: z
			.object({ id: z.uuid(), indicatorId: z.uuid(), periodStart: day, value: z.number(), previous: z.number().nullable() })
			.meta({ id: 'IndicatorValueRecorded' })
	})
];
