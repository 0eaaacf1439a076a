import { z } from 'zod';
import { CONTACT_TYPES, getContact, listContacts, listContactsQuery, logContact, logContactInput } from '../fieldwork/index.ts';
import { THEMES } from '../../themes.ts';
import { operation, type Operation } from './operation.ts';

// Fieldwork II, part A: the contact log. The request is the verb's own input (one shape for the log
// form, the street page's queue and API clients); a resend with the same clientId answers 200 with the
// first contact, and the Idempotency-Key header works on top of it as for every create.

const logged = z
	.object({
		id: z.uuid(),
		clientId: z.uuid().nullable(),
		repeated: z.boolean().describe('True when this clientId was sent before: nothing new was written (status 200).')
	})
	.meta({ id: 'ContactLogged' });

const contactSummary = z.object({
	id: z.uuid(),
	organisationId: z.uuid(),
	areaId: z.uuid().nullable(),
	areaName: z.string().nullable(),
	type: z.enum(CONTACT_TYPES),
	startedAt: z.iso.datetime({ offset: true }),
	durationMinutes: z.int(),
	placeName: z.string().nullable(),
	themes: z.array(z.enum(THEMES)),
	anonymousCount: z.int(),
	people: z.int().describe('People on it by name (none named here).'),
	mine: z.boolean().describe('Recorded by the caller.')
});

const contactList = z
	.object({ items: z.array(contactSummary), nextCursor: z.string().nullable() })
	.meta({ id: 'ContactList', description: 'Contacts in the caller’s scope, newest first; no names and no notes.' });

const contactResponse = z
	.object({
		id: z.uuid(),
		organisationId: z.uuid(),
		areaId: z.uuid().nullable(),
		areaName: z.string().nullable(),
		type: z.enum(CONTACT_TYPES),
		startedAt: z.iso.datetime({ offset: true }),
		durationMinutes: z.int(),
		placeId: z.uuid().nullable(),
		placeName: z.string().nullable(),
		themes: z.array(z.enum(THEMES)),
		anonymousCount: z.int(),
		anonymousAgeFrom: z.int().nullable(),
		anonymousAgeTo: z.int().nullable(),
		people: z
			.array(z.object({ personId: z.uuid().nullable(), firstName: z.string().nullable() }))
			.describe('The people met; null id and name for one the caller may not read (“someone”).'),
		partners: z.array(z.object({ partnerId: z.uuid(), name: z.string().nullable() })),
		mustAct: z.array(z.object({ userId: z.string().nullable(), name: z.string().nullable() })),
		recordedBy: z.object({ userId: z.string().nullable(), name: z.string().nullable() }),
		mine: z.boolean(),
		questions: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string() })),
		referrals: z.array(z.object({ id: z.uuid(), partner: z.string().nullable(), status: z.string(), personId: z.uuid() })),
		note: z.string().nullable().describe('Only for the author’s team with a second factor; that read is audited.'),
		noteHidden: z.boolean().describe('There is a note the caller may not read.'),
		noteShareable: z.boolean()
	})
	.meta({ id: 'Contact', description: 'One contact. Every read is audited (the note read separately).' });

export const FIELDWORK_CONTACT_OPERATIONS: Operation[] = [
	operation({
		method: 'post',
		path: '/contacts',
		operationId: 'logContact',
		verb: logContact,
		request: logContactInput,
		response: logged,
		status: 201,
		location: (c: { id: string }) => `/contacts/${c.id}`
	}),
	operation({
		method: 'get',
		path: '/contacts',
		operationId: 'listContacts',
		verb: listContacts,
		query: listContactsQuery,
		response: contactList
	}),
	operation({
		method: 'get',
		path: '/contacts/{id}',
		operationId: 'getContact',
		verb: getContact,
		response: contactResponse
	})
];
