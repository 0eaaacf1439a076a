import { z } from 'zod';
import { CONSENT_METHODS, recordConsent, withdrawConsent } from '../people/index.ts';
import { operation, type Operation } from './operation.ts';

// Consent per purpose in /api/v1: recording a person's answer and withdrawing it. Withdrawal is a POST
// to …/withdraw, not a DELETE: it removes nothing (it adds the row that says "withdrawn"), and the
// history of answers is what the person has a right to see.

const method = z.enum(CONSENT_METHODS, 'consent_error_method').describe('How the person said it: spoken, paper or online.');

const recordBody = z
	.object({
		purposeId: z.uuid('consent_error_purpose').describe('One of the purposes of the person’s organisation: active and asked (lawful basis consent).'),
		given: z.boolean('error_choice').default(true).describe('true: consent given (the default); false: the person said no.'),
		method
	})
	.meta({ id: 'ConsentRequest', description: 'A person’s answer for one purpose.' });

const withdrawBody = z
	.object({ method: method.default('spoken') })
	.default({ method: 'spoken' })
	.meta({ id: 'WithdrawalRequest', description: 'How the person withdrew their consent (spoken by default).' });

const consentResponse = z
	.object({
		id: z.uuid(),
		personId: z.uuid(),
		purposeId: z.uuid(),
		given: z.boolean(),
		method,
		version: z.int().describe('The version of the purpose’s text the answer was given on.'),
		recordedAt: z.iso.datetime().describe('When it was recorded (UTC).')
	})
	.meta({ id: 'Consent', description: 'One row of a person’s consent history; the latest row per purpose is their answer.' });

const withdrawalResponse = consentResponse
	.extend({
		stops: z
			.array(z.enum(['contact', 'intercultural_figures', 'origin', 'photos', 'sharing', 'situation']))
			.describe('What stopped at once: contact, intercultural_figures, origin, photos, sharing or situation.')
	})
	.meta({ id: 'Withdrawal' });

type Recorded = Awaited<ReturnType<typeof recordConsent>>;
const consent = (c: Recorded) => ({
	id: c.id,
	personId: c.personId,
	purposeId: c.purposeId,
	given: c.given,
	method: c.method,
	version: c.version,
	recordedAt: c.recordedAt.toISOString()
});

export const CONSENT_OPERATIONS: Operation[] = [
	operation({
		method: 'post',
		path: '/people/{id}/consents',
		operationId: 'recordConsent',
		summary:
			'Record a person’s consent (or refusal) for a purpose of their organisation, on its current text; a person outside the caller’s scope is a 404',
		verb: recordConsent,
		request: recordBody,
		input: ({ params, body }) => ({ ...body, personId: params.id }),
		response: consentResponse,
		status: 201,
		location: (c: Recorded) => `/people/${c.personId}/consents`,
		respond: consent
	}),
	operation({
		method: 'post',
		path: '/people/{id}/consents/{purposeId}/withdraw',
		operationId: 'withdrawConsent',
		summary: 'Withdraw a person’s given consent for a purpose; it takes effect at once (what the purpose gated stops)',
		verb: withdrawConsent,
		request: withdrawBody,
		input: ({ params, body }) => ({ ...body, personId: params.id, purposeId: params.purposeId }),
		response: withdrawalResponse,
		respond: (w: Awaited<ReturnType<typeof withdrawConsent>>) => ({ ...consent(w), stops: [...w.stops] })
	})
];
