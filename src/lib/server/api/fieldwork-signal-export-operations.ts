import { z } from 'zod';
import { EXPORT_FORMATS, SIGNAL_STATUSES, exportSignals } from '../fieldwork/index.ts';
import { THEMES } from '../../themes.ts';
import { operation, type FileAnswer, type Operation } from './operation.ts';

// Fieldwork II, part X: the anonymised signals export as a file (CSV or DOCX), for the same filters as
// listSignals or one signal. It must come before /signals/{id} in operations.ts: the dispatcher serves
// the first template that fits, and "export" is no id.

export const FIELDWORK_SIGNAL_EXPORT_OPERATIONS: Operation[] = [
	operation({
		method: 'get',
		path: '/signals/export',
		operationId: 'exportSignals',
		verb: exportSignals,
		query: z.object({
			format: z.enum(EXPORT_FORMATS, 'fw_sigexp_error_format').describe('csv: one row per signal × month × theme, then its totals; docx: a report.'),
			theme: z.enum(THEMES, 'error_choice').optional(),
			status: z.enum(SIGNAL_STATUSES, 'error_choice').optional(),
			areaId: z.uuid('error_choice').optional(),
			id: z.uuid('error_not_found').optional().describe('One signal (outside the caller’s scope: 404, as an unknown id).')
		}),
		response: null,
		file: {
			types: { csv: 'text/csv', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
			of: (out: FileAnswer) => out
		}
	})
];
