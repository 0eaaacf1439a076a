import type { PageServerLoad } from './$types';
import { listReferrals, referralCounts } from '#lib/server/fieldwork/index.ts';
import { guard } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const [referrals, counts] = await Promise.all([listReferrals(ctx), referralCounts(ctx)]);
		return { referrals, counts, created: event.url.searchParams.get('created') === '1' };
	});
