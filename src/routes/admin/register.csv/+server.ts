import type { RequestHandler } from './$types';
import { registerDownload } from '../register/download.ts';

export const GET: RequestHandler = (event) => registerDownload(event, 'csv');
