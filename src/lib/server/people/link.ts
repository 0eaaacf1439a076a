import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt } from 'drizzle-orm';
import { AppError, audit, ConflictError, type Ctx, inTransaction, NotFoundError, parseInput, type TxCtx } from '../core/index.ts';
import { can, loadActor, requirePermission, scopeFilter } from '../access/index.ts';
import { authUser } from '../auth/index.ts';
import { addToOutbox, announceMail } from '../mail/index.ts';
import { isLocale } from '#lib/paraglide/runtime.js';
import { peopleLinkRequest, peopleOrganisation, peoplePerson } from './schema.ts';
import { personColumns } from './scope.ts';
import { ownRecordHolds } from './own-record.ts';
import { linkConfirmMail, linkNoAccountMail } from './link-mail.ts';
import { linkAccountInput } from './validation.ts';
import { mailOrigin } from '../auth/index.ts';

const PERMISSION = 'people.person.link_account';
/** Residents read mail slowly; the link is useless to anyone but the signed-in owner anyway. */
export const LINK_DAYS = 7;
/** Requests per registered person per day, whatever the addresses: mail to strangers stays rare. */
export const LINK_REQUESTS_PER_DAY = 3;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
// Links in mail come from the configured origin only, never from a request's Host header.

/** Why a link cannot be used: unknown, used, expired or for no account all read the same. */
export class LinkRequestInvalidError extends AppError {
	constructor() {
		super(410, 'people_link_error_invalid');
	}
}

/**
 * A staff member asks to link a registered person to the account of `email`. Nothing is linked here:
 * the address gets a mail — a confirmation link when it has an account, how to make one when it has
 * none — and the answer is the same either way, so the form never tells whether an address has an
 * account.
 */
export async function requestAccountLink(ctx: Ctx, raw: { personId: string; email: string }): Promise<void> {
	requirePermission(ctx.actor, PERMISSION);
	const input = parseInput(linkAccountInput, raw);
	const mailId = await inTransaction(ctx, async (t) => {
		const [person] = await t.db
			.select({
				id: peoplePerson.id,
				userId: peoplePerson.userId,
				languages: peoplePerson.languages,
				organisation: peopleOrganisation.name
			})
			.from(peoplePerson)
			.leftJoin(peopleOrganisation, eq(peopleOrganisation.id, peoplePerson.organisationId))
			.where(and(eq(peoplePerson.id, input.personId), scopeFilter(ctx.actor, PERMISSION, personColumns)))
			.for('update', { of: peoplePerson });
		if (!person) throw new NotFoundError();
		if (person.userId) throw new ConflictError('error_already_linked');
		const [recent] = await t.db
			.select({ n: count() })
			.from(peopleLinkRequest)
			.where(and(eq(peopleLinkRequest.personId, person.id), gt(peopleLinkRequest.createdAt, new Date(Date.now() - 86_400_000))));
		if (recent!.n >= LINK_REQUESTS_PER_DAY) throw new ConflictError('people_link_error_too_many');
		const [user] = await t.db.select({ id: authUser.id, locale: authUser.locale }).from(authUser).where(eq(authUser.email, input.email));
		const token = randomBytes(32).toString('base64url');
		const [row] = await t.db
			.insert(peopleLinkRequest)
			.values({
				tokenHash: hash(token),
				personId: person.id,
				email: input.email,
				userId: user?.id ?? null,
				requestedByUserId: ctx.actor.userId!,
				expiresAt: new Date(Date.now() + LINK_DAYS * 86_400_000)
			})
			.returning({ id: peopleLinkRequest.id });
		await audit(t, { action: 'create', entity: 'people_link_request', entityId: row!.id, details: { personId: person.id, email: input.email } });
		const locale = user?.locale ?? person.languages.find((l) => isLocale(l)) ?? null;
		const mail = user
			? linkConfirmMail({
					to: input.email,
					locale,
					organisation: person.organisation ?? 'Wijkweb',
					link: `${mailOrigin()}/account/link/${token}`,
					days: LINK_DAYS
				})
			: linkNoAccountMail({ to: input.email, locale, organisation: person.organisation ?? 'Wijkweb', link: `${mailOrigin()}/sign-up` });
		return addToOutbox(t.db, mail);
	});
	await announceMail(ctx.db, [mailId]);
}

/** The request behind a token, if it is still usable and meant for the signed-in account. */
async function usableRequest(t: Ctx | TxCtx, token: string, lock: boolean) {
	const q = t.db
		.select()
		.from(peopleLinkRequest)
		.where(eq(peopleLinkRequest.tokenHash, hash(token)));
	const [request] = lock ? await q.for('update') : await q;
	if (!request || !request.userId || request.usedAt || request.expiresAt.getTime() <= Date.now()) throw new LinkRequestInvalidError();
	// Another account cannot use, see or spend the link; the owner can still use it afterwards.
	if (request.userId !== t.actor.userId) throw new AppError(403, 'people_link_error_other_account');
	return request;
}

/** What the owner is asked to agree to: which organisation, which registered person, and whether it can be done. */
export async function viewAccountLink(ctx: Ctx, token: string) {
	requirePermission(ctx.actor, 'account.self');
	const request = await usableRequest(ctx, token, false);
	const [person] = await ctx.db
		.select({
			firstName: peoplePerson.firstName,
			lastName: peoplePerson.lastName,
			userId: peoplePerson.userId,
			organisation: peopleOrganisation.name
		})
		.from(peoplePerson)
		.leftJoin(peopleOrganisation, eq(peopleOrganisation.id, peoplePerson.organisationId))
		.where(eq(peoplePerson.id, request.personId));
	if (!person || person.userId) throw new LinkRequestInvalidError();
	const [own] = await ctx.db.select().from(peoplePerson).where(eq(peoplePerson.userId, ctx.actor.userId!));
	const held = own ? await ownRecordHolds(ctx.db, own) : [];
	return {
		organisation: person.organisation ?? 'Wijkweb',
		firstName: person.firstName,
		lastName: person.lastName,
		expiresAt: request.expiresAt,
		blocked: held.length > 0
	};
}

/**
 * The owner, signed in, agrees: the registered person gets the account. The account's own record made
 * at sign-up is removed only when it holds nothing else; otherwise nothing changes and the owner is told
 * so. Its rows are not moved across: they belong to whichever organisation recorded them, and moving
 * them would hand one organisation's records (and roles) to another without either one looking.
 */
export async function confirmAccountLink(ctx: Ctx, token: string) {
	requirePermission(ctx.actor, 'account.self');
	return inTransaction(ctx, async (t) => {
		const request = await usableRequest(t, token, true);
		const [person] = await t.db.select().from(peoplePerson).where(eq(peoplePerson.id, request.personId)).for('update');
		if (!person) throw new LinkRequestInvalidError();
		if (person.userId) throw new ConflictError('error_already_linked');
		// The staff member's right to link this person is checked again now, for the permission linking needs.
		const requester = await loadActor(t.db, request.requestedByUserId);
		if (!requester || !can(requester, PERMISSION, person)) {
			throw new AppError(403, 'people_link_error_requester');
		}
		// The row lock holds off a row being added that points at the record (a foreign key check takes a
		// share lock on it), so what the check below finds empty stays empty until the delete.
		const [own] = await t.db.select().from(peoplePerson).where(eq(peoplePerson.userId, ctx.actor.userId!)).for('update');
		if (own) {
			const held = await ownRecordHolds(t.db, own);
			if (held.length) throw new ConflictError('people_link_error_own_data');
			await t.db.delete(peoplePerson).where(eq(peoplePerson.id, own.id));
			await audit(t, {
				action: 'delete',
				entity: 'people_person',
				entityId: own.id,
				reason: 'account_linked',
				details: { firstName: own.firstName, email: own.email, createdAt: own.createdAt, replacedBy: person.id }
			});
		}
		const [row] = await t.db
			.update(peoplePerson)
			.set({ userId: ctx.actor.userId, updatedAt: new Date() })
			.where(eq(peoplePerson.id, person.id))
			.returning();
		await t.db.update(peopleLinkRequest).set({ usedAt: new Date() }).where(eq(peopleLinkRequest.id, request.id));
		await audit(t, {
			action: 'update',
			entity: 'people_person',
			entityId: person.id,
			reason: 'account_linked',
			details: { linkedUser: ctx.actor.userId, requestedBy: request.requestedByUserId, linkRequest: request.id, removedPerson: own?.id ?? null }
		});
		await audit(t, { action: 'update', entity: 'people_link_request', entityId: request.id, details: { used: 'confirmed' } });
		return row!;
	});
}

/** The owner says no: the link is spent, nothing else changes. */
export async function declineAccountLink(ctx: Ctx, token: string): Promise<void> {
	requirePermission(ctx.actor, 'account.self');
	await inTransaction(ctx, async (t) => {
		const request = await usableRequest(t, token, true);
		await t.db.update(peopleLinkRequest).set({ usedAt: new Date() }).where(eq(peopleLinkRequest.id, request.id));
		await audit(t, { action: 'update', entity: 'people_link_request', entityId: request.id, details: { used: 'declined' } });
	});
}
