import { and, eq, gte, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, defineVerb, InvalidError, type Permission } from '../core/index.ts';
import { activitiesRegistration } from './schema.ts';
import { publicActivity } from './public.ts';

// "I'm coming" on a public activity's page. Signed in: a registration of the account (and its person,
// when it has one). Not signed in: a first name and a phone for a call-back, kept only with an explicit
// consent (callback_consent_at), nothing else. Beyond the capacity, the registration waits.

/**
 * Anyone may say they are coming, signed in or not: a public write. It is held by every actor; what
 * keeps it safe is what it accepts (a first name, a phone, a consent; no other field), the limit per
 * activity below, and the honeypot of the page.
 */
export const JOIN: Permission = { name: 'activities.public.join', write: true, public: true, holds: () => true };

/** Call-backs asked without an account for one activity in ten minutes, beyond which the form waits. */
export const JOIN_BURST = 20;
const BURST_MINUTES = 10;

export const JOIN_LIMITS = { firstNameMax: 60, phoneMax: 30 } as const;

const text = (max: number, message: string) =>
	z
		.string()
		.trim()
		.max(max, message)
		.optional()
		.transform((v) => v || null);

export const joinInput = z.object({
	code: z.string().transform((s) => s.slice(0, 100)),
	id: z.string().transform((s) => s.slice(0, 100)),
	firstName: text(JOIN_LIMITS.firstNameMax, 'pub_error_first_name_long'),
	phone: text(JOIN_LIMITS.phoneMax, 'pub_error_phone'),
	// A checkbox: present ('on', 'yes', 'true') when ticked, absent otherwise.
	consent: z
		.union([z.string(), z.boolean()])
		.optional()
		.transform((v) => v === true || v === 'on' || v === 'yes' || v === 'true')
});

// Digits with the usual separators, 8 to 15 digits (a Belgian number has 9 or 10, with +32 11).
const PHONE = /^\+?[0-9 ()./-]+$/;
const digits = (s: string) => s.replace(/\D/g, '').length;

/** The first name and phone of a call-back, checked; the field errors otherwise. */
export function callbackErrors(v: { firstName: string | null; phone: string | null; consent: boolean }): Record<string, string> {
	const errors: Record<string, string> = {};
	if (!v.firstName) errors.firstName = 'pub_error_first_name';
	else if (/[\p{Cc}<>]/u.test(v.firstName) || !/\p{L}/u.test(v.firstName)) errors.firstName = 'pub_error_first_name';
	if (!v.phone) errors.phone = 'pub_error_phone_required';
	else if (!PHONE.test(v.phone) || digits(v.phone) < 8 || digits(v.phone) > 15) errors.phone = 'pub_error_phone';
	if (!v.consent) errors.consent = 'pub_error_consent';
	return errors;
}

export const joinActivity = defineVerb({
	name: 'activities.public.join',
	summary: 'Say “I’m coming” to a public activity: signed in, or with a first name and phone for a call-back (with consent)',
	permission: JOIN,
	input: joinInput,
	writes: true,
	// The activity must be one the public page shows: the same 404 as an unknown one otherwise.
	access: async (ctx, { code, id }) => {
		const { activity, capacity } = await publicActivity(ctx, { code, id });
		return { activityId: activity.id, capacity };
	},
	run: async (ctx, input, { activityId, capacity }) => {
		const { userId, personId } = ctx.actor;
		if (!userId) {
			const errors = callbackErrors(input);
			if (Object.keys(errors).length) throw new InvalidError(errors);
		}
		// One at a time per activity, so two people never take the last place together.
		await ctx.db.execute(sql`select id from activities_activity where id = ${activityId} for update`);
		const organisation = await ctx.db.execute<{ organisation_id: string }>(
			sql`select organisation_id from activities_activity where id = ${activityId}`
		);
		const organisationId = organisation.rows[0]!.organisation_id;
		if (userId) {
			// Said twice: the first registration stands.
			const [already] = await ctx.db
				.select({ id: activitiesRegistration.id, status: activitiesRegistration.status })
				.from(activitiesRegistration)
				.where(
					and(
						eq(activitiesRegistration.activityId, activityId),
						isNull(activitiesRegistration.sessionId),
						eq(activitiesRegistration.userId, userId),
						ne(activitiesRegistration.status, 'cancelled')
					)
				)
				.limit(1);
			if (already) return { id: already.id, activityId, status: already.status, again: true };
		} else {
			const [burst] = await ctx.db
				.select({ n: sql<number>`count(*)::int` })
				.from(activitiesRegistration)
				.where(
					and(
						eq(activitiesRegistration.activityId, activityId),
						isNull(activitiesRegistration.userId),
						isNotNull(activitiesRegistration.callbackConsentAt),
						gte(activitiesRegistration.createdAt, new Date(Date.now() - BURST_MINUTES * 60_000))
					)
				);
			if ((burst?.n ?? 0) >= JOIN_BURST) throw new AppError(429, 'error_rate_limited');
		}
		const [taken] = await ctx.db
			.select({ n: sql<number>`count(*)::int` })
			.from(activitiesRegistration)
			.where(and(eq(activitiesRegistration.activityId, activityId), eq(activitiesRegistration.status, 'registered')));
		const status = capacity > 0 && (taken?.n ?? 0) >= capacity ? ('waiting' as const) : ('registered' as const);
		const [row] = await ctx.db
			.insert(activitiesRegistration)
			.values(
				userId
					? { activityId, organisationId, userId, personId, status }
					: { activityId, organisationId, firstName: input.firstName, phone: input.phone, callbackConsentAt: new Date(), status }
			)
			.returning({ id: activitiesRegistration.id });
		return { id: row!.id, activityId, status, again: false };
	},
	audit: (_input, out) =>
		out.again ? null : { action: 'create', entity: 'activities_registration', entityId: out.id, details: { status: out.status, via: 'public' } }
});
