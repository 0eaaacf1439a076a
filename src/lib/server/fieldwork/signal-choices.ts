import { z } from 'zod';
import { asc } from 'drizzle-orm';
import { defineVerb } from '../core/index.ts';
import { covers, grantsHolding, permission } from '../access/index.ts';
import { areasArea } from '../areas/index.ts';

// What the signal pages offer before anything is typed: the neighbourhoods one may filter on (read)
// and note a signal in (manage, the worker's own first), and whether "New signal" is shown at all.
// Deciding about a record stays with the verbs; these are choices only.

export const signalChoices = defineVerb({
	name: 'fieldwork.signal.choices',
	summary: 'The neighbourhoods the caller may filter signals on and note a signal in',
	permission: permission('fieldwork.signal.read'),
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => ({
		read: grantsHolding(ctx.actor, 'fieldwork.signal.read'),
		// An admin notes signals through the API, naming the organisation: the form needs one organisation.
		manage: grantsHolding(ctx.actor, 'fieldwork.signal.manage').filter((g) => g.role !== 'admin')
	}),
	run: async (ctx, _input, grants) => {
		const rows = await ctx.db.select({ id: areasArea.id, name: areasArea.name }).from(areasArea).orderBy(asc(areasArea.name));
		const readable = rows.filter((a) => grants.read.some((g) => g.role === 'admin' || g.areaId === null || g.areaId === a.id));
		// The form posts one organisation: the first grant's. A worker of two organisations notes the
		// other's signals from that organisation's own grant (rare; the API takes any organisation).
		const organisationId = grants.manage[0]?.organisationId ?? null;
		const manageable = organisationId
			? rows.filter((a) => grants.manage.some((g) => g.organisationId === organisationId && covers(g, { organisationId, areaId: a.id })))
			: [];
		const own = grants.manage.find((g) => g.organisationId === organisationId && g.areaId)?.areaId ?? null;
		return {
			areas: readable,
			manage: organisationId ? { organisationId, areas: manageable, defaultArea: own ?? manageable[0]?.id ?? null } : null
		};
	}
});
