import { z } from 'zod';
import { line, optionalLine } from '../core/index.ts';
import { AGE_GROUPS, CHANNELS, MERGE_FIELDS, getPerson, mergePeople, searchPeople, updatePerson } from '../people/index.ts';
import { COUNTRIES } from '../../countries.ts';
import { operation, type Operation } from './operation.ts';

// The person record's part of /api/v1 (issue 13): finding a person by name, correcting a record
// (GDPR art. 16) and merging two records of one person. Registering, listing and reading one person
// are in people-operations.ts, which shares the field schemas below.

const language = z
	.string()
	.regex(/^[a-z]{2,3}$/, 'error_choice')
	.meta({ description: 'A language, ISO 639-1 (two letters, lower case; ISO 639-3 where there is none).', example: 'nl' });

/** The fields issue 13 added to a person, for registering and correcting alike. */
export const personExtraFields = {
	birthYear: z
		.int('people_error_birth_year')
		.min(1900, 'people_error_birth_year')
		.max(2100, 'people_error_birth_year_future')
		.nullish()
		.describe('Year of birth, 1900 to the current year in Belgium (a later year is refused with 422).'),
	preferredChannel: z.enum(CHANNELS, 'error_choice').nullish().describe('How the person prefers to be reached: phone, sms, email, visit or letter.'),
	countryOfOrigin: z
		.enum(COUNTRIES, 'error_choice')
		.nullish()
		.describe(
			'Country of origin, ISO 3166-1 alpha-2. Accepted only when the organisation has an active origin purpose (origin statistics or intercultural figures) that the person consented to or whose lawful basis is not consent; otherwise 422. The broad origin group follows from it.'
		)
};

const personChange = z
	.object({
		firstName: line(1, 80).optional().describe('First name.'),
		lastName: optionalLine(80).describe('Last name; null clears it.'),
		email: z.email('error_email').max(254, 'error_too_long').nullish().describe('E-mail address; null clears it.'),
		phone: z
			.string()
			.max(30, 'error_too_long')
			.regex(/^[+0-9 ()./-]*$/, 'error_phone')
			.nullish()
			.describe('Phone number; null clears it.'),
		areaId: z.uuid('error_choice').nullish().describe('The neighbourhood; one where the caller may correct records.'),
		languages: z.array(language).max(10, 'error_too_long').optional().describe('Languages the person speaks (replaces the list).'),
		ageGroup: z.enum(AGE_GROUPS, 'error_choice').nullish().describe('Age band: 0_17, 18_29, 30_49, 50_64, 65_plus.'),
		...personExtraFields
	})
	.meta({
		id: 'PersonChange',
		description:
			'A correction (GDPR art. 16): only the fields sent are changed; null clears a field. The audit log names the fields changed, not their values.'
	});

const mergeRequest = z
	.object({
		into: z.uuid('error_not_found').describe('The record that is kept: same organisation, in the caller’s scope, not the same record.'),
		fromMerged: z
			.array(z.enum(MERGE_FIELDS, 'error_choice'))
			.max(MERGE_FIELDS.length, 'error_too_long')
			.optional()
			.describe(
				'The fields whose value comes from the merged record. Left out: the kept record’s values, and the merged one’s where the kept record has none.'
			)
	})
	.meta({ id: 'PersonMerge' });

const mergeResponse = z
	.object({
		id: z.uuid().describe('The kept record.'),
		mergedId: z.uuid().describe('The merged record: it now answers GET with `mergedIntoId` and holds no personal field.'),
		fromMerged: z.array(z.enum(MERGE_FIELDS)).describe('The fields that took the merged record’s value.'),
		moved: z.record(z.string(), z.int()).describe('Rows moved to the kept record, by "table.column".'),
		resolved: z
			.record(z.string(), z.int())
			.describe('Rows the move would have doubled, and what was done ("people_household_member.ended", "aid_draft.deleted", …).'),
		accountMoved: z.boolean().describe('The merged record’s account link moved to the kept record.')
	})
	.meta({ id: 'PersonMergeResult' });

const searchResponse = z
	.object({
		items: z.array(
			z
				.object({
					id: z.uuid(),
					firstName: z.string(),
					lastName: z.string().nullable(),
					birthYear: z.int().nullable(),
					areaId: z.uuid().nullable().describe('The neighbourhood; null: none.'),
					area: z.string().nullable().describe('The neighbourhood’s name.')
				})
				.meta({ id: 'PersonSearchItem', description: 'A name found: no contact details (those are read one person at a time, audited).' })
		)
	})
	.meta({ id: 'PersonSearch' });

const searchQuery = z.object({
	q: z
		.string()
		.max(200, 'error_too_long')
		.optional()
		.describe('A name or part of it; case and accents are ignored ("celine" finds "Céline"), small typos forgiven. Up to 80 characters are used.')
});

type Found = Awaited<ReturnType<typeof searchPeople>>;
type Corrected = Awaited<ReturnType<typeof updatePerson>>;
type Person = Awaited<ReturnType<typeof getPerson>>;

/** A person's record as getPerson and updatePerson answer it (PersonDetail in people-operations.ts). */
export const personDetail = (p: Omit<Person, 'mergedIntoId'> & { mergedIntoId: string | null }) => ({
	id: p.id,
	firstName: p.firstName,
	lastName: p.lastName,
	email: p.email,
	phone: p.phone,
	contactConsent: p.contactConsent,
	languages: p.languages,
	organisationId: p.organisationId,
	areaId: p.areaId,
	hasAccount: !!p.userId,
	birthYear: p.birthYear,
	preferredChannel: p.preferredChannel,
	countryOfOrigin: p.countryOfOrigin,
	mergedIntoId: p.mergedIntoId,
	erasedAt: p.erasedAt?.toISOString() ?? null,
	createdAt: p.createdAt.toISOString()
});

export const personDetailResponse = z
	.object({
		id: z.uuid(),
		firstName: z.string(),
		lastName: z.string().nullable(),
		email: z.string().nullable().describe('E-mail address the person gave, if any.'),
		phone: z.string().nullable().describe('Phone number the person gave, if any.'),
		contactConsent: z
			.boolean()
			.describe('The person may be contacted now: their latest answer for the purpose contact is given (or it is not asked).'),
		languages: z.array(language).describe('Languages the person speaks.'),
		organisationId: z.uuid().nullable(),
		areaId: z.uuid().nullable().describe('The neighbourhood; null: none.'),
		hasAccount: z.boolean().describe('The person has a Wijkweb account.'),
		birthYear: z.int().nullable(),
		preferredChannel: z.enum(CHANNELS).nullable().describe('How the person prefers to be reached.'),
		countryOfOrigin: z.string().nullable().describe('ISO 3166-1 alpha-2, kept only for an origin purpose (see PersonRequest).'),
		mergedIntoId: z
			.uuid()
			.nullable()
			.describe('Set when this record was merged: the record kept (read that one instead). Its personal fields are then empty.'),
		erasedAt: z.iso.datetime().nullable().describe('Set when the record was erased (GDPR art. 17): nothing personal is left.'),
		createdAt: z.iso.datetime().describe('When the person was registered (UTC).')
	})
	.meta({
		id: 'PersonDetail',
		description:
			'What staff need to reach the person: name, contact details, languages and where they are registered. Least data: age group, student, origin group and who registered them are not given. Every read is written to the audit log.'
	});

export const PERSON_OPERATIONS: Operation[] = [
	// Before /people/{id}: the dispatcher takes the first template that fits.
	operation({
		method: 'get',
		path: '/people/search',
		operationId: 'searchPeople',
		verb: searchPeople,
		query: searchQuery,
		response: searchResponse,
		input: ({ query }) => ({ q: query.q ?? '' }),
		respond: (items: Found) => ({ items })
	}),
	operation({
		method: 'patch',
		path: '/people/{id}',
		operationId: 'updatePerson',
		verb: updatePerson,
		request: personChange,
		input: ({ params, body }) => ({ ...body, id: params.id }),
		response: personDetailResponse,
		respond: (r: Corrected) => personDetail({ ...r.person, mergedIntoId: null })
	}),
	operation({
		method: 'post',
		path: '/people/{id}/merge',
		operationId: 'mergePeople',
		verb: mergePeople,
		request: mergeRequest,
		input: ({ params, body }) => ({ ...body, id: params.id }),
		response: mergeResponse
	})
];
