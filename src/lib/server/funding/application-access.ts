import { and, eq, isNotNull } from 'drizzle-orm';
import { ForbiddenError, NotFoundError, type Ctx } from '../core/index.ts';
import { can } from '../access/index.ts';
import { fundingApplication, fundingCall, fundingEditor } from './schema.ts';

// THE access rule of an application, the one every application verb and read goes through: its owner
// and its accepted co-editors read and edit it; the officers of the call's organisation read it; to
// anybody else it does not exist (404, the same answer as an unknown id: no hint that it is there).

type ApplicationRow = typeof fundingApplication.$inferSelect;
type CallRow = typeof fundingCall.$inferSelect;

export type ApplicationAccess = {
	application: ApplicationRow;
	call: CallRow;
	isOwner: boolean;
	/** The owner or an accepted co-editor. */
	isEditor: boolean;
};

export async function applicationFor(ctx: Ctx, id: string, mode: 'read' | 'edit'): Promise<ApplicationAccess> {
	const userId = ctx.actor.userId;
	if (!userId) throw new NotFoundError();
	const query = ctx.db
		.select({ application: fundingApplication, call: fundingCall })
		.from(fundingApplication)
		.innerJoin(fundingCall, eq(fundingCall.id, fundingApplication.callId))
		.where(eq(fundingApplication.id, id));
	// Edits lock the application's row: two saves of the same version cannot both pass the version check.
	const [row] = mode === 'edit' ? await query.for('update', { of: fundingApplication }) : await query;
	if (!row) throw new NotFoundError();
	const isOwner = row.application.ownerUserId === userId;
	const coEditor =
		!isOwner &&
		(
			await ctx.db
				.select({ id: fundingEditor.id })
				.from(fundingEditor)
				.where(and(eq(fundingEditor.applicationId, id), eq(fundingEditor.userId, userId), isNotNull(fundingEditor.acceptedAt)))
				.limit(1)
		).length > 0;
	const isEditor = isOwner || coEditor;
	if (isEditor) return { ...row, isOwner, isEditor };
	const officer = can(ctx.actor, 'funding.application.read', { organisationId: row.application.organisationId, areaId: null });
	if (!officer) throw new NotFoundError();
	// The call's officers may see it, so it is no secret that it exists: editing is simply not theirs.
	if (mode === 'edit') throw new ForbiddenError('funding.own.write');
	return { ...row, isOwner, isEditor };
}
