import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { closeNeedAsDuplicate, confirmNeed, duplicateNeedInput } from '#lib/server/aid/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { act } from '../../link-actions.ts';

// A facilitator's two decisions on one need, beside the brokering: confirm a need to review (the
// person signed up alone), or close a need as a duplicate with a reason. The box must be ticked:
// the close is a second look, without JavaScript.
const duplicateForm = duplicateNeedInput.omit({ id: true }).extend({ confirm: z.literal('yes', { message: 'aid_duplicate_confirm_required' }) });

export const reviewActions = {
	confirm: (event: RequestEvent) => act(event, 'confirm', z.object({}), () => confirmNeed(ctxOf(event), { id: event.params.id ?? '' })),
	duplicate: (event: RequestEvent) =>
		act(event, 'duplicate', duplicateForm, (d) => closeNeedAsDuplicate(ctxOf(event), { id: event.params.id ?? '', reason: d.reason }))
};
