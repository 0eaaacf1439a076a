import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { ConflictError, defineVerb, PUBLIC } from '../core/index.ts';
import { instanceWide, permission } from '../access/index.ts';
import { areasArea } from './schema.ts';
import { createAreaInput } from './validation.ts';

export const createArea = defineVerb({
	name: 'areas.area.create',
	summary: 'Add a neighbourhood (instance settings)',
	permission: permission('admin.area.manage'),
	input: createAreaInput.extend({ boundary: z.unknown().optional() }),
	writes: true,
	access: instanceWide,
	run: async (ctx, input) => {
		const [row] = await ctx.db.insert(areasArea).values(input).onConflictDoNothing().returning();
		if (!row) throw new ConflictError('error_code_taken');
		return row;
	},
	audit: (_input, row) => ({ action: 'create', entity: 'areas_area', entityId: row.id })
});

/** Neighbourhood names and codes are public knowledge; boundaries are left out of lists (they are large). */
export const listAreas = defineVerb({
	name: 'areas.area.list',
	summary: 'The neighbourhoods, by city and name',
	permission: permission('areas.area.read'),
	input: z.object({}).default({}),
	writes: false,
	access: instanceWide,
	run: (ctx) =>
		ctx.db
			.select({ id: areasArea.id, name: areasArea.name, city: areasArea.city, code: areasArea.code })
			.from(areasArea)
			.orderBy(asc(areasArea.city), asc(areasArea.name))
});

/** The public list of neighbourhoods on the home page (names only, no personal data). */
export const publicAreas = defineVerb({
	name: 'areas.area.public_list',
	summary: 'The neighbourhoods, as the home page lists them. No token needed',
	permission: PUBLIC,
	input: z.object({}).default({}),
	writes: false,
	access: instanceWide,
	run: (ctx) =>
		ctx.db
			.select({ id: areasArea.id, name: areasArea.name, city: areasArea.city, source: areasArea.source })
			.from(areasArea)
			.orderBy(asc(areasArea.city), asc(areasArea.name))
			.limit(200)
});
