import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { mailboxOpenTo, translate } from '#lib/server/web/index.ts';

// The living style page: where the demo mailbox is open (dev, the demo on this machine), nowhere else.
export const load: PageServerLoad = (event) => {
	if (!mailboxOpenTo(event)) error(404, translate('error_not_found', event.locals.locale));
	return {};
};
