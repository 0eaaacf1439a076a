import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { mapSvg } from '#lib/aid/map-svg.ts';
import { pointInput } from '#lib/server/aid/index.ts';
import { publicAreaMap } from '#lib/server/areas/index.ts';
import { NotFoundError } from '#lib/server/core/index.ts';
import { ctxOf, translate } from '#lib/server/web/index.ts';

// The outline of one neighbourhood as an SVG picture, drawn on the server: the point picker of the
// need / offer forms uses it as its <input type="image">, so it works without JavaScript and without
// map tiles from elsewhere. The boundary is open data, so the picture is public; ?lat=&lon= adds a marker.

const DECIMAL = /^-?\d{1,3}(\.\d{1,12})?$/;

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const lat = url.searchParams.get('lat');
	const lon = url.searchParams.get('lon');
	let marker: { lat: number; lon: number } | null = null;
	if (lat !== null || lon !== null) {
		const parsed = DECIMAL.test(lat ?? '') && DECIMAL.test(lon ?? '') ? pointInput.safeParse({ lat, lon }) : null;
		if (!parsed?.success) error(400, translate('aid_error_coordinates', locals.locale));
		marker = parsed.data;
	}
	try {
		const area = await publicAreaMap(ctxOf({ locals }), { code: params.code });
		const body = mapSvg({ boundary: area.boundary, title: `${area.name}, ${area.city}`, source: area.source, marker });
		return new Response(body, {
			headers: {
				'content-type': 'image/svg+xml; charset=utf-8',
				// Boundaries change rarely. A picture with a marker shows someone's chosen place: keep it out of shared caches.
				'cache-control': marker ? 'private, max-age=3600' : 'public, max-age=3600'
			}
		});
	} catch (e) {
		if (e instanceof NotFoundError) error(404, translate('map_not_found', locals.locale));
		throw e;
	}
};
