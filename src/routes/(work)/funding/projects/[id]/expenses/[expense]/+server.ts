import type { RequestHandler } from './$types';
import { downloadExpenseDocument } from '#lib/server/funding/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';

// An expense's document, for the project's applicant and the funder's officers (404 to anyone else).
export const GET: RequestHandler = async (event) => {
	const file = await guard(event, (ctx) => downloadExpenseDocument(ctx, { projectId: pathId(event), expenseId: pathId(event, 'expense') }));
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
