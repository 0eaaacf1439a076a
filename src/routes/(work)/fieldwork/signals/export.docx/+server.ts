import type { RequestHandler } from './$types';
import { signalsDownload } from '../export-download.ts';

export const GET: RequestHandler = (event) => signalsDownload(event, 'docx');
