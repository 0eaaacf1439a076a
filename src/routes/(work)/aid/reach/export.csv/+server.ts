import type { RequestHandler } from './$types';
import { reachDownload } from '../download.ts';

export const GET: RequestHandler = (event) => reachDownload(event, 'csv');
