import type { RequestHandler } from './$types';
import { organisationLogo } from '#lib/server/people/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';

// Pages link the logo with ?v=<version>: that address never changes content, so it is kept a year;
// any other address of it (an old version, none) for five minutes.
export const GET: RequestHandler = async (event) => {
	const organisationId = pathId(event);
	const logo = await guard(event, (ctx) => organisationLogo(ctx, { organisationId }));
	const current = event.url.searchParams.get('v') === logo.version;
	return new Response(new Uint8Array(logo.bytes), {
		headers: {
			'Content-Type': logo.type,
			'Content-Length': String(logo.bytes.byteLength),
			'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
			'Content-Disposition': 'inline; filename="logo"',
			// The type is the one its first bytes were checked against on upload: never sniffed again.
			'X-Content-Type-Options': 'nosniff'
		}
	});
};
