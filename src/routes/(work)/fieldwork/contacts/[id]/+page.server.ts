import type { PageServerLoad } from './$types';
import { getContact } from '#lib/server/fieldwork/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';

// One contact: another neighbourhood's is the same 404 as an unknown id (the verb's access).
export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => ({ contact: await getContact(ctx, { id: pathId(event) }), logged: event.url.searchParams.has('logged') }));
