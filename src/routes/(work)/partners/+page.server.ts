import type { PageServerLoad } from './$types';
import { PARTNER_KINDS, listPartners, listPartnersInput } from '#lib/server/network/index.ts';
import { holds } from '#lib/server/access/index.ts';
import { listAreas } from '#lib/server/areas/index.ts';
import { guard } from '#lib/server/web/index.ts';
import { THEMES } from '#lib/themes.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const sent = Object.fromEntries(['kind', 'theme', 'areaId', 'q'].map((k) => [k, event.url.searchParams.get(k) ?? '']));
		// A filter value that is not one of the choices is ignored, not an error page: the list shows unfiltered.
		const parsed = listPartnersInput.safeParse(sent);
		const filter = parsed.success ? parsed.data : {};
		const [partners, areas] = await Promise.all([listPartners(ctx, filter), listAreas(ctx)]);
		return { partners, areas, kinds: PARTNER_KINDS, themes: THEMES, values: sent, canAdd: holds(ctx.actor, 'network.partner.manage') };
	});
