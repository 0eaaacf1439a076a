import { z } from 'zod';
import { line, optionalLine } from '../core/index.ts';
import { MEMBER_ROLES, addHouseholdMember, createHousehold, endHouseholdMember, getHousehold } from '../people/index.ts';
import {
	NODE_KINDS,
	NOTE_MAX,
	PARTNER_KINDS,
	RELATIONSHIP_TYPES,
	TIE_ACCESS,
	createPartner,
	createRelationship,
	endRelationship,
	getPartner,
	listPartners,
	listTies,
	updatePartner
} from '../network/index.ts';
import { THEMES } from '../../themes.ts';
import { operation, type Operation } from './operation.ts';

// Fieldwork I, part B: households, partner organisations and ties. The operationIds the issue names
// (createOrganisation, listOrganisations) are the partner organisations: the tenant organisations have
// no API operations (they are instance settings, admin pages only), so nothing clashes.

const day = z.iso.date('error_date').meta({ description: 'A day, YYYY-MM-DD (Europe/Brussels).' });

const member = z.object({
	personId: z.uuid('people_household_error_person').describe('A person of the household’s organisation the caller may read.'),
	role: z.enum(MEMBER_ROLES, 'error_choice').describe('adult or child.'),
	head: z.boolean('error_choice').default(false).describe('The head of household (one at most: naming one makes the former head a plain member).'),
	joinedOn: day.nullish().describe('Since when; today when absent.')
});

const householdRequest = z
	.object({
		organisationId: z.uuid('error_required').describe('The organisation that keeps the household.'),
		areaId: z.uuid('error_choice').nullish().describe('The neighbourhood; required from a caller whose role is bound to neighbourhoods.'),
		name: optionalLine(120).describe('A name staff recognise (“Peeters family”), optional.'),
		members: z.array(member).max(30, 'error_too_long').default([]).describe('The first members.')
	})
	.meta({ id: 'HouseholdRequest' });

const householdMember = z.object({
	id: z.uuid().describe('The membership (end it with endHouseholdMember).'),
	personId: z.uuid(),
	firstName: z.string(),
	lastName: z.string().nullable(),
	role: z.enum(MEMBER_ROLES),
	head: z.boolean(),
	joinedOn: z.iso.date().nullable(),
	leftOn: z.iso.date().nullable().describe('When the person moved out; null for a current member.')
});

const householdResponse = z
	.object({
		id: z.uuid(),
		name: z.string().nullable(),
		organisationId: z.uuid(),
		areaId: z.uuid().nullable(),
		members: z.array(householdMember).describe('The members now.'),
		past: z.array(householdMember).describe('Those who lived here before, with the day they moved out.'),
		size: z.int().describe('Current members.'),
		children: z.int().describe('Current members who are children.')
	})
	.meta({ id: 'Household', description: 'A household; size and children are counted from the current members. Every read is audited.' });

const created = z.object({ id: z.uuid() }).meta({ id: 'Created' });

const partnerRequest = z
	.object({
		name: line(2, 120),
		kind: z.enum(PARTNER_KINDS, 'error_choice'),
		address: optionalLine(200),
		phone: z
			.string()
			.max(30, 'error_too_long')
			.regex(/^[+0-9 ()./-]*$/, 'error_phone')
			.nullish(),
		email: z.email('error_email').max(254, 'error_too_long').nullish(),
		website: z
			.url({ protocol: /^https?$/, error: 'network_error_website' })
			.max(300, 'error_too_long')
			.nullish(),
		themes: z.array(z.enum(THEMES, 'error_choice')).max(THEMES.length, 'error_too_long').default([]).describe('What they help with.'),
		areaIds: z.array(z.uuid('error_choice')).max(50, 'error_too_long').default([]).describe('The neighbourhoods they serve.')
	})
	.meta({ id: 'PartnerRequest' });

const partnerResponse = z
	.object({
		id: z.uuid(),
		organisationId: z.uuid().describe('The tenant organisation that keeps this partner; all its staff read it.'),
		name: z.string(),
		kind: z.enum(PARTNER_KINDS),
		address: z.string().nullable(),
		phone: z.string().nullable(),
		email: z.string().nullable(),
		website: z.string().nullable(),
		themes: z.array(z.enum(THEMES)),
		areaIds: z.array(z.uuid()),
		contacts: z
			.array(
				z.object({
					relationshipId: z.uuid(),
					personId: z.uuid(),
					firstName: z.string(),
					lastName: z.string().nullable(),
					role: z.string().nullable(),
					startsOn: z.iso.date().nullable(),
					endsOn: z.iso.date().nullable()
				})
			)
			.describe('Contact persons (ties contact_person_at), only those the caller may read.'),
		hiddenContacts: z.int().describe('Contact persons the caller may not read (outside their neighbourhood).')
	})
	.meta({ id: 'Partner', description: 'A partner organisation (welfare office, school, repair café…) as the worker knows it.' });

const partnerList = z
	.object({
		items: z.array(
			z.object({
				id: z.uuid(),
				name: z.string(),
				kind: z.enum(PARTNER_KINDS),
				themes: z.array(z.enum(THEMES)),
				phone: z.string().nullable(),
				organisationId: z.uuid(),
				organisation: z.string(),
				areaIds: z.array(z.uuid())
			})
		),
		nextCursor: z.null().describe('Always null: an organisation keeps tens of partners, one page.')
	})
	.meta({ id: 'PartnerList' });

const relationshipRequest = z
	.object({
		type: z.enum(RELATIONSHIP_TYPES, 'network_error_type'),
		fromKind: z.enum(NODE_KINDS, 'error_choice'),
		fromId: z.uuid('error_choice'),
		toKind: z.enum(NODE_KINDS, 'error_choice'),
		toId: z.uuid('network_error_other_end'),
		role: optionalLine(120).describe('For contact_person_at: the role there.'),
		note: z.string().max(NOTE_MAX, 'error_too_long').nullish(),
		startsOn: day.nullish(),
		endsOn: day.nullish(),
		access: z.enum(TIE_ACCESS, 'error_choice').default('none').describe('What the tie lets the other end do: none, or view.')
	})
	.meta({
		id: 'RelationshipRequest',
		description:
			'A tie, stored once and read from both ends. contact_person_at goes person → partner; member_of person|household → household|partner (never in a circle); referred_to person|household → partner; knows and family person ↔ person; neighbour person|household ↔ person|household; works_with person|partner ↔ person|partner.'
	});

const relationshipCreated = z.object({ id: z.uuid(), fromKey: z.string(), toKey: z.string() }).meta({ id: 'RelationshipCreated' });

const tieList = z
	.object({
		items: z.array(
			z.object({
				id: z.uuid(),
				type: z.enum(RELATIONSHIP_TYPES),
				side: z.enum(['from', 'to']).describe('The end the node is on: read the label from this side.'),
				other: z.object({
					kind: z.enum(NODE_KINDS),
					id: z.uuid(),
					name: z.string().nullable().describe('Null when the caller may not read the other end.'),
					readable: z.boolean()
				}),
				role: z.string().nullable(),
				note: z.string().nullable(),
				startsOn: z.iso.date().nullable(),
				endsOn: z.iso.date().nullable(),
				current: z.boolean()
			})
		),
		nextCursor: z.null()
	})
	.meta({ id: 'TieList' });

const nodeQuery = z.object({
	kind: z.enum(NODE_KINDS, 'error_choice').describe('person, household or partner.'),
	id: z.uuid('error_not_found').describe('The node’s id.')
});

const partnerQuery = z.object({
	kind: z.enum(PARTNER_KINDS, 'error_choice').optional(),
	theme: z.enum(THEMES, 'error_choice').optional(),
	areaId: z.uuid('error_choice').optional(),
	q: z.string().max(80, 'error_too_long').optional().describe('Part of the name.')
});

type Household = Awaited<ReturnType<typeof getHousehold>>;
type Partner = Awaited<ReturnType<typeof getPartner>>;

const partnerOut = (p: Partner) => ({
	id: p.id,
	organisationId: p.organisationId,
	name: p.name,
	kind: p.kind,
	address: p.address,
	phone: p.phone,
	email: p.email,
	website: p.website,
	themes: p.themes,
	areaIds: p.areaIds,
	contacts: p.contacts.map((c) => ({
		relationshipId: c.relationshipId,
		personId: c.personId,
		firstName: c.firstName,
		lastName: c.lastName,
		role: c.role,
		startsOn: c.startsOn,
		endsOn: c.endsOn
	})),
	hiddenContacts: p.hiddenContacts
});

export const NETWORK_OPERATIONS: Operation[] = [
	operation({
		method: 'post',
		path: '/households',
		operationId: 'createHousehold',
		verb: createHousehold,
		request: householdRequest,
		response: created,
		status: 201,
		location: (h: { id: string }) => `/households/${h.id}`
	}),
	operation({
		method: 'get',
		path: '/households/{id}',
		operationId: 'getHousehold',
		verb: getHousehold,
		response: householdResponse,
		respond: (h: Household) => h
	}),
	operation({
		method: 'post',
		path: '/households/{id}/members',
		operationId: 'addHouseholdMember',
		summary: 'Add a person to a household; a person already in another current household is a 422 (record the move out there first)',
		verb: addHouseholdMember,
		request: member,
		input: ({ params, body }) => ({ ...body, householdId: params.id }),
		response: created,
		respond: (m: { id: string }) => ({ id: m.id })
	}),
	operation({
		method: 'post',
		path: '/households/{id}/members/{memberId}/end',
		operationId: 'endHouseholdMember',
		verb: endHouseholdMember,
		request: z.object({ leftOn: day.nullish().describe('The day of moving out; today when absent.') }),
		input: ({ params, body }) => ({ householdId: params.id, memberId: params.memberId, leftOn: body.leftOn }),
		response: z.object({ memberId: z.uuid(), leftOn: z.iso.date() }),
		respond: (m: { memberId: string; leftOn: string }) => ({ memberId: m.memberId, leftOn: m.leftOn })
	}),
	operation({
		method: 'post',
		path: '/partners',
		operationId: 'createOrganisation',
		summary: 'Add a partner organisation (welfare office, school, repair café…) to the caller’s organisation',
		verb: createPartner,
		request: partnerRequest.extend({ organisationId: z.uuid('error_required').describe('The tenant organisation that keeps it.') }),
		response: created,
		status: 201,
		location: (p: { id: string }) => `/partners/${p.id}`
	}),
	operation({
		method: 'get',
		path: '/partners',
		operationId: 'listOrganisations',
		summary: 'The partner organisations of the caller’s organisations, by name (filter by kind, theme, neighbourhood, name)',
		verb: listPartners,
		query: partnerQuery,
		response: partnerList,
		respond: (items: Awaited<ReturnType<typeof listPartners>>) => ({ items, nextCursor: null })
	}),
	operation({
		method: 'get',
		path: '/partners/{id}',
		operationId: 'getOrganisation',
		summary: 'One partner organisation with its neighbourhoods and contact persons',
		verb: getPartner,
		response: partnerResponse,
		respond: partnerOut
	}),
	operation({
		method: 'put',
		path: '/partners/{id}',
		operationId: 'updateOrganisation',
		summary: 'Replace a partner organisation’s facts, themes and neighbourhoods',
		verb: updatePartner,
		request: partnerRequest,
		response: created
	}),
	operation({
		method: 'post',
		path: '/relationships',
		operationId: 'createRelationship',
		verb: createRelationship,
		request: relationshipRequest,
		response: relationshipCreated,
		// The list of the first end's ties, where the new tie shows.
		status: 201,
		location: (r: { fromKey: string | null }) => {
			const [kind, id] = (r.fromKey ?? ':').split(':');
			return `/relationships?kind=${kind}&id=${id}`;
		}
	}),
	operation({
		method: 'get',
		path: '/relationships',
		operationId: 'listRelationships',
		summary: 'All ties of one person, household or partner, current and ended (one indexed lookup; the read is audited)',
		verb: listTies,
		query: nodeQuery,
		response: tieList,
		respond: (items: Awaited<ReturnType<typeof listTies>>) => ({ items, nextCursor: null })
	}),
	operation({
		method: 'post',
		path: '/relationships/{id}/end',
		operationId: 'endRelationship',
		summary: 'End a tie on a day (today by default); the tie is kept as history',
		verb: endRelationship,
		request: z.object({ endsOn: day.nullish() }),
		input: ({ params, body }) => ({ id: params.id, endsOn: body.endsOn }),
		response: z.object({ id: z.uuid(), endsOn: z.iso.date() }).meta({ id: 'RelationshipEnded' })
	})
];
