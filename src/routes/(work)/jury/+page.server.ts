import type { PageServerLoad } from './$types';
import { listJuryApplications, listJuryCalls } from '#lib/server/funding/index.ts';
import { guard } from '#lib/server/web/index.ts';

// The juror's home: the calls they sit on, each with the applications they may see.
export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const calls = await listJuryCalls(ctx);
		return { calls: await Promise.all(calls.map(async (c) => ({ ...c, applications: (await listJuryApplications(ctx, { callId: c.id })).items }))) };
	});
