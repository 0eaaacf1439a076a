import type { Actor } from '../core/index.ts';
import { can, type Place } from '../access/index.ts';
import { peoplePerson } from './schema.ts';

/** Where a person lives for the access rule (access/scope.ts): their organisation and area. */
export const personColumns = { organisation: peoplePerson.organisationId, area: peoplePerson.areaId };

/** Whether the person page may offer the link form: the same rule the verb applies. */
export function mayLinkAccount(actor: Actor, person: Place): boolean {
	return can(actor, 'people.person.link_account', person);
}
