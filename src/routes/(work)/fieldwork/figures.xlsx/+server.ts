import type { RequestHandler } from './$types';
import { figuresDownload } from '../figures/download.ts';

export const GET: RequestHandler = (event) => figuresDownload(event, 'xlsx');
