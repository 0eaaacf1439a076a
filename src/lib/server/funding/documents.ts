import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineVerb, fileType, InvalidError, NotFoundError, PUBLIC } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { FUNDING_LIMITS, fundingFile } from './schema.ts';
import { callFor } from './calls.ts';
import { visibleCall } from './call-read.ts';

// A call's documents (the full call text, a budget form): kept in PostgreSQL, at most 5 MB, and only a
// PDF, PNG or JPEG recognised by its first bytes — never by its name or the type the browser sent, so
// an executable renamed .pdf is refused. Public with a published call, like the call itself.

const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

// Kept as a download name only: path separators, quotes and control characters become "_".
const safeName = (s: string) => [...s].map((c) => (c < ' ' || c === '"' || c === '/' || c === '\\' ? '_' : c)).join('');
const fileName = z
	.string()
	.trim()
	.transform((s) => safeName(s).slice(-FUNDING_LIMITS.titleMax).trim())
	.pipe(z.string().min(1, 'fund_call_error_file_name'));

export const uploadDocumentInput = z.object({
	callId: z.uuid('error_not_found'),
	name: fileName,
	content: z.instanceof(Uint8Array, { message: 'fund_call_error_file_type' })
});
const documentInput = z.object({ callId: z.uuid('error_not_found'), id: z.uuid('error_not_found') });

export const uploadCallDocument = defineVerb({
	name: 'funding.call.document.upload',
	summary: 'Add a document to a call: a PDF, PNG or JPEG of at most 5 MB, recognised by its first bytes',
	permission: permission('funding.programme.manage'),
	input: uploadDocumentInput,
	writes: true,
	access: (ctx, { callId }) => callFor(ctx, callId),
	run: async (ctx, input, call) => {
		const size = input.content.byteLength;
		if (size === 0) throw new InvalidError({ file: 'fund_call_error_file_empty' });
		if (size > FUNDING_LIMITS.fileMaxBytes) throw new InvalidError({ file: 'fund_call_error_file_size' });
		const type = fileType(input.content);
		if (!type || !(DOCUMENT_TYPES as readonly string[]).includes(type)) throw new InvalidError({ file: 'fund_call_error_file_type' });
		const bytes = Buffer.from(input.content);
		const [row] = await ctx.db
			.insert(fundingFile)
			.values({
				organisationId: call.organisationId,
				callId: call.id,
				name: input.name,
				mediaType: type,
				size,
				sha256: createHash('sha256').update(bytes).digest('hex'),
				content: bytes,
				createdByUserId: ctx.actor.userId
			})
			.returning({ id: fundingFile.id });
		return { id: row!.id, callId: call.id, mediaType: type, size };
	},
	audit: (_input, out) => ({ action: 'create', entity: 'funding_file', entityId: out.id, details: { callId: out.callId, size: out.size } })
});

export const downloadCallDocument = defineVerb({
	name: 'funding.call.document.download',
	summary: "A call's document: anyone for a published or closed call, its officers for a draft",
	permission: PUBLIC,
	input: documentInput,
	writes: false,
	access: (ctx, { callId }) => visibleCall(ctx, callId),
	run: async (ctx, input) => {
		const [file] = await ctx.db
			.select({ name: fundingFile.name, mediaType: fundingFile.mediaType, content: fundingFile.content })
			.from(fundingFile)
			.where(and(eq(fundingFile.id, input.id), eq(fundingFile.callId, input.callId)));
		if (!file) throw new NotFoundError();
		return file;
	}
});

export const removeCallDocument = defineVerb({
	name: 'funding.call.document.remove',
	summary: 'Remove a document from a call',
	permission: permission('funding.programme.manage'),
	input: documentInput,
	writes: true,
	access: (ctx, { callId }) => callFor(ctx, callId),
	run: async (ctx, input) => {
		const gone = await ctx.db
			.delete(fundingFile)
			.where(and(eq(fundingFile.id, input.id), eq(fundingFile.callId, input.callId)))
			.returning({ id: fundingFile.id });
		if (!gone.length) throw new NotFoundError();
		return { id: input.id };
	},
	audit: (input) => ({ action: 'delete', entity: 'funding_file', entityId: input.id, details: { callId: input.callId } })
});
