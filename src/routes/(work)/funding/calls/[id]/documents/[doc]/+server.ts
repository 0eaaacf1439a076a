import type { RequestHandler } from './$types';
import { downloadCallDocument } from '#lib/server/funding/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';

// The officer's copy (drafts too); the public one is /calls/[id]/documents/[doc].
export const GET: RequestHandler = async (event) => {
	const file = await guard(event, (ctx) => downloadCallDocument(ctx, { callId: pathId(event), id: pathId(event, 'doc') }));
	return new Response(new Uint8Array(file.content), {
		headers: {
			// The type is the one its first bytes were checked against on upload: never sniffed again.
			'Content-Type': file.mediaType,
			'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store'
		}
	});
};
