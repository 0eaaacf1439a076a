import type { PageServerLoad } from './$types';
import { callAuth } from '#lib/server/web/index.ts';

// Opening the link from the mail confirms the address (a GET that only flips the flag of the
// token's own account; the token is single-use and expires).
export const load: PageServerLoad = async (event) => {
	const token = event.url.searchParams.get('token') ?? '';
	if (!token || token.length > 2000) return { verified: false };
	const { status } = await callAuth(event, `/verify-email?token=${encodeURIComponent(token)}`, null, 'GET');
	return { verified: status === 200 || status === 302 };
};
