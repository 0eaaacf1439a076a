import { createHmac } from 'node:crypto';

// RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s), as an authenticator app computes it, for the tests that
// enrol: they read the secret off the page (base32, in groups of four) or the otpauth address.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text: string): Buffer {
	const clean = text.replace(/[\s=]/g, '').toUpperCase();
	let bits = '';
	for (const ch of clean) {
		const v = ALPHABET.indexOf(ch);
		if (v < 0) throw new Error(`not base32: ${ch}`);
		bits += v.toString(2).padStart(5, '0');
	}
	const bytes = bits.match(/.{8}/g) ?? [];
	return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

/** The code for `secret` (base32, spaces allowed) at `at` (ms), `offset` steps of 30 s later. */
export function totp(secret: string, at = Date.now(), offset = 0): string {
	const counter = Math.floor(at / 30_000) + offset;
	const msg = Buffer.alloc(8);
	msg.writeBigUInt64BE(BigInt(counter));
	const mac = createHmac('sha1', base32Decode(secret)).update(msg).digest();
	const o = mac[mac.length - 1]! & 0xf;
	const n = ((mac[o]! & 0x7f) << 24) | (mac[o + 1]! << 16) | (mac[o + 2]! << 8) | mac[o + 3]!;
	return String(n % 1_000_000).padStart(6, '0');
}

/** The secret of an otpauth://totp address. */
export const secretOfUri = (uri: string) => new URL(uri).searchParams.get('secret') ?? '';
