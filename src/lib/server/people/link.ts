import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, ConflictError, defineVerb, type Ctx } from '../core/index.ts';
import { can, inScope, loadActor, permission } from '../access/index.ts';
import { authUser } from '../auth/index.ts';
import { addToOutbox, announceMail } from '../mail/index.ts';
import { isLocale } from '#lib/paraglide/runtime.js';
import { peopleLinkRequest, peopleOrganisation, peoplePerson } from './schema.ts';
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
export const requestAccountLink = defineVerb({
	name: 'people.person.link_request',
	summary: 'Ask the owner of an address to link their account to a registered person (a mail; the same answer for every address)',
	permission: permission(PERMISSION),
	input: linkAccountInput,
	writes: true,
	// The person is locked: two requests at once count against the daily limit one after the other.
	access: async (ctx, input) => {
		const [person] = await ctx.db
			.select({
				id: peoplePerson.id,
				organisationId: peoplePerson.organisationId,
				areaId: peoplePerson.areaId,
				userId: peoplePerson.userId,
				languages: peoplePerson.languages,
				organisation: peopleOrganisation.name
			})
			.from(peoplePerson)
			.leftJoin(peopleOrganisation, eq(peopleOrganisation.id, peoplePerson.organisationId))
			.where(eq(peoplePerson.id, input.personId))
			.for('update', { of: peoplePerson });
		return inScope(ctx.actor, PERMISSION, person);
	},
	run: async (ctx, input, person) => {
		if (person.userId) throw new ConflictError('error_already_linked');
		const [recent] = await ctx.db
			.select({ n: count() })
			.from(peopleLinkRequest)
			.where(and(eq(peopleLinkRequest.personId, person.id), gt(peopleLinkRequest.createdAt, new Date(Date.now() - 86_400_000))));
		if (recent!.n >= LINK_REQUESTS_PER_DAY) throw new ConflictError('people_link_error_too_many');
		const [user] = await ctx.db.select({ id: authUser.id, locale: authUser.locale }).from(authUser).where(eq(authUser.email, input.email));
		const token = randomBytes(32).toString('base64url');
		const [row] = await ctx.db
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
		// What the caller gets is the same for every address: only ids, no sign of an account.
		return { requestId: row!.id, mailId: await addToOutbox(ctx.db, mail) };
	},
	audit: (input, { requestId }, person) => ({
		action: 'create',
		entity: 'people_link_request',
		entityId: requestId,
		details: { personId: person.id, email: input.email }
	}),
	after: (ctx, { mailId }) => announceMail(ctx.db, [mailId])
});

/** The request behind a token, if it is still usable and meant for the signed-in account. */
async function usableRequest(ctx: Ctx, token: string, lock: boolean) {
	const q = ctx.db
		.select()
		.from(peopleLinkRequest)
		.where(eq(peopleLinkRequest.tokenHash, hash(token)));
	const [request] = lock ? await q.for('update') : await q;
	if (!request || !request.userId || request.usedAt || request.expiresAt.getTime() <= Date.now()) throw new LinkRequestInvalidError();
	// Another account cannot use, see or spend the link; the owner can still use it afterwards.
	if (request.userId !== ctx.actor.userId) throw new AppError(403, 'people_link_error_other_account');
	return request;
}

// A token is 32 random bytes in base64url; the page refuses other shapes before calling.
const tokenInput = z.object({ token: z.string().min(1, 'people_link_error_invalid').max(200, 'people_link_error_invalid') });

/** What the owner is asked to agree to: which organisation, which registered person, and whether it can be done. */
export const viewAccountLink = defineVerb({
	name: 'people.person.link_view',
	summary: 'What a link request asks of the signed-in owner of the address',
	permission: permission('account.read'),
	input: tokenInput,
	writes: false,
	// The request must be the signed-in account's own (else 403, or 410 as for an unknown one).
	access: (ctx, { token }) => usableRequest(ctx, token, false),
	run: async (ctx, _input, request) => {
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
});

/**
 * The owner, signed in, agrees: the registered person gets the account. The account's own record made
 * at sign-up is removed only when it holds nothing else; otherwise nothing changes and the owner is told
 * so. Its rows are not moved across: they belong to whichever organisation recorded them, and moving
 * them would hand one organisation's records (and roles) to another without either one looking.
 */
export const confirmAccountLink = defineVerb({
	name: 'people.person.link_confirm',
	summary: 'The owner of the address agrees: the registered person gets their account',
	permission: permission('account.self'),
	input: tokenInput,
	writes: true,
	// The owner's own request, and the staff member's right to link this person checked again now,
	// for the permission linking needs.
	access: async (ctx, { token }) => {
		const request = await usableRequest(ctx, token, true);
		const [person] = await ctx.db.select().from(peoplePerson).where(eq(peoplePerson.id, request.personId)).for('update');
		if (!person) throw new LinkRequestInvalidError();
		const requester = await loadActor(ctx.db, request.requestedByUserId);
		if (!requester || !can(requester, PERMISSION, person)) throw new AppError(403, 'people_link_error_requester');
		return { request, person };
	},
	run: async (ctx, _input, { request, person }) => {
		if (person.userId) throw new ConflictError('error_already_linked');
		// The row lock holds off a row being added that points at the record (a foreign key check takes a
		// share lock on it), so what the check below finds empty stays empty until the delete.
		const [own] = await ctx.db.select().from(peoplePerson).where(eq(peoplePerson.userId, ctx.actor.userId!)).for('update');
		if (own) {
			const held = await ownRecordHolds(ctx.db, own);
			if (held.length) throw new ConflictError('people_link_error_own_data');
			await ctx.db.delete(peoplePerson).where(eq(peoplePerson.id, own.id));
		}
		const [row] = await ctx.db
			.update(peoplePerson)
			.set({ userId: ctx.actor.userId, updatedAt: new Date() })
			.where(eq(peoplePerson.id, person.id))
			.returning();
		await ctx.db.update(peopleLinkRequest).set({ usedAt: new Date() }).where(eq(peopleLinkRequest.id, request.id));
		return { person: row!, removed: own ?? null };
	},
	audit: (_input, { person, removed }, { request }) => [
		...(removed
			? [
					{
						action: 'delete' as const,
						entity: 'people_person',
						entityId: removed.id,
						reason: 'account_linked',
						details: { firstName: removed.firstName, email: removed.email, createdAt: removed.createdAt, replacedBy: person.id }
					}
				]
			: []),
		{
			action: 'update',
			entity: 'people_person',
			entityId: person.id,
			reason: 'account_linked',
			details: { linkedUser: person.userId, requestedBy: request.requestedByUserId, linkRequest: request.id, removedPerson: removed?.id ?? null }
		},
		{ action: 'update', entity: 'people_link_request', entityId: request.id, details: { used: 'confirmed' } }
	]
});

/** The owner says no: the link is spent, nothing else changes. */
export const declineAccountLink = defineVerb({
	name: 'people.person.link_decline',
	summary: 'The owner of the address refuses a link request',
	permission: permission('account.self'),
	input: tokenInput,
	writes: true,
	access: (ctx, { token }) => usableRequest(ctx, token, true),
	run: async (ctx, _input, request) => {
		await ctx.db.update(peopleLinkRequest).set({ usedAt: new Date() }).where(eq(peopleLinkRequest.id, request.id));
		return { requestId: request.id };
	},
	audit: (_input, { requestId }) => ({ action: 'update', entity: 'people_link_request', entityId: requestId, details: { used: 'declined' } })
});
