import { strFromU8, unzipSync } from 'fflate';

/** The files inside a zip (an XLSX or a DOCX) as text, by path: what the export tests read back. */
export function zipTexts(bytes: Uint8Array | ArrayBuffer): Record<string, string> {
	const files = unzipSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
	return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}
