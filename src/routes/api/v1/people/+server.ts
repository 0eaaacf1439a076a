import type { RequestHandler } from './$types';
import { apiCreatePerson } from '#lib/server/api/index.ts';
import { registerPersonInput } from '#lib/server/people/index.ts';
import { createFromJson } from '#lib/server/web/index.ts';

export const POST: RequestHandler = createFromJson(registerPersonInput, apiCreatePerson);
