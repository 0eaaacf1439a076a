import type { RequestHandler } from './$types';
import { indicatorDownload } from '../download.ts';

export const GET: RequestHandler = (event) => indicatorDownload(event, 'csv');
