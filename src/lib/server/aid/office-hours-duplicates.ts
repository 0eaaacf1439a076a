import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Ctx } from '../core/index.ts';
import { ConflictError } from '../core/index.ts';
import { can } from '../access/index.ts';
import { peoplePerson } from '../people/index.ts';

// A walk-in registered twice (same first name and phone, in the same organisation) makes two people
// whose needs, visits and links never meet. The office-hour mode warns and offers the one already known.

/** Pure: a first name as people write it differently at a desk: case, accents and spacing folded. */
export const foldName = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Pure: a Belgian phone number as its digits, the country code written as the leading 0 ("+32 470…", "0032 470…" → "0470…"). */
export function normalisePhone(phone: string): string {
	const digits = phone.replace(/\D/g, '');
	if (digits.startsWith('0032')) return `0${digits.slice(4)}`;
	if (phone.trim().startsWith('+32')) return `0${digits.slice(2)}`;
	return digits;
}

/** Someone already registered that the walk-in form offers instead of a new person. */
export type KnownPerson = { id: string; firstName: string; lastName: string | null; phone: string | null; createdAt: Date };

/** The walk-in form named someone already known: a 409 that carries them, so the form can offer them. */
export class DuplicatePersonError extends ConflictError {
	readonly people: KnownPerson[];
	constructor(people: KnownPerson[]) {
		super('oh_duplicate_error');
		this.people = people;
	}
}

/**
 * People of the organisation with the same folded first name and the same phone digits, that the actor
 * may read (nobody else is offered, so the warning tells nothing about people outside their scope).
 */
export async function samePeople(ctx: Ctx, organisationId: string, firstName: string, phone: string | null | undefined): Promise<KnownPerson[]> {
	const wanted = phone ? normalisePhone(phone) : '';
	if (wanted.length < 6) return [];
	const rows = await ctx.db
		.select({
			id: peoplePerson.id,
			firstName: peoplePerson.firstName,
			lastName: peoplePerson.lastName,
			phone: peoplePerson.phone,
			areaId: peoplePerson.areaId,
			createdAt: peoplePerson.createdAt
		})
		.from(peoplePerson)
		.where(
			and(
				eq(peoplePerson.organisationId, organisationId),
				isNotNull(peoplePerson.phone),
				// A first cut in SQL on the last digits; the exact rule (country code, names) follows below.
				sql`right(regexp_replace(${peoplePerson.phone}, '[^0-9]', '', 'g'), 8) = ${wanted.slice(-8)}`
			)
		)
		.orderBy(asc(peoplePerson.createdAt))
		.limit(50);
	const name = foldName(firstName);
	return rows
		.filter((r) => foldName(r.firstName) === name && normalisePhone(r.phone!) === wanted)
		.filter((r) => can(ctx.actor, 'people.person.read', { organisationId, areaId: r.areaId }))
		.slice(0, 5)
		.map(({ areaId: _area, ...r }) => r);
}
