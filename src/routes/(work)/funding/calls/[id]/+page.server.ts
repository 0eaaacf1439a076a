import type { Actions, PageServerLoad } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import { ForbiddenError } from '#lib/server/core/index.ts';
import { holds } from '#lib/server/access/index.ts';
import { closeCall, deadline, getCall, publishCall } from '#lib/server/funding/index.ts';
import { ctxOf, failFrom, guard, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		// The officer's page: the public one is /calls/[id].
		if (!holds(ctx.actor, 'funding.programme.read')) throw new ForbiddenError('funding.programme.read');
		const call = await getCall(ctx, { id: pathId(event) });
		const confirm = event.url.searchParams.get('confirm');
		return { call, deadline: deadline(call, new Date()), confirm: confirm === 'publish' || confirm === 'close' ? confirm : null };
	});

const step = (verb: typeof publishCall | typeof closeCall, done: string) => async (event: Parameters<Actions[string]>[0]) => {
	const id = pathId(event);
	try {
		await verb(ctxOf(event), { id });
	} catch (e) {
		const failure = failFrom(e, {}, event.locals.locale);
		return fail(failure.status, { ...failure.data });
	}
	redirect(303, `/funding/calls/${id}?done=${done}`);
};

export const actions: Actions = { publish: step(publishCall, 'published'), close: step(closeCall, 'closed') };
