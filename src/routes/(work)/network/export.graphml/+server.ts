import type { RequestHandler } from './$types';
import { mapDownload } from '../query.ts';

export const GET: RequestHandler = (event) => mapDownload(event, 'graphml');
