// Every problem the API can answer with, by its code (the message key of its detail). A client
// branches on `type` or `code`, never on the translated detail, so both must stay stable: renaming
// a key here is a breaking change of the API. docs/api.md lists the same table (a test keeps it so),
// and AppError takes only these codes, so a new error cannot reach a client unregistered.

type ProblemType = {
	status: number;
	/** The last part of the type URI; derived from the code when not given. */
	slug?: string;
	/**
	 * A short English summary of the type (RFC 9457 `title`); derived from the slug when not given. The
	 * generic types keep the HTTP status phrase they had before types were named.
	 */
	title?: string;
	/** What the problem means for a client, for docs/api.md. */
	meaning: string;
};

export const PROBLEM_BASE = 'https://wijkweb.example/problems/';

export const PROBLEM_TYPES = {
	// Generic: the request itself.
	error_bad_request: { status: 400, title: 'Bad Request', meaning: 'The request could not be read (a form field or a path that makes no sense).' },
	error_json_invalid: { status: 400, slug: 'bad-json', title: 'Bad JSON', meaning: 'The body is not valid JSON.' },
	error_address_characters: { status: 400, slug: 'bad-address', meaning: 'The path or the query holds a control character or is not UTF-8.' },
	error_unauthenticated: { status: 401, title: 'Unauthorized', meaning: 'No valid token (or session): send `Authorization: Bearer ww_…`.' },
	error_forbidden: { status: 403, title: 'Forbidden', meaning: 'The token’s user lacks the permission, or a read-only token tried to write.' },
	error_not_found: { status: 404, title: 'Not Found', meaning: 'No such record, or one the caller may not see (the same answer, on purpose).' },
	error_method: {
		status: 405,
		slug: 'method-not-allowed',
		title: 'Method Not Allowed',
		meaning: 'The path exists but not with this method: `Allow` lists the methods it takes.'
	},
	error_conflict: { status: 409, title: 'Conflict', meaning: 'The change conflicts with what is already there.' },
	error_too_large: {
		status: 413,
		title: 'Payload Too Large',
		meaning: 'The body is over 64 KB (512 KB for an application: updateApplication, validateApplication).'
	},
	error_json_expected: {
		status: 415,
		slug: 'unsupported-media-type',
		title: 'Unsupported Media Type',
		meaning: 'The body must be JSON, sent with `Content-Type: application/json`.'
	},
	error_invalid: {
		status: 422,
		title: 'Unprocessable Content',
		meaning: 'Some fields of the body, the query or a header are not valid: `errors` names each, with a message.'
	},
	error_rate_limited: {
		status: 429,
		title: 'Too Many Requests',
		meaning: 'Too many requests with this token in this minute: wait `Retry-After` seconds.'
	},
	// Idempotency-Key (docs/api.md).
	error_idempotency_key_reused: {
		status: 422,
		slug: 'idempotency-key-reused',
		meaning: 'This Idempotency-Key was used in the last 24 hours for another body, method or path.'
	},
	error_idempotency_in_flight: {
		status: 409,
		slug: 'idempotency-key-in-flight',
		meaning: 'A request with this Idempotency-Key is still running: retry in a moment to get its answer.'
	},
	// Funding, grant follow-up (issue 16).
	fund_tranche_error_paid: {
		status: 409,
		slug: 'tranche-already-paid',
		meaning: 'This tranche was already recorded as paid; a tranche is paid once.'
	},
	fund_amend_error_pending: {
		status: 409,
		slug: 'amendment-pending',
		meaning: 'A budget amendment of this project waits for the officer’s decision: one at a time.'
	},
	fund_amend_error_decided: { status: 409, slug: 'amendment-decided', meaning: 'This budget amendment was already approved or refused.' },
	fund_expense_error_file_size: { status: 413, slug: 'expense-file-too-large', meaning: 'The expense’s document is larger than 5 MB.' },
	fund_expense_error_file_type: {
		status: 415,
		slug: 'expense-file-type',
		meaning: 'The expense’s document is not a PDF, PNG or JPEG by its first bytes (its name and declared type do not count).'
	},
	// Accounts, people, areas.
	access_error_second_factor_required: {
		status: 403,
		meaning: 'The user’s roles read sensitive records, and the account has no second factor yet: enrol at /account/two-factor first.'
	},
	error_name_taken: { status: 409, meaning: 'An organisation with this name exists.' },
	error_code_taken: { status: 409, meaning: 'A neighbourhood with this code exists.' },
	error_role_exists: { status: 409, meaning: 'The person already holds this role there.' },
	error_already_linked: { status: 409, meaning: 'The person is already linked to an account.' },
	people_link_error_too_many: {
		status: 409,
		slug: 'link-asked-too-often',
		meaning: 'A link to an account was asked three times today for this person.'
	},
	people_link_error_own_data: {
		status: 409,
		slug: 'link-account-has-data',
		meaning: 'The account already holds its own data, so it cannot simply be linked.'
	},
	people_link_error_other_account: { status: 403, slug: 'link-other-account', meaning: 'The link was sent to another account.' },
	people_link_error_invalid: { status: 410, slug: 'link-invalid', meaning: 'The link to an account was used or refused, or has expired.' },
	// The person record (issue 13): corrections and merges.
	people_error_person_closed: {
		status: 409,
		slug: 'person-merged-or-erased',
		meaning: 'The record was merged into another one or erased: it can no longer be changed or merged (GET it to find the kept record).'
	},
	people_error_person_archived: {
		status: 409,
		slug: 'person-archived',
		meaning: 'The record is archived (a public body’s lawful basis): it is read-only.'
	},
	people_error_merge_two_accounts: {
		status: 409,
		slug: 'merge-two-accounts',
		meaning: 'Both records are linked to a Wijkweb account: two accounts are two people signing in, so they are not merged.'
	},
	people_error_merge_conflict: {
		status: 409,
		slug: 'merge-conflict',
		meaning: 'A row of the merged record cannot move to the kept one without breaking a rule the merge does not know yet; nothing was changed.'
	},
	people_link_error_requester: { status: 403, slug: 'link-requester-no-right', meaning: 'Whoever asked for the link may no longer link records.' },
	// Mutual aid.
	aid_error_need_not_open: { status: 409, meaning: 'The need is no longer open (or, for a change, no longer to review or open).' },
	aid_error_need_has_links: { status: 409, meaning: 'The need has a link under way: end it first.' },
	aid_error_not_in_review: { status: 409, meaning: 'The need or offer is not waiting to be reviewed.' },
	aid_error_already_member: { status: 409, meaning: 'The account already belongs to a neighbourhood house.' },
	aid_error_already_proposed: { status: 409, meaning: 'This offer is already proposed for this need.' },
	aid_error_answer_yourself: { status: 409, meaning: 'This side has an account and answers for themselves.' },
	aid_error_full: { status: 409, slug: 'no-place-left', meaning: 'The volunteer has no place left.' },
	aid_error_offer_other_category: { status: 409, meaning: 'The offer is for another kind of help than the need.' },
	aid_error_offer_own: { status: 409, meaning: 'The offer is from the person who asks for help.' },
	aid_error_offer_withdrawn: { status: 409, meaning: 'The offer has been withdrawn.' },
	aid_error_offer_paused: { status: 409, meaning: 'The offer is paused.' },
	aid_error_offer_in_review: { status: 409, meaning: 'The offer is still being reviewed and cannot be paused yet.' },
	aid_error_certificate_missing: {
		status: 409,
		meaning: 'Help at home or with children needs a checked good-conduct certificate; the volunteer has none.'
	},
	aid_error_certificate_expired: { status: 409, meaning: 'The volunteer’s good-conduct certificate has expired.' },
	aid_error_link_closed: { status: 409, meaning: 'The link has already ended.' },
	aid_error_link_state: { status: 409, meaning: 'That step is not possible in the link’s current status.' },
	oh_duplicate_error: {
		status: 409,
		slug: 'duplicate-person',
		meaning: 'Someone with the same first name and phone number is already registered (office-hour walk-in).'
	},
	nudge_error_today: { status: 409, slug: 'nudged-today', meaning: 'The link was already nudged today (Belgian day).' },
	// Funding: the review of applications.
	fund_review_error_step: {
		status: 409,
		slug: 'application-step-not-allowed',
		meaning: 'The application’s status does not allow this step (e.g. a decision before the review, or a second decision).'
	},
	fund_jury_error_closed: {
		status: 409,
		slug: 'application-not-in-review',
		meaning: 'The application is not in review: scores are given only while it is.'
	},
	fund_jury_error_final: { status: 409, slug: 'review-final', meaning: 'The juror’s review is final: only the programme officer can reopen it.' },
	// A person's rights (rights/).
	rights_error_erased: { status: 409, slug: 'person-erased', meaning: 'The person has already been erased.' },
	rights_error_archived: { status: 409, slug: 'person-already-archived', meaning: 'The person has already been archived or erased.' },
	rights_error_not_public_task: {
		status: 409,
		slug: 'archive-needs-public-task',
		meaning: 'Only an organisation working under its public task may archive instead of erasing.'
	},
	// Funding (issue 16): applications.
	fund_app_error_stale: {
		status: 409,
		slug: 'application-stale',
		meaning: 'The application was saved by someone else (a co-editor, another tab) since the version named: GET it again; nothing was changed.'
	},
	fund_app_error_not_editable: {
		status: 409,
		slug: 'application-not-editable',
		meaning: 'The application is submitted (or decided, or withdrawn): it can be edited only while a draft or when the officer asks for information.'
	},
	fund_app_error_one_per_applicant: {
		status: 409,
		slug: 'one-application-per-applicant',
		meaning:
			'The call takes one application per applicant, and this applicant (the organisation, else the account) already has one that is not withdrawn.'
	},
	fund_app_error_step: {
		status: 409,
		slug: 'application-step',
		meaning: 'That status step is not allowed from the application’s current status.'
	},
	fund_app_error_rules: {
		status: 422,
		slug: 'application-rules-fail',
		meaning: 'Some rules of the call do not hold: `errors` names each as `rules.<rule>[.<subject>]`; validateApplication gives the figures.'
	}
} as const satisfies Record<string, ProblemType>;

export type ProblemCode = keyof typeof PROBLEM_TYPES;

export const PROBLEM_CODES = Object.keys(PROBLEM_TYPES) as ProblemCode[];

export const isProblemCode = (key: string): key is ProblemCode => Object.hasOwn(PROBLEM_TYPES, key);

/** `aid_error_need_not_open` → `need-not-open`: the key without its module prefix and `error_`. */
export function problemSlug(code: ProblemCode): string {
	const own: ProblemType = PROBLEM_TYPES[code];
	return own.slug ?? code.replace(/^(?:[a-z]+_)*?error_/, '').replaceAll('_', '-');
}

export const problemTypeUri = (code: ProblemCode) => PROBLEM_BASE + problemSlug(code);

/** `need-not-open` → `Need not open`, unless the registry names it. */
export function problemTitle(code: ProblemCode): string {
	const own: ProblemType = PROBLEM_TYPES[code];
	if (own.title) return own.title;
	const words = problemSlug(code).replaceAll('-', ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The generic code for a status, for an error whose own code is not registered (should not happen: the types prevent it). */
export function genericCode(status: number): ProblemCode {
	const generic = PROBLEM_CODES.find((c) => c.startsWith('error_') && PROBLEM_TYPES[c].status === status);
	return generic ?? 'error_bad_request';
}
