import { z } from 'zod';
import { APPLICANT_KINDS, APPLICATION_STATUSES, CALL_STATUSES, RULE_CODES } from '../../funding/types.ts';
import {
	applicationBodyShape,
	callRulesShape,
	createApplication,
	createApplicationInput,
	getApplication,
	submitApplication,
	submitApplicationInput,
	updateApplication,
	updateApplicationInput,
	validateApplication,
	validateApplicationInput,
	type ApplicationView
} from '../funding/index.ts';
import { operation, type Operation } from './operation.ts';

// A whole application is bigger than the API's usual 64 KB: the largest (4 years, 200 budget
// lines, ten 1 000-word sections) is about 75 KB. Half a megabyte, the server's own BODY_SIZE_LIMIT.
const APPLICATION_BODY_CHARS = 512 * 1024;

// Funding (issue 16), part applications: an applicant starts, saves, checks and submits an application;
// same verbs, same permissions as the pages. An application is answered only to its owner, its accepted
// co-editors and the officers of the call's organisation (404 to anyone else, as for an unknown id).

const when = z.iso.datetime({ offset: true });
const saved = z.object({ id: z.uuid(), version: z.int() }).meta({ id: 'ApplicationSaved' });
const submitted = z.object({ id: z.uuid(), status: z.enum(APPLICATION_STATUSES), version: z.int() }).meta({ id: 'ApplicationSubmitted' });

const ruleValue = z.union([
	z.object({ kind: z.enum(['cents', 'words', 'count', 'year']), value: z.number() }),
	z.object({ kind: z.literal('share'), num: z.number(), den: z.number() }),
	z.object({ kind: z.literal('instant'), value: z.string() })
]);
const ruleResult = z
	.object({
		rule: z.enum(RULE_CODES),
		subject: z.string().nullable().describe('A section key, a budget line id, a year, a partner id; null: the whole application.'),
		pass: z.boolean(),
		actual: ruleValue.nullable(),
		limit: ruleValue.nullable()
	})
	.meta({ id: 'RuleResult', description: 'Amounts in cents; a share is an exact fraction num/den.' });
const totals = z
	.object({
		totalCents: z.int(),
		cofinancingCents: z.int(),
		grantCents: z.int(),
		byYear: z.array(z.int()).describe('Index 0 is year 1.'),
		byCategory: z.record(z.string(), z.int())
	})
	.meta({ id: 'ApplicationTotals' });
const validated = z.object({ results: z.array(ruleResult), pass: z.boolean(), totals }).meta({ id: 'ApplicationCheck' });

const application = z
	.object({
		id: z.uuid(),
		callId: z.uuid(),
		callTitle: z.string(),
		callStatus: z.enum(CALL_STATUSES),
		closesAt: when,
		rules: callRulesShape,
		status: z.enum(APPLICATION_STATUSES),
		version: z.int().describe('Name it when saving or submitting: a stale version is refused (409).'),
		body: applicationBodyShape,
		applicantKind: z.enum(APPLICANT_KINDS),
		applicantName: z.string(),
		applicantOrganisationId: z.uuid().nullable(),
		isOwner: z.boolean(),
		editable: z.boolean().describe('The caller may save it now.'),
		submittable: z.boolean().describe('Editable, and every rule holds now.'),
		results: z.array(ruleResult),
		totals,
		submittedAt: when.nullable(),
		versions: z.array(z.object({ version: z.int(), submittedAt: when })).describe('The frozen (submitted) versions.'),
		events: z.array(
			z.object({
				fromStatus: z.enum(APPLICATION_STATUSES).nullable(),
				toStatus: z.enum(APPLICATION_STATUSES),
				at: when,
				reason: z.string().nullable()
			})
		),
		decision: z.object({ grantedCents: z.int().nullable(), reason: z.string().nullable(), decidedAt: when }).nullable()
	})
	.meta({ id: 'Application' });

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const asJson = (a: ApplicationView) => ({
	...a,
	closesAt: a.closesAt.toISOString(),
	submittedAt: iso(a.submittedAt),
	versions: a.versions.map((v) => ({ ...v, submittedAt: v.submittedAt.toISOString() })),
	events: a.events.map((e) => ({ ...e, at: e.at.toISOString() })),
	decision: a.decision ? { ...a.decision, decidedAt: a.decision.decidedAt.toISOString() } : null
});

export const FUNDING_APPLICATION_OPERATIONS: Operation[] = [
	operation({
		method: 'post',
		path: '/funding/calls/{id}/applications',
		operationId: 'createApplication',
		verb: createApplication,
		request: createApplicationInput.omit({ callId: true }),
		input: ({ params, body }) => ({ ...body, callId: params.id }),
		response: saved,
		status: 201,
		location: (a: { id: string }) => `/funding/applications/${a.id}`
	}),
	operation({
		method: 'post',
		path: '/funding/calls/{id}/validate',
		operationId: 'validateApplication',
		summary: "Check a whole application body against a call's rules (the server's clock), without saving: for a draft in an outside tool too",
		verb: validateApplication,
		request: validateApplicationInput.omit({ callId: true }),
		maxBodyChars: APPLICATION_BODY_CHARS,
		input: ({ params, body }) => ({ ...body, callId: params.id }),
		response: validated
	}),
	operation({
		method: 'get',
		path: '/funding/applications/{id}',
		operationId: 'getApplication',
		verb: getApplication,
		response: application,
		respond: asJson
	}),
	operation({
		method: 'put',
		path: '/funding/applications/{id}',
		operationId: 'updateApplication',
		verb: updateApplication,
		request: updateApplicationInput.omit({ id: true }),
		maxBodyChars: APPLICATION_BODY_CHARS,
		input: ({ params, body }) => ({ ...body, id: params.id }),
		response: saved
	}),
	operation({
		method: 'post',
		path: '/funding/applications/{id}/submit',
		operationId: 'submitApplication',
		verb: submitApplication,
		request: submitApplicationInput.omit({ id: true }),
		input: ({ params, body }) => ({ ...body, id: params.id }),
		response: submitted
	})
];
