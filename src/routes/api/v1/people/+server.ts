import type { RequestHandler } from './$types';
import { apiCreatePerson } from '#lib/server/api/index.ts';
import { registerPersonInput } from '#lib/server/people/index.ts';
import { ctxOf } from '#lib/server/web/ctx.ts';
import { answer, readJson } from '#lib/server/web/api.ts';

export const POST: RequestHandler = (event) =>
	answer(
		event.locals.locale,
		async () => {
			const body = await readJson(event.request, registerPersonInput, event.locals.locale);
			return body instanceof Response ? body : apiCreatePerson(ctxOf(event), body);
		},
		201
	);
