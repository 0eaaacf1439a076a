import type { RequestHandler } from './$types';
import { apiListLinks, apiProposeLink, linkQueryInput } from '#lib/server/api/index.ts';
import { proposeLinkInput } from '#lib/server/aid/index.ts';
import { answer, createFromJson, ctxOf, readQuery } from '#lib/server/web/index.ts';

export const GET: RequestHandler = (event) =>
	answer(event.locals.locale, async () => {
		const q = readQuery(event.url, linkQueryInput, event.locals.locale);
		return q instanceof Response ? q : apiListLinks(ctxOf(event), q);
	});

export const POST: RequestHandler = createFromJson(proposeLinkInput, apiProposeLink);
