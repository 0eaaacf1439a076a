import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { applicationCopyDocx, getApplication, getApplicationVersion } from '#lib/server/funding/index.ts';
import { guard, pathId, translate } from '#lib/server/web/index.ts';

// The submitted copy of an application as a Word document: one frozen version (`?version=`, the latest
// when absent), as the jury reads it. Readable by whoever may read the application; others get a 404.
export const GET: RequestHandler = async (event) => {
	const id = pathId(event);
	const asked = event.url.searchParams.get('version');
	const version = asked === null ? null : Number(asked);
	if (version !== null && !(Number.isSafeInteger(version) && version > 0)) error(404, translate('error_not_found', event.locals.locale));
	const copy = await guard(event, async (ctx) => {
		const latest = version ?? (await getApplication(ctx, { id })).versions.at(-1)?.version;
		if (!latest) error(404, translate('error_not_found', event.locals.locale));
		return getApplicationVersion(ctx, { id, version: latest });
	});
	const bytes = await applicationCopyDocx({ ...copy, locale: event.locals.locale });
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': `attachment; filename="application-${id.slice(0, 8)}-v${copy.version}.docx"`,
			'cache-control': 'private, no-store'
		}
	});
};
