import type { RequestHandler } from './$types';
import { me } from '#lib/server/api/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { ok, problemFrom } from '#lib/server/web/index.ts';

export const GET: RequestHandler = (event) => {
	try {
		return ok(me(ctxOf(event)));
	} catch (e) {
		return problemFrom(e, event.locals.locale);
	}
};
