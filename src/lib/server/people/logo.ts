import { LOGO_TYPES } from './schema.ts';

type LogoType = (typeof LOGO_TYPES)[number];

const starts = (bytes: Uint8Array, at: number, sig: readonly number[]) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The picture type by its first bytes, never by the name or the type the browser sent: a file that
 * says PNG and holds HTML or SVG is refused. Only raster types, which cannot carry script.
 */
export function logoType(bytes: Uint8Array): LogoType | null {
	if (starts(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (starts(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (starts(bytes, 0, ascii('RIFF')) && starts(bytes, 8, ascii('WEBP'))) return 'image/webp';
	return null;
}
