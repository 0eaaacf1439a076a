import type { RequestHandler } from './$types';
import { apiCreateOffer } from '#lib/server/api/index.ts';
import { createOfferInput } from '#lib/server/aid/index.ts';
import { createFromJson } from '#lib/server/web/index.ts';

export const POST: RequestHandler = createFromJson(createOfferInput, apiCreateOffer);
