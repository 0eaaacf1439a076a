// A file's type by its first bytes, never by its name or the type the browser sent: a file that says
// PDF and holds a program is refused. Only types that cannot run: raster pictures and PDF.

export const KNOWN_FILE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;
export type KnownFileType = (typeof KNOWN_FILE_TYPES)[number];

const starts = (bytes: Uint8Array, at: number, sig: readonly number[]) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function fileType(bytes: Uint8Array): KnownFileType | null {
	if (starts(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (starts(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (starts(bytes, 0, ascii('RIFF')) && starts(bytes, 8, ascii('WEBP'))) return 'image/webp';
	if (starts(bytes, 0, ascii('%PDF-'))) return 'application/pdf';
	return null;
}
