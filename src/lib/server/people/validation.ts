import { z } from 'zod';
import { line, optionalLine, todayInBelgium } from '../core/index.ts';
import { COUNTRIES } from '../../countries.ts';
import { checkAccent, parseHex } from '../../ui/contrast.ts';
import { AGE_GROUPS, CHANNELS, LAWFUL_BASES, LOGO_MAX_BYTES, ORGANISATION_KINDS, ORIGIN_GROUPS } from './schema.ts';
import { logoType } from './logo.ts';
import { consentMethod, registrationConsents } from './purposes-validation.ts';

const checkbox = z
	.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')])
	.optional()
	.transform((v) => v === true || v === 'on' || v === 'true');

/** The current year in Belgium: a birth year after it is a mistake (the clock is read at each check). */
const belgianYear = () => Number(todayInBelgium().slice(0, 4));

/** A birth year, 1900 … this year; a form sends it as text, empty for none. */
const birthYear = z
	.union([z.number(), z.string().trim()])
	.nullish()
	.transform((v) => (v === '' || v === undefined || v === null ? null : Number(v)))
	.pipe(
		z
			.int('people_error_birth_year')
			.min(1900, 'people_error_birth_year')
			.refine((y) => y <= belgianYear(), 'people_error_birth_year_future')
			.nullable()
	);

const preferredChannel = z
	.enum(CHANNELS, 'error_choice')
	.nullish()
	.or(z.literal('').transform(() => null));

/** ISO 3166-1 alpha-2, upper case (src/lib/countries.ts); empty for none. */
const countryOfOrigin = z
	.string()
	.trim()
	.toUpperCase()
	.nullish()
	.transform((v) => v || null)
	.pipe(z.enum(COUNTRIES, 'error_choice').nullable());

// The fields of a person that staff may write (register) and correct (art. 16), one schema for both.
const personFields = {
	firstName: line(1, 80),
	lastName: optionalLine(80),
	email: z
		.string()
		.trim()
		.toLowerCase()
		.max(254, 'error_too_long')
		.transform((v) => (v === '' ? null : v))
		.pipe(z.email('error_email').nullable())
		.nullish(),
	phone: z
		.string()
		.trim()
		.max(30, 'error_too_long')
		.regex(/^[+0-9 ()./-]*$/, 'error_phone')
		.transform((v) => (v === '' ? null : v))
		.nullish(),
	areaId: z
		.uuid()
		.nullish()
		.or(z.literal('').transform(() => null)),
	// Languages spoken (ISO 639 codes; a form sends them comma-separated or repeated).
	languages: z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) => (Array.isArray(v) ? v : (v ?? '').split(',')).map((l) => l.trim().toLowerCase()).filter(Boolean))
		.pipe(z.array(z.string().regex(/^[a-z]{2,3}$/, 'error_choice')).max(10, 'error_too_long'))
		.transform((ls) => [...new Set(ls)]),
	ageGroup: z
		.enum(AGE_GROUPS, 'error_choice')
		.nullish()
		.or(z.literal('').transform(() => null)),
	birthYear,
	preferredChannel,
	countryOfOrigin
};

export const registerPersonInput = z.object({
	...personFields,
	organisationId: z.uuid('error_required'),
	// The purposes the person agreed to (ids, or codes of the organisation's purposes) and how.
	consents: registrationConsents,
	consentMethod: consentMethod.default('spoken'),
	// Before consent per purpose: the same as consents 'contact' and 'intercultural'. Accepted for one
	// release (the office-hour form and API clients send them); docs/api.md says so.
	contactConsent: checkbox,
	student: checkbox,
	interculturalConsent: checkbox,
	originGroup: z
		.enum(ORIGIN_GROUPS, 'error_choice')
		.nullish()
		.or(z.literal('').transform(() => null))
});
export type RegisterPersonInput = z.infer<typeof registerPersonInput>;

/** The fields a correction may change (art. 16): those given are changed, null clears one. */
export const CORRECTABLE = [
	'firstName',
	'lastName',
	'email',
	'phone',
	'areaId',
	'languages',
	'ageGroup',
	'birthYear',
	'preferredChannel',
	'countryOfOrigin'
] as const;
export type Correctable = (typeof CORRECTABLE)[number];

export const updatePersonInput = z.object({ id: z.uuid('error_not_found'), ...personFields }).partial({
	firstName: true,
	lastName: true,
	email: true,
	phone: true,
	areaId: true,
	languages: true,
	ageGroup: true,
	birthYear: true,
	preferredChannel: true,
	countryOfOrigin: true
});

export const linkAccountInput = z.object({
	personId: z.uuid(),
	email: z.string().trim().toLowerCase().max(254, 'error_too_long').pipe(z.email('error_email'))
});

export const createOrganisationInput = z.object({
	name: line(2, 120),
	kind: z.enum(ORGANISATION_KINDS, 'error_choice'),
	lawfulBasis: z.enum(LAWFUL_BASES, 'error_choice')
});

/**
 * An accent colour, or none (the default look). It is used both as link text on the white page and
 * as the background of buttons with white or near-black text, so both must reach 4.5:1.
 */
const accentColor = z
	.string()
	.nullish()
	.transform((v) => v?.trim().toLowerCase() || null)
	.superRefine((v, ctx) => {
		if (v === null) return;
		if (!parseHex(v)) return ctx.addIssue({ code: 'custom', message: 'people_error_accent_format' });
		const check = checkAccent(v);
		if (!check.onAccent) ctx.addIssue({ code: 'custom', message: 'people_error_accent_text' });
		else if (!check.linkOk) ctx.addIssue({ code: 'custom', message: 'people_error_accent_link' });
	})
	.transform((v) => (v === null ? null : checkAccent(v).accent));

/** An uploaded logo's bytes: at most 100 KB, and a PNG, WebP or JPEG by its first bytes. */
const logo = z
	.instanceof(Uint8Array, { message: 'people_error_logo_type' })
	.superRefine((bytes, ctx) => {
		if (bytes.byteLength > LOGO_MAX_BYTES) ctx.addIssue({ code: 'custom', message: 'people_error_logo_size' });
		else if (!logoType(bytes)) ctx.addIssue({ code: 'custom', message: 'people_error_logo_type' });
	})
	.transform((bytes) => ({ bytes, type: logoType(bytes)! }))
	.optional();

/** What the theme form sends as text (the logo comes as a file, the organisation from the path). */
export const themeFormInput = z.object({
	name: line(2, 120),
	accentColor,
	removeLogo: checkbox
});

export const themeInput = themeFormInput.extend({ organisationId: z.uuid('error_not_found'), logo });
