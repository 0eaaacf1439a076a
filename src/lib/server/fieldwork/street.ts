import { z } from 'zod';
import { grantsHolding } from '../access/index.ts';
import { ForbiddenError, InvalidError } from '../core/index.ts';
import type { Actor } from '../core/index.ts';
import { THEMES } from '../../themes.ts';
import { CONTACT_LIMITS } from './schema.ts';
import type { LogContactInput } from './validation.ts';

// The street log's short form (an outreach worker on a phone): an anonymous count with an age range,
// themes, a duration, the neighbourhood, a place name, a note. One shape for the plain form post and
// for the phone's offline queue (sent as JSON), turned into logContact's input here; logContact
// checks it again with its own rules. Pure: no I/O.

/** The quick picks of the age range ("about 16–20"). */
export const STREET_AGES = ['12-15', '16-20', '21-25'] as const;
export const STREET_DURATIONS = [15, 30, 60] as const;

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const num = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : blank(v));

export const streetInput = z.object({
	clientId: z.preprocess(blank, z.uuid('fw_contact_error_client_id').optional()),
	areaId: z.uuid('error_choice'),
	anonymousCount: z.preprocess(
		num,
		z.int('fw_street_error_count').min(1, 'fw_street_error_count').max(CONTACT_LIMITS.anonymousMax, 'fw_street_error_count')
	),
	ages: z.preprocess(blank, z.enum(STREET_AGES, 'error_choice').optional()),
	durationMinutes: z.preprocess(
		num,
		z.int('fw_contact_error_duration').min(1, 'fw_contact_error_duration').max(CONTACT_LIMITS.durationMax, 'fw_contact_error_duration')
	),
	themes: z.preprocess(
		(v) => (typeof v === 'string' ? [v] : (v ?? [])),
		z.array(z.enum(THEMES, 'fw_contact_error_theme')).min(1, 'fw_contact_error_themes')
	),
	placeName: z.preprocess(blank, z.string().trim().max(120, 'error_too_long').optional()),
	note: z.preprocess(blank, z.string().max(CONTACT_LIMITS.noteMax, 'fw_contact_error_note').optional()),
	// When the phone saved it (offline, it is sent later): the contact's time, not the sending's.
	startedAt: z.preprocess(blank, z.string().max(40).optional())
});
export type StreetInput = z.infer<typeof streetInput>;

/**
 * The organisation a street contact is logged in: that of the actor's grant that may log in the
 * chosen neighbourhood (an area-bound grant for that area first, else an org-wide one). None: the
 * neighbourhood is not one they work in, a field error like any other wrong choice.
 */
export function organisationFor(actor: Actor, areaId: string): string {
	const grants = grantsHolding(actor, 'fieldwork.contact.log');
	// A resident or a volunteer: the same 403 as every verb of this module.
	if (!grants.length) throw new ForbiddenError('fieldwork.contact.log');
	const grant = grants.find((g) => g.areaId === areaId) ?? grants.find((g) => g.areaId === null);
	if (!grant) throw new InvalidError({ areaId: 'error_choice' });
	return grant.organisationId;
}

/** The street form as logContact's input (others.txt's shared shape). */
export function toLogContact(input: StreetInput, organisationId: string): LogContactInput {
	const [from, to] = input.ages ? input.ages.split('-').map(Number) : [undefined, undefined];
	return {
		clientId: input.clientId,
		organisationId,
		areaId: input.areaId,
		type: 'street',
		startedAt: input.startedAt,
		durationMinutes: input.durationMinutes,
		placeName: input.placeName,
		themes: input.themes,
		anonymousCount: input.anonymousCount,
		anonymousAgeFrom: from,
		anonymousAgeTo: to,
		note: input.note
	};
}
