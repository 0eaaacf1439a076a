import { defineVerb } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { contactIdInput } from './validation.ts';
import { contactInScope } from './contact-read.ts';

// A contact's note: what the worker wrote down, the most sensitive text of the module. Only the
// author's team reads it — a grant holding fieldwork.note.read over the contact's place (the same
// neighbourhood, or the organisation's org-wide coordinator; admins hold no note permission) — with a
// second factor (the permission is sensitive: the runner's gate), and every read leaves an audit row.

export const readContactNote = defineVerb({
	name: 'fieldwork.contact.note',
	summary: 'A contact’s note, for the author’s team with a second factor (every read is audited)',
	permission: permission('fieldwork.note.read'),
	input: contactIdInput,
	writes: false,
	access: (ctx, { id }) => contactInScope(ctx, id, 'fieldwork.note.read'),
	run: async (_ctx, _input, c) => ({ id: c.id, note: c.note, noteShareable: c.noteShareable }),
	audit: (_input, out) => ({ action: 'read', entity: 'fieldwork_contact', entityId: out.id, details: { part: 'note' } })
});
