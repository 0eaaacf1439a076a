import type { RequestHandler } from './$types';
import { apiCreateOfficeHour, apiListOfficeHours, officeHourRequest } from '#lib/server/api/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { answer, createFromJson } from '#lib/server/web/index.ts';

export const GET: RequestHandler = (event) => answer(event.locals.locale, () => apiListOfficeHours(ctxOf(event)));

export const POST: RequestHandler = createFromJson(officeHourRequest, apiCreateOfficeHour);
