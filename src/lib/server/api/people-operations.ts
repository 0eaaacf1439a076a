import { z } from 'zod';
import { line, optionalLine, pageFields } from '../core/index.ts';
import { AGE_GROUPS, CONSENT_METHODS, ORIGIN_GROUPS, PURPOSE_CODES, getPerson, listPeople, registerPerson } from '../people/index.ts';
import { operation, type Operation } from './operation.ts';
import { personDetail, personDetailResponse, personExtraFields } from './person-operations.ts';

// The people part of /api/v1: registering a walk-in, the scoped list, and one person's audited record.
// JSON as JSON: booleans are booleans, a missing area is absent or null (never ""), languages an array.

const language = z
	.string()
	.regex(/^[a-z]{2,3}$/, 'error_choice')
	.meta({ description: 'A language, ISO 639-1 (two letters, lower case; ISO 639-3 where there is none).', example: 'nl' });

const personRequest = z
	.object({
		firstName: line(1, 80).describe('First name, as the person gives it.'),
		lastName: optionalLine(80).describe('Last name, if the person gives one.'),
		email: z.email('error_email').max(254, 'error_too_long').nullish().describe('E-mail address, if the person gives one (it makes no account).'),
		phone: z
			.string()
			.max(30, 'error_too_long')
			.regex(/^[+0-9 ()./-]*$/, 'error_phone')
			.nullish()
			.describe('Phone number, as written: digits, spaces and + ( ) . / -.'),
		organisationId: z
			.uuid('error_required')
			.describe('The organisation that registers the person and keeps the record: one where the caller may register people.'),
		areaId: z
			.uuid('error_choice')
			.nullish()
			.describe(
				'The neighbourhood. Required from a caller whose role is bound to neighbourhoods; absent or null: none (then only the organisation’s organisation-wide roles see the person).'
			),
		consents: z
			.array(
				z
					.object({
						purposeId: z.uuid('consent_error_purpose').optional().describe('One of the organisation’s purposes (its id).'),
						code: z.enum(PURPOSE_CODES, 'consent_error_purpose').optional().describe('Or the purpose by its code within the organisation.'),
						method: z.enum(CONSENT_METHODS, 'consent_error_method').default('spoken').describe('How the person gave it: spoken, paper or online.')
					})
					.meta({ id: 'ConsentGiven', description: 'A purpose the person agreed to: `purposeId` or `code`, not both.' })
			)
			.max(20, 'error_too_long')
			.default([])
			.describe(
				'The purposes of the organisation the person agreed to. Each must be active and asked (lawful basis consent); anything else is refused (422) and nothing is registered. Help never depends on it.'
			),
		contactConsent: z
			.boolean('error_choice')
			.default(false)
			.meta({ deprecated: true })
			.describe('Deprecated (one release): the same as `consents: [{ "code": "contact" }]`.'),
		languages: z.array(language).max(10, 'error_too_long').default([]).describe('Languages the person speaks (matching uses them).'),
		ageGroup: z
			.enum(AGE_GROUPS, 'error_choice')
			.nullish()
			.describe('Age band in years: 0_17, 18_29, 30_49, 50_64, 65_plus (intergenerational figures).'),
		student: z.boolean('error_choice').default(false).describe('The person is a student.'),
		interculturalConsent: z
			.boolean('error_choice')
			.default(false)
			.meta({ deprecated: true })
			.describe('Deprecated (one release): the same as `consents: [{ "code": "intercultural" }]`.'),
		originGroup: z
			.enum(ORIGIN_GROUPS, 'error_choice')
			.nullish()
			.describe(
				'belgium, eu or outside_eu. Kept only with consent for the purpose intercultural; without it, dropped. Derived from countryOfOrigin when that is given.'
			),
		...personExtraFields
	})
	.meta({ id: 'PersonRequest', description: 'A person met at office hours or in the street, registered without an account.' });

const personResponse = z
	.object({
		id: z.uuid(),
		firstName: z.string(),
		organisationId: z.uuid().nullable(),
		areaId: z.uuid().nullable().describe('The neighbourhood; null: none.'),
		hasAccount: z.boolean().describe('The person has a Wijkweb account (linked to it by its owner).')
	})
	.meta({ id: 'Person' });

const personListResponse = z
	.object({
		items: z.array(
			z
				.object({
					id: z.uuid(),
					firstName: z.string(),
					lastName: z.string().nullable(),
					organisationId: z.uuid().nullable(),
					organisation: z.string().nullable().describe('The organisation’s name.'),
					areaId: z.uuid().nullable().describe('The neighbourhood; null: none.'),
					hasAccount: z.boolean().describe('The person has a Wijkweb account.'),
					createdAt: z.iso.datetime().describe('When the person was registered (UTC).')
				})
				.meta({ id: 'PersonListItem', description: 'A name in the list: no contact details (those are read one person at a time, audited).' })
		),
		nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.')
	})
	.meta({ id: 'PersonList' });

const listQuery = z.object({
	q: z
		.string()
		.max(200, 'error_too_long')
		.optional()
		.describe('Part of a first or last name (case and accents as typed; up to 80 characters are used).'),
	limit: pageFields.limit.describe('People per page, 1–200 (default 50).'),
	cursor: pageFields.cursor.describe('The `nextCursor` of the previous page.')
});

const readQuery = z.object({
	reason: z.string().max(200, 'error_too_long').optional().describe('Why the record is read: kept with the read in the audit log.')
});

type Registered = Awaited<ReturnType<typeof registerPerson>>;
type PeoplePage = Awaited<ReturnType<typeof listPeople>>;

export const PEOPLE_OPERATIONS: Operation[] = [
	operation({
		method: 'post',
		path: '/people',
		operationId: 'createPerson',
		verb: registerPerson,
		request: personRequest,
		response: personResponse,
		status: 201,
		location: (p: Registered) => `/people/${p.id}`,
		respond: (p: Registered) => ({ id: p.id, firstName: p.firstName, organisationId: p.organisationId, areaId: p.areaId, hasAccount: !!p.userId })
	}),
	operation({
		method: 'get',
		path: '/people',
		operationId: 'listPeople',
		summary: 'The people registered in the caller’s organisations and areas, by first name (the same list as the people page)',
		verb: listPeople,
		query: listQuery,
		response: personListResponse,
		respond: (page: PeoplePage) => ({ ...page, items: page.items.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })) })
	}),
	operation({
		method: 'get',
		path: '/people/{id}',
		operationId: 'getPerson',
		summary: 'One person with their contact details, in the caller’s organisations and areas (anything else is a 404); the read is audited',
		verb: getPerson,
		query: readQuery,
		response: personDetailResponse,
		respond: personDetail
	})
];
