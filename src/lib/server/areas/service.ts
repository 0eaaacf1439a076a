import { asc } from 'drizzle-orm';
import type { Ctx } from '../core/index.ts';
import { inTransaction } from '../core/index.ts';
import { audit } from '../core/index.ts';
import { ConflictError } from '../core/index.ts';
import { requirePermission } from '../access/index.ts';
import { areasArea } from './schema.ts';
import type { CreateAreaInput } from './validation.ts';

export async function createArea(ctx: Ctx, input: CreateAreaInput & { boundary?: unknown }) {
	requirePermission(ctx.actor, 'admin.area.manage');
	return inTransaction(ctx, async (t) => {
		const [row] = await t.db.insert(areasArea).values(input).onConflictDoNothing().returning();
		if (!row) throw new ConflictError('error_code_taken');
		await audit(t, { action: 'create', entity: 'areas_area', entityId: row.id });
		return row;
	});
}

/** Neighbourhood names and codes are public knowledge; boundaries are left out of lists (they are large). */
export async function listAreas(ctx: Ctx) {
	requirePermission(ctx.actor, 'areas.area.read');
	return ctx.db
		.select({ id: areasArea.id, name: areasArea.name, city: areasArea.city, code: areasArea.code })
		.from(areasArea)
		.orderBy(asc(areasArea.city), asc(areasArea.name));
}

/** The public list of neighbourhoods on the home page (names only, no personal data). */
export async function publicAreas(db: Ctx['db']) {
	return db
		.select({ id: areasArea.id, name: areasArea.name, city: areasArea.city, source: areasArea.source })
		.from(areasArea)
		.orderBy(asc(areasArea.city), asc(areasArea.name))
		.limit(200);
}
