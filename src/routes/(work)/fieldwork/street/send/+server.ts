import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { logContact, organisationFor, streetInput, toLogContact } from '#lib/server/fieldwork/index.ts';
import { AppError, InvalidError } from '#lib/server/core/index.ts';
import { ctxOf, translate } from '#lib/server/web/index.ts';

// The street page's queue sends each contact here as JSON, with the session cookie. Same origin
// only: a JSON post is not covered by SvelteKit's form CSRF check, so the Origin header is checked
// here. Each client id is accepted once (logContact's idempotency): a resend answers "repeated".
// Answers: 201 created, 200 repeated, 401 signed out (the phone keeps its queue), 4xx with a
// message in the page's language for a contact refused.

const MAX_BODY = 16_384;

export const POST: RequestHandler = async (event) => {
	const locale = event.locals.locale;
	const refuse = (status: number, key: string, fields: Record<string, string> = {}) => json({ message: translate(key, locale), fields }, { status });
	if (event.request.headers.get('origin') !== event.url.origin) return refuse(403, 'error_forbidden');
	if (!event.locals.actor.userId) return refuse(401, 'error_unauthenticated');
	const text = await event.request.text();
	if (text.length > MAX_BODY) return refuse(413, 'error_too_large');
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return refuse(400, 'error_bad_request');
	}
	const parsed = streetInput.safeParse(body);
	if (!parsed.success || !parsed.data.clientId) {
		const fields = Object.fromEntries((parsed.error?.issues ?? []).map((i) => [String(i.path[0] ?? '_'), translate(i.message, locale)]));
		return refuse(422, parsed.success ? 'fw_contact_error_client_id' : 'error_invalid', fields);
	}
	try {
		const ctx = ctxOf(event);
		const out = await logContact(ctx, toLogContact(parsed.data, organisationFor(ctx.actor, parsed.data.areaId)));
		return json(out, { status: out.repeated ? 200 : 201 });
	} catch (e) {
		if (e instanceof InvalidError)
			return refuse(e.status, e.key, Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, translate(v, locale)])));
		if (e instanceof AppError) return refuse(e.status, e.key);
		throw e;
	}
};
