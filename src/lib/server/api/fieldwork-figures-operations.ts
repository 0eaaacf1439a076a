import { z } from 'zod';
import { figuresQuery, getFieldworkFigures } from '../fieldwork/index.ts';
import { operation, type Operation } from './operation.ts';

// The coordinator's fieldwork figures (part E of issue 14), bound to their verb: the same suppressed
// cells as the page /fieldwork/figures and its CSV/XLSX.

const cell = z
	.object({
		value: z.number().nullable().meta({ description: 'The figure; null when suppressed.' }),
		suppressed: z.boolean(),
		rounded: z.boolean().optional().meta({ description: 'Rounded to 5 (a token held outside the organisation); totals may not add up.' })
	})
	.meta({ id: 'FieldworkCell', description: 'A figure; groups of 1 to 4 are never shown (value null, suppressed true).' });
const counted = { contacts: cell, hours: cell.meta({ description: 'Whole hours of direct contact.' }) };

export const figuresResponse = z
	.object({
		period: z.object({ from: z.iso.date(), to: z.iso.date() }).meta({ description: 'The whole months the figures are for (Belgian time).' }),
		areaId: z.uuid().nullable(),
		theme: z.string().nullable(),
		type: z.string().nullable(),
		totals: z.object({ contacts: cell, hours: cell, knownPeople: cell, anonymousPeople: cell, homeVisits: cell }).meta({
			description:
				'knownPeople: distinct people on the contacts; anonymousPeople: the sum of the anonymous counts (street contacts), which cannot be made distinct.'
		}),
		byType: z.array(z.object({ type: z.string(), ...counted })),
		byTheme: z.array(z.object({ theme: z.string(), ...counted })).meta({ description: 'A contact with several themes counts in each.' }),
		byMonth: z.array(z.object({ month: z.string().meta({ description: 'YYYY-MM, a Brussels month' }), ...counted })),
		byArea: z.array(z.object({ areaId: z.uuid().nullable(), name: z.string().nullable(), ...counted })),
		homeVisits: z.object({
			target: z.number().int().meta({ description: 'Home visits a worker aims at in a year.' }),
			years: z.array(
				z.object({
					year: z.string(),
					months: z.number().int().meta({ description: 'Months of the period in this year.' }),
					target: z.number().int().meta({ description: 'The target for those months.' }),
					total: cell,
					workers: cell.meta({ description: 'Workers who recorded a home visit that year.' }),
					perWorker: cell.meta({ description: 'Home visits per worker (one decimal): only an average, hidden under 5 workers.' })
				})
			)
		}),
		questions: z.object({ total: cell, byStatus: z.array(z.object({ status: z.string(), count: cell })) }),
		referrals: z.object({
			total: cell,
			overrides: cell.meta({ description: 'Referrals made without consent, with a recorded override.' }),
			byStatus: z.array(z.object({ status: z.string(), count: cell })),
			byPartner: z.array(
				z.object({
					partnerId: z.uuid().nullable().meta({ description: 'null: referrals to an activity.' }),
					name: z.string().nullable(),
					count: cell
				})
			)
		})
	})
	.meta({ id: 'FieldworkFigures' });

export const FIELDWORK_FIGURES_OPERATIONS: Operation[] = [
	operation({
		method: 'get',
		path: '/fieldwork/figures',
		operationId: 'getFieldworkFigures',
		verb: getFieldworkFigures,
		query: figuresQuery,
		response: figuresResponse
	})
];
