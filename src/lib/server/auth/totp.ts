import QRCode from 'qrcode';

// What the enrolment page shows of better-auth's otpauth:// address: the QR code as an SVG made here
// on the server (no JavaScript, no picture fetched from elsewhere: the secret never leaves this
// server but to the person's own page), and the secret in groups of four to type in by hand.

export type TotpPicture = { uri: string; svg: string; secret: string };

const BASE32 = /^[A-Z2-7]+=*$/;

/** The base32 secret of an otpauth://totp address, or null when it is not one. */
export function totpSecret(uri: string): string | null {
	let url: URL;
	try {
		url = new URL(uri);
	} catch {
		return null;
	}
	if (url.protocol !== 'otpauth:' || url.hostname !== 'totp') return null;
	const secret = url.searchParams.get('secret')?.toUpperCase() ?? '';
	return BASE32.test(secret) && secret.length >= 16 && secret.length <= 128 ? secret.replace(/=+$/, '') : null;
}

/** "JBSW Y3DP EHPK 3PXP": how an authenticator app asks for it, easier to copy on a small screen. */
export const groupByFour = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? '';

/** The QR code and the grouped secret of an otpauth address; null for anything else. */
export async function totpPicture(uri: string): Promise<TotpPicture | null> {
	const secret = totpSecret(uri);
	if (!secret) return null;
	// Medium error correction and a 4-module quiet zone: what phone cameras read best from a screen.
	const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
	return { uri, svg, secret: groupByFour(secret) };
}
