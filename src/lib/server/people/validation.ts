import { z } from 'zod';
import { line, optionalLine } from '../core/index.ts';
import { checkAccent, parseHex } from '../../ui/contrast.ts';
import { AGE_GROUPS, LAWFUL_BASES, LOGO_MAX_BYTES, ORGANISATION_KINDS, ORIGIN_GROUPS } from './schema.ts';
import { logoType } from './logo.ts';
import { consentMethod, registrationConsents } from './purposes-validation.ts';

const checkbox = z
	.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')])
	.optional()
	.transform((v) => v === true || v === 'on' || v === 'true');

export const registerPersonInput = z.object({
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
	organisationId: z.uuid('error_required'),
	areaId: z
		.uuid()
		.nullish()
		.or(z.literal('').transform(() => null)),
	// The purposes the person agreed to (ids, or codes of the organisation's purposes) and how.
	consents: registrationConsents,
	consentMethod: consentMethod.default('spoken'),
	// Before consent per purpose: the same as consents 'contact' and 'intercultural'. Accepted for one
	// release (the office-hour form and API clients send them); docs/api.md says so.
	contactConsent: checkbox,
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
	student: checkbox,
	interculturalConsent: checkbox,
	originGroup: z
		.enum(ORIGIN_GROUPS, 'error_choice')
		.nullish()
		.or(z.literal('').transform(() => null))
});
export type RegisterPersonInput = z.infer<typeof registerPersonInput>;

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
