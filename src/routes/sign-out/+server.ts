import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { callAuth } from '#lib/server/web/index.ts';

export const POST: RequestHandler = async (event) => {
	if (event.locals.actor.userId) await callAuth(event, '/sign-out', {});
	redirect(303, '/');
};

export const GET: RequestHandler = () => redirect(303, '/');
