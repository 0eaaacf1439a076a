import type { RequestHandler } from './$types';
import { openApiDocument } from '#lib/server/api/index.ts';

export const GET: RequestHandler = ({ url }) => Response.json(openApiDocument(url.origin));
