import { z } from 'zod';
import { optionalLine, pageFields } from '../core/index.ts';
import { THEMES } from '../../themes.ts';
import { CONTACT_LIMITS, CONTACT_TYPES } from './schema.ts';

// The inputs of the contact log's verbs: one shape for the log form, the street page's queue, the API
// and the bench (others.txt). The limits are the table's CHECKs (schema.ts), so a refusal here is the
// same rule the database would apply, only with a message instead of a 500.

/** How far ahead a contact may be dated: a phone's clock a little off, not a planned visit. */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;
/** People on one contact by name; a bigger group is an anonymous count. */
export const PEOPLE_MAX = 50;

const age = z.int('fw_contact_error_age').min(0, 'fw_contact_error_age').max(CONTACT_LIMITS.ageMax, 'fw_contact_error_age');

export const logContactInput = z
	.object({
		clientId: z.uuid('fw_contact_error_client_id').optional(),
		organisationId: z.uuid('error_required'),
		areaId: z.uuid('error_choice').nullable(),
		type: z.enum(CONTACT_TYPES, 'fw_contact_error_type'),
		startedAt: z.iso
			.datetime({ offset: true, error: 'fw_contact_error_started_at' })
			.refine((v) => Date.parse(v) <= Date.now() + FUTURE_SLACK_MS, 'fw_contact_error_future')
			.optional(),
		durationMinutes: z
			.int('fw_contact_error_duration')
			.min(1, 'fw_contact_error_duration')
			.max(CONTACT_LIMITS.durationMax, 'fw_contact_error_duration'),
		placeId: z.uuid('error_choice').optional(),
		placeName: optionalLine(120),
		lat: z.number('error_choice').min(-90, 'error_choice').max(90, 'error_choice').optional(),
		lon: z.number('error_choice').min(-180, 'error_choice').max(180, 'error_choice').optional(),
		themes: z
			.array(z.enum(THEMES, 'fw_contact_error_theme'), 'fw_contact_error_themes')
			.min(1, 'fw_contact_error_themes')
			.max(THEMES.length, 'fw_contact_error_themes')
			.transform((t) => [...new Set(t)]),
		people: z
			.array(z.object({ personId: z.uuid('fw_contact_error_person') }), 'fw_contact_error_person')
			.max(PEOPLE_MAX, 'fw_contact_error_people_max')
			.default([]),
		newPeople: z
			.array(z.object({ firstName: z.string().trim().min(1, 'error_required').max(80, 'error_too_long') }), 'error_choice')
			.max(PEOPLE_MAX, 'fw_contact_error_people_max')
			.default([]),
		anonymousCount: z
			.int('fw_contact_error_anonymous')
			.min(0, 'fw_contact_error_anonymous')
			.max(CONTACT_LIMITS.anonymousMax, 'fw_contact_error_anonymous')
			.default(0),
		anonymousAgeFrom: age.optional(),
		anonymousAgeTo: age.optional(),
		mustActUserIds: z.array(z.string().min(1, 'error_choice').max(100, 'error_choice'), 'error_choice').max(20, 'error_too_long').default([]),
		partnerIds: z.array(z.uuid('error_choice'), 'error_choice').max(20, 'error_too_long').default([]),
		// Checked on length before anything else touches it: a 1 MB note is refused at once.
		note: z.string('error_choice').max(CONTACT_LIMITS.noteMax, 'fw_contact_error_note').optional(),
		noteShareable: z.boolean('error_choice').default(false)
	})
	.superRefine((v, ctx) => {
		if (v.people.length + v.newPeople.length + v.anonymousCount < 1)
			ctx.addIssue({ code: 'custom', path: ['people'], message: 'fw_contact_error_nobody' });
		if (v.anonymousAgeFrom !== undefined && v.anonymousAgeTo !== undefined && v.anonymousAgeFrom > v.anonymousAgeTo)
			ctx.addIssue({ code: 'custom', path: ['anonymousAgeTo'], message: 'fw_contact_error_age_order' });
		if ((v.lat === undefined) !== (v.lon === undefined)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'error_choice' });
		if (new Set(v.people.map((p) => p.personId)).size !== v.people.length)
			ctx.addIssue({ code: 'custom', path: ['people'], message: 'fw_contact_error_person_twice' });
	});
export type LogContactInput = z.input<typeof logContactInput>;

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const listContactsQuery = z.object({
	from: z.preprocess(blankToUndefined, z.iso.date('error_date').optional()),
	to: z.preprocess(blankToUndefined, z.iso.date('error_date').optional()),
	areaId: z.preprocess(blankToUndefined, z.uuid('error_choice').optional()),
	type: z.preprocess(blankToUndefined, z.enum(CONTACT_TYPES, 'fw_contact_error_type').optional()),
	theme: z.preprocess(blankToUndefined, z.enum(THEMES, 'fw_contact_error_theme').optional()),
	personId: z.preprocess(blankToUndefined, z.uuid('error_choice').optional()),
	mine: z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean()).default(false),
	...pageFields
});
export const listContactsInput = listContactsQuery.prefault({});

export const contactIdInput = z.object({ id: z.uuid('error_not_found') });
