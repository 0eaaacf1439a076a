import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNotNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { ConflictError, defineVerb, InvalidError, NotFoundError, type Ctx } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { mailOrigin } from '../auth/index.ts';
import { addToOutbox, announceMail } from '../mail/index.ts';
import { m } from '#lib/paraglide/messages.js';
import { baseLocale, isLocale } from '#lib/paraglide/runtime.js';
import { fundingApplication, fundingCall, fundingEditor } from './schema.ts';

// Co-editors of an application: its owner invites them by e-mail; the link in the mail (only its
// SHA-256 is stored) makes whichever account opens it, signed in, an editor. Only the owner invites and
// removes; the owner and accepted editors see the list. An application outside one's reach is the same
// 404 as an unknown one. The token is never written to the audit or a log: only the row's id.

/** How long an invitation link works. */
export const EDITOR_INVITE_DAYS = 14;
/** Editors (invited and accepted) an application may have besides its owner. */
export const EDITORS_MAX = 10;
/** While the applicant is still writing: a draft, or the officer asked for more information. */
const INVITING = new Set(['draft', 'awaiting_information']);

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

const email = z.string().trim().toLowerCase().max(254, 'error_too_long').pipe(z.email('error_email'));

/** The invitation form: one address. */
export const inviteEditorForm = z.object({ email });
const inviteEditorInput = inviteEditorForm.extend({ applicationId: z.uuid() });
// A token is 32 random bytes in base64url; anything else cannot be one.
const tokenInput = z.object({ token: z.string().min(1, 'fund_editor_error_link').max(200, 'fund_editor_error_link') });
/** The removal form: which editor. */
export const removeEditorForm = z.object({ editorId: z.uuid('error_bad_request') });
const removeEditorInput = removeEditorForm.extend({ applicationId: z.uuid() });
const applicationIdInput = z.object({ applicationId: z.uuid() });

type ApplicationRow = Pick<typeof fundingApplication.$inferSelect, 'id' | 'ownerUserId' | 'status' | 'locale' | 'body' | 'applicantName'> & {
	callTitle: string;
};

async function application(ctx: Ctx, id: string, lock: boolean): Promise<ApplicationRow | undefined> {
	const q = ctx.db
		.select({
			id: fundingApplication.id,
			ownerUserId: fundingApplication.ownerUserId,
			status: fundingApplication.status,
			locale: fundingApplication.locale,
			body: fundingApplication.body,
			applicantName: fundingApplication.applicantName,
			callTitle: fundingCall.title
		})
		.from(fundingApplication)
		.innerJoin(fundingCall, eq(fundingCall.id, fundingApplication.callId))
		.where(eq(fundingApplication.id, id));
	const [row] = lock ? await q.for('update', { of: fundingApplication }) : await q;
	return row;
}

/** The application, locked, when the actor owns it; anyone else: 404, as for an unknown one. */
async function ownApplication(ctx: Ctx, id: string): Promise<ApplicationRow> {
	const row = await application(ctx, id, true);
	if (!row || !ctx.actor.userId || row.ownerUserId !== ctx.actor.userId) throw new NotFoundError();
	return row;
}

const titleOf = (row: ApplicationRow) => row.body.title.trim() || row.callTitle;

export const inviteEditor = defineVerb({
	name: 'funding.editor.invite',
	summary: "Invite a co-editor of one's own application by e-mail (a link valid 14 days; the same address again replaces the invitation)",
	permission: permission('funding.own.write'),
	input: inviteEditorInput,
	writes: true,
	// The application is locked: two invitations at once count against the limit one after the other.
	access: (ctx, { applicationId }) => ownApplication(ctx, applicationId),
	run: async (ctx, input, app) => {
		if (!INVITING.has(app.status)) throw new ConflictError();
		if (ctx.actor.email && input.email === ctx.actor.email.toLowerCase()) throw new InvalidError({ email: 'fund_editor_error_self' });
		const now = new Date();
		const rows = await ctx.db
			.select({ id: fundingEditor.id, email: fundingEditor.email, acceptedAt: fundingEditor.acceptedAt, expiresAt: fundingEditor.expiresAt })
			.from(fundingEditor)
			.where(eq(fundingEditor.applicationId, app.id));
		const same = rows.filter((r) => r.email === input.email);
		if (same.some((r) => r.acceptedAt)) throw new InvalidError({ email: 'fund_editor_error_already' });
		// Lapsed invitations and the one this replaces do not count against the limit.
		const counted = rows.filter((r) => r.email !== input.email && (r.acceptedAt || r.expiresAt > now));
		if (counted.length >= EDITORS_MAX) throw new InvalidError({ email: 'fund_editor_error_too_many' });
		if (same.length) await ctx.db.delete(fundingEditor).where(and(eq(fundingEditor.applicationId, app.id), eq(fundingEditor.email, input.email)));
		const token = randomBytes(32).toString('base64url');
		const expiresAt = new Date(now.getTime() + EDITOR_INVITE_DAYS * 86_400_000);
		const [row] = await ctx.db
			.insert(fundingEditor)
			.values({ applicationId: app.id, email: input.email, tokenHash: hash(token), invitedByUserId: ctx.actor.userId, expiresAt })
			.returning({ id: fundingEditor.id });
		const locale = isLocale(app.locale) ? app.locale : baseLocale;
		const words = {
			name: ctx.actor.name?.trim() || app.applicantName,
			title: titleOf(app),
			link: `${mailOrigin()}/apply/invite/${token}`,
			days: String(EDITOR_INVITE_DAYS)
		};
		const mailId = await addToOutbox(ctx.db, {
			to: input.email,
			subject: m.fund_editor_mail_subject(words, { locale }),
			text: m.fund_editor_mail_text(words, { locale })
		});
		return { id: row!.id, expiresAt, replaced: same.map((r) => r.id), mailId };
	},
	audit: (input, out) => ({
		action: 'create',
		entity: 'funding_editor',
		entityId: out.id,
		details: { applicationId: input.applicationId, email: input.email, replaced: out.replaced }
	}),
	after: (ctx, { mailId }) => announceMail(ctx.db, [mailId])
});

export const acceptEditorInvite = defineVerb({
	name: 'funding.editor.accept',
	summary: 'The signed-in account opens an invitation link and becomes a co-editor of the application',
	permission: permission('funding.own.write'),
	input: tokenInput,
	writes: true,
	// Unknown, used and lapsed links read the same: nothing tells which invitations exist.
	access: async (ctx, { token }) => {
		const [invite] = await ctx.db
			.select()
			.from(fundingEditor)
			.where(eq(fundingEditor.tokenHash, hash(token)))
			.for('update');
		if (!invite || invite.acceptedAt || invite.expiresAt.getTime() <= Date.now()) throw new InvalidError({ token: 'fund_editor_error_link' });
		const app = await application(ctx, invite.applicationId, true);
		if (!app) throw new InvalidError({ token: 'fund_editor_error_link' });
		return { invite, app };
	},
	run: async (ctx, _input, { invite, app }) => {
		if (app.ownerUserId === ctx.actor.userId) throw new InvalidError({ token: 'fund_editor_error_own' });
		const [already] = await ctx.db
			.select({ id: fundingEditor.id })
			.from(fundingEditor)
			.where(and(eq(fundingEditor.applicationId, app.id), eq(fundingEditor.userId, ctx.actor.userId!), isNotNull(fundingEditor.acceptedAt)));
		if (already) throw new InvalidError({ token: 'fund_editor_error_already_editor' });
		await ctx.db.update(fundingEditor).set({ userId: ctx.actor.userId, acceptedAt: new Date() }).where(eq(fundingEditor.id, invite.id));
		return { applicationId: app.id, editorId: invite.id };
	},
	audit: (_input, out) => ({
		action: 'update',
		entity: 'funding_editor',
		entityId: out.editorId,
		details: { applicationId: out.applicationId, accepted: true }
	})
});

export const removeEditor = defineVerb({
	name: 'funding.editor.remove',
	summary: "Remove a co-editor (or a pending invitation) from one's own application",
	permission: permission('funding.own.write'),
	input: removeEditorInput,
	writes: true,
	access: (ctx, { applicationId }) => ownApplication(ctx, applicationId),
	run: async (ctx, input, app) => {
		const [gone] = await ctx.db
			.delete(fundingEditor)
			.where(and(eq(fundingEditor.id, input.editorId), eq(fundingEditor.applicationId, app.id)))
			.returning({ id: fundingEditor.id, email: fundingEditor.email, userId: fundingEditor.userId });
		if (!gone) throw new NotFoundError();
		return { id: gone.id, email: gone.email, userId: gone.userId, applicationId: app.id };
	},
	audit: (_input, out) => ({
		action: 'delete',
		entity: 'funding_editor',
		entityId: out.id,
		details: { applicationId: out.applicationId, email: out.email, userId: out.userId }
	})
});

export const listEditors = defineVerb({
	name: 'funding.editor.list',
	summary: "An application's co-editors and pending invitations, for its owner and its accepted editors",
	permission: permission('funding.own.read'),
	input: applicationIdInput,
	writes: false,
	access: async (ctx, { applicationId }) => {
		const app = await application(ctx, applicationId, false);
		const userId = ctx.actor.userId;
		if (!app || !userId) throw new NotFoundError();
		if (app.ownerUserId === userId) return { app, isOwner: true };
		const [editor] = await ctx.db
			.select({ id: fundingEditor.id })
			.from(fundingEditor)
			.where(and(eq(fundingEditor.applicationId, app.id), eq(fundingEditor.userId, userId), isNotNull(fundingEditor.acceptedAt)));
		if (!editor) throw new NotFoundError();
		return { app, isOwner: false };
	},
	run: async (ctx, _input, { app, isOwner }) => {
		const rows = await ctx.db
			.select({ id: fundingEditor.id, email: fundingEditor.email, acceptedAt: fundingEditor.acceptedAt, expiresAt: fundingEditor.expiresAt })
			.from(fundingEditor)
			// Lapsed invitations are left out: they make nobody an editor and count against nothing.
			.where(and(eq(fundingEditor.applicationId, app.id), or(isNotNull(fundingEditor.acceptedAt), gt(fundingEditor.expiresAt, new Date()))))
			.orderBy(asc(fundingEditor.createdAt), asc(fundingEditor.email));
		return {
			title: titleOf(app),
			isOwner,
			inviting: isOwner && INVITING.has(app.status),
			editors: rows.map((r) => ({ id: r.id, email: r.email, accepted: r.acceptedAt !== null, acceptedAt: r.acceptedAt, expiresAt: r.expiresAt }))
		};
	}
});
