import { fileType } from '../core/index.ts';
import { LOGO_TYPES } from './schema.ts';

type LogoType = (typeof LOGO_TYPES)[number];

/**
 * The picture type by its first bytes (core's fileType), never by the name or the type the browser
 * sent: a file that says PNG and holds HTML or SVG is refused. Only raster types, which cannot carry script.
 */
export function logoType(bytes: Uint8Array): LogoType | null {
	const type = fileType(bytes);
	return type && (LOGO_TYPES as readonly string[]).includes(type) ? (type as LogoType) : null;
}
