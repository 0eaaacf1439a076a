import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import { anonymous } from '../../src/lib/server/core/index.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { mailOutbox } from '../../src/lib/server/mail/schema.ts';
import { fundingApplication, fundingEditor } from '../../src/lib/server/funding/schema.ts';
import {
	acceptEditorInvite,
	createCall,
	createProgramme,
	EDITOR_INVITE_DAYS,
	EDITORS_MAX,
	inviteEditor,
	listEditors,
	removeEditor
} from '../../src/lib/server/funding/index.ts';
import type { ApplicationBody } from '../../src/lib/funding/types.ts';
import * as editorsPage from '../../src/routes/apply/[id]/editors/+page.server.ts';
import * as invitePage from '../../src/routes/apply/invite/[token]/+page.server.ts';

// Co-editors on a real PostgreSQL: the owner invites by e-mail (a mail with a link in the outbox, only
// the token's hash stored), another account accepts; expired, used and unknown links are refused; nobody
// but the owner invites or removes (404: the application is not theirs to know); a submitted
// application takes no invitations (409); a bad address changes nothing. The pages' actions too.

const { db } = await freshAppDatabase();
const funder = await makeOrganisation(db);
const officer = await makeActor(db, 'officer', { organisationId: funder.id });
const owner = await makeActor(db, null);
const colleague = await makeActor(db, null);
const stranger = await makeActor(db, null);
const asOwner = ctxFor(db, owner.actor);
const asColleague = ctxFor(db, colleague.actor);
const asStranger = ctxFor(db, stranger.actor);

const { id: programmeId } = await createProgramme(ctxFor(db, officer.actor), { organisationId: funder.id, name: 'Wijkfonds' });
const { id: callId } = await createCall(ctxFor(db, officer.actor), { programmeId, template: 'participatory', locale: 'nl' });

const body = (title: string): ApplicationBody => ({
	title,
	summary: '',
	sections: {},
	budget: [],
	ownContributionCents: 0,
	startFundCents: 0,
	partners: [],
	targetGroups: [],
	indicators: [],
	risks: []
});

/** An application row as the applications part will make it (its verbs land elsewhere). */
async function makeApplication(status: (typeof fundingApplication.$inferInsert)['status'] = 'draft', locale = 'nl', title = 'Samen op het plein') {
	const [row] = await db
		.insert(fundingApplication)
		.values({
			callId,
			organisationId: funder.id,
			applicantKind: 'neighbourhood_group',
			applicantName: 'Buurtgroep Rabot',
			ownerUserId: owner.user.id,
			locale,
			status,
			body: body(title)
		})
		.returning({ id: fundingApplication.id });
	return row!.id;
}

const refused = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		return e as { status: number; key: string; fields?: Record<string, string> };
	}
	throw new Error('not refused');
};
const total = async (t: typeof fundingEditor | typeof mailOutbox | typeof coreAudit) =>
	((await db.select({ n: count() }).from(t)) as [{ n: number }])[0].n;
const mailsTo = (to: string) => db.select().from(mailOutbox).where(eq(mailOutbox.to, to));
const tokenOf = (text: string) => /\/apply\/invite\/([A-Za-z0-9_-]{43})/u.exec(text)?.[1];

describe('inviting a co-editor', () => {
	it('puts a mail with a link in the outbox, in the application’s language, and stores only the token’s hash', async () => {
		const applicationId = await makeApplication('draft', 'fr', 'Le square ensemble');
		const invited = await inviteEditor(asOwner, { applicationId, email: `  ${colleague.email.toUpperCase()} ` });
		const [mail] = await mailsTo(colleague.email);
		expect(mail!.subject).toContain('Le square ensemble');
		expect(mail!.text).toContain('Bonjour');
		const token = tokenOf(mail!.text)!;
		expect(token).toBeTruthy();
		expect(mail!.text).toContain(`/apply/invite/${token}`);
		const [row] = await db.select().from(fundingEditor).where(eq(fundingEditor.id, invited.id));
		expect(row!.email).toBe(colleague.email);
		expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/u);
		expect(row!.tokenHash).not.toContain(token);
		const days = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 86_400_000;
		expect(Math.round(days)).toBe(EDITOR_INVITE_DAYS);
		// The audit row names the invitation, never the token.
		const audits = await db.select().from(coreAudit).where(eq(coreAudit.entityId, invited.id));
		expect(audits.map((a) => a.action)).toEqual(['create']);
		expect(JSON.stringify(audits)).not.toContain(token);
		expect(JSON.stringify(audits)).not.toContain(row!.tokenHash);
	});

	it('replaces the old invitation when the same address is invited again: the old link stops working', async () => {
		const applicationId = await makeApplication();
		const email = `again-${Date.now()}@example.test`;
		await inviteEditor(asOwner, { applicationId, email });
		await inviteEditor(asOwner, { applicationId, email });
		const [first, second] = (await mailsTo(email)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
		const rows = await db
			.select()
			.from(fundingEditor)
			.where(and(eq(fundingEditor.applicationId, applicationId), eq(fundingEditor.email, email)));
		expect(rows).toHaveLength(1);
		expect((await refused(acceptEditorInvite(asStranger, { token: tokenOf(first!.text)! }))).fields).toEqual({ token: 'fund_editor_error_link' });
		expect(await acceptEditorInvite(asStranger, { token: tokenOf(second!.text)! })).toMatchObject({ applicationId });
	});

	it('refuses a bad address, one’s own address and an eleventh editor, with a field message and nothing changed', async () => {
		const applicationId = await makeApplication();
		const before = [await total(fundingEditor), await total(mailOutbox), await total(coreAudit)];
		for (const email of ['niet-een-adres', '', 'a@b', `${'x'.repeat(250)}@example.test`]) {
			const e = await refused(inviteEditor(asOwner, { applicationId, email }));
			expect(e.status).toBe(422);
			expect(Object.keys(e.fields!)).toEqual(['email']);
		}
		expect((await refused(inviteEditor(asOwner, { applicationId, email: owner.email }))).fields).toEqual({ email: 'fund_editor_error_self' });
		expect([await total(fundingEditor), await total(mailOutbox), await total(coreAudit)]).toEqual(before);
		for (let i = 0; i < EDITORS_MAX; i++) await inviteEditor(asOwner, { applicationId, email: `ten-${i}-${applicationId}@example.test` });
		const eleventh = await refused(inviteEditor(asOwner, { applicationId, email: `eleven-${applicationId}@example.test` }));
		expect(eleventh.fields).toEqual({ email: 'fund_editor_error_too_many' });
		// Inviting one of the ten again replaces it and stays within the limit.
		await inviteEditor(asOwner, { applicationId, email: `ten-3-${applicationId}@example.test` });
		expect((await listEditors(asOwner, { applicationId })).editors).toHaveLength(EDITORS_MAX);
	});

	it('is the owner’s only: anyone else gets 404, signed out 401, and nothing is made', async () => {
		const applicationId = await makeApplication();
		const before = await total(fundingEditor);
		expect((await refused(inviteEditor(asStranger, { applicationId, email: 'x@example.test' }))).status).toBe(404);
		expect((await refused(inviteEditor(ctxFor(db, officer.actor), { applicationId, email: 'x@example.test' }))).status).toBe(404);
		expect((await refused(inviteEditor(ctxFor(db, anonymous), { applicationId, email: 'x@example.test' }))).status).toBe(401);
		expect((await refused(inviteEditor(asOwner, { applicationId: crypto.randomUUID(), email: 'x@example.test' }))).status).toBe(404);
		expect(await total(fundingEditor)).toBe(before);
	});

	it('is possible in draft and while information is asked for; a submitted or decided application answers 409', async () => {
		expect(await inviteEditor(asOwner, { applicationId: await makeApplication('awaiting_information'), email: 'ai@example.test' })).toHaveProperty(
			'id'
		);
		for (const status of ['submitted', 'eligible', 'in_review', 'granted', 'withdrawn'] as const) {
			const applicationId = await makeApplication(status);
			expect((await refused(inviteEditor(asOwner, { applicationId, email: 'late@example.test' }))).status).toBe(409);
			expect(await total(fundingEditor)).toBeGreaterThan(0);
			expect(await db.select().from(fundingEditor).where(eq(fundingEditor.applicationId, applicationId))).toHaveLength(0);
		}
	});
});

describe('accepting an invitation', () => {
	it('makes another signed-in account an editor, who then reads the list; the link works once', async () => {
		const applicationId = await makeApplication();
		await inviteEditor(asOwner, { applicationId, email: colleague.email });
		const token = tokenOf((await mailsTo(colleague.email)).at(-1)!.text)!;
		expect((await refused(listEditors(asColleague, { applicationId }))).status).toBe(404);
		expect(await acceptEditorInvite(asColleague, { token })).toEqual({ applicationId, editorId: expect.any(String) });
		const list = await listEditors(asColleague, { applicationId });
		expect(list.title).toBe('Samen op het plein');
		expect(list.isOwner).toBe(false);
		expect(list.editors).toEqual([
			{ id: expect.any(String), email: colleague.email, accepted: true, acceptedAt: expect.any(Date), expiresAt: expect.any(Date) }
		]);
		const [row] = await db.select().from(fundingEditor).where(eq(fundingEditor.applicationId, applicationId));
		expect(row!.userId).toBe(colleague.user.id);
		// Used: refused, for the same account and for another one.
		expect((await refused(acceptEditorInvite(asColleague, { token }))).fields).toEqual({ token: 'fund_editor_error_link' });
		expect((await refused(acceptEditorInvite(asStranger, { token }))).status).toBe(422);
		// An accepted editor is not the owner: no inviting, no removing.
		expect((await refused(inviteEditor(asColleague, { applicationId, email: 'y@example.test' }))).status).toBe(404);
		expect((await refused(removeEditor(asColleague, { applicationId, editorId: row!.id }))).status).toBe(404);
		expect((await refused(listEditors(asStranger, { applicationId }))).status).toBe(404);
	});

	it('refuses an expired link, an unknown one, the owner’s own, and nobody signed in', async () => {
		const applicationId = await makeApplication();
		await inviteEditor(asOwner, { applicationId, email: 'late-reader@example.test' });
		const token = tokenOf((await mailsTo('late-reader@example.test')).at(-1)!.text)!;
		await db
			.update(fundingEditor)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(fundingEditor.applicationId, applicationId));
		expect((await refused(acceptEditorInvite(asStranger, { token }))).fields).toEqual({ token: 'fund_editor_error_link' });
		expect((await refused(acceptEditorInvite(asStranger, { token: 'A'.repeat(43) }))).fields).toEqual({ token: 'fund_editor_error_link' });
		expect((await refused(acceptEditorInvite(asStranger, { token: '' }))).status).toBe(422);
		await inviteEditor(asOwner, { applicationId, email: 'forwarded@example.test' });
		const own = tokenOf((await mailsTo('forwarded@example.test')).at(-1)!.text)!;
		expect((await refused(acceptEditorInvite(asOwner, { token: own }))).fields).toEqual({ token: 'fund_editor_error_own' });
		expect((await refused(acceptEditorInvite(ctxFor(db, anonymous), { token: own }))).status).toBe(401);
		const [row] = await db.select().from(fundingEditor).where(eq(fundingEditor.email, 'forwarded@example.test'));
		expect(row!.userId).toBeNull();
		expect(row!.acceptedAt).toBeNull();
	});
});

describe('removing a co-editor', () => {
	it('is the owner’s: the editor loses the application, with an audit row; another application’s editor is a 404', async () => {
		const applicationId = await makeApplication();
		const other = await makeApplication();
		await inviteEditor(asOwner, { applicationId, email: colleague.email });
		await acceptEditorInvite(asColleague, { token: tokenOf((await mailsTo(colleague.email)).at(-1)!.text)! });
		const [editor] = await db.select().from(fundingEditor).where(eq(fundingEditor.applicationId, applicationId));
		expect((await refused(removeEditor(asStranger, { applicationId, editorId: editor!.id }))).status).toBe(404);
		expect((await refused(removeEditor(asOwner, { applicationId: other, editorId: editor!.id }))).status).toBe(404);
		expect(await removeEditor(asOwner, { applicationId, editorId: editor!.id })).toMatchObject({ id: editor!.id });
		expect((await refused(listEditors(asColleague, { applicationId }))).status).toBe(404);
		const audits = await db.select().from(coreAudit).where(eq(coreAudit.entityId, editor!.id));
		expect(audits.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update']);
		expect((await refused(removeEditor(asOwner, { applicationId, editorId: editor!.id }))).status).toBe(404);
	});
});

type Failure = { status: number; data: { errors: Record<string, string>; message?: string; form?: string } };
type Redirect = { status: number; location: string };

describe('the pages', () => {
	it('invite from the editors page, list, confirm and remove; a bad address re-renders with the message', async () => {
		const applicationId = await makeApplication();
		const params = { id: applicationId };
		const post = (who: { actor: unknown } | null, action: string, fields: Record<string, string>) =>
			formPost(`/apply/${applicationId}/editors?/${action}`, who, fields, { params });
		const bad = (await outcome(editorsPage.actions.invite!(post(owner, 'invite', { email: 'geen adres' })))) as Failure;
		expect(bad.status).toBe(400);
		expect(bad.data.form).toBe('invite');
		expect(bad.data.errors.email).toBeTruthy();
		const other = (await outcome(editorsPage.actions.invite!(post(stranger, 'invite', { email: 'p@example.test' })))) as Failure;
		expect(other.status).toBe(404);
		const sent = (await outcome(editorsPage.actions.invite!(post(owner, 'invite', { email: 'page@example.test' })))) as Redirect;
		expect(sent).toMatchObject({ status: 303, location: `/apply/${applicationId}/editors?invited=1` });
		expect(await mailsTo('page@example.test')).toHaveLength(1);

		const [row] = await db.select().from(fundingEditor).where(eq(fundingEditor.applicationId, applicationId));
		const url = new URL(`http://localhost/apply/${applicationId}/editors?remove=${row!.id}`);
		const page = (await editorsPage.load({ locals: { actor: owner.actor, locale: 'en' }, url, params } as never)) as {
			editors: { email: string }[];
			confirming: { id: string; email: string } | null;
			inviting: boolean;
		};
		expect(page.editors.map((e) => e.email)).toEqual(['page@example.test']);
		expect(page.confirming).toEqual({ id: row!.id, email: 'page@example.test' });
		expect(page.inviting).toBe(true);
		const strangerPage = await outcome(editorsPage.load({ locals: { actor: stranger.actor, locale: 'en' }, url, params } as never));
		expect((strangerPage as { status: number }).status).toBe(404);

		const removed = (await outcome(editorsPage.actions.remove!(post(owner, 'remove', { editorId: row!.id })))) as Redirect;
		expect(removed).toMatchObject({ status: 303, location: `/apply/${applicationId}/editors?removed=1` });
		expect(await db.select().from(fundingEditor).where(eq(fundingEditor.applicationId, applicationId))).toHaveLength(0);
		const again = (await outcome(editorsPage.actions.remove!(post(owner, 'remove', { editorId: row!.id })))) as Failure;
		expect(again.status).toBe(404);
	});

	it('the invitation page: signed out asks to sign in and come back; signed in, Accept opens the application', async () => {
		const applicationId = await makeApplication();
		await inviteEditor(asOwner, { applicationId, email: 'reader@example.test' });
		const token = tokenOf((await mailsTo('reader@example.test')).at(-1)!.text)!;
		const load = (who: { actor: unknown } | null, t = token) =>
			invitePage.load({ locals: { actor: who ? who.actor : anonymous, locale: 'en' }, params: { token: t } } as never);
		expect(await load(null)).toEqual({ state: 'sign_in', signIn: `/sign-in?next=${encodeURIComponent(`/apply/invite/${token}`)}` });
		expect(await load(stranger)).toEqual({ state: 'ready' });
		expect(await load(stranger, 'not-a-token')).toMatchObject({ state: 'refused' });
		const accept = (who: { actor: unknown } | null, t = token) =>
			outcome(invitePage.actions.accept!(formPost(`/apply/invite/${t}?/accept`, who, {}, { params: { token: t } })));
		const own = (await accept(owner)) as Failure;
		expect(own.status).toBe(422);
		expect(own.data.message).toBe('This is your own application: you need not invite yourself.');
		expect(await accept(stranger)).toMatchObject({ status: 303, location: `/apply/${applicationId}` });
		const used = (await accept(stranger)) as Failure;
		expect(used.status).toBe(422);
		expect(used.data.message).toBe('This invitation is unknown, already used or expired. Ask whoever invited you for a new one.');
		expect(((await accept(stranger, 'B'.repeat(43))) as Failure).status).toBe(422);
	});
});
