import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { ownLink } from '#lib/server/aid/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';
import { answerable } from '../answerable.ts';

// The confirmation after an answer: what happens next, read from the link as it is now, so a reload
// or a later visit says the truth (the other side may have answered meanwhile).
export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	const link = await guard(event, (ctx) => ownLink(ctx, { id }));
	if (answerable(link)) redirect(303, `/help/links/${id}`);
	return { link };
};
