import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineVerb } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { CONTACT_LIMITS, fieldworkContact, fieldworkWorker } from './schema.ts';

// A worker's own defaults (fieldwork_worker): the duration the log form offers first and the weekly
// target of direct contact. Their own row only, keyed by their user id: there is no record of
// anybody else to reach, so the scope is the actor.

const wholeNumber = (min: number, max: number) =>
	z.preprocess(
		(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v),
		z.number('fw_home_error_number').int('fw_home_error_number').min(min, 'fw_home_error_range').max(max, 'fw_home_error_range')
	);

export const updateWorkerInput = z.object({
	usualMinutes: wholeNumber(1, CONTACT_LIMITS.durationMax),
	// Empty: no target of one's own (an outreach worker then sees the default of 30 hours).
	weeklyTargetHours: wholeNumber(1, 80).optional().nullable()
});

export const readWorker = defineVerb({
	name: 'fieldwork.worker.read',
	summary: 'The caller’s own fieldwork defaults: usual duration and weekly target',
	permission: permission('fieldwork.contact.log'),
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => ctx.actor.userId!,
	run: async (ctx, _input, userId) => {
		const [row] = await ctx.db
			.select({ usualMinutes: fieldworkWorker.usualMinutes, weeklyTargetHours: fieldworkWorker.weeklyTargetHours })
			.from(fieldworkWorker)
			.where(eq(fieldworkWorker.userId, userId));
		return row ?? { usualMinutes: 30, weeklyTargetHours: null };
	}
});

/** The neighbourhood of the actor's last logged contact (the recorder index), offered first on the log forms. */
export const lastArea = defineVerb({
	name: 'fieldwork.worker.last_area',
	summary: 'The neighbourhood of the caller’s last logged contact',
	permission: permission('fieldwork.contact.log'),
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => ctx.actor.userId!,
	run: async (ctx, _input, userId) => {
		const [row] = await ctx.db
			.select({ areaId: fieldworkContact.areaId })
			.from(fieldworkContact)
			.where(eq(fieldworkContact.recordedByUserId, userId))
			.orderBy(desc(fieldworkContact.startedAt))
			.limit(1);
		return row?.areaId ?? null;
	}
});

export const updateWorker = defineVerb({
	name: 'fieldwork.worker.update',
	summary: 'Set the caller’s own usual contact duration and weekly target of direct contact',
	permission: permission('fieldwork.contact.log'),
	input: updateWorkerInput,
	writes: true,
	access: (ctx) => ctx.actor.userId!,
	run: async (ctx, { usualMinutes, weeklyTargetHours }, userId) => {
		const values = { usualMinutes, weeklyTargetHours: weeklyTargetHours ?? null, updatedAt: new Date() };
		await ctx.db
			.insert(fieldworkWorker)
			.values({ userId, ...values })
			.onConflictDoUpdate({ target: fieldworkWorker.userId, set: values });
		return { userId, ...values };
	},
	audit: (_input, out) => ({ action: 'update', entity: 'fieldwork_worker', entityId: out.userId })
});
