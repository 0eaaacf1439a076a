import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { ForbiddenError } from '#lib/server/core/index.ts';
import { grantedOrganisations, holds } from '#lib/server/access/index.ts';
import { createProgramme, createProgrammeInput } from '#lib/server/funding/index.ts';
import { ctxOf, failFrom, guard, parseForm } from '#lib/server/web/index.ts';

// The programme belongs to the officer's organisation (an officer's grant is organisation-wide).
export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		if (!holds(ctx.actor, 'funding.programme.manage')) throw new ForbiddenError('funding.programme.manage');
		const orgs = grantedOrganisations(ctx.actor, 'funding.programme.manage') ?? ctx.actor.grants.map((g) => g.organisationId);
		return { organisationId: orgs[0] ?? '' };
	});

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, createProgrammeInput, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		try {
			await createProgramme(ctxOf(event), parsed.data);
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, '/funding');
	}
};
