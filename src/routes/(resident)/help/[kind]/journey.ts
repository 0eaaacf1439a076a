import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { InvalidError } from '#lib/server/core/index.ts';
import { discardDraft, readDraft, saveDraftStep, sendDraft, type Step } from '#lib/server/aid/index.ts';
import { ctxOf, failFrom, formValues, guard, translate } from '#lib/server/web/index.ts';

// The engine of the question pages "Ask for help" (/help/need/…) and "I can help" (/help/offer/…).
// Every step is a GET that shows the step from the server-kept draft and a POST that keeps it and
// redirects (303) to the next step, so the back button and a refresh never resend anything. A
// "Change" link from the check page carries ?from=check, which the form keeps (it posts to the same
// address) and which sends the person back to the check page.

export type Kind = 'need' | 'offer';
export type Page = Step | 'check';
const ORDER: readonly Page[] = ['what', 'when', 'where', 'more', 'check'];

export function kindOf(event: Pick<RequestEvent, 'params' | 'locals'>): Kind {
	const kind = (event.params as { kind?: string }).kind;
	if (kind !== 'need' && kind !== 'offer') error(404, translate('error_not_found', event.locals.locale));
	return kind;
}

export const stepHref = (kind: Kind, page: Page, fromCheck = false) =>
	`/help/${kind}${page === 'what' ? '' : `/${page}`}${fromCheck && page !== 'check' ? '?from=check' : ''}`;

/** What every step page gets: the draft's answers, where "Back" goes, and "step n of 5". */
export async function loadStep(event: RequestEvent, page: Page) {
	const kind = kindOf(event);
	return guard(event, async (ctx) => {
		const draft = await readDraft(ctx, { kind, locale: event.locals.locale });
		const missing = draft ? draft.missing : 'what';
		const at = ORDER.indexOf(page);
		// Reached out of order (a bookmark, a typed address): the first question still to answer.
		if (missing && ORDER.indexOf(missing) < at) redirect(303, stepHref(kind, missing));
		const fromCheck = event.url.searchParams.get('from') === 'check' && !missing;
		return {
			kind,
			page,
			number: at + 1,
			total: ORDER.length,
			values: draft?.values ?? {},
			draftId: draft?.id ?? null,
			back: fromCheck ? stepHref(kind, 'check') : at === 0 ? '/help' : stepHref(kind, ORDER[at - 1]!)
		};
	});
}

async function posted(event: RequestEvent) {
	try {
		return formValues(await event.request.formData());
	} catch {
		return null;
	}
}

const badRequest = (locale: string) => fail(400, { values: {}, errors: {}, message: translate('error_bad_request', locale) });

/** A step's POST: kept in the draft, then on to the next step (or back to the check page). */
export async function answer(event: RequestEvent, step: Step | 'point') {
	const kind = kindOf(event);
	const locale = event.locals.locale;
	const values = await posted(event);
	if (!values) return badRequest(locale);
	try {
		await saveDraftStep(ctxOf(event), { kind, step, values, locale });
	} catch (e) {
		return failFrom(e, values, locale);
	}
	// A tap on the map comes back to the map, the place marked.
	if (step === 'point')
		redirect(303, `${stepHref(kind, 'where')}?map=1${event.url.searchParams.get('from') === 'check' ? '&from=check' : ''}#f-point`);
	const next = event.url.searchParams.get('from') === 'check' ? 'check' : ORDER[ORDER.indexOf(step) + 1]!;
	redirect(303, stepHref(kind, next));
}

/** "Send" on the check page: the need or offer is made, and the confirmation says what happens next. */
export async function send(event: RequestEvent) {
	const kind = kindOf(event);
	const locale = event.locals.locale;
	const values = await posted(event);
	if (!values) return badRequest(locale);
	let made: { kind: Kind; id: string };
	try {
		made = await sendDraft(ctxOf(event), { id: String(values.draft ?? ''), locale });
	} catch (e) {
		// Unfinished (another tab changed it): back to the first question still to answer.
		const step = e instanceof InvalidError ? Object.keys(e.fields).find((k) => ORDER.includes(k as Page)) : undefined;
		if (step) redirect(303, stepHref(kind, step as Page));
		return failFrom(e, values, locale);
	}
	redirect(303, `/help/${made.kind}/done/${made.id}`);
}

/** "Start again": the draft is thrown away. */
export async function discard(event: RequestEvent) {
	const locale = event.locals.locale;
	const values = await posted(event);
	if (!values) return badRequest(locale);
	try {
		await discardDraft(ctxOf(event), { id: String(values.draft ?? '') });
	} catch (e) {
		return failFrom(e, values, locale);
	}
	redirect(303, stepHref(kindOf(event), 'what'));
}
