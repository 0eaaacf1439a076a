import { z } from 'zod';
import { line, pageFields } from '../core/index.ts';

export const personIdInput = z.object({ id: z.uuid('error_not_found') });

/** Why: kept in the audit row of the erasure (not what the person said; no personal data). */
export const eraseInput = z.object({ id: z.uuid('error_not_found'), reason: line(3, 500) });

/** The erase form: the reason, and the person's first name typed again as the confirmation. */
export const eraseForm = z.object({
	reason: line(3, 500),
	confirm: z.string().trim().min(1, 'rights_error_confirm').max(200, 'rights_error_confirm')
});

export const archiveInput = z.object({ id: z.uuid('error_not_found'), reason: line(3, 500) });
export const archiveForm = z.object({ reason: line(3, 500) });

export const consultationInput = z.object({ id: z.uuid('error_not_found'), limit: pageFields.limit, cursor: pageFields.cursor });

export const refuseInput = z.object({ requestId: z.uuid('error_not_found'), reason: line(3, 500) });

export const requestListInput = z.object({ ...pageFields }).prefault({});
