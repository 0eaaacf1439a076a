import { crc32, deflateSync } from 'node:zlib';

// A real PNG made here, so the browser tests upload a picture that draws (and no binary fixture
// sits in the repository): a filled disc of `rgb` on a transparent square.

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

export function discPng(size: number, rgb: [number, number, number]): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, no interlace
	const rows: number[] = [];
	const r = size / 2;
	for (let y = 0; y < size; y++) {
		rows.push(0); // no filter
		for (let x = 0; x < size; x++) {
			const inside = (x + 0.5 - r) ** 2 + (y + 0.5 - r) ** 2 <= r * r;
			rows.push(...rgb, inside ? 255 : 0);
		}
	}
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))]);
}
