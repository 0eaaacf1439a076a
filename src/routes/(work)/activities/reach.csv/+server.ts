import type { RequestHandler } from './$types';
import { reachDownload } from '../reach/download.ts';

export const GET: RequestHandler = (event) => reachDownload(event, 'csv');
