import { z } from 'zod';
import { CONSENT_METHODS, DATA_CATEGORIES, PURPOSE_BASES, PURPOSE_CODES } from './schema.ts';
import { TEXT_LANGUAGES } from './consent-rules.ts';

// The purposes form and the consent inputs. A form sends strings (repeated names for lists); the API
// sends JSON: both go through these.

const checkbox = z
	.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')])
	.optional()
	.transform((v) => v === true || v === 'on' || v === 'true');

const list = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((v) => (Array.isArray(v) ? v : v ? [v] : []).filter(Boolean));

const required = z.string('error_required').trim().min(1, 'error_required').max(2000, 'error_too_long');
const optional = z
	.string()
	.trim()
	.max(2000, 'error_too_long')
	.optional()
	.transform((v) => v || undefined);

/** A purpose's fields as the form sends them; its text is one field per interface language. */
export const purposeFields = z.object({
	lawfulBasis: z
		.enum(PURPOSE_BASES, 'error_choice')
		.nullish()
		.or(z.literal('').transform(() => null)),
	categories: list.pipe(z.array(z.enum(DATA_CATEGORIES, 'error_choice'))).transform((cs) => [...new Set(cs)]),
	// Required: a purpose without a retention period is a configuration error (privacy/ refuses to start).
	retentionDays: z.coerce
		.number('consent_error_retention')
		.int('consent_error_retention')
		.min(1, 'consent_error_retention')
		.max(36500, 'consent_error_retention'),
	active: checkbox,
	text_nl: required,
	text_fr: required,
	text_en: required,
	text_bg: optional,
	text_tr: optional,
	text_ar: optional
});

export const createPurposeInput = purposeFields.extend({
	organisationId: z.uuid('error_not_found'),
	code: z.enum(PURPOSE_CODES, 'error_choice'),
	partnerId: z
		.uuid('error_choice')
		.nullish()
		.or(z.literal('').transform(() => null))
});

export const updatePurposeInput = purposeFields.extend({ organisationId: z.uuid('error_not_found'), purposeId: z.uuid('error_not_found') });

type PurposeFields = z.infer<typeof purposeFields>;

/** The texts as stored: the languages filled in (nl, fr, en always). */
export function textsOf(input: PurposeFields): Record<string, string> {
	const texts: Record<string, string> = {};
	for (const l of TEXT_LANGUAGES) {
		const t = input[`text_${l}`];
		if (t) texts[l] = t;
	}
	return texts;
}

export const consentMethod = z.enum(CONSENT_METHODS, 'consent_error_method');

export const recordConsentInput = z.object({
	personId: z.uuid('error_not_found'),
	purposeId: z.uuid('consent_error_purpose'),
	given: z
		.union([z.boolean(), z.literal('true'), z.literal('false')])
		.default(true)
		.transform((v) => v === true || v === 'true'),
	method: consentMethod
});

export const withdrawConsentInput = z.object({
	personId: z.uuid('error_not_found'),
	purposeId: z.uuid('consent_error_purpose'),
	method: consentMethod.default('spoken')
});

/**
 * The consents asked when a person is registered: a list of purposes (by id, or by code within the
 * person's organisation) with how each was given. A form sends codes or ids as repeated `consents`
 * with one `consentMethod`; the API sends objects.
 */
const codeOrId = z.union([z.enum(PURPOSE_CODES), z.uuid(), z.literal('')], 'consent_error_purpose');

export const registrationConsents = z
	.union([
		codeOrId,
		z.array(
			z.union([
				codeOrId,
				z
					.object({
						purposeId: z.uuid('consent_error_purpose').optional(),
						code: z.enum(PURPOSE_CODES, 'consent_error_purpose').optional(),
						method: consentMethod.default('spoken')
					})
					.refine((c) => !!c.purposeId !== !!c.code, 'consent_error_purpose')
			])
		)
	])
	.optional()
	.transform((v) => (Array.isArray(v) ? v : v ? [v] : []).filter((c) => c !== ''));

export type ConsentAsked = { purposeId?: string; code?: (typeof PURPOSE_CODES)[number]; method: (typeof CONSENT_METHODS)[number] };

/** A form's strings (a code or an id) and the API's objects as one list, each with its method. */
export function consentsAsked(
	list: z.infer<typeof registrationConsents>,
	method: (typeof CONSENT_METHODS)[number],
	legacy: { contactConsent: boolean; interculturalConsent: boolean }
): ConsentAsked[] {
	const asked: ConsentAsked[] = list.map((c) => {
		if (typeof c !== 'string') return c;
		if ((PURPOSE_CODES as readonly string[]).includes(c)) return { code: c as ConsentAsked['code'], method };
		return { purposeId: c, method };
	});
	// The booleans of before consent per purpose, still accepted for one release (docs/api.md).
	if (legacy.contactConsent) asked.push({ code: 'contact', method });
	if (legacy.interculturalConsent) asked.push({ code: 'intercultural', method });
	return asked;
}
