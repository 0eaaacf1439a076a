import type { RequestHandler } from './$types';
import { apiListLinks, apiProposeLink, linkQueryInput } from '#lib/server/api/index.ts';
import { proposeLinkInput } from '#lib/server/aid/index.ts';
import { ctxOf } from '#lib/server/web/ctx.ts';
import { answer, createFromJson, readQuery } from '#lib/server/web/api.ts';

export const GET: RequestHandler = (event) =>
	answer(event.locals.locale, async () => {
		const q = readQuery(event.url, linkQueryInput, event.locals.locale);
		return q instanceof Response ? q : apiListLinks(ctxOf(event), q);
	});

export const POST: RequestHandler = createFromJson(proposeLinkInput, apiProposeLink);
